"""Correcting line text: single edits, reverting, find and replace, each with its undo."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, update

from meelezer.store.database import Database
from meelezer.store.errors import StoreError, line_not_found
from meelezer.store.tables import SEGMENT
from meelezer.texts import translate

__all__ = [
    "ReplaceResult",
    "TextChange",
    "count_matches",
    "find_replace",
    "restore_texts",
    "revert_segment_text",
    "set_segment_text",
]


@dataclass(frozen=True, slots=True)
class TextChange:
    """A line's text and ``original_text`` as they were BEFORE a change (for undo)."""

    segment_id: int
    text: str
    original_text: str | None


@dataclass(frozen=True, slots=True)
class ReplaceResult:
    """What ``find_replace`` changed: the lines as they were, and how many matches it replaced."""

    changes: tuple[TextChange, ...]
    occurrences: int


def set_segment_text(db: Database, segment_id: int, text: str) -> TextChange:
    """Correct the line's text; the first correction keeps the reader's text.

    Setting the text back to the reader's text forgets the correction. Undo with
    ``restore_texts``.
    """
    with db.session(write=True) as session:
        connection = session.connection()
        before = _get(db, connection, segment_id)
        _write(connection, [TextChange(segment_id, text, _original_after(before, text))])
    return before


def revert_segment_text(db: Database, segment_id: int) -> TextChange:
    """Put the reader's text back on a corrected line (no change if it was never corrected)."""
    with db.session(write=True) as session:
        connection = session.connection()
        before = _get(db, connection, segment_id)
        if before.original_text is not None:
            _write(connection, [TextChange(segment_id, before.original_text, None)])
    return before


def restore_texts(db: Database, changes: Sequence[TextChange]) -> None:
    """Write the texts back exactly as ``changes`` hold them (undo); one executemany."""
    if not changes:
        return
    with db.session(write=True) as session:
        _write(session.connection(), changes)


def find_replace(
    db: Database,
    episode_id: int,
    find: str,
    replace: str,
    *,
    case_sensitive: bool = False,
    whole_words: bool = False,
) -> ReplaceResult:
    """Replace the literal text ``find`` by ``replace`` in every line of the episode.

    One transaction; only lines that change are written. Undo with ``restore_texts`` on
    ``result.changes``.
    """
    pattern = _pattern(db, find, case_sensitive, whole_words)
    changes: list[TextChange] = []
    updates: list[TextChange] = []
    occurrences = 0
    with db.session(write=True) as session:
        connection = session.connection()
        for before in _episode_texts(connection, episode_id):
            # A function as replacement, so backslashes in ``replace`` are taken literally.
            text, count = pattern.subn(lambda _match: replace, before.text)
            if not count:
                continue
            occurrences += count
            if text == before.text:
                continue
            changes.append(before)
            updates.append(TextChange(before.segment_id, text, _original_after(before, text)))
        if updates:
            _write(connection, updates)
    return ReplaceResult(tuple(changes), occurrences)


def count_matches(
    db: Database,
    episode_id: int,
    find: str,
    *,
    case_sensitive: bool = False,
    whole_words: bool = False,
) -> tuple[int, int]:
    """How often ``find`` occurs in the episode, and in how many lines (for a preview)."""
    pattern = _pattern(db, find, case_sensitive, whole_words)
    occurrences = lines = 0
    with db.session() as session:
        for row in _episode_texts(session.connection(), episode_id):
            count = sum(1 for _ in pattern.finditer(row.text))
            occurrences += count
            lines += count > 0
    return occurrences, lines


def _original_after(before: TextChange, text: str) -> str | None:
    """``original_text`` once the line reads ``text``: the reader's text, None if unchanged."""
    original = before.text if before.original_text is None else before.original_text
    return None if text == original else original


def _pattern(db: Database, find: str, case_sensitive: bool, whole_words: bool) -> re.Pattern[str]:
    if not find:
        raise StoreError(translate("Store", "Type the text to find."), db.path)
    expression = re.escape(find)
    if whole_words:
        # Lookarounds, not \b: \b misbehaves when the text starts or ends with punctuation.
        expression = rf"(?<!\w){expression}(?!\w)"
    return re.compile(expression, 0 if case_sensitive else re.IGNORECASE)


def _episode_texts(connection: Connection, episode_id: int) -> list[TextChange]:
    rows = connection.execute(
        select(SEGMENT.c.id, SEGMENT.c.text, SEGMENT.c.original_text)
        .where(SEGMENT.c.episode_id == episode_id)
        .order_by(SEGMENT.c.position)
    )
    return [TextChange(*row) for row in rows]


def _get(db: Database, connection: Connection, segment_id: int) -> TextChange:
    row = connection.execute(
        select(SEGMENT.c.id, SEGMENT.c.text, SEGMENT.c.original_text)
        .where(SEGMENT.c.id == segment_id)
    ).one_or_none()
    if row is None:
        raise line_not_found(segment_id, db.path)
    return TextChange(*row)


def _write(connection: Connection, changes: Sequence[TextChange]) -> None:
    connection.execute(
        update(SEGMENT).where(SEGMENT.c.id == bindparam("segment_id"))
        .values(text=bindparam("new_text"), original_text=bindparam("new_original")),
        [
            {"segment_id": change.segment_id, "new_text": change.text,
             "new_original": change.original_text}
            for change in changes
        ],
    )
