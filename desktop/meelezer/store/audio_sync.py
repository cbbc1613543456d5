"""Sync to audio in the store: write the times and words an alignment found, and undo that.

One write transaction each way, so a killed app leaves either the old times or the new
ones, never a mix. The undo snapshot holds every changed line's times, flags and words as
they were (word ids included), so undo puts back exactly what was there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, exists, func, insert, select, update

from meelezer.store.database import Database
from meelezer.store.errors import episode_not_found
from meelezer.store.tables import EPISODE, SEGMENT, WORD
from meelezer.transcript.model import Word


@dataclass(frozen=True, slots=True)
class SyncedLine:
    """A line's times after the sync, and whether they were found in the audio.

    ``found`` False flags the line "not found in the audio" (its times are then usually the
    ones it had). ``words`` replace the line's stored words; None keeps them.
    """

    segment_id: int
    start_ms: int
    end_ms: int
    words: tuple[Word, ...] | None
    found: bool
    times_estimated: bool = False


@dataclass(frozen=True, slots=True)
class StoredWord:
    id: int
    position: int
    start_ms: int
    end_ms: int
    text: str
    estimated: bool


@dataclass(frozen=True, slots=True)
class LineBefore:
    """A line's times, flags and words before the sync (for undo)."""

    segment_id: int
    start_ms: int
    end_ms: int
    times_estimated: bool
    time_set_by_user: bool
    found_in_audio: bool | None
    words: tuple[StoredWord, ...]


@dataclass(frozen=True, slots=True)
class SyncUndo:
    episode_id: int
    duration_ms: int
    times_estimated: bool  # the episode's flag ("times estimated (~)" in its header)
    lines: tuple[LineBefore, ...]

    @property
    def segment_ids(self) -> list[int]:
        return [line.segment_id for line in self.lines]


def apply_sync(db: Database, episode_id: int, lines: Sequence[SyncedLine]) -> SyncUndo:
    """Write ``lines`` in one transaction; the state before, for ``restore_sync``.

    Each line gets its times, "estimated" flag, "found in the audio" flag and (unless
    None) words from ``lines``. A line the user timed by hand (tap-to-sync) is an anchor:
    its times stay, whatever ``lines`` says (it may have been tapped after the alignment
    ran). Lines that left the episode meanwhile are skipped. The episode keeps "times
    estimated" only while some line still has estimated times.
    """
    by_id = {line.segment_id: line for line in lines}
    with db.session(write=True) as session:
        connection = session.connection()
        episode = connection.execute(
            select(EPISODE.c.duration_ms, EPISODE.c.times_estimated)
            .where(EPISODE.c.id == episode_id)
        ).one_or_none()
        if episode is None:
            raise episode_not_found(episode_id, db.path)
        before = _lines_before(connection, episode_id, list(by_id))
        changed = [old for old in before if _changes(old, by_id[old.segment_id])]
        new_words = {old.segment_id: line_words for old in changed
                     if (line_words := by_id[old.segment_id].words) is not None}
        if new_words:
            connection.execute(delete(WORD).where(WORD.c.segment_id.in_(list(new_words))))
            words = [
                {"segment_id": segment_id, "position": position, "start_ms": word.start_ms,
                 "end_ms": word.end_ms, "text": word.text, "estimated": word.estimated}
                for segment_id, segment_words in new_words.items()
                for position, word in enumerate(segment_words)
            ]
            if words:
                connection.execute(insert(WORD), words)
        if changed:
            connection.execute(
                update(SEGMENT).where(SEGMENT.c.id == bindparam("segment_id")).values(
                    start_ms=bindparam("new_start"), end_ms=bindparam("new_end"),
                    times_estimated=bindparam("new_estimated"),
                    found_in_audio=bindparam("new_found")),
                [_new_values(old, by_id[old.segment_id]) for old in changed])
        _update_episode(connection, episode_id, episode.duration_ms)
    return SyncUndo(episode_id, episode.duration_ms, episode.times_estimated, tuple(changed))


