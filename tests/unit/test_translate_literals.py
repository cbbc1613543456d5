"""Every translate() call gives lupdate what it needs: a literal context and a literal text.

pyside6-lupdate reads the source, it does not run it: ``translate("Store", f"…{x}")`` or
``translate("Store", message)`` would never reach the .ts, and the text would stay English.
(The UI may translate constants marked with QT_TRANSLATE_NOOP; the code without Qt has no
such marker, so there every call must be literal.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import meelezer

PACKAGE = Path(meelezer.__file__).parent
# The code without Qt, which translates through meelezer.texts.translate.
NON_QT = ("transcript", "store", "playback", "episode_files.py", "export.py", "library.py")


def _is_translate_call(node: ast.AST) -> bool:
    """``translate(...)`` or ``QCoreApplication.translate(...)``, not ``str.translate``."""
    if not isinstance(node, ast.Call):
        return False
    function = node.func
    if isinstance(function, ast.Name):
        return function.id == "translate"
    return (isinstance(function, ast.Attribute) and function.attr == "translate"
            and isinstance(function.value, ast.Name) and function.value.id == "QCoreApplication")


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def bad_translate_calls(source: str, name: str = "<source>") -> list[str]:
    """``name:line`` of each translate call whose context or text is not a string literal."""
    bad = []
    for node in ast.walk(ast.parse(source)):
        if _is_translate_call(node):
            assert isinstance(node, ast.Call)
            literal = (len(node.args) >= 2 and not node.keywords
                       and _is_text(node.args[0]) and _is_text(node.args[1]))
            if not literal:
                bad.append(f"{name}:{node.lineno}")
    return bad


def _python_files(*parts: str) -> list[Path]:
    files: list[Path] = []
    for part in parts:
        path = PACKAGE / part
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def _translate_calls(path: Path) -> int:
    return sum(1 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if _is_translate_call(node))


def test_every_translate_call_has_a_literal_context_and_text() -> None:
    bad = [call for path in _python_files(*NON_QT, "app.py")
           for call in bad_translate_calls(path.read_text(encoding="utf-8"),
                                           str(path.relative_to(PACKAGE)))]
    assert bad == []


def test_the_code_without_qt_translates_its_messages() -> None:
    # Guards the walk above against finding nothing (e.g. after a move of the packages).
    for area in ("transcript", "store", "playback", "episode_files.py"):
        assert sum(_translate_calls(path) for path in _python_files(area)) > 0, area


def test_the_check_finds_texts_lupdate_cannot_read() -> None:
    source = (
        'from meelezer.texts import translate\n'
        'ok = translate("Store", "Episode {id} is gone.").format(id=1)\n'
        'also_ok = "a-b".translate({45: None})\n'
        'built = translate("Store", f"Episode {ok} is gone.")\n'
        'named = translate(context="Store", text="Gone.")\n'
        'variable = translate("Store", ok)\n'
        'context = QCoreApplication.translate(ok, "Gone.")\n'
    )
    assert bad_translate_calls(source) == [
        "<source>:4", "<source>:5", "<source>:6", "<source>:7"]
