"""Transcript view benchmarks at 50,000 lines: first display, highlight steps, far follow-scrolls.

Run alone with ``python tests/benchmarks/bench_view.py`` (offscreen unless a display is set
with QT_QPA_PLATFORM), or through the runner via ``bench_transcript_view``.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from measure import peak_rss_mb  # noqa: E402  (path set just above)
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QTreeView  # noqa: E402
from registry import Result  # noqa: E402

from meelezer.ui.transcript_list import TranscriptList  # noqa: E402
from meelezer.ui.transcript_model import LineItem  # noqa: E402
from meelezer.ui.transcript_view import TranscriptView  # noqa: E402

LINES = 50_000
WINDOW = (900, 700)
NAME = "transcript view, 50,000 lines"
VOCABULARY = (
    "de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "met", "voor",
    "niet", "aan", "er", "maar", "om", "ook", "als", "dan", "bij", "nog", "wel", "naar",
    "kunstmatige", "intelligentie", "model", "modellen", "taal", "data", "chatbot", "bedrijf",
    "redactie", "nieuws", "week", "vraag", "antwoord", "eigenlijk", "natuurlijk", "gewoon",
    "interessant", "ontwikkeling", "toekomst", "onderzoek", "wereld", "mensen", "werk",
    "leven", "samenleving", "podcast", "aflevering", "gesprek", "interview", "computer",
    "rekenkracht", "chips", "Europa", "Amerika", "China", "regelgeving", "privacy",
    "veiligheid", "open", "source", "training", "gebruikers", "toepassing",
)
SPEAKERS = (("Milo Brandt", "#3b7dd8"), ("Wietse Hage", "#d9822b"), ("Rick Lamers", "#2e9e6a"))


def make_lines(count: int = LINES, seed: int = 3) -> list[LineItem]:
    """``count`` lines of 3-25 words at speaking pace; the speaker changes every 1-6 lines."""
    rng = random.Random(seed)
    lines: list[LineItem] = []
    start = 0
    speaker = 0
    turn_left = 0
    for row in range(count):
        if turn_left == 0:
            speaker = (speaker + rng.randint(1, 2)) % len(SPEAKERS)
            turn_left = rng.randint(1, 6)
        turn_left -= 1
        words = rng.randint(3, 25)
        text = " ".join(rng.choices(VOCABULARY, k=words)).capitalize() + "."
        duration = words * 400 + rng.randint(0, 900)
        name, color = SPEAKERS[speaker]
        lines.append(LineItem(row + 1, start, start + duration, text, name, color))
        start += duration + rng.randint(0, 500)
    return lines


class PaintClock:
    """Times the end of every paint of the transcript list (wraps its paintEvent)."""

    def __init__(self) -> None:
        self.ends: list[float] = []
        original: Callable[[QTreeView, QPaintEvent], None] = TranscriptList.paintEvent

        def timed(view: QTreeView, event: QPaintEvent) -> None:
            original(view, event)
            self.ends.append(time.perf_counter())

        TranscriptList.paintEvent = timed  # type: ignore[method-assign]

    def wait_for_paint(self, app: QApplication, after: int, limit_s: float = 10.0) -> float:
        """Process events until a paint beyond the first ``after`` ones has finished."""
        deadline = time.perf_counter() + limit_s
        while len(self.ends) <= after and time.perf_counter() < deadline:
            app.processEvents()
        if len(self.ends) <= after:
            raise RuntimeError("the transcript list never painted")
        return self.ends[after]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_transcript_view() -> list[Result]:
    """All view figures from one process, so the peak memory is the view's own."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    lines = make_lines()
    clock = PaintClock()

    started = time.perf_counter()
    view = TranscriptView()
    view.set_lines(lines)
    view.resize(*WINDOW)
    view.show()
    first_paint_ms = (clock.wait_for_paint(app, 0) - started) * 1000
    for _ in range(5):  # let the window settle (deferred layout, expose) before stepping
        app.processEvents()

    # Playing: each step moves the highlight to the next line and includes its repaint
    # (and the occasional follow scroll when the line leaves the comfortable band).
    steps: list[float] = []
    word_steps: list[float] = []
    for row in range(200, 2_200):
        line = lines[row]
        before = len(clock.ends)
        t = time.perf_counter()
        view.set_position_ms(line.start_ms)
        clock.wait_for_paint(app, before)
        steps.append((time.perf_counter() - t) * 1000)
        before = len(clock.ends)
        t = time.perf_counter()
        view.set_position_ms(line.end_ms - 50)  # the last word of the same line
        clock.wait_for_paint(app, before)
        word_steps.append((time.perf_counter() - t) * 1000)
    assert view.following(), "follow scrolling must not count as the reader scrolling"

    # Seeking far: 40,000 lines away, into rows never laid out before, then back.
    jumps: list[float] = []
    for row in (42_000, 2_100, 44_500, 4_400, 47_000):
        before = len(clock.ends)
        t = time.perf_counter()
        view.set_position_ms(lines[row].start_ms)
        clock.wait_for_paint(app, before)
        jumps.append((time.perf_counter() - t) * 1000)
        assert view.list_view.first_visible_row() <= row <= view.list_view.last_visible_row()

    # Find: the first search folds every line once; later keystrokes reuse that.
    t = time.perf_counter()
    view.set_search("ee")
    first_search_ms = (time.perf_counter() - t) * 1000
    searches: list[float] = []
    for query in ("een", "intelligentie", "regelgeving", "model"):
        t = time.perf_counter()
        view.set_search(query)
        searches.append((time.perf_counter() - t) * 1000)
    match_steps: list[float] = []
    for _ in range(5):
        before = len(clock.ends)
        t = time.perf_counter()
        view.previous_match()  # wraps to the far end first, then steps back
        clock.wait_for_paint(app, before)
        match_steps.append((time.perf_counter() - t) * 1000)

    peak = peak_rss_mb()
    view.close()
    return [
        Result(NAME, "first display (construct, set_lines, show, first paint)", first_paint_ms,
               "ms", "<= 1500 ms"),
        Result(NAME, "highlight step to next line, median", statistics.median(steps), "ms",
               "<= 4 ms"),
        Result(NAME, "highlight step to next line, p95", _percentile(steps, 0.95), "ms",
               "<= 4 ms"),
        Result(NAME, "word step within a line, median", statistics.median(word_steps), "ms"),
        Result(NAME, "follow-scroll 40,000 lines away, median of 5", statistics.median(jumps),
               "ms", "<= 16 ms"),
        Result(NAME, "follow-scroll 40,000 lines away, worst of 5", max(jumps), "ms",
               "<= 16 ms"),
        Result(NAME, "find, first search (folds all lines)", first_search_ms, "ms"),
        Result(NAME, "find, later keystroke, worst of 4", max(searches), "ms"),
        Result(NAME, "find, step to a far match and paint, worst of 5", max(match_steps), "ms",
               "<= 16 ms"),
        Result(NAME, "peak memory (process)", peak, "MB", "<= 300 MB"),
    ]


def main() -> int:
    from run import print_table

    print_table(bench_transcript_view())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
