"""Sync to audio in the store: write the times and words an alignment found, and undo that.

One write transaction each way, so a killed app leaves either the old times or the new
ones, never a mix. The undo snapshot holds every changed line's times, flags and words as
they were (word ids included), so undo puts back exactly what was there. Both take a
``WorkContext``: they run on a worker thread in the window (seconds at 20,000 lines), report
progress and stop when cancelled, rolling everything back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, exists, func, select, update

from meelezer.store.database import Database
from meelezer.store.errors import episode_not_found
from meelezer.store.tables import EPISODE, SEGMENT, WORD
from meelezer.transcript.model import Word
from meelezer.work import WorkContext

# Rows per executemany: small enough that progress moves and a cancel is noticed within a
# fraction of a second, large enough that the batches cost nothing extra.
BATCH_ROWS = 20_000


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


def apply_sync(db: Database, episode_id: int, lines: Sequence[SyncedLine],
               context: WorkContext | None = None) -> SyncUndo:
    """Write ``lines`` in one transaction; the state before, for ``restore_sync``.

    Each line gets its times, "estimated" flag, "found in the audio" flag and (unless
    None) words from ``lines``. A line the user timed by hand (tap-to-sync) is an anchor:
    its times stay, whatever ``lines`` says (it may have been tapped after the alignment
    ran). Lines that left the episode meanwhile are skipped. The episode keeps "times
    estimated" only while some line still has estimated times. A cancelled ``context``
    (``Cancelled`` raised) leaves everything as it was.
    """
    context = context or WorkContext()
    by_id = {line.segment_id: line for line in lines}
    with db.session(write=True) as session:
        connection = session.connection()
        episode = connection.execute(
            select(EPISODE.c.duration_ms, EPISODE.c.times_estimated)
            .where(EPISODE.c.id == episode_id)
        ).one_or_none()
        if episode is None:
            raise episode_not_found(episode_id, db.path)
        before = [old for old in _lines_before(connection, episode_id) if old.segment_id in by_id]
        context.progress(0.2)
        changed = [old for old in before if _changes(old, by_id[old.segment_id])]
        new_words = {old.segment_id: line_words for old in changed
                     if (line_words := by_id[old.segment_id].words) is not None}
        _replace_words(connection, list(new_words), [
            (segment_id, position, word.start_ms, word.end_ms, word.text, word.estimated)
            for segment_id, segment_words in new_words.items()
            for position, word in enumerate(segment_words)], _Steps(context, 0.2, 0.9))
        _write_lines(connection, [_new_values(old, by_id[old.segment_id]) for old in changed],
                     _Steps(context, 0.9, 1.0))
        _update_episode(connection, episode_id, episode.duration_ms)
        context.check()  # the last moment a cancel rolls it all back
    return SyncUndo(episode_id, episode.duration_ms, episode.times_estimated, tuple(changed))


def restore_sync(db: Database, undo: SyncUndo, context: WorkContext | None = None) -> None:
    """Put back the times, flags and words ``undo`` holds (undo of ``apply_sync``)."""
    context = context or WorkContext()
    with db.session(write=True) as session:
        connection = session.connection()
        _replace_words(connection, undo.segment_ids, [
            (line.segment_id, word.position, word.start_ms, word.end_ms, word.text,
             word.estimated, word.id)
            for line in undo.lines for word in line.words], _Steps(context, 0.0, 0.8))
        _write_lines(connection, [
            (line.start_ms, line.end_ms, line.times_estimated, line.time_set_by_user,
             line.found_in_audio, line.segment_id) for line in undo.lines],
            _Steps(context, 0.8, 1.0))
        connection.execute(
            update(EPISODE).where(EPISODE.c.id == undo.episode_id)
            .values(duration_ms=undo.duration_ms, times_estimated=undo.times_estimated))


# Tens of thousands of rows at once: straight to the driver's executemany, which is some
# ten times faster than SQLAlchemy building a parameter set per row (20,000 lines with
# 200,000 words: 8.4 s under profiling, most of it there).
class _Steps:
    """Runs a statement over many rows in batches, checking for a cancel and reporting
    progress from ``low`` to ``high`` between them."""

    def __init__(self, context: WorkContext, low: float, high: float):
        self.context = context
        self.low = low
        self.high = high

    def run(self, connection: Connection, statement: str,
            rows: Sequence[tuple[object, ...]]) -> None:
        for start in range(0, len(rows), BATCH_ROWS):
            self.context.check()
            connection.exec_driver_sql(statement, list(rows[start:start + BATCH_ROWS]))
            done = min(len(rows), start + BATCH_ROWS) / len(rows)
            self.context.progress(self.low + (self.high - self.low) * done)

    def split(self, share: float) -> tuple[_Steps, _Steps]:
        middle = self.low + (self.high - self.low) * share
        return _Steps(self.context, self.low, middle), _Steps(self.context, middle, self.high)


def _replace_words(connection: Connection, segment_ids: Sequence[int],
                   words: Sequence[tuple[object, ...]], steps: _Steps) -> None:
    """Delete the words of ``segment_ids``, insert ``words`` (segment_id, position, start,
    end, text, estimated[, id])."""
    deleting, inserting = steps.split(0.4)
    deleting.run(connection, "DELETE FROM word WHERE segment_id = ?",
                 [(segment_id,) for segment_id in segment_ids])
    if words:
        columns = "segment_id, position, start_ms, end_ms, text, estimated"
        if len(words[0]) == 7:
            columns += ", id"
        marks = ", ".join("?" * len(words[0]))
        inserting.run(connection, f"INSERT INTO word ({columns}) VALUES ({marks})", words)


def _write_lines(connection: Connection, values: Sequence[tuple[object, ...]],
                 steps: _Steps) -> None:
    """(start, end, estimated, by_user, found, segment_id) per line."""
    steps.run(connection,
              "UPDATE segment SET start_ms = ?, end_ms = ?, times_estimated = ?, "
              "time_set_by_user = ?, found_in_audio = ? WHERE id = ?", values)


def _lines_before(connection: Connection, episode_id: int) -> list[LineBefore]:
    rows = connection.execute(
        select(SEGMENT.c.id, SEGMENT.c.start_ms, SEGMENT.c.end_ms, SEGMENT.c.times_estimated,
               SEGMENT.c.time_set_by_user, SEGMENT.c.found_in_audio)
        .where(SEGMENT.c.episode_id == episode_id)
        .order_by(SEGMENT.c.position)
    ).all()
    words: dict[int, list[StoredWord]] = {}
    for row in connection.execute(
            select(WORD.c.segment_id, WORD.c.id, WORD.c.position, WORD.c.start_ms,
                   WORD.c.end_ms, WORD.c.text, WORD.c.estimated)
            .join(SEGMENT, WORD.c.segment_id == SEGMENT.c.id)
            .where(SEGMENT.c.episode_id == episode_id)
            .order_by(WORD.c.segment_id, WORD.c.position)):
        words.setdefault(row.segment_id, []).append(StoredWord(*row[1:]))
    return [LineBefore(row.id, row.start_ms, row.end_ms, row.times_estimated,
                       row.time_set_by_user, row.found_in_audio, tuple(words.get(row.id, ())))
            for row in rows]


def _new_values(old: LineBefore, new: SyncedLine) -> tuple[object, ...]:
    """The line's (start, end, estimated, by_user, found, segment_id) after the sync."""
    if old.time_set_by_user:  # an anchor keeps its times
        return (old.start_ms, old.end_ms, old.times_estimated, True, new.found, old.segment_id)
    return (new.start_ms, new.end_ms, new.times_estimated, False, new.found, old.segment_id)


def _changes(old: LineBefore, new: SyncedLine) -> bool:
    if _new_values(old, new) != (old.start_ms, old.end_ms, old.times_estimated,
                                 old.time_set_by_user, old.found_in_audio, old.segment_id):
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