def restore_sync(db: Database, undo: SyncUndo) -> None:
    """Put back the times, flags and words ``undo`` holds (undo of ``apply_sync``)."""
    with db.session(write=True) as session:
        connection = session.connection()
        ids = undo.segment_ids
        if ids:
            connection.execute(delete(WORD).where(WORD.c.segment_id.in_(ids)))
            words = [{"id": word.id, "segment_id": line.segment_id, "position": word.position,
                      "start_ms": word.start_ms, "end_ms": word.end_ms, "text": word.text,
                      "estimated": word.estimated}
                     for line in undo.lines for word in line.words]
            if words:
                connection.execute(insert(WORD), words)
            connection.execute(
                update(SEGMENT).where(SEGMENT.c.id == bindparam("segment_id")).values(
                    start_ms=bindparam("new_start"), end_ms=bindparam("new_end"),
                    times_estimated=bindparam("new_estimated"),
                    time_set_by_user=bindparam("new_by_user"),
                    found_in_audio=bindparam("new_found")),
                [{"segment_id": line.segment_id, "new_start": line.start_ms,
                  "new_end": line.end_ms, "new_estimated": line.times_estimated,
                  "new_by_user": line.time_set_by_user, "new_found": line.found_in_audio}
                 for line in undo.lines])
        connection.execute(
            update(EPISODE).where(EPISODE.c.id == undo.episode_id)
            .values(duration_ms=undo.duration_ms, times_estimated=undo.times_estimated))


def _lines_before(connection: Connection, episode_id: int,
                  segment_ids: list[int]) -> list[LineBefore]:
    rows = connection.execute(
        select(SEGMENT.c.id, SEGMENT.c.start_ms, SEGMENT.c.end_ms, SEGMENT.c.times_estimated,
               SEGMENT.c.time_set_by_user, SEGMENT.c.found_in_audio)
        .where(SEGMENT.c.episode_id == episode_id, SEGMENT.c.id.in_(segment_ids))
        .order_by(SEGMENT.c.position)
    ).all()
    words: dict[int, list[StoredWord]] = {}
    for row in connection.execute(
            select(WORD.c.segment_id, WORD.c.id, WORD.c.position, WORD.c.start_ms,
                   WORD.c.end_ms, WORD.c.text, WORD.c.estimated)
            .where(WORD.c.segment_id.in_([row.id for row in rows]))
            .order_by(WORD.c.segment_id, WORD.c.position)):
        words.setdefault(row.segment_id, []).append(StoredWord(*row[1:]))
    return [LineBefore(row.id, row.start_ms, row.end_ms, row.times_estimated,
                       row.time_set_by_user, row.found_in_audio, tuple(words.get(row.id, ())))
            for row in rows]


def _new_values(old: LineBefore, new: SyncedLine) -> dict[str, object]:
    moves = not old.time_set_by_user  # an anchor keeps its times
    return {"segment_id": old.segment_id,
            "new_start": new.start_ms if moves else old.start_ms,
            "new_end": new.end_ms if moves else old.end_ms,
            "new_estimated": new.times_estimated if moves else old.times_estimated,
            "new_found": new.found}


def _changes(old: LineBefore, new: SyncedLine) -> bool:
    values = _new_values(old, new)
    if (values["new_start"], values["new_end"], values["new_estimated"],
            values["new_found"]) != (old.start_ms, old.end_ms, old.times_estimated,
                                     old.found_in_audio):
        return True
    return new.words is not None and [(w.text, w.start_ms, w.end_ms, w.estimated)
                                      for w in new.words] != [
        (w.text, w.start_ms, w.end_ms, w.estimated) for w in old.words]


def _update_episode(connection: Connection, episode_id: int, duration_ms: int) -> None:
    last_end = connection.execute(
        select(func.max(SEGMENT.c.end_ms)).where(SEGMENT.c.episode_id == episode_id)
    ).scalar_one() or 0
    still_estimated = connection.execute(select(exists().where(
        SEGMENT.c.episode_id == episode_id, SEGMENT.c.times_estimated))).scalar_one()
    connection.execute(
        update(EPISODE).where(EPISODE.c.id == episode_id)
        .values(duration_ms=max(duration_ms, int(last_end)),
                times_estimated=bool(still_estimated)))
