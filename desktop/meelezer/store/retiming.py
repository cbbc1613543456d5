"""Changing line times after import: estimated times fitted to the audio's real length."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update

from meelezer.store.database import Database
from meelezer.store.tables import EPISODE, SEGMENT

# Below this difference the estimate already fits; re-writing every line would be noise.
FIT_TOLERANCE_MS = 500


def fit_estimated_times(db: Database, episode_id: int, audio_duration_ms: int) -> bool:
    """Stretch an untimed transcript's estimated times over the audio's real length.

    Estimates are made in proportion to text length, so scaling them keeps that
    proportion. Only for an episode whose every line is estimated and none was set by the
    user (those are re-spread between the user's anchors instead). True when times changed.
    """
    with db.session() as session:
        connection = session.connection()
        episode = connection.execute(
            select(EPISODE.c.duration_ms, EPISODE.c.times_estimated)
            .where(EPISODE.c.id == episode_id)
        ).one_or_none()
        if episode is None or not episode.times_estimated or episode.duration_ms <= 0:
            return False
        difference = abs(audio_duration_ms - episode.duration_ms)
        if audio_duration_ms <= 0 or difference < FIT_TOLERANCE_MS:
            return False
        rows = connection.execute(
            select(SEGMENT.c.id, SEGMENT.c.start_ms, SEGMENT.c.end_ms, SEGMENT.c.times_estimated,
                   SEGMENT.c.time_set_by_user)
            .where(SEGMENT.c.episode_id == episode_id)
        ).all()
        if not rows or any(not row.times_estimated or row.time_set_by_user for row in rows):
            return False
        scale = audio_duration_ms / episode.duration_ms
        connection.execute(
            update(SEGMENT)
            .where(SEGMENT.c.id == bindparam("segment_id"))
            .values(start_ms=bindparam("new_start"), end_ms=bindparam("new_end")),
            [
                {
                    "segment_id": row.id,
                    "new_start": min(round(row.start_ms * scale), audio_duration_ms),
                    "new_end": min(round(row.end_ms * scale), audio_duration_ms),
                }
                for row in rows
            ],
        )
        connection.execute(
            update(EPISODE).where(EPISODE.c.id == episode_id)
            .values(duration_ms=audio_duration_ms)
        )
    return True
