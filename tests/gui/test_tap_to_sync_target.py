"""Issue 12 item 6: T acts on a visible selection or the current line, and says what moved
(it moved a line selected long ago, scrolled out of sight, from ~1:02 to 0:08)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.transcript.timecode import format_clock
from meelezer.ui.main_window import MainWindow


def _open(make_window: WindowFactory, demo: Path) -> MainWindow:
    window = make_window()
    assert window.open_paths([demo])
    return window


def test_t_ignores_a_selection_out_of_sight_and_moves_the_current_line(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = _open(make_window, demo)
    view, model = window.transcript, window.transcript.model
    view.select_row(model.rowCount() - 1)  # far below, then scrolled away from
    stale = model.line(model.rowCount() - 1)
    window.controller.seek(model.line(5).start_ms + 300)
    view.list_view.scrollToTop()
    qtbot.waitUntil(lambda: view.list_view.last_visible_row() < model.rowCount() - 1)
    current = view.current_row()
    assert current == 5
    before = model.line(current).start_ms
    qtbot.keyClick(view.list_view, Qt.Key.Key_T)
    moved_to = window.controller.position_ms()
    assert model.line(model.rowCount() - 1).start_ms == stale.start_ms  # left alone
    assert model.line(current).start_ms == moved_to
    message = window.messages.text()
    assert format_clock(moved_to) in message and format_clock(before) in message, message


def test_t_moves_a_visible_selection_and_says_so(make_window: WindowFactory, demo: Path,
                                                 qtbot: QtBot) -> None:
    window = _open(make_window, demo)
    view, model = window.transcript, window.transcript.model
    window.controller.seek(model.line(4).start_ms + 500)  # line 6 starts early
    view.select_row(5)
    view.list_view.setFocus()
    qtbot.keyClick(view.list_view, Qt.Key.Key_T)
    assert model.line(5).start_ms == window.controller.position_ms()
    assert "line 6" in window.messages.text().lower()  # counted from 1


def test_t_without_a_line_says_what_to_do(make_window: WindowFactory, demo: Path,
                                          qtbot: QtBot) -> None:
    window = _open(make_window, demo)
    view = window.transcript
    view.list_view.clearSelection()
    view.set_position_ms(-1)
    assert view.current_row() == -1 and view.selected_rows() == []
    qtbot.keyClick(view.list_view, Qt.Key.Key_T)
    assert "select" in window.messages.text().lower()
