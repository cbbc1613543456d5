"""FakePlayer keeps the Player contract that UI tests rely on."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from helpers.fake_player import FakePlayer
from meelezer.playback import PlaybackState, Player


def test_is_a_player() -> None:
    assert isinstance(FakePlayer(), Player)


def test_load_emits_like_the_real_player(qtbot: QtBot) -> None:
    player = FakePlayer(duration_ms=90_000)
    states: list[PlaybackState] = []
    player.state_changed.connect(states.append)
    with qtbot.waitSignal(player.duration_changed) as duration:
        player.load(Path("episode.opus"))
    assert duration.args == [90_000]
    assert states == [PlaybackState.LOADING, PlaybackState.STOPPED]
    assert player.loaded == Path("episode.opus")


def test_time_moves_only_when_told_and_scales_with_rate() -> None:
    player = FakePlayer(duration_ms=10_000)
    player.load(Path("a.mp3"))
    player.advance(1000)
    assert player.position_ms() == 0  # not playing yet
    player.play()
    player.advance(1000)
    assert player.position_ms() == 1000
    player.set_rate(2.0)
    player.advance(500)
    assert player.position_ms() == 2000
    player.pause()
    player.advance(5000)
    assert player.position_ms() == 2000


def test_reaching_the_end_and_seeking_after_it(qtbot: QtBot) -> None:
    player = FakePlayer(duration_ms=3000)
    player.load(Path("a.mp3"))
    player.play()
    with qtbot.waitSignal(player.state_changed) as state:
        player.advance(5000)
    assert state.args == [PlaybackState.ENDED]
    assert player.position_ms() == 3000
    with qtbot.waitSignal(player.seeked) as seeked:
        player.seek(1000)
    assert seeked.args == [1000]
    assert player.state() is PlaybackState.PAUSED
    player.play()
    assert player.position_ms() == 1000  # continues from the seek, not from 0


def test_replay_after_end_starts_over() -> None:
    player = FakePlayer(duration_ms=3000)
    player.load(Path("a.mp3"))
    player.play()
    player.finish()
    player.play()
    assert player.state() is PlaybackState.PLAYING
    assert player.position_ms() == 0


def test_sync_offset_and_clamping() -> None:
    player = FakePlayer(duration_ms=3000)
    player.load(Path("a.mp3"))
    player.set_position(1000)
    player.set_sync_offset_ms(-200)
    assert player.position_ms() == 800
    player.seek(99_999)
    assert player.position_ms() == 2800
    player.set_rate(9.0)
    assert player.rate() == 3.0


def test_failures_emit_error(qtbot: QtBot) -> None:
    player = FakePlayer()
    player.load_error = "Cannot play a.mp3: not an audio file libvlc can decode"
    with qtbot.waitSignal(player.error) as error:
        player.load(Path("a.mp3"))
    assert error.args == [player.load_error]
    assert player.state() is PlaybackState.ERROR

    unavailable = FakePlayer(available=False)
    assert not unavailable.is_available()
    with qtbot.waitSignal(unavailable.error) as error:
        unavailable.load(Path("a.mp3"))
    assert error.args == [unavailable.unavailable_reason()]


def test_records_commands() -> None:
    player = FakePlayer()
    player.load(Path("a.mp3"))
    player.toggle()
    player.seek(500)
    player.shutdown()
    assert player.calls == ["load", "toggle", "play", "seek 500", "shutdown"]
    assert player.is_shut_down
