"""Launch benchmark: process start to the window's first paint with the demo episode loaded."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from registry import Result

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "seeds" / "ai-report-grok3-demo.txt"
RUNS = 5


def process_age_ms() -> float:
    """Milliseconds since this process was started by the kernel (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    uptime_s = float(Path("/proc/uptime").read_text().split()[0])
    return (uptime_s - start_ticks / ticks) * 1000


def child(data_dir: str) -> None:
    """Start the real app, print the ms from process start to the transcript's first paint."""
    started_at_ms = time.perf_counter() * 1000 - process_age_ms()
    from PySide6.QtCore import QEvent, QObject, QTimer

    from meelezer.app import build_app
    from meelezer.episode_files import resolve_episode_files

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"{time.perf_counter() * 1000 - started_at_ms:.1f}", flush=True)
                QTimer.singleShot(0, running.qt.quit)
            return False

    running = build_app(data_dir, resolve_episode_files([DEMO]), ("--aout=dummy",))
    lines = running.window.transcript.list_view.viewport()
    watcher = FirstPaint()
    lines.installEventFilter(watcher)
    QTimer.singleShot(10_000, running.qt.quit)  # never hang the benchmark run
    running.qt.exec()
    running.close()


def bench_launch() -> list[Result]:
    with tempfile.TemporaryDirectory() as data_dir:
        times = _launch_times(data_dir)
    name = "launch (demo episode)"
    return [
        Result(name, f"process start → first paint, median of {RUNS}",
               statistics.median(times), "ms", "<= 1000 ms"),
        Result(name, f"process start → first paint, worst of {RUNS}", max(times), "ms"),
    ]


def bench_launch_large_library() -> list[Result]:
    """The same start with the 1,000-episode library of bench_library as the user's library:
    start-up must not depend on the library's size."""
    from bench_library import cached_library

    from meelezer.store.paths import database_path

    library, _build_s, _raw = cached_library()
    with tempfile.TemporaryDirectory() as data_dir:
        shutil.copyfile(library, database_path(Path(data_dir)))
        times = _launch_times(data_dir)
        size_mb = database_path(Path(data_dir)).stat().st_size / 1e6
    name = f"launch (demo episode, library of 1,000 episodes, {size_mb:,.0f} MB)"
    return [
        Result(name, f"process start → first paint, median of {RUNS}",
               statistics.median(times), "ms", "<= 1000 ms"),
        Result(name, f"process start → first paint, worst of {RUNS}", max(times), "ms"),
    ]


def _launch_times(data_dir: str) -> list[float]:
    times = []
    for _ in range(RUNS + 1):
        # The first run imports the episode into a fresh library and is not counted;
        # the others open it again, which is what a user's start looks like.
        completed = subprocess.run(
            [sys.executable, __file__, "--child", data_dir], capture_output=True,
            text=True, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=60)
        times.append(float(completed.stdout.strip().splitlines()[-1]))
    return times[1:]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    elif sys.argv[1:] == ["--large-library"]:
        for row in bench_launch_large_library():
            print(row)
    else:
        for row in bench_launch():
            print(row)
