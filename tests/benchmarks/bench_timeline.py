"""Timeline repaint while playing: a 1 h 53 min episode with its waveform, at 60 frames a second.

Each frame moves the playhead as the window's 60 Hz tick does and processes the repaint it
asks for; a page turn (the zoomed strip redrawing its picture) is counted like any frame.
Run alone with ``python tests/benchmarks/bench_timeline.py`` or through the runner.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
for folder in (BENCH_DIR, BENCH_DIR.parent):  # the runner's registry, the tests' helpers
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from registry import Result  # noqa: E402

from helpers.timeline_data import analysis_with_silences  # noqa: E402
from meelezer.store.rows import NoteRow  # noqa: E402
from meelezer.ui.timeline.strip import TimelineStrip  # noqa: E402
from meelezer.ui.timeline.timeline import Timeline  # noqa: E402
from meelezer.ui.transcript_model import LineItem  # noqa: E402

NAME = "timeline"
DURATION_MS = 6_780_000  # 1 h 53 min, seed 003's length
WIDTH = 986  # the timeline's width in a 1280×720 window with the side panels
FRAME_MS = 1000 / 60
PLAY_S = 600  # ten minutes of playback: ten page turns at the default zoom
SPEAKERS = (("Alexander Klöpping", "#0072b2"), ("Wietse Hage", "#e69f00"),
            ("Rick Lamers", "#009e73"))


def episode_lines(count: int) -> list[LineItem]:
    """``count`` labelled lines spread over the episode; speakers take turns of 1-4 lines."""
    step = DURATION_MS // count
    lines = []
    for row in range(count):
        name, color = SPEAKERS[(row // (1 + row % 4)) % len(SPEAKERS)]
        lines.append(LineItem(row + 1, row * step, row * step + step - 300,
                              f"Regel {row} van de aflevering", name, color))
    return lines


def episode_notes(count: int) -> list[NoteRow]:
    now = datetime.now(UTC)
    kinds = ("note", "bookmark", "highlight")
    step = DURATION_MS // max(1, count)
    return [NoteRow(index + 1, 1, index * step + 1_234, kinds[index % 3], f"Notitie {index}",
                    "#81c784" if index % 3 == 2 else None,
                    index * step + 9_000 if index % 3 == 2 else None, now, now)
            for index in range(count)]


class PaintCounter:
    """Counts paints of the strips (so a frame that painted nothing is noticed)."""

    def __init__(self) -> None:
        self.count = 0
        original: Callable[[TimelineStrip, QPaintEvent], None] = TimelineStrip.paintEvent

        def counted(strip: TimelineStrip, event: QPaintEvent) -> None:
            original(strip, event)
            self.count += 1

        TimelineStrip.paintEvent = counted  # type: ignore[method-assign]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def play(app: QApplication, lines: list[LineItem], notes: list[NoteRow], finds: int,
         paints: PaintCounter) -> tuple[list[float], list[float], list[float]]:
    """Times (ms) of PLAY_S seconds of playback frames: every frame; the frames that repainted
    the playhead; the frames that turned a page (redrew the zoomed strip's picture)."""
    timeline = Timeline()
    timeline.set_lines(lines)
    timeline.set_notes(notes)
    timeline.set_find_rows(range(0, len(lines), max(1, len(lines) // max(1, finds))))
    timeline.set_duration_ms(DURATION_MS)
    timeline.set_analysis(analysis_with_silences(
        DURATION_MS, [(start, start + 1_500) for start in range(0, DURATION_MS, 20_000)]))
    timeline.resize(WIDTH, timeline.sizeHint().height())
    timeline.show()
    start_ms = 1_800_000
    timeline.set_position_ms(start_ms)
    for _ in range(10):  # first paint and settling, not counted
        app.processEvents()
    frames: list[float] = []
    repaints: list[float] = []
    page_turns: list[float] = []
    for frame in range(round(PLAY_S * 1000 / FRAME_MS)):
        painted, renders = paints.count, timeline.zoomed.layer_renders
        started = time.perf_counter()
        timeline.set_position_ms(round(start_ms + frame * FRAME_MS))
        app.processEvents()
        elapsed = (time.perf_counter() - started) * 1000
        frames.append(elapsed)
        if timeline.zoomed.layer_renders != renders:
            page_turns.append(elapsed)
        elif paints.count != painted:
            repaints.append(elapsed)
    timeline.close()
    return frames, repaints, page_turns


def bench_timeline() -> list[Result]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    paints = PaintCounter()
    results: list[Result] = []
    for label, lines, notes, finds in (
            ("560 lines, 20 marks", episode_lines(560), episode_notes(15), 5),
            ("2,000 labelled lines, 500 marks", episode_lines(2_000), episode_notes(400), 100)):
        frames, repaints, page_turns = play(app, lines, notes, finds, paints)
        results += [
            Result(NAME, f"frame that moves the playhead, median, {label}",
                   statistics.median(repaints), "ms"),
            Result(NAME, f"frame that moves the playhead, p95, {label}",
                   _percentile(repaints, 0.95), "ms", "<= 4 ms"),
            Result(NAME, f"every frame while playing, p95, {label}", _percentile(frames, 0.95),
                   "ms", "<= 4 ms"),
            Result(NAME, f"page turn (strip drawn again), median of {len(page_turns)}, {label}",
                   statistics.median(page_turns), "ms", "<= 16 ms"),
            Result(NAME, f"page turn, worst of {len(page_turns)}, {label}", max(page_turns),
                   "ms", "<= 16 ms"),
            Result(NAME, f"frames that repainted, {label}", len(repaints) + len(page_turns),
                   f"of {len(frames)}"),
        ]
    return results


def main() -> int:
    from run import print_table

    print_table(bench_timeline())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
