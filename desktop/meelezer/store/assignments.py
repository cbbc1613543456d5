"""Labelling lines with speakers, each change returning what its undo needs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, bindparam, select, update

from meelezer.store.database import Database
from meelezer.store.errors import StoreError
from meelezer.store.speakers import IN_CHUNK
from meelezer.store.tables import SEGMENT
from meelezer.texts import translate

__all__ = ["assign_speaker", "fill_speaker_forward", "restore_assignments"]


def assign_speaker(
    db: Database, segment_ids: Sequence[int], speaker_id: int | None
) -> dict[int, int | None]:
    """Label the lines with the speaker (None: unlabel them); one UPDATE per 900 lines.

    Returns each line's previous speaker, for ``restore_assignments``.
    """
    ids = list(dict.fromkeys(segment_ids))
    previous: dict[int, int | None] = {}
    if not ids:
        return previous
    with db.session(write=True) as session:
        connection = session.connection()
        for start in range(0, len(ids), IN_CHUNK):
            chunk = ids[start:start + IN_CHUNK]
            rows = connection.execute(
                select(SEGMENT.c.id, SEGMENT.c.speaker_id).where(SEGMENT.c.id.in_(chunk))
            )
            previous.update({row.id: row.speaker_id for row in rows})
            connection.execute(
                update(SEGMENT).where(SEGMENT.c.id.in_(chunk)).values(speaker_id=speaker_id)
            )
    return previous


def restore_assignments(db: Database, previous: Mapping[int, int | None]) -> None:
    """Give each line back the speaker ``previous`` names for it (undo); one executemany."""
    if not previous:
        return
    with db.session(write=True) as session:
        _write(session.connection(), previous)


def fill_speaker_forward(
    db: Database, episode_id: int, from_segment_id: int, speaker_id: int | None
) -> dict[int, int | None]:
    """Label the line and the unlabelled lines after it, up to the next labelled one.

    The starting line is labelled even if it has a speaker. Returns the previous speakers,
    for ``restore_assignments``.
    """
    with db.session(write=True) as session:
        connection = session.connection()
        position = connection.execute(
            select(SEGMENT.c.position).where(
                SEGMENT.c.id == from_segment_id, SEGMENT.c.episode_id == episode_id
            )
        ).scalar_one_or_none()
        if position is None:
            raise StoreError(translate("Store", "Line {line} is not in episode {episode}.")
                             .format(line=from_segment_id, episode=episode_id), db.path)
        rows = connection.execute(
            select(SEGMENT.c.id, SEGMENT.c.speaker_id)
            .where(SEGMENT.c.episode_id == episode_id, SEGMENT.c.position >= position)
            .order_by(SEGMENT.c.position)
        )
        previous: dict[int, int | None] = {}
        for segment_id, current in rows:
            if previous and current is not None:
                break
            previous[segment_id] = current
        _write(connection, dict.fromkeys(previous, speaker_id))
    return previous


def _write(connection: Connection, speakers: Mapping[int, int | None]) -> None:
    connection.execute(
        update(SEGMENT).where(SEGMENT.c.id == bindparam("segment_id"))
        .values(speaker_id=bindparam("new_speaker_id")),
        [{"segment_id": key, "new_speaker_id": value} for key, value in speakers.items()],
    )
