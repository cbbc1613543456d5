"""Writing an episode's lines and their words: the one place both import and re-import use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select

from meelezer.store.search import index_episode_lines
from meelezer.store.tables import SEGMENT, WORD
from meelezer.transcript.model import Segment


def insert_lines(connection: Connection, episode_id: int, rows: Sequence[dict[str, Any]],
                 segments: Sequence[Segment]) -> None:
    """Insert the episode's line ``rows`` (one per segment, in order, with ``position``),
    add them to the search index, and insert the segments' timed words, in bulk.

    The episode must have no lines yet (a new one, or one whose lines were just deleted).
    """
    if not rows:
        return
    connection.execute(insert(SEGMENT), list(rows))
    index_episode_lines(connection, episode_id)
    if not any(segment.words for segment in segments):
        return
    segment_ids = connection.execute(
        select(SEGMENT.c.id).where(SEGMENT.c.episode_id == episode_id)
        .order_by(SEGMENT.c.position)
    ).scalars().all()
    connection.execute(
        insert(WORD),
        [
            {
                "segment_id": segment_id, "position": position, "start_ms": word.start_ms,
                "end_ms": word.end_ms, "text": word.text, "estimated": word.estimated,
            }
            for segment_id, segment in zip(segment_ids, segments, strict=True)
            for position, word in enumerate(segment.words)
        ],
    )


def line_row(episode_id: int, position: int, segment: Segment,
             speaker_id: int | None) -> dict[str, Any]:
    """The row of a line as its reader gave it (no correction, no user-set time)."""
    return {
        "episode_id": episode_id, "position": position, "start_ms": segment.start_ms,
        "end_ms": segment.end_ms, "text": segment.text, "original_text": None,
        "speaker_id": speaker_id, "times_estimated": segment.times_estimated,
        "time_set_by_user": False,
    }
