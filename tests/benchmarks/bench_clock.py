"""How far the smoothed playback clock and libvlc's raw time are from the true audio position."""

from __future__ import annotations

import argparse
import math
import os
import statistics
import struct
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer

from meelezer.playback.player import PlaybackState
from meelezer.playback.vlc_player import VlcPlayer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from registry import Result

FRAME_MS = 1000 / 60
POLL_S = 0.001
WARMUP_S = 0.5  # libvlc's first report after starting comes late; the UI starts there too


def make_tone(path: Path, seconds: float, frequency: float = 440.0, rate: int = 22050) -> Path:
    """A mono 16-bit sine wave file; enough audio for libvlc to decode and time."""
    frames = int(seconds * rate)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        step = 2 * math.pi * frequency / rate
        out.writeframes(
            b"".join(struct.pack("<h", int(8000 * math.sin(step * i))) for i in range(frames))
        )
    return path


def run_clock_benchmark(audio: Path, rate: float = 1.0, seconds: float = 8.0) -> dict[str, float]:
    """Play ``audio`` at ``rate`` for ``seconds`` (wall) and measure both clocks' errors (ms).

    Truth: libvlc's time is fresh only at the moment its value changes (every 250 ms to
    1 s, depending on the container) and stale until the next change. A poller thread
    reads get_time() every millisecond to find those moments; a least-squares line
    through (moment, value) is the true position. At 60 Hz, like the UI, both the raw
    get_time() and VlcPlayer.position_ms() are sampled and compared with the line.
    Keys: smooth_/raw_ p50/p99/max _ms, fit_residual_max_ms, speed, reports, samples.
    Command line: ``python tests/benchmarks/bench_clock.py [AUDIO] [--seconds S]``.
    """
    app = QCoreApplication.instance() or QCoreApplication([])
    player = VlcPlayer(["--aout=dummy"])
    if not player.is_available():
        raise RuntimeError(player.unavailable_reason())
    try:
        player.load(audio)
        _spin_until(app, lambda: player.state() is not PlaybackState.LOADING, 10.0)
        if player.state() is not PlaybackState.STOPPED:
            raise RuntimeError(f"cannot load {audio}: state {player.state()}")
        # Stay clear of the end: libvlc's EndReached freezes its time.
        seconds = min(seconds, (player.duration_ms() - 1000) / 1000 / rate - WARMUP_S)
        if seconds <= 1:
            raise RuntimeError(f"{audio} is too short for {rate}× (need > {2 * rate:.0f} s)")
        player.set_rate(rate)
        return _measure(app, player, seconds)
    finally:
        player.shutdown()


def _measure(app: QCoreApplication, player: VlcPlayer, seconds: float) -> dict[str, float]:
    changes: list[tuple[float, int]] = []  # (moment, new value): the fresh reports
    samples: list[tuple[float, int, int]] = []  # (moment, raw, smoothed)
    done = threading.Event()

    def poll() -> None:
        last = player.raw_time_ms()
        while not done.is_set():
            value = player.raw_time_ms()
            moment = time.monotonic()
            if value != last and value >= 0:
                changes.append((moment, value))
                last = value
            time.sleep(POLL_S)

    def sample() -> None:
        before = time.monotonic()
        smooth = player.position_ms()
        raw = player.raw_time_ms()
        samples.append(((before + time.monotonic()) / 2, raw, smooth))

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(round(FRAME_MS))
    ticker.timeout.connect(sample)
    poller = threading.Thread(target=poll, daemon=True)
    player.play()
    _spin_until(app, lambda: player.state() is PlaybackState.PLAYING, 10.0)
    poller.start()
    ticker.start()
    started = time.monotonic()
    _spin_until(app, lambda: False, seconds + WARMUP_S)
    ticker.stop()
    done.set()
    poller.join()

    fresh = [(t, v) for t, v in changes if t >= started + WARMUP_S - 0.3]
    if len(fresh) < 3:
        raise RuntimeError(f"libvlc reported its time only {len(fresh)} times")
    slope, intercept = _fit_line(fresh)
    kept = [s for s in samples if fresh[0][0] <= s[0] <= fresh[-1][0]]
    smooth_err = [abs(s - (intercept + slope * t)) for t, _, s in kept]
    raw_err = [abs(r - (intercept + slope * t)) for t, r, _ in kept]
    residuals = [abs(v - (intercept + slope * t)) for t, v in fresh]
    return {
        "smooth_p50_ms": _percentile(smooth_err, 50),
        "smooth_p99_ms": _percentile(smooth_err, 99),
        "smooth_max_ms": max(smooth_err),
        "raw_p50_ms": _percentile(raw_err, 50),
        "raw_p99_ms": _percentile(raw_err, 99),
        "raw_max_ms": max(raw_err),
        "fit_residual_max_ms": max(residuals),
        "speed": slope / 1000,  # media seconds per wall second: should equal the rate
        "reports": float(len(fresh)),
        "samples": float(len(kept)),
    }


