"""Turning an opened episode's stored rows into the plain items the transcript view shows."""

from __future__ import annotations

from meelezer.library import OpenedEpisode
from meelezer.ui.transcript_model import LineItem


def line_items_for(opened: OpenedEpisode) -> list[LineItem]:
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
        )
        for row in opened.segments
    ]
