"""The transcript package's layering: readers and writers never import the format registry.

formats.py lists the readers, so a reader importing formats (for ReadOptions, even only
for type checking) made a cycle that worked only by import order (issue 12).
"""

from __future__ import annotations

import ast
from pathlib import Path

import meelezer.transcript

TRANSCRIPT = Path(meelezer.transcript.__file__).parent


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_no_reader_or_writer_imports_the_format_registry() -> None:
    offenders = [
        str(path.relative_to(TRANSCRIPT))
        for folder in ("readers", "writers") for path in sorted((TRANSCRIPT / folder).glob("*.py"))
        if "meelezer.transcript.formats" in imported_modules(path)
    ]
    assert offenders == []


def test_the_model_options_and_errors_import_no_reader() -> None:
    for name in ("model.py", "errors.py", "read_options.py", "timecode.py", "encoding.py"):
        assert not any(module.startswith("meelezer.transcript.readers")
                       for module in imported_modules(TRANSCRIPT / name)), name
