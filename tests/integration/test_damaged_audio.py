"""Damaged audio with the real libvlc (--aout=dummy), in the player and in the window.

Issue 13, item 14: after garbage audio a seek stopped playback and jumped to 0:00, with the
message only on the second press of play. The message must come at once, where the seek went.
"""

from __future__ import annotations

import random
from pathlib import Path

from pytestqt.qtbot import QtBot

from meelezer.library import Library
from meelezer.playback.player import PlaybackState
from meelezer.playback.vlc_player import VlcPlayer
from meelezer.settings import Settings
from meelezer.store.database import open_database
from meelezer.ui.main_window import MainWindow

WAIT_MS = 10_000
DEMO = "ai-report-grok3-demo"
GOOD_BYTES = 20_000  # the first ~9 s of the demo's Opus stay intact


def damage(source: Path, target: Path) -> Path:
    """The demo audio with every 7th byte after the first ~9 s replaced (seeded)."""
    data = bytearray(source.read_bytes())
    rng = random.Random(14)
    for index in range(GOOD_BYTES, len(data), 7):
        data[index] = rng.getrandbits(8)
    target.write_bytes(bytes(data))
    return target


def test_a_seek_into_damaged_audio_fails_at_once_where_it_went(
        qtbot: QtBot, player: VlcPlayer, seeds_dir: Path, tmp_path: Path) -> None:
    damaged = damage(seeds_dir / f"{DEMO}.opus", tmp_path / "damaged.opus")
    player.load(damaged)
    qtbot.waitUntil(lambda: player.state() is PlaybackState.STOPPED, timeout=WAIT_MS)
    player.play()
    qtbot.waitUntil(lambda: player.position_ms() > 2_500, timeout=WAIT_MS)  # the start plays
    with qtbot.waitSignal(player.error, timeout=WAIT_MS) as error:
        player.seek(30_000)
    assert "damaged.opus" in error.args[0] and "0:30" in error.args[0]
    assert player.state() is PlaybackState.ERROR
    assert 30_000 <= player.position_ms() < 31_000  # kept where the reader went


def test_a_seek_into_good_audio_still_plays(
        qtbot: QtBot, player: VlcPlayer, seeds_dir: Path) -> None:
    errors: list[str] = []
    player.error.connect(errors.append)
    player.load(seeds_dir / f"{DEMO}.opus")
    qtbot.waitUntil(lambda: player.state() is PlaybackState.STOPPED, timeout=WAIT_MS)
    player.play()
    qtbot.waitUntil(lambda: player.position_ms() > 2_500, timeout=WAIT_MS)
    player.seek(300_000)
    qtbot.waitUntil(lambda: player.position_ms() > 301_000, timeout=WAIT_MS)
    assert player.state() is PlaybackState.PLAYING and errors == []


def test_the_window_says_so_at_once_and_keeps_the_place(
        qtbot: QtBot, seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "episode"
    folder.mkdir()
    transcript = folder / f"{DEMO}.txt"
    transcript.write_bytes((seeds_dir / f"{DEMO}.txt").read_bytes())
    damage(seeds_dir / f"{DEMO}.opus", folder / f"{DEMO}.opus")
    database = open_database(tmp_path / "library.sqlite3")
    player = VlcPlayer(["--aout=dummy"])
    window = MainWindow(Library(database), player, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    try:
        window.show()
        assert window.open_paths([transcript])
        qtbot.waitUntil(lambda: player.state() is PlaybackState.STOPPED, timeout=WAIT_MS)
        window.controller.toggle()
        qtbot.waitUntil(lambda: player.position_ms() > 2_500, timeout=WAIT_MS)
        window.controller.seek(30_000)
        qtbot.waitUntil(window.messages.isVisible, timeout=WAIT_MS)
        assert "0:30" in window.messages.text()
        qtbot.wait(300)  # let any late position update arrive
        row = window.transcript.current_row()
        line = window.transcript.model.line(row)
        assert line.start_ms <= 30_000 <= line.end_ms or line.start_ms <= 30_000
        assert window.transcript.model.line(row).start_ms > 20_000  # not back at 0:00
        assert player.position_ms() >= 30_000
    finally:
        window.close()
        player.shutdown()
        database.close()