def _fit_line(points: list[tuple[float, int]]) -> tuple[float, float]:
    """Least squares value = intercept + slope × moment (ms per second)."""
    ts = [t for t, _ in points]
    vs = [float(v) for _, v in points]
    t_mean, v_mean = statistics.fmean(ts), statistics.fmean(vs)
    slope = sum((t - t_mean) * (v - v_mean) for t, v in zip(ts, vs, strict=True)) / sum(
        (t - t_mean) ** 2 for t in ts
    )
    return slope, v_mean - slope * t_mean


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    rank = max(0, math.ceil(pct / 100 * len(ordered)) - 1)  # nearest rank
    return ordered[rank]


def _spin_until(app: QCoreApplication, done: object, timeout_s: float) -> None:
    assert callable(done)
    end = time.monotonic() + timeout_s
    while not done() and time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)


DEMO_AUDIO = Path(__file__).resolve().parents[2] / "seeds" / "ai-report-grok3-demo.opus"


def bench_clock() -> list[Result]:
    """Rows for the runner: the demo episode's Opus audio (what the app plays) at 1× and 2×."""
    rows = []
    for rate in (1.0, 2.0):
        numbers = run_clock_benchmark(DEMO_AUDIO, rate, 10.0)
        name = f"clock, demo audio {rate:g}×"
        for clock, label in (("smooth", "UI clock"), ("raw", "raw libvlc time")):
            for stat in ("p50", "p99", "max"):
                target = "<= 17 ms" if (clock, stat) == ("smooth", "p99") else ""
                rows.append(Result(name, f"{label} error {stat}",
                                   numbers[f"{clock}_{stat}_ms"], "ms", target))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("audio", nargs="?", type=Path, help="an audio file of 20 s or more")
    parser.add_argument("--seconds", type=float, default=8.0, help="wall seconds per rate")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        audio = options.audio or make_tone(Path(folder) / "tone.wav", 20.0)
        print(f"{audio}: error against the line through libvlc's fresh reports, ms")
        print(f"{'rate':>5} {'clock':>6} {'p50':>7} {'p99':>7} {'max':>7}")
        for rate in (1.0, 2.0):
            numbers = run_clock_benchmark(audio, rate, options.seconds)
            for clock in ("smooth", "raw"):
                print(
                    f"{rate:>4.1f}× {clock:>6} {numbers[f'{clock}_p50_ms']:7.1f} "
                    f"{numbers[f'{clock}_p99_ms']:7.1f} {numbers[f'{clock}_max_ms']:7.1f}"
                )
            print(
                f"{'':>5} {numbers['reports']:.0f} reports, {numbers['samples']:.0f} frames, "
                f"speed {numbers['speed']:.3f}, fit residual ≤ {numbers['fit_residual_max_ms']:.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
