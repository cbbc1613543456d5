"""Sync to audio's Apply, Undo and Redo in the window: how long until done, and the longest
stretch the GUI thread was blocked meanwhile (the store write, the refresh of the lines).

Seed 003 (2,233 lines) and a generated 20,000-line episode, every line moved 300 ms with
word times, as the aligner would. Run alone with ``python tests/benchmarks/bench_sync_apply.py``
or through the runner (``sync-apply-window``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
for folder in (BENCH_DIR, BENCH_DIR.parent):  # the sibling modules, and tests/helpers
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_annotations import synced_later  # noqa: E402  (path set just above)
from generated import SEED_003, write_whisper_text  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from registry import Result  # noqa: E402

from helpers.fake_player import FakePlayer  # noqa: E402
from meelezer.library import Library  # noqa: E402
from meelezer.settings import Settings  # noqa: E402
from meelezer.store.database import open_database  # noqa: E402
from meelezer.store.episodes import load_segments  # noqa: E402
from meelezer.sync_plan import SyncPlan  # noqa: E402
from meelezer.ui.main_window import MainWindow  # noqa: E402

NAME = "Sync to audio in the window"
GENERATED_LINES = 20_000


def _plan(window: MainWindow) -> SyncPlan:
    """Every line 300 ms later, its words spread evenly (what an alignment gives)."""
    episode_id = window.session.episode_id or 0
    rows = load_segments(window.library.database, episode_id)
    return SyncPlan(episode_id, tuple(synced_later(rows)),
                    tuple((row.start_ms, row.end_ms) for row in rows))


def _run(app: QApplication, step: Callable[[], object],
         done: Callable[[], bool]) -> tuple[float, float]:
    """(ms until ``done``, longest ms the GUI thread was blocked: ``step`` itself, or one
    turn of the event loop while waiting)."""
    started = time.perf_counter()
    step()
    longest = time.perf_counter() - started
    while not done():
        turn = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - turn)
        time.sleep(0.001)  # an idle GUI thread; what the window does between events
    return (time.perf_counter() - started) * 1000, longest * 1000


def _measure(app: QApplication, window: MainWindow, transcript: Path,
             label: str) -> list[Result]:
    window.analysis.start_delay_ms = 10**8  # the audio analysis is not what is measured
    assert window.open_paths([transcript])
    app.processEvents()
    annotator = window.annotator
    plan = _plan(window)
    steps = annotator.undo_stack.count()
    first = plan.lines[0]

    def shown(start_ms: int) -> bool:
        return (not window.sync.applying and annotator.pending_writes() == 0
                and window.transcript.model.line(0).start_ms == start_ms)

    def apply() -> None:
        window.sync.plan = plan
        window.sync.apply()

    apply_ms, apply_block = _run(app, apply, lambda: annotator.undo_stack.count() > steps
                                 and shown(first.start_ms))
    undo_ms, undo_block = _run(app, annotator.undo_stack.undo,
                               lambda: shown(first.start_ms - 300))
    redo_ms, redo_block = _run(app, annotator.undo_stack.redo, lambda: shown(first.start_ms))
    return [
        Result(NAME, f"{label}: Apply, until shown", apply_ms, "ms"),
        Result(NAME, f"{label}: Apply, longest GUI-thread block", apply_block, "ms",
               "<= 100 ms"),
        Result(NAME, f"{label}: Undo, until shown", undo_ms, "ms"),
        Result(NAME, f"{label}: Undo, longest GUI-thread block", undo_block, "ms", "<= 100 ms"),
        Result(NAME, f"{label}: Redo, until shown", redo_ms, "ms"),
        Result(NAME, f"{label}: Redo, longest GUI-thread block", redo_block, "ms", "<= 100 ms"),
    ]


def bench_sync_apply() -> list[Result]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        generated = write_whisper_text(Path(folder) / "long.txt", GENERATED_LINES)
        for transcript, label in ((SEED_003, "seed 003 (2,233 lines)"),
                                  (generated, f"{GENERATED_LINES:,} lines")):
            database = open_database(Path(folder) / f"{transcript.stem}.sqlite3")
            window = MainWindow(Library(database), FakePlayer(),
                                Settings(Path(folder) / "settings.ini"))
            window.resize(1200, 800)
            window.show()
            try:
                results += _measure(app, window, transcript, label)
            finally:
                window.close()
                database.close()
    return results


def main() -> int:
    from run import print_table

    print_table(bench_sync_apply())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
