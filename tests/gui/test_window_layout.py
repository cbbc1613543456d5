"""The side panels' first layout, and the user's own layout kept across restarts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.ui.main_window import MainWindow


def _open_demo(make_window: WindowFactory, demo: Path) -> tuple[MainWindow, QDockWidget,
                                                                QDockWidget]:
    window = make_window()
    assert window.open_paths([demo])
    return window, window.annotations.speakers_dock, window.annotations.notes_dock


def test_notes_get_more_room_than_speakers_at_first(make_window: WindowFactory, demo: Path,
                                                    qtbot: QtBot) -> None:
    _, speakers, notes = _open_demo(make_window, demo)
    # The notes' hint ("Press N to add a note…") needs the room; at first it was cut off.
    qtbot.waitUntil(lambda: notes.height() > speakers.height() * 1.2)


def test_panel_sizes_are_remembered(make_window: WindowFactory, demo: Path,
                                    qtbot: QtBot) -> None:
    window, speakers, notes = _open_demo(make_window, demo)
    qtbot.waitUntil(lambda: notes.height() > speakers.height() * 1.2)
    total = speakers.height() + notes.height()
    window.resizeDocks([speakers, notes], [total * 3 // 4, total // 4], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: speakers.height() > notes.height() * 2)
    window.close()

    _, speakers, notes = _open_demo(make_window, demo)
    qtbot.wait(50)  # let a (wrong) first-layout resize run, if one were queued
    assert speakers.height() > notes.height() * 2  # the user's split, not the first one
