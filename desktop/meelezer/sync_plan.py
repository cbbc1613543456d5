"""Sync to audio, between the aligner and the store: what to align, and what to write.

The aligner (``meelezer.audio.alignment``) takes the episode's lines and returns where each
was found in the audio. This module turns the stored lines into its input and its output
into the lines the store writes (``store.audio_sync.SyncedLine``), with the figures the
preview shows. Pure, no Qt, no store access: the window and the tests call it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from meelezer.store.audio_sync import SyncedLine
from meelezer.store.rows import SegmentRow
from meelezer.transcript.model import Word
from meelezer.work import WorkContext

if TYPE_CHECKING:
    from meelezer.audio.alignment import LineToAlign

# A line whose start moves further than this is counted apart in the preview: the user
# would have read it at the wrong moment before.
FAR_MOVE_MS = 1000


class _AlignedWordLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def start_ms(self) -> int: ...
    @property
    def end_ms(self) -> int: ...


class AlignedLineLike(Protocol):
    """What the plan reads of ``meelezer.audio.alignment.AlignedLine``."""

    @property
    def start_ms(self) -> int: ...
    @property
    def end_ms(self) -> int: ...
    @property
    def words(self) -> Sequence[_AlignedWordLike]: ...
    @property
    def found(self) -> bool: ...


def lines_to_align(rows: Sequence[SegmentRow]) -> list[LineToAlign]:
    """The aligner's input: each line's text and current times; lines timed by hand
    (tap-to-sync) are anchors it keeps exactly."""
    from meelezer.audio.alignment import LineToAlign

    return [LineToAlign(row.text, row.start_ms, row.end_ms, anchored=row.time_set_by_user)
            for row in rows]


class AlignmentLike(Protocol):
    """What the plan reads of ``meelezer.audio.alignment.Alignment``."""

    @property
    def lines(self) -> Sequence[AlignedLineLike]: ...
    @property
    def language(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SyncRequest:
    """Everything the aligner needs about one episode, as plain data (for a worker)."""

    episode_id: int
    audio_path: Path
    rows: tuple[SegmentRow, ...]
    language: str | None  # "nl" / "en"; None: the aligner tells from the text
    speech: tuple[object, ...] | None = None  # the analysis's speech regions, if known


# Runs the aligner for a request (in the app: in a child process), reporting to the context.
Aligner = Callable[[SyncRequest, WorkContext], AlignmentLike]


def run_sync(request: SyncRequest, aligner: Aligner, context: WorkContext) -> SyncPlan:
    """Align, then plan what to write (the work of the UI's background job)."""
    alignment = aligner(request, context)
    context.check()
    return plan_sync(request.episode_id, request.rows, alignment.lines, alignment.language)


@dataclass(frozen=True, slots=True)
class SyncPlan:
    """The lines to write, and the old and new times of every line (by row) for the preview."""

    episode_id: int
    lines: tuple[SyncedLine, ...]  # one per row
    old: tuple[tuple[int, int], ...]  # (start_ms, end_ms) per row, before
    language: str = ""

    @property
    def retimed(self) -> int:
        """Lines whose times change."""
        return sum(1 for line, old in zip(self.lines, self.old, strict=True)
                   if (line.start_ms, line.end_ms) != old)

    @property
    def moved_far(self) -> int:
        """Lines whose start moves by more than ``FAR_MOVE_MS``."""
        return sum(1 for line, old in zip(self.lines, self.old, strict=True)
                   if abs(line.start_ms - old[0]) > FAR_MOVE_MS)

    @property
    def not_found(self) -> int:
        return sum(1 for line in self.lines if not line.found)

    @property
    def found(self) -> int:
        return len(self.lines) - self.not_found


def plan_sync(episode_id: int, rows: Sequence[SegmentRow], aligned: Sequence[AlignedLineLike],
              language: str = "") -> SyncPlan:
    """What the store should write for ``rows`` (in order) given the aligner's ``aligned``.

    Found lines take the audio's times and words. Lines timed by hand keep their times (the
    aligner kept them too). A line not found keeps its times (its end at most where the
    next line now starts); only when they would put it before a line it follows (or after
    one it precedes) does it move into the gap between its neighbours, marked estimated
    ("~") and without word times: out of order, it would take the highlight from the lines
    around it.
    """
    if len(rows) != len(aligned):
        raise ValueError(f"{len(aligned)} aligned lines for {len(rows)} lines")
    lines: list[SyncedLine | None] = []
    for row, line in zip(rows, aligned, strict=True):
        words = tuple(Word(word.text, word.start_ms, word.end_ms) for word in line.words)
        if row.time_set_by_user:
            lines.append(SyncedLine(row.id, row.start_ms, row.end_ms,
                                    words if line.found else None, line.found,
                                    row.times_estimated))
        elif line.found:
            lines.append(SyncedLine(row.id, line.start_ms, line.end_ms, words, True))
        else:
            lines.append(None)  # placed below, once its neighbours are
    placed = _place_not_found(rows, lines)
    return SyncPlan(episode_id, tuple(placed),
                    tuple((row.start_ms, row.end_ms) for row in rows), language)


def _place_not_found(rows: Sequence[SegmentRow],
                     lines: list[SyncedLine | None]) -> list[SyncedLine]:
    result: list[SyncedLine] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line is not None:
            result.append(line)
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end] is None:
            end += 1
        before = result[-1] if result else None
        after = lines[end] if end < len(lines) else None
        result.extend(_place_run(rows[index:end], before, after))
        index = end
    return result


def _place_run(run: Sequence[SegmentRow], before: SyncedLine | None,
               after: SyncedLine | None) -> list[SyncedLine]:
    """Consecutive lines not found, between the placed lines ``before`` and ``after``."""
    low = before.start_ms if before is not None else 0
    high = after.start_ms if after is not None else None
    starts = [row.start_ms for row in run]
    in_order = (starts == sorted(starts) and starts[0] >= low
                and (high is None or starts[-1] <= high))
    if in_order:
        kept = [SyncedLine(row.id, row.start_ms, row.end_ms, None, False, row.times_estimated)
                for row in run]
        if high is not None and kept[-1].end_ms > high:  # ends where the next line starts
            kept[-1] = replace(kept[-1], end_ms=max(kept[-1].start_ms, high))
        return kept
    left = max(low, before.end_ms) if before is not None else 0
    durations = [max(0, row.end_ms - row.start_ms) for row in run]
    right = high if high is not None else left + sum(durations)
    right = max(left, right)
    total = sum(durations) or len(run)
    weights = durations if sum(durations) else [1] * len(run)
    placed: list[SyncedLine] = []
    cumulative = 0
    previous = left
    for row, weight in zip(run, weights, strict=True):
        cumulative += weight
        # From the running total, so rounding never drifts and the last boundary is exact.
        boundary = left + round((right - left) * cumulative / total)
        placed.append(SyncedLine(row.id, previous, boundary, (), False, True))
        previous = boundary
    return placed
