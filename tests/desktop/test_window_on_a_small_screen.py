"""The first window on a 1280×720 screen (issue 12: it opened 1200×820 and hid the playback bar)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory


def test_first_window_and_its_playback_bar_fit_the_screen(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = make_window()
    assert window.open_paths([demo])
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert available.height() <= 720  # the screen the runner starts
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
    bar = window.bar
    bar_rect = bar.rect().translated(bar.mapToGlobal(bar.rect().topLeft()))
    assert bar.isVisible()
    assert available.contains(bar_rect)
