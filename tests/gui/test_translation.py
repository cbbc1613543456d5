"""The Dutch translation: complete, compiled, and covering every text the window shows."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.i18n import install_translators, remove_translators
from meelezer.resources import resource_path
from meelezer.settings import Settings
from meelezer.ui.go_to_time_dialog import GoToTimeDialog
from meelezer.ui.preferences_dialog import PreferencesDialog
from meelezer.ui.replace_dialog import ReplaceDialog
from meelezer.ui.shortcuts_dialog import ShortcutsDialog

TS = resource_path("translations", "meelezer_nl.ts")
QM = resource_path("translations", "meelezer_nl.qm")

# Sources whose Dutch is the same text: nothing English is left when the window shows them.
SAME_IN_DUTCH = {"&Help", "Volume", "Transcript", " s", " ms", "{title}: {message}",
                 "{matches} {where}.", "Audio ({patterns})", "SubStation Alpha (.ass, .ssa)"}


def _messages() -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message in the .ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation.text or "",
                          translation.get("type")))
    return found


def _english_sources() -> set[str]:
    return {source for _, source, _, _ in _messages()} - SAME_IN_DUTCH


def _patterns() -> list[re.Pattern[str]]:
    """Sources with {placeholders} as patterns, so "12 lines, 1:40" counts as English too."""
    patterns = []
    for source in _english_sources():
        parts = re.split(r"\{\w+\}", source)
        if len(parts) > 1 and sum(len(part.strip(" ,.:;()“”")) for part in parts) >= 3:
            patterns.append(re.compile(".+".join(re.escape(part) for part in parts),
                                       re.DOTALL))
    return patterns


def test_every_message_is_translated() -> None:
    messages = _messages()
    assert len(messages) > 200
    unfinished = [(c, s) for c, s, t, kind in messages if kind in ("unfinished", "vanished",
                                                                   "obsolete") or not t.strip()]
    assert unfinished == []
    changed = [(s, t) for _, s, t, _ in messages if s == t]
    assert {s for s, _ in changed} <= SAME_IN_DUTCH


def test_placeholders_survive_translation() -> None:
    for context, source, translation, _ in _messages():
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(
            re.findall(r"\{\w+\}", translation)), (context, source)
        assert source.count("\n") == translation.count("\n"), (context, source)


def test_the_compiled_qm_matches_the_ts(tmp_path: Path) -> None:
    assert QM.is_file(), "run `make translations`"
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is not None:
        fresh = tmp_path / "fresh.qm"
        subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
        assert fresh.read_bytes() == QM.read_bytes(), "the .qm is stale: run `make translations`"
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "&Play") == "Af&spelen"
    assert translator.translate("BackToPlaybackButton", "Back to playback") == (
        "Terug naar afspelen")
    assert translator.translate("MainWindow", "Label as speaker {key}").format(key=3) == (
        "Labelen als spreker 3")


def test_install_translators_reports_the_language(qapp: QCoreApplication) -> None:
    try:
        assert install_translators(qapp, "nl") == "nl"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Bestand"
        assert install_translators(qapp, "en") == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert install_translators(qapp, "xx") == "en"
        assert install_translators(qapp, "") in ("en", "nl")  # the system's language
    finally:
        remove_translators(qapp)


def test_settings_remember_the_language(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    assert settings.language == ""
    settings.language = "nl"
    assert Settings(tmp_path / "settings.ini").language == "nl"
    settings.language = "klingon"
    assert settings.language == ""


def _menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        yield action
        if action.menu() is not None:
            yield from _menu_actions(action.menu())  # type: ignore[arg-type]


def _shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``root`` can show: actions, buttons, labels, tips…"""
    texts: list[tuple[str, str]] = []
    actions = list(root.actions())
    for menu in root.findChildren(QMenu):
        actions.extend(_menu_actions(menu))
    for action in actions:
        texts += [("action", action.text()), ("action tip", action.toolTip()),
                  ("status tip", action.statusTip())]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [("tooltip", widget.toolTip()), ("accessible name", widget.accessibleName())]
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append((type(widget).__name__, widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append(("placeholder", widget.placeholderText()))
        if isinstance(widget, QDockWidget):
            texts.append(("dock", widget.windowTitle()))
    return [(where, text) for where, text in texts if text.strip()]


def _english_left(root: QWidget) -> list[tuple[str, str]]:
    sources, patterns = _english_sources(), _patterns()
    bare_sources = {source.replace("&", "") for source in sources}
    # Long texts are also looked for inside others (the header joins several with " · ").
    long_sources = [s for s in bare_sources if len(s) >= 12 and "{" not in s]
    left = []
    for where, text in _shown_texts(root):
        bare = text.replace("&", "")
        if (bare in bare_sources or any(pattern.search(text) for pattern in patterns)
                or any(source in bare for source in long_sources)):
            left.append((where, text))
    return left


def test_the_check_finds_english(qtbot: QtBot) -> None:
    """Without the Dutch translator the same walk finds English: the check can fail."""
    dialog = GoToTimeDialog(61_000, 604_780)
    qtbot.addWidget(dialog)
    assert ("QLabel", "Time as hours:minutes:seconds, minutes:seconds or seconds, up to "
            "10:04") in _english_left(dialog)


@pytest.mark.usefixtures("dutch")
def test_switching_the_ui_to_dutch_translates_every_visible_string(
        make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    assert window.menuBar().actions()[0].text() == "&Bestand"
    assert window.open_paths([demo])
    window.annotations.find_bar.open()
    assert _english_left(window) == []
    # The texts really are Dutch, not just different.
    shown = {text for _, text in _shown_texts(window)}
    assert "Terug naar afspelen" in shown
    assert "Sprekers" in shown and "Notities" in shown


@pytest.mark.usefixtures("dutch")
def test_the_dialogs_are_dutch_too(qtbot: QtBot, tmp_path: Path) -> None:
    dialogs: list[QWidget] = [
        GoToTimeDialog(61_000, 604_780),
        PreferencesDialog(Settings(tmp_path / "settings.ini")),
        ReplaceDialog(lambda text: (3, 2)),
        ShortcutsDialog([("Afspelen of pauzeren", "Space")]),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert _english_left(dialog) == [], type(dialog).__name__
    replace = dialogs[2]
    assert isinstance(replace, ReplaceDialog)
    replace.find_field.setText("Bietse")
    assert replace.preview.text() == "3 treffers in 2 regels."
    # Qt's own buttons come from qtbase_nl when the Qt translations are installed.
    assert any(isinstance(w, QAbstractButton) and w.text().replace("&", "") == "Annuleren"
               for w in dialogs[0].findChildren(QWidget)) or not _qt_has_dutch()


def _qt_has_dutch() -> bool:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return (folder / "qtbase_nl.qm").is_file()


def _model_texts(view: QAbstractItemView) -> list[tuple[str, str]]:
    """The headers and cell texts and tips of a table: model data, not widget text."""
    model = view.model()
    texts = []
    for column in range(model.columnCount()):
        texts.append(("header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")))
        for row in range(model.rowCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                texts.append(("cell", str(index.data(role) or "")))
    return [(where, text) for where, text in texts if text.strip()]


@pytest.mark.usefixtures("dutch")
def test_the_library_window_is_dutch(make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    assert window.open_paths([demo])
    demo.with_suffix(".opus").unlink()  # a "missing" marker to show, too
    dialog = window.library_controller.show()
    dialog.search_now("wiets")
    assert dialog.results.count() > 0
    dialog.table.selectRow(0)
    menu = dialog.context_menu()
    assert _english_left(dialog) == []
    cells = _model_texts(dialog.table)
    sources, patterns = _english_sources(), _patterns()
    english = [(where, text) for where, text in cells
               if text in sources or any(pattern.search(text) for pattern in patterns)]
    assert english == []
    assert ("header", "Titel") in cells
    assert any("ontbreekt" in text for _, text in cells)  # the missing audio, in Dutch
    assert menu.actions() and not [action.text() for action in menu.actions()
                                   if action.text().replace("&", "") in _english_sources()]
