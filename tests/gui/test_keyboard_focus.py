"""Issue 12, items 1, 2 and 4: editors get the cursor, typing never fires a one-key shortcut,
every key sequence belongs to one action, and Escape in a panel returns to the transcript."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.ui.main_window import MainWindow

TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def _open_demo(make_window: WindowFactory, demo: Path, qtbot: QtBot) -> MainWindow:
    window = make_window()
    assert window.open_paths([demo])
    window.transcript.select_row(2)
    window.transcript.list_view.setFocus()
    qtbot.waitUntil(window.transcript.list_view.hasFocus)
    return window


def _window_actions(window: MainWindow) -> list[QAction]:
    return [action for action in window.findChildren(QAction) if action.shortcuts()]


def _single_keys(window: MainWindow) -> list[QKeySequence]:
    """Every shortcut that is one key without Ctrl, Alt or Meta (N, B, H, Space, 1, [ …)."""
    held = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier)
    keys = []
    for action in _window_actions(window):
        for sequence in action.shortcuts():
            combo = sequence[0]
            function_key = Qt.Key.Key_Escape <= combo.key() <= Qt.Key.Key_F35
            if sequence.count() == 1 and not combo.keyboardModifiers() & held \
                    and not function_key:
                keys.append(sequence)
    return keys


def test_no_two_actions_share_a_key_sequence(make_window: WindowFactory, demo: Path,
                                             qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    sequences = Counter(
        sequence.toString() for action in _window_actions(window)
        for sequence in action.shortcuts())
    assert [sequence for sequence, count in sequences.items() if count > 1] == []


@pytest.mark.parametrize("keys", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_redo_from_the_keyboard(make_window: WindowFactory, demo: Path, qtbot: QtBot,
                                keys: str) -> None:
    window = _open_demo(make_window, demo, qtbot)
    view = window.transcript.list_view
    qtbot.keyClick(view, Qt.Key.Key_B)  # a bookmark: one undoable step
    assert len(window.annotator.list_notes()) == 1
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.annotator.list_notes() == []
    combo = QKeySequence(keys)[0]
    qtbot.keyClick(view, combo.key(), combo.keyboardModifiers())
    assert len(window.annotator.list_notes()) == 1


def test_n_puts_the_cursor_in_the_new_note(make_window: WindowFactory, demo: Path,
                                           qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_N)
    editor = window.annotations.notes_panel.editor
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "Uitleg over geheugen")
    assert editor.toPlainText() == "Uitleg over geheugen"
    assert len(window.annotator.list_notes()) == 1


def test_f2_and_ctrl_f_put_the_cursor_in_their_field(make_window: WindowFactory, demo: Path,
                                                     qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_F2)
    qtbot.waitUntil(window.transcript.line_editor.hasFocus)
    qtbot.keyClick(window.transcript.line_editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.transcript.list_view.hasFocus)
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.annotations.find_bar.field.hasFocus)


def _text_fields(window: MainWindow) -> list[QWidget]:
    return [field for kind in TEXT_FIELDS for field in window.findChildren(kind)
            if field.isVisible() and field.isEnabled()]


def test_no_single_key_shortcut_fires_while_a_text_field_has_focus(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_N)  # the note editor shows
    window.annotations.find_bar.open()
    window.transcript.edit_row(1)  # and the line editor
    fired: list[str] = []
    for action in _window_actions(window):
        action.triggered.connect(lambda _checked=False, a=action: fired.append(a.text()))
    keys = _single_keys(window)
    assert {"N", "B", "H", "T", "L", "M", "Space", "1", "9", "[", "]"} <= {
        k.toString() for k in keys}
    fields = _text_fields(window)
    assert len(fields) >= 4  # speaker name, note, find, line editor
    for field in fields:
        if field is window.transcript.line_editor:
            window.transcript.edit_row(1)  # it closed when another field took the focus
        else:
            field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=1000)
        for sequence in keys:
            combo = sequence[0]
            qtbot.keyClick(field, combo.key(), combo.keyboardModifiers())
        assert fired == [], f"{type(field).__name__} {field.accessibleName()!r}: {fired}"


def test_after_adding_a_speaker_the_keys_go_to_the_transcript(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    name_box = window.annotations.speakers_panel.name_edit
    name_box.setFocus()
    qtbot.keyClicks(name_box, "Alexander")
    qtbot.keyClick(name_box, Qt.Key.Key_Return)
    qtbot.waitUntil(window.transcript.list_view.hasFocus)
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_1)
    assert window.transcript.model.line(2).speaker == "Alexander"


def test_escape_in_any_panel_returns_to_the_transcript(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    panels = window.annotations
    panels.speakers_panel.add_requested.emit("Alexander")  # the speaker list shows
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_N)
    for field in (panels.speakers_panel.name_edit, panels.speakers_panel.view,
                  panels.notes_panel.view, panels.notes_panel.editor):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=1000)
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        qtbot.waitUntil(window.transcript.list_view.hasFocus)


def test_escape_from_a_note_being_written_keeps_the_text(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    qtbot.keyClick(window.transcript.list_view, Qt.Key.Key_N)
    editor = window.annotations.notes_panel.editor
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "kept")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert [note.text for note in window.annotator.list_notes()] == ["kept"]


def test_the_shortcut_sheet_lists_every_redo_key_and_the_mouse(make_window: WindowFactory,
                                                                 demo: Path, qtbot: QtBot) -> None:
    from meelezer.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows

    window = _open_demo(make_window, demo, qtbot)
    rows = dict(shortcut_rows(window.annotation_actions.all()))
    assert rows["Redo what was undone"] == "Ctrl+Shift+Z, Ctrl+Y"
    sheet = ShortcutsDialog([], window)
    shown = [sheet.table.item(row, 0).text() for row in range(sheet.table.rowCount())]
    assert any("Click a line" in text for text in shown)
    assert any("Ctrl+click" in text for text in shown)


def test_escape_while_renaming_a_speaker_cancels_the_rename(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    panel = window.annotations.speakers_panel
    panel.add_requested.emit("Alexander")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not panel.name_edit
    qtbot.keyClicks(editor, "Bob")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert [s.name for s in window.annotator.list_speakers()] == ["Alexander"]
