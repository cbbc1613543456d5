"""Turning an opened episode's stored rows (and its notes) into the items the view shows."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from meelezer.library import OpenedEpisode
from meelezer.store.rows import NoteRow
from meelezer.ui.transcript_model import LineItem


@dataclass(frozen=True, slots=True)
class NoteMarks:
    """Which rows carry a note marker, and the highlight colour of highlighted rows."""

    noted: frozenset[int] = frozenset()
    highlights: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, opened: OpenedEpisode, notes: Sequence[NoteRow]) -> NoteMarks:
        starts = [row.start_ms for row in opened.segments]
        return cls(frozenset(_rows_with_notes(starts, notes)), _highlight_colors(starts, notes))

    def rows_differing_from(self, other: NoteMarks) -> set[int]:
        """The rows whose marker or highlight is not the same in ``other``."""
        rows = set(self.noted ^ other.noted)
        rows.update(row for row in self.highlights.keys() | other.highlights.keys()
                    if self.highlights.get(row) != other.highlights.get(row))
        return rows


def line_items_for(opened: OpenedEpisode, marks: NoteMarks) -> list[LineItem]:
    return [line_item(opened, index, marks) for index in range(len(opened.segments))]


def line_items_at(opened: OpenedEpisode, rows: Iterable[int],
                  marks: NoteMarks) -> dict[int, LineItem]:
    """The items of some rows only (a refresh after an annotation), by row."""
    return {row: line_item(opened, row, marks) for row in rows
            if 0 <= row < len(opened.segments)}


def line_item(opened: OpenedEpisode, index: int, marks: NoteMarks) -> LineItem:
    row = opened.segments[index]
    return LineItem(
        segment_id=row.id,
        start_ms=row.start_ms,
        end_ms=row.end_ms,
        text=row.text,
        speaker=row.speaker_name,
        speaker_color=row.speaker_color,
        times_estimated=row.times_estimated,
        words=tuple(opened.words.get(row.id, ())),
        highlight_color=marks.highlights.get(index),
        has_note=index in marks.noted,
        edited=row.original_text is not None,
        # Timed by hand since (tap-to-sync): checked, so no longer marked.
        not_in_audio=row.found_in_audio is False and not row.time_set_by_user,
    )


def _row_at(starts: Sequence[int], time_ms: int) -> int:
    # A note belongs to the line being spoken at its time (the first line if before it).
    return max(0, bisect_right(starts, time_ms) - 1)


def _rows_with_notes(starts: Sequence[int], notes: Sequence[NoteRow]) -> set[int]:
    if not starts:
        return set()
    return {_row_at(starts, note.time_ms) for note in notes if note.kind != "highlight"}


def _highlight_colors(starts: Sequence[int], notes: Sequence[NoteRow]) -> dict[int, str]:
    colors: dict[int, str] = {}
    if not starts:
        return colors
    for note in notes:
        if note.kind != "highlight":
            continue
        first = _row_at(starts, note.time_ms)
        last = _row_at(starts, max(note.time_ms, (note.end_ms or note.time_ms) - 1))
        for row in range(first, last + 1):
            colors[row] = note.color or "#ffd54f"
    return colors
