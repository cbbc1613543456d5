"""Shared pieces of the main-window tests: the demo file names and the fake-player accessor."""

from __future__ import annotations

from collections.abc import Callable

from helpers.fake_player import FakePlayer
from meelezer.ui.main_window import MainWindow

DEMO_TEXT = "ai-report-grok3-demo.txt"
DEMO_AUDIO = "ai-report-grok3-demo.opus"

WindowFactory = Callable[..., MainWindow]


def fake(window: MainWindow) -> FakePlayer:
    assert isinstance(window.player, FakePlayer)
    return window.player
