"""Real libvlc on the demo episode's Opus audio, the file the app plays out of the box."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meelezer.playback.player import PlaybackState
from meelezer.playback.vlc_player import VlcPlayer

DEMO_MS = 604_780  # the last line of the demo transcript ends at 604.78 s
WAIT_MS = 10_000


@pytest.fixture
def player(qtbot: QtBot, seeds_dir: Path) -> Iterator[VlcPlayer]:
    player = VlcPlayer(["--aout=dummy"])
    assert player.is_available(), player.unavailable_reason()
    player.load(seeds_dir / "ai-report-grok3-demo.opus")
    qtbot.waitUntil(lambda: player.state() is PlaybackState.STOPPED, timeout=WAIT_MS)
    yield player
    player.shutdown()


def test_duration_matches_the_transcript(player: VlcPlayer) -> None:
    assert abs(player.duration_ms() - DEMO_MS) < 1000


def test_play_pause_seek_and_rate(qtbot: QtBot, player: VlcPlayer) -> None:
    player.seek(60_000)
    player.play()
    qtbot.waitUntil(lambda: player.state() is PlaybackState.PLAYING, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: player.position_ms() > 60_400, timeout=WAIT_MS)
    player.pause()
    qtbot.waitUntil(lambda: player.state() is PlaybackState.PAUSED, timeout=WAIT_MS)
    held = player.position_ms()
    qtbot.wait(300)
    assert player.position_ms() == held
    player.seek(300_000)  # while paused: moves at once, stays paused
    assert player.position_ms() == 300_000
    assert player.state() is PlaybackState.PAUSED
    player.set_rate(2.0)
    player.play()
    qtbot.waitUntil(lambda: player.position_ms() > 301_500, timeout=WAIT_MS)
    player.seek(120_000)  # while playing
    qtbot.waitUntil(lambda: 120_000 <= player.position_ms() < 125_000, timeout=WAIT_MS)


def test_end_of_episode_then_replay(qtbot: QtBot, player: VlcPlayer) -> None:
    player.seek(DEMO_MS - 1500)
    player.play()
    qtbot.waitUntil(lambda: player.state() is PlaybackState.ENDED, timeout=WAIT_MS)
    assert player.position_ms() == player.duration_ms()
    player.play()
    qtbot.waitUntil(lambda: player.state() is PlaybackState.PLAYING, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: 0 < player.position_ms() < 5_000, timeout=WAIT_MS)
