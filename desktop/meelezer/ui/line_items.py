"""Turning an opened episode's stored rows (and its notes) into the items the view shows."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from meelezer.library import OpenedEpisode
from meelezer.store.rows import NoteRow
from meelezer.ui.transcript_model import LineItem


def line_items_for(opened: OpenedEpisode, notes: Sequence[NoteRow] = ()) -> list[LineItem]:
    starts = [row.start_ms for row in opened.segments]
    noted_rows = _rows_with_notes(starts, notes)
    highlights = _highlight_colors(starts, notes)
    return [
        LineItem(
            segment_id=row.id,
            start_ms=row.start_ms,
            end_ms=row.end_ms,
            text=row.text,
            speaker=row.speaker_name,
            speaker_color=row.speaker_color,
            times_estimated=row.times_estimated,
            words=tuple(opened.words.get(row.id, ())),
            highlight_color=highlights.get(index),
            has_note=index in noted_rows,
            edited=row.original_text is not None,
        )
        for index, row in enumerate(opened.segments)
    ]


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
