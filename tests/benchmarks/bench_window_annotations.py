"""Annotating in the window at 50,000 lines: an action, the store write and the window's refresh.

What a user waits for after pressing a key: the annotator's transaction, then the window
showing the changed rows (and panels). Run alone with
``python tests/benchmarks/bench_window_annotations.py`` or through the runner.
"""

from __future__ import annotations

import os
import statistics
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

from generated import write_whisper_text  # noqa: E402  (path set just above)
from PySide6.QtWidgets import QApplication  # noqa: E402
from registry import Result  # noqa: E402

from helpers.fake_player import FakePlayer  # noqa: E402
from meelezer.library import Library  # noqa: E402
from meelezer.settings import Settings  # noqa: E402
from meelezer.store.database import open_database  # noqa: E402
from meelezer.ui.main_window import MainWindow  # noqa: E402

LINES = 50_000
RUNS = 9
NAME = "annotating in the window, 50,000 lines"


def _median_ms(app: QApplication, action: Callable[[], object]) -> float:
    """Median wall time of ``action`` and the events it posts (the repaint of its rows)."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bench_window_annotations() -> list[Result]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        transcript = write_whisper_text(Path(folder) / "long.txt", LINES)
        database = open_database(Path(folder) / "meelezer.sqlite3")
        window = MainWindow(Library(database), FakePlayer(),
                            Settings(Path(folder) / "settings.ini"))
        try:
            return _measure(app, window, transcript)
        finally:
            window.close()
            database.close()


def _measure(app: QApplication, window: MainWindow, transcript: Path) -> list[Result]:
    window.resize(1200, 800)
    window.show()
    assert window.open_paths([transcript])
    app.processEvents()
    annotator = window.annotator
    annotator.add_speaker("Benchmark")
    speaker = annotator.list_speakers()[0]
    model = window.transcript.model
    row = [25_000]  # a different line each time, so every label is a real change

    def label() -> None:
        row[0] += 1
        annotator.assign([model.line(row[0]).segment_id], speaker.id, speaker.name)

    def correct() -> None:
        row[0] += 1
        line = model.line(row[0])
        annotator.edit_text(line.segment_id, line.text + " (gecorrigeerd)")

    def note() -> None:
        row[0] += 1
        annotator.add_note(model.line(row[0]).start_ms, "note", "Benchmark")

    label_ms = _median_ms(app, label)
    undo_ms = _median_ms(app, annotator.undo_stack.undo)
    correct_ms = _median_ms(app, correct)
    note_ms = _median_ms(app, note)
    window.timeline.set_wanted(False)  # what the transcript, panels and store cost alone
    bare_label_ms = _median_ms(app, label)
    bare_correct_ms = _median_ms(app, correct)
    return [
        Result(NAME, "label 1 line (store + refresh)", label_ms, "ms", "<= 50 ms"),
        Result(NAME, "undo a step (store + refresh)", undo_ms, "ms", "<= 50 ms"),
        Result(NAME, "correct 1 line (store + refresh)", correct_ms, "ms", "<= 50 ms"),
        Result(NAME, "add a note (store + refresh)", note_ms, "ms"),
        Result(NAME, "label 1 line, timeline hidden", bare_label_ms, "ms", "<= 50 ms"),
        Result(NAME, "correct 1 line, timeline hidden", bare_correct_ms, "ms", "<= 50 ms"),
    ]


def main() -> int:
    from run import print_table

    print_table(bench_window_annotations())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
