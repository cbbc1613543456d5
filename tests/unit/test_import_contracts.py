"""The layering contracts of [tool.importlinter] (run by `make test` as lint-imports): the code
keeps them, and each one really catches the import it forbids."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(extra_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if extra_path is not None:  # a package named meelezer found before the real one
        env["PYTHONPATH"] = os.pathsep.join([str(extra_path), env.get("PYTHONPATH", "")])
    return subprocess.run([str(LINT_IMPORTS), "--no-logo", "--no-cache"], cwd=REPO, env=env,
                          capture_output=True, text=True, check=False, timeout=300)


def test_the_code_keeps_every_import_contract() -> None:
    result = _lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_each_contract_catches_what_it_forbids(tmp_path: Path) -> None:
    modules = {
        "__init__.py": "",
        "store/__init__.py": "from meelezer.store import helper\n",
        "store/helper.py": "import PySide6.QtCore\n",  # Qt reached indirectly counts too
        "transcript/__init__.py": "",
        "audio/__init__.py": "",
        "ui/__init__.py": "import sqlite3\n",
        "playback/__init__.py": "import vlc\n",
        # Lazy imports count as well; the window's (meelezer.app) is the allowed exception.
        "cli.py": "def main() -> None:\n    import vlc\n    import PySide6\n"
                  "    from meelezer import app\n",
        "app.py": "import PySide6\n",
        **{f"{name}.py": "" for name in ("cli_library", "library", "export", "logs", "work")},
    }
    for name, text in modules.items():
        path = tmp_path / "meelezer" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert "0 kept, 4 broken" in result.stdout, result.stdout + result.stderr
    assert "meelezer.store.helper -> PySide6" in result.stdout
    assert "meelezer.ui is not allowed to import sqlite3" in result.stdout
    assert "meelezer.cli -> vlc" in result.stdout
    assert "meelezer.cli is not allowed to import PySide6" in result.stdout
