"""Find Meelezer's bundled files (icons, desktop files) from a checkout, an install or a bundle."""

from __future__ import annotations

import sys
import sysconfig
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    """Where ``resources/`` can be, most specific first."""
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle, str):
        # A PyInstaller bundle: the spec copies resources/ to the top of the bundle.
        found.append(Path(bundle) / "resources")
    # A source checkout or an editable install: <repo>/desktop/meelezer → <repo>/resources.
    found.append(_PACKAGE_DIR.parents[1] / "resources")
    # An installed wheel: pyproject's data-files put resources/ in <prefix>/share/meelezer
    # (the venv or system prefix, or ~/.local for `pip install --user`).
    for scheme in (sysconfig.get_default_scheme(), sysconfig.get_preferred_scheme("user")):
        found.append(Path(sysconfig.get_path("data", scheme)) / "share" / "meelezer")
    return found


@cache
def resources_dir() -> Path:
    """The folder holding Meelezer's resources; raises ``FileNotFoundError`` if there is none."""
    for candidate in _candidates():
        if (candidate / "icons").is_dir():
            return candidate
    searched = ", ".join(str(path) for path in _candidates())
    raise FileNotFoundError(f"Meelezer's resources folder is missing (looked in {searched})")


def resource_path(*parts: str) -> Path:
    """The path of a resource, e.g. ``resource_path("icons", "meelezer.svg")``.

    The file is not checked for existence; the folder it is in is.
    """
    return resources_dir().joinpath(*parts)
