"""Issue 12 item 3: the first window fits the screen, and the layout works at 1024×600."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.ui.window_size import FRAME_ALLOWANCE, PREFERRED, first_window_size


def test_first_window_size_fits_the_free_screen() -> None:
    laptop = QRect(0, 0, 1280, 720 - 32)  # a 32 px panel
    size = first_window_size(laptop)
    assert size.height() + FRAME_ALLOWANCE.height() <= laptop.height()
    assert size.width() == PREFERRED.width()
    assert first_window_size(QRect(0, 0, 2560, 1440)) == PREFERRED


def test_layout_at_1024_by_600_shows_the_playback_bar(make_window: WindowFactory, demo: Path,
                                                     qtbot: QtBot) -> None:
    window = make_window()
    assert window.open_paths([demo])
    window.annotations.notes_panel.select_note(-1)
    qtbot.keyClick(window.transcript.list_view, "n")  # the note editor shows too
    small = QSize(1024, 600) - FRAME_ALLOWANCE
    assert window.minimumSizeHint().boundedTo(small) == window.minimumSizeHint()
    window.resize(small)
    qtbot.waitUntil(lambda: window.size() == small)
    central = window.centralWidget()
    bar = window.bar
    assert bar.isVisible()
    assert central.rect().contains(QRect(bar.mapTo(central, bar.rect().topLeft()), bar.size()))
    assert bar.height() >= bar.minimumSizeHint().height()
    assert window.transcript.list_view.viewport().height() >= 150  # room to read
