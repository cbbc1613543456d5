"""Schema migrations: bring a database to the newest revision with alembic, run in-process."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from meelezer.store import sqlite
from meelezer.store.errors import DatabaseTooNewError, StoreError
from meelezer.texts import translate

logger = logging.getLogger(__name__)

MIGRATIONS_DIR: Final = Path(__file__).resolve().parent / "migrations"

# Key under which env.py finds the connection to migrate (no second engine is made).
CONNECTION_ATTRIBUTE: Final = "connection"


def make_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    """An alembic configuration for the store's migrations; no alembic.ini is needed.

    Developers writing a new revision can use it too, e.g.
    ``command.revision(make_config(), "add ratings", rev_id="0002")``.
    """
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def migration_options(connection: Connection) -> dict[str, Any]:
    """Extra ``context.configure`` options for the connection's database (env.py uses this)."""
    if connection.dialect.name == sqlite.DIALECT:
        return dict(sqlite.MIGRATION_OPTIONS)
    return {}


def head_revision(config: Config | None = None) -> str:
    """The newest schema revision this Meelezer knows."""
    head = ScriptDirectory.from_config(config or make_config()).get_current_head()
    assert head is not None, "the migrations directory has no revisions"
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; None for a database alembic has never touched."""
    heads = MigrationContext.configure(connection).get_current_heads()
    return heads[0] if heads else None


def upgrade(connection: Connection, config: Config | None = None) -> None:
    """Migrate the database behind ``connection`` to the head revision, in one transaction.

    ``connection`` must not be in a transaction. Raises ``DatabaseTooNewError`` for a
    revision this version does not know and ``StoreError`` for a database that is not a
    Meelezer library or whose migration would break a foreign key.
    """
    config = config or make_config()
    script = ScriptDirectory.from_config(config)
    current = current_revision(connection)
    known = {revision.revision for revision in script.walk_revisions()}
    has_tables = bool(inspect(connection).get_table_names())
    connection.rollback()
    database = connection.engine.url.database
    path = Path(database) if database else None
    if current is not None and current not in known:
        raise DatabaseTooNewError(translate(
            "Store", "The library database {path} was made by a newer version of Meelezer "
            "(schema revision {revision}; this version knows up to {head}). Update Meelezer "
            "to open it, or choose another data folder with --data-dir.",
        ).format(path=path, revision=current, head=script.get_current_head()), path)
    if current is None and has_tables:
        raise StoreError(translate(
            "Store", "{path} is an SQLite database, but not a Meelezer library. Move it out "
            "of the data folder, or choose another data folder with --data-dir.",
        ).format(path=path), path)
    if current == script.get_current_head():
        return
    # Foreign keys off *before* the transaction begins: batch mode recreates tables, and
    # with enforcement on, dropping the old table would cascade-delete all child rows.
    logger.info("Updating the library %s from schema %s to %s", path, current,
                script.get_current_head())
    with _foreign_keys_off(connection), connection.begin():
        config.attributes[CONNECTION_ATTRIBUTE] = connection
        try:
            command.upgrade(config, "head")
        finally:
            del config.attributes[CONNECTION_ATTRIBUTE]
        violations = _foreign_key_violations(connection)
        if violations:
            table, rowid, parent = violations[0][:3]
            raise StoreError(translate(
                "Store", "Updating the library database {path} to this version of Meelezer "
                "would leave {count} row(s) pointing to rows that do not exist (the first: "
                "{table} row {row}, missing its {parent}), so it was left unchanged. Please "
                "report this as a bug, with the database file.",
            ).format(path=path, count=len(violations), table=table, row=rowid, parent=parent),
                path)


@contextmanager
def _foreign_keys_off(connection: Connection) -> Iterator[None]:
    is_sqlite = connection.dialect.name == sqlite.DIALECT
    with sqlite.foreign_keys_off(connection) if is_sqlite else nullcontext():
        yield


def _foreign_key_violations(connection: Connection) -> list[tuple[Any, ...]]:
    if connection.dialect.name == sqlite.DIALECT:
        return sqlite.foreign_key_violations(connection)
    return []
