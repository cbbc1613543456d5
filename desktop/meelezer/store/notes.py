"""Notes, bookmarks and highlights of an episode, each change returning what its undo needs."""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import Connection, delete, insert, select, update

from meelezer.store.database import Database
from meelezer.store.errors import StoreError
from meelezer.store.rows import NoteRow
from meelezer.store.tables import NOTE, NOTE_KINDS, inserted_id, utc_now
from meelezer.texts import translate

__all__ = ["add_note", "delete_note", "list_notes", "put_note", "restore_note", "update_note"]

_NOTE_COLUMNS: Final = (
    NOTE.c.id,
    NOTE.c.episode_id,
    NOTE.c.time_ms,
    NOTE.c.kind,
    NOTE.c.text,
    NOTE.c.color,
    NOTE.c.end_ms,
    NOTE.c.created_at,
    NOTE.c.updated_at,
)


def list_notes(db: Database, episode_id: int) -> list[NoteRow]:
    """The episode's notes in time order (then in the order they were made)."""
    query = (
        select(*_NOTE_COLUMNS)
        .where(NOTE.c.episode_id == episode_id)
        .order_by(NOTE.c.time_ms, NOTE.c.id)
    )
    with db.session() as session:
        rows = session.connection().execute(query).all()
    return [NoteRow(*row) for row in rows]


def add_note(
    db: Database,
    episode_id: int,
    time_ms: int,
    kind: str = "note",
    text: str = "",
    color: str | None = None,
    end_ms: int | None = None,
) -> NoteRow:
    """A new note at ``time_ms`` (a highlight also has ``end_ms``). Undo with ``delete_note``."""
    _validate(db, kind, time_ms, end_ms)
    now = utc_now()
    values = {
        "episode_id": episode_id, "time_ms": time_ms, "kind": kind, "text": text,
        "color": color, "end_ms": end_ms, "created_at": now, "updated_at": now,
    }
    with db.session(write=True) as session:
        connection = session.connection()
        note_id = inserted_id(connection.execute(insert(NOTE).values(values)))
        # Read back, so the timestamps are exactly what a later list_notes returns.
        row = _get(db, connection, note_id)
    return row


def update_note(
    db: Database,
    note_id: int,
    *,
    text: str | None = None,
    color: str | None = None,
    time_ms: int | None = None,
) -> NoteRow:
    """Change the given fields (None: keep) and ``updated_at``; returns the note as it was.

    Undo with ``put_note`` on the returned row.
    """
    with db.session(write=True) as session:
        connection = session.connection()
        old = _get(db, connection, note_id)
        changes: dict[str, Any] = {"updated_at": utc_now()}
        if text is not None:
            changes["text"] = text
        if color is not None:
            changes["color"] = color
        if time_ms is not None:
            # A highlight keeps its length when it is moved.
            changes["time_ms"] = time_ms
            if old.end_ms is not None:
                changes["end_ms"] = old.end_ms + time_ms - old.time_ms
            _validate(db, old.kind, time_ms, changes.get("end_ms"))
        connection.execute(update(NOTE).where(NOTE.c.id == note_id).values(changes))
    return old


def delete_note(db: Database, note_id: int) -> NoteRow:
    """Remove the note; returns it as it was, for ``put_note`` (undo)."""
    with db.session(write=True) as session:
        connection = session.connection()
        old = _get(db, connection, note_id)
        connection.execute(delete(NOTE).where(NOTE.c.id == note_id))
    return old


def put_note(db: Database, row: NoteRow) -> None:
    """Write ``row`` exactly, id and timestamps included, whether or not the note exists.

    Undoes ``delete_note`` (re-inserts) and ``update_note`` (writes the old values back).
    """
    values = _values(row)
    with db.session(write=True) as session:
        connection = session.connection()
        result = connection.execute(update(NOTE).where(NOTE.c.id == row.id).values(values))
        if not result.rowcount:
            connection.execute(insert(NOTE).values(id=row.id, **values))


# The name the undo of a deletion reads best with.
restore_note = put_note


def _values(row: NoteRow) -> dict[str, Any]:
    return {
        "episode_id": row.episode_id, "time_ms": row.time_ms, "kind": row.kind,
        "text": row.text, "color": row.color, "end_ms": row.end_ms,
        "created_at": row.created_at, "updated_at": row.updated_at,
    }


def _get(db: Database, connection: Connection, note_id: int) -> NoteRow:
    row = connection.execute(select(*_NOTE_COLUMNS).where(NOTE.c.id == note_id)).one_or_none()
    if row is None:
        raise StoreError(translate(
            "Store", "Note {id} is not in the library (it may have been removed).",
        ).format(id=note_id), db.path)
    return NoteRow(*row)


def _validate(db: Database, kind: str, time_ms: int, end_ms: int | None) -> None:
    if kind not in NOTE_KINDS:
        raise StoreError(translate("Store", "“{kind}” is not a kind of note; use one of {kinds}.")
                         .format(kind=kind, kinds=", ".join(NOTE_KINDS)), db.path)
    if time_ms < 0:
        raise StoreError(translate("Store", "A note cannot be before the start ({time} ms).")
                         .format(time=time_ms), db.path)
    if end_ms is not None and end_ms < time_ms:
        raise StoreError(translate(
            "Store", "A highlight cannot end ({end} ms) before it starts ({start} ms).",
        ).format(end=end_ms, start=time_ms), db.path)
