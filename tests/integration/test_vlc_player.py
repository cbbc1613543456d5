"""VlcPlayer against the real libvlc (dummy audio output): states, clock, seeks, end, errors."""

from __future__ import annotations

import array
import itertools
import json
import math
import os
import random
import struct
import subprocess
import sys
import time
import wave
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from pytestqt.qtbot import QtBot

from meelezer.playback import PlaybackState
from meelezer.playback.vlc_player import VlcPlayer, _Ev

TONE_MS = 12_000
TONE_HZ = 440.0
# Generous: CI has two shared cores; these bound behaviour, not performance.
WAIT_MS = 10_000


def write_tone(path: Path, seconds: float, frequency: float = TONE_HZ) -> Path:
    rate = 22050
    samples = array.array(
        "h",
        (
            int(8000 * math.sin(2 * math.pi * frequency * i / rate))
            for i in range(int(seconds * rate))
        ),
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


@pytest.fixture(scope="session")
def tone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tone(tmp_path_factory.mktemp("audio") / "tone.wav", TONE_MS / 1000)


def wait_for(qtbot: QtBot, condition: Callable[[], bool], timeout: int = WAIT_MS) -> None:
    qtbot.waitUntil(condition, timeout=timeout)


def load(qtbot: QtBot, player: VlcPlayer, path: Path) -> None:
    player.load(path)
    wait_for(qtbot, lambda: player.state() is PlaybackState.STOPPED)


def play(qtbot: QtBot, player: VlcPlayer) -> None:
    player.play()
    wait_for(qtbot, lambda: player.state() is PlaybackState.PLAYING)


def watch(qtbot: QtBot, player: VlcPlayer, seconds: float) -> list[int]:
    """Poll position_ms() like the UI does, at ~60 Hz, for ``seconds``."""
    seen = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        qtbot.wait(16)
        seen.append(player.position_ms())
    return seen


def test_load_reports_duration_and_waits_at_zero(
    qtbot: QtBot, player: VlcPlayer, tone: Path
) -> None:
    with qtbot.waitSignal(player.duration_changed, timeout=WAIT_MS) as duration:
        player.load(tone)
    assert player.state() in (PlaybackState.LOADING, PlaybackState.STOPPED)
    assert abs(duration.args[0] - TONE_MS) < 100
    wait_for(qtbot, lambda: player.state() is PlaybackState.STOPPED)
    qtbot.wait(300)
    assert player.position_ms() == 0
    assert player.state() is PlaybackState.STOPPED  # load does not start playing


def test_play_advances_with_wall_time_and_never_backwards(
    qtbot: QtBot, player: VlcPlayer, tone: Path
) -> None:
    load(qtbot, player, tone)
    play(qtbot, player)
    started = time.monotonic()
    seen = watch(qtbot, player, 1.5)
    elapsed_ms = (time.monotonic() - started) * 1000
    assert seen == sorted(seen)
    assert 0.6 * elapsed_ms < seen[-1] < 1.5 * elapsed_ms + 300
    assert len(set(seen)) > 30  # moves every frame, not in libvlc's 300 ms steps


def test_pause_holds_position(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    play(qtbot, player)
    wait_for(qtbot, lambda: player.position_ms() > 700)
    player.pause()
    held = player.position_ms()
    qtbot.wait(600)
    assert player.state() is PlaybackState.PAUSED
    assert player.position_ms() == held
    player.play()  # and it continues from there
    wait_for(qtbot, lambda: player.state() is PlaybackState.PLAYING)
    seen = watch(qtbot, player, 0.5)
    assert held <= seen[0] and held + 100 < seen[-1] < held + 1500


def test_toggle_pauses_and_resumes(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    player.toggle()
    wait_for(qtbot, lambda: player.state() is PlaybackState.PLAYING)
    player.toggle()
    wait_for(qtbot, lambda: player.state() is PlaybackState.PAUSED)


def test_play_during_loading_starts_once_loaded(
    qtbot: QtBot, player: VlcPlayer, tone: Path
) -> None:
    player.load(tone)
    player.play()
    wait_for(qtbot, lambda: player.state() is PlaybackState.PLAYING)


def test_pause_right_after_play_ends_paused(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    player.seek(2000)
    player.play()
    player.pause()  # before libvlc has even started
    wait_for(qtbot, lambda: player.state() is PlaybackState.PAUSED)
    qtbot.wait(500)
    assert player.state() is PlaybackState.PAUSED
    assert player.position_ms() == 2000
    assert player.raw_time_ms() < 2300  # libvlc is really paused, not playing on
    play(qtbot, player)
    wait_for(qtbot, lambda: player.position_ms() > 2200)


def test_seek_while_playing(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    play(qtbot, player)
    qtbot.wait(300)
    with qtbot.waitSignal(player.seeked, timeout=WAIT_MS) as seeked:
        player.seek(6000)
    assert seeked.args == [6000]
    assert 6000 <= player.position_ms() < 6100
    seen = watch(qtbot, player, 1.0)
    assert player.state() is PlaybackState.PLAYING
    assert seen == sorted(seen)
    assert 6300 < seen[-1] < 7800
    assert player.raw_time_ms() >= 6000  # libvlc itself moved, not just our clock


def test_seek_while_paused_moves_at_once_and_stays_paused(
    qtbot: QtBot, player: VlcPlayer, tone: Path
) -> None:
    load(qtbot, player, tone)
    play(qtbot, player)
    wait_for(qtbot, lambda: player.position_ms() > 500)
    player.pause()
    wait_for(qtbot, lambda: player.state() is PlaybackState.PAUSED)
    player.seek(3000)
    assert player.position_ms() == 3000
    qtbot.wait(500)
    assert player.state() is PlaybackState.PAUSED
    assert player.position_ms() == 3000
    player.seek(1000)  # backwards too
    assert player.position_ms() == 1000
    play(qtbot, player)
    seen = watch(qtbot, player, 0.6)
    assert 1100 < seen[-1] < 2200


def test_seek_before_first_play_starts_there(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    player.seek(4000)
    assert player.position_ms() == 4000
    assert player.state() is PlaybackState.STOPPED
    play(qtbot, player)
    wait_for(qtbot, lambda: player.raw_time_ms() > 4000)
    assert 4000 <= player.position_ms() < 6000


def test_sync_offset_is_added_to_the_position(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    player.seek(5000)
    player.set_sync_offset_ms(-250)
    assert player.position_ms() == 4750
    player.set_sync_offset_ms(300)
    assert player.position_ms() == 5300


def test_rate_two_moves_twice_as_fast(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    player.set_rate(2.0)
    assert player.rate() == 2.0
    play(qtbot, player)
    wait_for(qtbot, lambda: player.raw_time_ms() > 0)  # past libvlc's start-up
    start_pos, started = player.position_ms(), time.monotonic()
    seen = watch(qtbot, player, 1.5)
    speed = (seen[-1] - start_pos) / ((time.monotonic() - started) * 1000)
    assert 1.4 < speed < 2.6
    assert seen == sorted(seen)


def test_rate_is_clamped(player: VlcPlayer) -> None:
    player.set_rate(10.0)
    assert player.rate() == 3.0
    player.set_rate(0.1)
    assert player.rate() == 0.5


def test_rate_two_keeps_the_pitch(qtbot: QtBot, tone: Path, tmp_path: Path) -> None:
    recording = tmp_path / "out.wav"
    player = VlcPlayer(["--aout=afile", f"--audiofile-file={recording}", "--audiofile-format=s16"])
    try:
        load(qtbot, player, tone)
        player.set_rate(2.0)
        play(qtbot, player)
        qtbot.wait(1500)
    finally:
        player.shutdown()  # flushes the recording
    assert 0.8 * TONE_HZ < dominant_frequency(recording) < 1.2 * TONE_HZ  # 2× would be 880


def dominant_frequency(path: Path) -> float:
    """Frequency of a pure tone from its zero crossings (first channel, s16)."""
    with wave.open(str(path), "rb") as recording:
        channels, rate = recording.getnchannels(), recording.getframerate()
        assert recording.getsampwidth() == 2
        samples = array.array("h", recording.readframes(recording.getnframes()))[::channels]
    middle = samples[len(samples) // 4 : 3 * len(samples) // 4]  # skip ramps at the edges
    assert len(middle) > rate // 4, "libvlc wrote too little audio"
    crossings = sum(1 for a, b in itertools.pairwise(middle) if (a < 0) != (b < 0))
    return crossings / 2 / (len(middle) / rate)


def test_end_replay_and_seek_after_end(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    player.seek(TONE_MS - 1200)
    play(qtbot, player)
    with qtbot.waitSignal(player.state_changed, timeout=WAIT_MS, check_params_cb=ended):
        pass
    assert player.position_ms() == player.duration_ms() > 0
    qtbot.wait(400)
    assert player.position_ms() == player.duration_ms()  # stays at the end

    play(qtbot, player)  # replay from the start
    seen = watch(qtbot, player, 0.6)
    assert seen[0] < 300 and 200 < seen[-1] < 1800
    wait_for(qtbot, lambda: 0 < player.raw_time_ms() < 3000)

    player.seek(TONE_MS - 800)
    with qtbot.waitSignal(player.state_changed, timeout=WAIT_MS, check_params_cb=ended):
        pass
    player.seek(2000)  # after the end: moves there and waits, like seeking while paused
    assert player.state() is PlaybackState.PAUSED
    assert player.position_ms() == 2000
    play(qtbot, player)
    wait_for(qtbot, lambda: player.raw_time_ms() > 2000)
    assert 2000 <= player.position_ms() < 4000


def ended(state: object) -> bool:
    return state is PlaybackState.ENDED


def test_stop_rewinds_and_play_starts_over(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    load(qtbot, player, tone)
    player.seek(5000)
    play(qtbot, player)
    qtbot.wait(300)
    player.stop()
    assert player.state() is PlaybackState.STOPPED
    assert player.position_ms() == 0
    qtbot.wait(400)  # late events of the stopped run change nothing
    assert player.state() is PlaybackState.STOPPED
    assert player.position_ms() == 0
    play(qtbot, player)
    seen = watch(qtbot, player, 0.5)
    assert seen[-1] < 1500


def test_loading_another_file_while_playing(
    qtbot: QtBot, player: VlcPlayer, tone: Path, tmp_path: Path
) -> None:
    short = write_tone(tmp_path / "short.wav", 3.0, 300.0)
    load(qtbot, player, tone)
    play(qtbot, player)
    qtbot.wait(400)
    with qtbot.waitSignal(
        player.duration_changed, timeout=WAIT_MS, check_params_cb=lambda d: d > 0
    ):
        player.load(short)
    wait_for(qtbot, lambda: player.state() is PlaybackState.STOPPED)
    qtbot.wait(400)
    assert player.state() is PlaybackState.STOPPED
    assert player.position_ms() == 0
    assert abs(player.duration_ms() - 3000) < 100


def test_missing_file_is_an_error_naming_it(
    qtbot: QtBot, player: VlcPlayer, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.mp3"
    with qtbot.waitSignal(player.error, timeout=WAIT_MS) as error:
        player.load(missing)
    assert error.args == [f"Audio file not found: {missing}"]
    assert player.state() is PlaybackState.ERROR
    player.play()
    qtbot.wait(200)
    assert player.state() is PlaybackState.ERROR


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # Fixed noise without 0xFF bytes: ~5 % of random files contain enough MPEG frame
        # syncs (0xFFE…) for libvlc to call them MP3 and play noise; this one never does.
        ("noise.mp3", random.Random(7).randbytes(64 * 1024).replace(b"\xff", b"\x00")),
        ("notes.mp3", b"not audio at all\n" * 50),
    ],
)
def test_unplayable_file_is_an_error(
    qtbot: QtBot, player: VlcPlayer, tmp_path: Path, name: str, content: bytes
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    with qtbot.waitSignal(player.error, timeout=WAIT_MS) as error:
        player.load(bad)
    assert error.args == [f"Cannot play {name}: not an audio file libvlc can decode"]
    assert player.state() is PlaybackState.ERROR
    player.play()  # nothing to play; must not pretend
    qtbot.wait(300)
    assert player.state() is PlaybackState.ERROR


def test_file_whose_codec_libvlc_lacks_fails_when_played(
    qtbot: QtBot, player: VlcPlayer, tmp_path: Path
) -> None:
    # A valid WAV container around an unknown codec: parsing finds an audio stream and
    # a length; playing it, libvlc ends at once without reporting an error.
    fmt = struct.pack("<HHIIHH", 0x1234, 1, 22050, 44100, 2, 16)
    data = bytes(44100 * 5)
    body = b"WAVEfmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    odd = tmp_path / "odd-codec.wav"
    odd.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    load(qtbot, player, odd)
    with qtbot.waitSignal(player.error, timeout=WAIT_MS) as error:
        player.play()
    assert error.args == ["Cannot play odd-codec.wav: not an audio file libvlc can decode"]
    assert player.state() is PlaybackState.ERROR


def test_events_of_a_stopped_run_are_ignored(qtbot: QtBot, player: VlcPlayer, tone: Path) -> None:
    # White-box: libvlc events still queued when stop() ran carry the old generation.
    # Without this an EndReached of the old run would end the new one.
    load(qtbot, player, tone)
    play(qtbot, player)
    old_generation = player._generation
    player.stop()
    play(qtbot, player)
    player._vlc_event.emit(old_generation, int(_Ev.END), 0, time.monotonic())
    player._vlc_event.emit(old_generation, int(_Ev.TIME), 11_000, time.monotonic())
    seen = watch(qtbot, player, 0.4)
    assert player.state() is PlaybackState.PLAYING
    assert seen[-1] < 2000


def test_a_good_file_after_a_bad_one_plays(
    qtbot: QtBot, player: VlcPlayer, tone: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.mp3"
    bad.write_bytes(b"\0" * 1000)
    with qtbot.waitSignal(player.error, timeout=WAIT_MS):
        player.load(bad)
    load(qtbot, player, tone)
    play(qtbot, player)


# The real thing, in a fresh interpreter: python-vlc's own loader finds no libvlc.
NO_LIBVLC = r"""
import ctypes, ctypes.util, json, os, sys
ctypes.util.find_library = lambda name: None  # what a machine without libvlc answers
_CDLL = ctypes.CDLL
class _NoVlc(_CDLL):
    def __init__(self, name, *args, **kwargs):
        if name and "vlc" in str(name):
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        super().__init__(name, *args, **kwargs)
ctypes.CDLL = _NoVlc
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from meelezer.playback import create_player
app = QCoreApplication([])
player = create_player(["--aout=dummy"])
errors = []
player.error.connect(errors.append)
player.load(Path(sys.argv[1]))
for call in (player.play, player.pause, player.toggle, player.stop):
    call()
player.seek(1000); player.set_rate(2.0); player.set_volume(50); player.set_muted(True)
player.set_sync_offset_ms(100)
app.processEvents()
print(json.dumps({
    "available": player.is_available(), "reason": player.unavailable_reason(),
    "errors": errors, "state": player.state().name, "position": player.position_ms(),
    "duration": player.duration_ms(),
}))
player.shutdown()
"""


def test_missing_libvlc_is_reported_not_a_crash(tone: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run(
        [sys.executable, "-c", NO_LIBVLC, str(tone)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["available"] is False
    assert "sudo apt install vlc" in result["reason"]
    assert result["errors"] == [result["reason"]]
    assert result["state"] == "ERROR"
    assert result["position"] == 0 and result["duration"] == 0
