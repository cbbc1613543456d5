"""Splitting a line in two where a second voice starts, and putting it back (undo).

The split goes at the word nearest the given time when the line has word times, else at
the space nearest the same share of its text. The first part keeps the line's id, speaker
and notes' anchors; the second is a new line after it, unlabelled (it is someone else
speaking), with the words from the split on. One transaction each way.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update

from meelezer.store.database import Database
from meelezer.store.errors import line_not_found
from meelezer.store.search import index_line
from meelezer.store.tables import SEGMENT, WORD, inserted_id

__all__ = ["SplitDone", "SplitPoint", "split_point", "split_segment", "unsplit_segment"]


@dataclass(frozen=True, slots=True)
class SplitPoint:
    """Where a line would be split: at ``at_ms``, before character ``char_index`` (and word
    ``word_index`` of its timed words, if it has them)."""

    segment_id: int
    at_ms: int
    char_index: int
    word_index: int | None
    first_text: str
    second_text: str


@dataclass(frozen=True, slots=True)
class SplitDone:
    """A split as made, for undo and redo (redo makes the new line with the same id)."""

    point: SplitPoint
    new_segment_id: int
    episode_id: int
    position: int
    text: str
    end_ms: int


def split_point(db: Database, segment_id: int, change_ms: int) -> SplitPoint | None:
    """Where to split the line for a voice change at ``change_ms``; None when the change is
    at the line's very start or end (one side would be empty)."""
    with db.session() as session:
        connection = session.connection()
        line = _line(db, connection, segment_id)
        words = connection.execute(
            select(WORD.c.position, WORD.c.start_ms, WORD.c.text)
            .where(WORD.c.segment_id == segment_id).order_by(WORD.c.position)).all()
    text = line.text
    char_index: int | None = None
    word_index: int | None = None
    at_ms = change_ms
    offsets = _word_offsets(text, [word.text for word in words]) if words else None
    if words and offsets is not None and len(words) > 1:
        # The word boundary nearest the change, never before the first or after the last.
        word_index = min(range(1, len(words)), key=lambda k: abs(words[k].start_ms - change_ms))
        char_index, at_ms = offsets[word_index], int(words[word_index].start_ms)
    else:
        length = max(1, line.end_ms - line.start_ms)
        share = min(1.0, max(0.0, (change_ms - line.start_ms) / length))
        char_index = _nearest_space(text, round(share * len(text)))
    if char_index is None:
        return None
    first, second = text[:char_index].rstrip(), text[char_index:].lstrip()
    if not first or not second or not line.start_ms < at_ms < max(line.end_ms, line.start_ms + 1):
        return None
    return SplitPoint(segment_id, at_ms, char_index, word_index, first, second)


def split_segment(db: Database, point: SplitPoint, new_segment_id: int | None = None
                  ) -> SplitDone:
    """Split the line at ``point``: it keeps the first part, a new line after it the rest."""
    with db.session(write=True) as session:
        connection = session.connection()
        line = _line(db, connection, point.segment_id)
        _shift_after(connection, line.episode_id, line.position, +1)
        values = {"episode_id": line.episode_id, "position": line.position + 1,
                  "start_ms": point.at_ms, "end_ms": max(line.end_ms, point.at_ms + 1),
                  "text": point.second_text, "speaker_id": None,
                  "times_estimated": line.times_estimated, "time_set_by_user": False,
                  "found_in_audio": line.found_in_audio}
        if new_segment_id is not None:
            values["id"] = new_segment_id
        new_id = inserted_id(connection.execute(insert(SEGMENT).values(values)))
        index_line(connection, new_id, point.second_text)
        connection.execute(update(SEGMENT).where(SEGMENT.c.id == point.segment_id)
                           .values(text=point.first_text, end_ms=point.at_ms))
        if point.word_index is not None:
            connection.execute(
                update(WORD).where(WORD.c.segment_id == point.segment_id,
                                   WORD.c.position >= point.word_index)
                .values(segment_id=new_id, position=WORD.c.position - point.word_index))
    return SplitDone(point, new_id, line.episode_id, line.position, line.text, line.end_ms)


def unsplit_segment(db: Database, done: SplitDone) -> None:
    """Join the two parts again, as the line was before the split."""
    point = done.point
    with db.session(write=True) as session:
        connection = session.connection()
        if point.word_index is not None:
            connection.execute(
                update(WORD).where(WORD.c.segment_id == done.new_segment_id)
                .values(segment_id=point.segment_id,
                        position=WORD.c.position + point.word_index))
        connection.execute(delete(SEGMENT).where(SEGMENT.c.id == done.new_segment_id))
        _shift_after(connection, done.episode_id, done.position + 1, -1)
        connection.execute(update(SEGMENT).where(SEGMENT.c.id == point.segment_id)
                           .values(text=done.text, end_ms=done.end_ms))


def _line(db: Database, connection: Connection, segment_id: int) -> Row:
    row = connection.execute(
        select(SEGMENT.c.episode_id, SEGMENT.c.position, SEGMENT.c.start_ms, SEGMENT.c.end_ms,
               SEGMENT.c.text, SEGMENT.c.times_estimated, SEGMENT.c.found_in_audio)
        .where(SEGMENT.c.id == segment_id)).one_or_none()
    if row is None:
        raise line_not_found(segment_id, db.path)
    return Row(*row)


@dataclass(frozen=True, slots=True)
class Row:
    episode_id: int
    position: int
    start_ms: int
    end_ms: int
    text: str
    times_estimated: bool
    found_in_audio: bool | None


def _shift_after(connection: Connection, episode_id: int, position: int, by: int) -> None:
    """Move the lines after ``position`` by ``by`` places. Through negative positions, since
    SQLite checks the unique (episode, position) row by row during one UPDATE."""
    connection.execute(update(SEGMENT).where(SEGMENT.c.episode_id == episode_id,
                                             SEGMENT.c.position > position)
                       .values(position=-(SEGMENT.c.position + by)))
    connection.execute(update(SEGMENT).where(SEGMENT.c.episode_id == episode_id,
                                             SEGMENT.c.position < 0)
                       .values(position=-SEGMENT.c.position))


def _word_offsets(text: str, words: list[str]) -> list[int] | None:
    """Where each timed word starts in the line's text; None when they cannot all be found
    in order (the text was corrected since)."""
    offsets, cursor = [], 0
    for word in words:
        found = text.find(word.strip(), cursor)
        if found < 0 or not word.strip():
            return None
        offsets.append(found)
        cursor = found + len(word.strip())
    return offsets


def _nearest_space(text: str, index: int) -> int | None:
    """The start of the word nearest ``index`` (after a space), or None for one word."""
    starts = [i for i in range(1, len(text)) if text[i - 1].isspace() and not text[i].isspace()]
    return min(starts, key=lambda start: abs(start - index)) if starts else None
