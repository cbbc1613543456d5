"""Migrations: the migrated schema equals the tables, and batch mode keeps child rows."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.engine.reflection import Inspector
from sqlalchemy.exc import OperationalError

from meelezer.store import Database, StoreError, import_transcript, open_database
from meelezer.store.database import HEAD_REVISION
from meelezer.store.migrate import (
    CONNECTION_ATTRIBUTE,
    MIGRATIONS_DIR,
    current_revision,
    make_config,
    upgrade,
)
from meelezer.store.sqlite import configure_engine, connection_pragmas, sqlite_url
from meelezer.store.tables import METADATA, Note, in_metadata
from meelezer.transcript.model import Transcript

# Test-only revisions come after the packaged head, whatever it is now.
TEST_REVISION = "9001"

# A test-only revision that makes batch mode recreate the parent of every other table.
BATCH_REVISION = f'''"""Test only: recreate the episode table."""

import sqlalchemy as sa
from alembic import op

revision = "{TEST_REVISION}"
down_revision = "{HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("episode", recreate="always") as batch:
        batch.add_column(sa.Column("rating", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("episode", recreate="always") as batch:
        batch.drop_column("rating")
'''


def test_migrated_schema_matches_the_tables(db: Database) -> None:
    with db.engine.connect() as connection:
        # The search index is raw SQL (FTS5) that METADATA cannot describe: left out.
        opts = {"compare_type": True, "include_name": in_metadata}
        context = MigrationContext.configure(connection, opts=opts)
        assert compare_metadata(context, METADATA) == []


def test_foreign_keys_have_their_delete_rules(db: Database) -> None:
    with db.engine.connect() as connection:
        inspector = inspect(connection)
        rules = {
            (name, fk["constrained_columns"][0]): fk["options"].get("ondelete")
            for name in METADATA.tables
            for fk in inspector.get_foreign_keys(name)
        }
    assert rules == {
        ("episode", "show_id"): "SET NULL",
        ("speaker", "show_id"): "CASCADE",
        ("speaker", "episode_id"): "CASCADE",
        ("segment", "episode_id"): "CASCADE",
        ("segment", "speaker_id"): "SET NULL",
        ("word", "segment_id"): "CASCADE",
        ("note", "episode_id"): "CASCADE",
        ("voice_profile", "speaker_id"): "CASCADE",
    }


@pytest.fixture
def scripts_with_batch_revision(tmp_path: Path) -> Path:
    """A copy of the packaged migrations plus a revision that batch-alters ``episode``."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{TEST_REVISION}_recreate_episode.py").write_text(BATCH_REVISION)
    return scripts


@pytest.fixture
def populated_db_path(
    db_path: Path,
    make_transcript: Callable[..., Transcript],
    count_rows: Callable[[Database], dict[str, int]],
) -> Path:
    """A database at the head revision with an episode, its segments, words, speakers and notes."""
    with open_database(db_path) as db:
        transcript = make_transcript(200, words_per_segment=3, show=None)
        episode_id = import_transcript(db, transcript, Path("a.txt"), "a" * 64, None)
        with db.session() as session:
            for second in range(5):
                session.add(Note(episode_id=episode_id, time_ms=second * 1000, text="note"))
            session.add(Note(episode_id=episode_id, time_ms=0, kind="highlight", end_ms=500))
        counts = count_rows(db)
    assert counts["segment"] == 200 and counts["word"] == 600 and counts["note"] == 6
    assert counts["speaker"] == 2  # per episode, so recreating episode could cascade here too
    return db_path


def _engine(path: Path) -> Engine:
    engine = create_engine(sqlite_url(path))
    configure_engine(engine)
    return engine


def test_batch_migration_keeps_child_rows(
    populated_db_path: Path,
    scripts_with_batch_revision: Path,
    count_rows: Callable[[Database], dict[str, int]],
) -> None:
    with open_database(populated_db_path) as db:
        before = count_rows(db)

    engine = _engine(populated_db_path)
    with engine.connect() as connection:
        upgrade(connection, make_config(scripts_with_batch_revision))
        assert current_revision(connection) == TEST_REVISION
        columns = {c["name"] for c in inspect(connection).get_columns("episode")}
        assert "rating" in columns  # the table really was recreated
        assert connection_pragmas(connection)["foreign_keys"] == 1  # turned back on
        connection.rollback()
    after = count_rows(Database(engine, populated_db_path))
    engine.dispose()

    assert after == before


