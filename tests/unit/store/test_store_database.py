"""Opening the database: pragmas, migrations at open, damaged and too-new files, reopening."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, column, create_engine, inspect, select, table, update
from sqlalchemy.exc import SQLAlchemyError

from helpers.library_files import killed_with_library_open
from meelezer.store import (
    Database,
    DatabaseDamagedError,
    DatabaseTooNewError,
    StoreError,
    import_transcript,
    load_segments,
    open_database,
)
from meelezer.store.migrate import current_revision, head_revision
from meelezer.store.sqlite import configure_engine, connection_pragmas, sqlite_url
from meelezer.store.tables import NOTE, SHOW, Note, Show
from meelezer.transcript.model import Transcript

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": 1,  # NORMAL
}
ALEMBIC_VERSION = table("alembic_version", column("version_num"))


def test_pragmas_on_every_new_connection(db: Database) -> None:
    with db.engine.connect() as first, db.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        assert connection_pragmas(first) == EXPECTED_PRAGMAS
        assert connection_pragmas(second) == EXPECTED_PRAGMAS
    db.engine.dispose()  # the pool is emptied: the next connection is brand new
    with db.engine.connect() as third:
        assert connection_pragmas(third) == EXPECTED_PRAGMAS
    with db.session() as session:
        assert connection_pragmas(session.connection()) == EXPECTED_PRAGMAS


def test_fresh_database_is_made_by_migrations(db: Database) -> None:
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        tables = set(inspect(connection).get_table_names())
    search_tables = {name for name in tables if name.startswith("search_index")}
    assert search_tables  # the full-text index of migration 0002
    assert tables - search_tables == {
        "alembic_version", "show", "episode", "speaker", "segment", "word", "note",
        "voice_profile"}


def test_reopen_keeps_data(
    db_path: Path, make_transcript: Callable[..., Transcript]
) -> None:
    with open_database(db_path) as db:
        episode_id = import_transcript(db, make_transcript(10), Path("a.txt"), "a" * 64, None)
    with open_database(db_path) as db:
        segments = load_segments(db, episode_id)
    assert [s.position for s in segments] == list(range(10))
    assert segments[3].text.startswith("3: ")


def test_session_rolls_back_and_raises_store_error(db: Database) -> None:
    with pytest.raises(StoreError) as caught, db.session() as session:
        session.add(Note(episode_id=12345, time_ms=0, kind="note", text="orphan"))
    assert not isinstance(caught.value, SQLAlchemyError)
    assert isinstance(caught.value.__cause__, SQLAlchemyError)  # kept for the log
    with db.session() as session:
        assert session.connection().execute(select(NOTE.c.id)).all() == []


def test_session_commits(db: Database) -> None:
    with db.session() as session:
        session.add(Show(name="AI Report"))
    with db.session() as session:
        assert session.connection().execute(select(SHOW.c.name)).scalars().all() == ["AI Report"]


def test_random_bytes_are_a_damaged_database(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(os.urandom(64 * 1024))
    with pytest.raises(DatabaseDamagedError) as caught:
        open_database(db_path)
    message = str(caught.value)
    assert str(db_path) in message
    assert "not a Meelezer database" in message
    assert "move the file" in message  # says what to do
    assert caught.value.path == db_path
    assert "Traceback" not in message and "sqlalchemy" not in message.lower()


def test_corrupt_pages_are_a_damaged_database(
    db_path: Path, make_transcript: Callable[..., Transcript]
) -> None:
    with open_database(db_path) as db:
        import_transcript(db, make_transcript(3000), Path("a.txt"), "a" * 64, None)
    data = bytearray(db_path.read_bytes())
    assert len(data) > 200_000
    # Keep the 100-byte header (so SQLite recognises the file) and trash pages further on.
    for offset in range(8192, len(data) - 4096, 16384):
        data[offset : offset + 4096] = os.urandom(4096)
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamagedError) as caught:
        open_database(db_path)
    assert "damaged" in str(caught.value)


def test_failed_integrity_check_is_a_damaged_database(
    db_path: Path, make_transcript: Callable[..., Transcript]
) -> None:
    with open_database(db_path) as db:
        import_transcript(db, make_transcript(3000), Path("a.txt"), "a" * 64, None)
    # Forget an index in the schema (raw sqlite3: a tool for damaging, not store code): its
    # pages stay in the file but nothing uses them, which only integrity_check notices.
    raw = sqlite3.connect(db_path, isolation_level=None)
    raw.execute("PRAGMA writable_schema=ON")
    raw.execute("DELETE FROM sqlite_master WHERE name = 'ix_segment_speaker_id'")
    raw.close()
    # The full check runs only after an unclean end: a process killed with the library open.
    open_database(db_path).close()
    killed_with_library_open(db_path)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_database(db_path)
    message = str(caught.value)
    assert "integrity check found" in message
    assert "is never used" in message
    assert "move the file" in message


def test_unknown_future_revision_is_too_new(db_path: Path) -> None:
    with open_database(db_path) as db, db.session() as session:
        session.connection().execute(update(ALEMBIC_VERSION).values(version_num="9999_future"))
    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(db_path)
    message = str(caught.value)
    assert "newer version of Meelezer" in message
    assert "9999_future" in message
    assert "Update Meelezer" in message


def test_foreign_sqlite_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    engine = create_engine(sqlite_url(db_path))
    configure_engine(engine)
    with engine.begin() as connection:
        _create_unrelated_table(connection)
    engine.dispose()
    with pytest.raises(StoreError, match="not a Meelezer library"):
        open_database(db_path)


def test_missing_parent_folder_is_created(tmp_path: Path) -> None:
    with open_database(tmp_path / "x" / "y" / "meelezer.sqlite3") as db:
        assert db.path.parent.is_dir()


def _create_unrelated_table(connection: Connection) -> None:
    from sqlalchemy import Column, Integer, MetaData, Table

    metadata = MetaData()
    Table("recipes", metadata, Column("id", Integer, primary_key=True))
    metadata.create_all(connection)
