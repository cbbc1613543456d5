"""Migration 0003: the "found in the audio" flag of each line (Sync to audio)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, select

from meelezer.store import Database, import_transcript, open_database
from meelezer.store.migrate import CONNECTION_ATTRIBUTE, current_revision, make_config
from meelezer.store.search import search_library
from meelezer.store.sqlite import configure_engine, sqlite_url
from meelezer.store.tables import SEGMENT
from meelezer.transcript.model import Transcript


def _downgrade(db_path: Path, revision: str) -> None:
    engine = create_engine(sqlite_url(db_path))
    configure_engine(engine)
    config = make_config()
    with engine.connect() as connection, connection.begin():
        config.attributes[CONNECTION_ATTRIBUTE] = connection
        command.downgrade(config, revision)
        assert current_revision(connection) == revision
        columns = {column["name"] for column in inspect(connection).get_columns("segment")}
        assert "found_in_audio" not in columns
    engine.dispose()


def test_a_library_from_0002_gets_the_flag_unset_and_keeps_its_lines(
    db_path: Path,
    make_transcript: Callable[..., Transcript],
    count_rows: Callable[[Database], dict[str, int]],
) -> None:
    with open_database(db_path) as db:
        import_transcript(db, make_transcript(40, words_per_segment=2), Path("a.txt"),
                          "c" * 64, None)
        before = count_rows(db)
        with db.session() as session:
            lines_before = session.connection().execute(
                select(SEGMENT.c.id, SEGMENT.c.start_ms, SEGMENT.c.text)
                .order_by(SEGMENT.c.id)).all()
    _downgrade(db_path, "0002")  # as a library of the release before Sync to audio

    with open_database(db_path) as db:  # opening migrates it again
        assert count_rows(db) == before
        with db.session() as session:
            connection = session.connection()
            assert connection.execute(
                select(SEGMENT.c.id, SEGMENT.c.start_ms, SEGMENT.c.text)
                .order_by(SEGMENT.c.id)).all() == lines_before
            flags = connection.execute(select(SEGMENT.c.found_in_audio)).scalars().all()
        assert flags and set(flags) == {None}  # never synced
        # The search triggers survived (the table was altered in place, not recreated).
        first = lines_before[0]
        assert search_library(db, "welkom")
        with db.session(write=True) as session:
            session.connection().execute(
                SEGMENT.update().where(SEGMENT.c.id == first.id).values(
                    text="zwaluwstaart", found_in_audio=False))
        assert [hit.segment_id for hit in search_library(db, "zwaluwstaart")] == [first.id]
