"""Keyboard focus as a user meets it on a desktop: real key presses (xdotool) under openbox.

Issue 12 found these with a window manager running: N left the cursor in the transcript, so
a typed note ran as shortcuts; after adding a speaker, Escape/Space/1 went into the name box.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.conftest import x_window_id, xdotool
from helpers.windows import WindowFactory
from meelezer.store.database import Database
from meelezer.ui.main_window import MainWindow

NOTE = "Uitleg over geheugen"


def _open_demo(make_window: WindowFactory, demo: Path, qtbot: QtBot) -> MainWindow:
    window = make_window()
    assert window.open_paths([demo])
    window.transcript.select_row(3)
    window.transcript.list_view.setFocus()
    qtbot.waitUntil(lambda: window.transcript.list_view.hasFocus())
    return window


def test_n_puts_the_cursor_in_the_note_and_typing_fires_no_shortcut(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open_demo(make_window, demo, qtbot)
    win = x_window_id(window)
    xdotool("key", "--window", win, "n")
    editor = window.annotations.notes_panel.editor
    qtbot.waitUntil(editor.hasFocus)
    xdotool("type", "--delay", "15", NOTE)
    qtbot.waitUntil(lambda: editor.toPlainText() == NOTE)
    assert len(window.annotator.list_notes()) == 1  # "n" in the text added no empty notes
    assert not window.actions_.mute.isChecked()  # nor did "m" mute
    assert not window.controller.is_playing()  # nor did the spaces play
    assert window.annotator.list_notes()[0].kind == "note"


def test_after_adding_a_speaker_escape_space_and_1_act_on_the_transcript(
        make_window: WindowFactory, demo: Path, qtbot: QtBot, database: Database) -> None:
    window = _open_demo(make_window, demo, qtbot)
    name_box = window.annotations.speakers_panel.name_edit
    name_box.setFocus()
    qtbot.waitUntil(name_box.hasFocus)
    xdotool("type", "--delay", "15", "Alexander")
    xdotool("key", "--delay", "30", "Return")
    qtbot.waitUntil(lambda: [s.name for s in window.annotator.list_speakers()] == ["Alexander"])
    qtbot.waitUntil(window.transcript.list_view.hasFocus)  # back to reading
    name_box.setFocus()
    qtbot.waitUntil(name_box.hasFocus)
    xdotool("key", "--delay", "30", "Escape")
    qtbot.waitUntil(window.transcript.list_view.hasFocus)
    xdotool("key", "--delay", "30", "1")
    qtbot.waitUntil(lambda: window.transcript.model.line(3).speaker == "Alexander")
    assert name_box.text() == ""
