"""The side panels' first layout, and the user's own layout kept across restarts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory


def test_notes_get_more_room_than_speakers_at_first(make_window: WindowFactory, demo: Path,
                                                    qtbot: QtBot) -> None:
    window = make_window()
    assert window.open_paths([demo])
    speakers, notes = window.annotations.speakers_dock, window.annotations.notes_dock
    # The notes' hint ("Press N to add a note…") needs the room; at first it was cut off.
    qtbot.waitUntil(lambda: notes.height() > speakers.height() * 1.2)


def test_panel_sizes_are_remembered(make_window: WindowFactory, demo: Path,
                                    qtbot: QtBot) -> None:
    window = make_window()
    assert window.open_paths([demo])
    speakers, notes = window.annotations.speakers_dock, window.annotations.notes_dock
    qtbot.waitUntil(lambda: notes.height() > speakers.height() * 1.2)
    total = speakers.height() + notes.height()
    window.resizeDocks([speakers, notes], [total * 3 // 4, total // 4], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: speakers.height() > notes.height() * 2)
    window.close()

    again = make_window()
    assert again.open_paths([demo])
    qtbot.wait(50)  # let a (wrong) first-layout resize run, if one were queued
    speakers, notes = again.annotations.speakers_dock, again.annotations.notes_dock
    assert speakers.height() > notes.height() * 2  # the user's split, not the first one