def test_batch_migration_with_foreign_keys_on_loses_rows(
    populated_db_path: Path,
    scripts_with_batch_revision: Path,
    count_rows: Callable[[Database], dict[str, int]],
) -> None:
    """The control: the trap is real, so the test above proves something.

    With the search triggers in place SQLite refuses the cascade outright (their writes to
    the FTS index during DROP TABLE: "database table is locked"); without them the rows
    silently go. Both are what migrating with foreign keys off avoids.
    """
    engine = _engine(populated_db_path)
    config = make_config(scripts_with_batch_revision)
    with engine.connect() as connection:
        with pytest.raises(OperationalError, match="locked"), connection.begin():
            config.attributes[CONNECTION_ATTRIBUTE] = connection
            command.upgrade(config, "head")  # naively, with foreign keys on
        with connection.begin():
            for table in ("segment", "note"):
                for action in ("insert", "delete", "update"):
                    connection.exec_driver_sql(
                        f"DROP TRIGGER IF EXISTS search_{table}_{action}")
        with connection.begin():
            assert connection_pragmas(connection)["foreign_keys"] == 1
            config.attributes[CONNECTION_ATTRIBUTE] = connection
            command.upgrade(config, "head")  # naively, with foreign keys on
    after = count_rows(Database(engine, populated_db_path))
    engine.dispose()

    assert after["episode"] == 1
    assert after["segment"] == after["word"] == after["note"] == after["speaker"] == 0


ORPHAN_REVISION = f'''"""Test only: a migration that would leave a note without its episode."""

import sqlalchemy as sa
from alembic import op

revision = "{TEST_REVISION}"
down_revision = "{HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("episode", recreate="always") as batch:
        batch.add_column(sa.Column("rating", sa.Integer(), nullable=True))
    note = sa.table(
        "note", sa.column("episode_id"), sa.column("time_ms"), sa.column("kind"),
        sa.column("text"), sa.column("created_at"), sa.column("updated_at"),
    )
    op.execute(note.insert().values(
        episode_id=999, time_ms=0, kind="note", text="orphan",
        created_at="2025-01-01 00:00:00", updated_at="2025-01-01 00:00:00",
    ))


def downgrade() -> None:
    pass
'''


def test_migration_breaking_a_foreign_key_is_rolled_back(
    populated_db_path: Path, tmp_path: Path, count_rows: Callable[[Database], dict[str, int]]
) -> None:
    scripts = tmp_path / "orphan-migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{TEST_REVISION}_orphan.py").write_text(ORPHAN_REVISION)
    with open_database(populated_db_path) as db:
        before = count_rows(db)

    engine = _engine(populated_db_path)
    with engine.connect() as connection:
        expected = r"leave 1 row\(s\) pointing to rows that do not exist.*note row 7, missing"
        with pytest.raises(StoreError, match=expected):
            upgrade(connection, make_config(scripts))
        assert current_revision(connection) == HEAD_REVISION  # DDL and data both rolled back
        assert "rating" not in {c["name"] for c in inspect(connection).get_columns("episode")}
        assert connection_pragmas(connection)["foreign_keys"] == 1
        connection.rollback()
    engine.dispose()
    with open_database(populated_db_path) as db:
        assert count_rows(db) == before


def test_opening_runs_pending_migrations_only_once(
    populated_db_path: Path, scripts_with_batch_revision: Path
) -> None:
    engine = _engine(populated_db_path)
    config = make_config(scripts_with_batch_revision)
    with engine.connect() as connection:
        upgrade(connection, config)
        upgrade(connection, config)  # at head: nothing to do, no error
        assert current_revision(connection) == TEST_REVISION
    engine.dispose()


def test_inspector_sees_named_constraints(db: Database) -> None:
    """Batch mode can only drop constraints that have names; the naming convention gives them."""
    with db.engine.connect() as connection:
        inspector: Inspector = inspect(connection)
        assert {u["name"] for u in inspector.get_unique_constraints("segment")} == {
            "uq_segment_episode_id_position"
        }
        assert {i["name"] for i in inspector.get_indexes("note")} == {
            "ix_note_episode_id_time_ms"
        }


def test_head_revision_constant_matches_the_migrations() -> None:
    from meelezer.store import migrate
    from meelezer.store.database import HEAD_REVISION

    assert migrate.head_revision() == HEAD_REVISION


def test_reopening_a_current_library_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "library.sqlite3"
    open_database(path).close()  # created and migrated
    script = (
        "import sys; from pathlib import Path; from meelezer.store.database import open_database;"
        f"open_database(Path({str(path)!r})).close(); print('alembic' in sys.modules)"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               check=True)
    assert completed.stdout.strip() == "False"
