"""Everything SQLite-specific: the URL, per-connection pragmas, transactions, checks, errors."""

# The rest of the store speaks plain SQLAlchemy; supporting another database means adding a
# module like this one (and dispatching on the dialect name), not touching the queries.

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from sqlalchemy import URL, Connection, Engine, event
from sqlalchemy.pool import ConnectionPoolEntry

from meelezer.texts import translate

DIALECT: Final = "sqlite"

# Run on every new DBAPI connection, outside any transaction (some pragmas are ignored
# inside one). WAL lets the UI read while a write is in progress; busy_timeout makes a
# second writer wait up to 5 s instead of failing at once.
CONNECTION_PRAGMAS: Final = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=NORMAL",
)

_PRAGMA_QUERIES: Final = {
    "journal_mode": "PRAGMA journal_mode",
    "foreign_keys": "PRAGMA foreign_keys",
    "busy_timeout": "PRAGMA busy_timeout",
    "synchronous": "PRAGMA synchronous",
}

# SQLite cannot ALTER most things in place; alembic's batch mode recreates the table.
MIGRATION_OPTIONS: Final[dict[str, Any]] = {"render_as_batch": True}

# Primary result codes (the low byte of an extended code), from sqlite3.h.
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def sqlite_url(path: Path) -> URL:
    """The SQLAlchemy URL of the database file at ``path``."""
    return URL.create("sqlite+pysqlite", database=str(path))


def configure_engine(engine: Engine) -> None:
    """Apply the connection pragmas and real transactions to every connection of ``engine``.

    pysqlite by default only emits BEGIN before INSERT/UPDATE/DELETE, so DDL (migrations)
    and reads would run outside the transaction; following the SQLAlchemy documentation,
    its own BEGIN handling is switched off and SQLAlchemy's "begin" event emits BEGIN.
    """
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in CONNECTION_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def connection_pragmas(connection: Connection) -> dict[str, object]:
    """The current value of each connection pragma (for checks and tests)."""
    return {
        name: connection.exec_driver_sql(statement).scalar()
        for name, statement in _PRAGMA_QUERIES.items()
    }


def schema_revision(connection: Connection) -> str | None:
    """The alembic revision recorded in the database, read without loading alembic."""
    has_table = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if has_table is None:
        return None
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def integrity_problems(connection: Connection) -> list[str]:
    """The problems ``PRAGMA integrity_check`` reports, one per item; empty when sound."""
    rows = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    if rows == ["ok"]:
        return []
    lines = (line.strip() for row in rows for line in row.splitlines())
    return [line for line in lines if line and not line.startswith("*** in database")]


def foreign_key_violations(connection: Connection) -> list[tuple[Any, ...]]:
    """Rows of ``PRAGMA foreign_key_check``: (table, rowid, parent table, fk index)."""
    return [tuple(row) for row in connection.exec_driver_sql("PRAGMA foreign_key_check")]


@contextmanager
def foreign_keys_off(connection: Connection) -> Iterator[None]:
    """Turn foreign key enforcement off on ``connection`` for the duration of the block.

    For migrations: alembic's batch mode drops and recreates tables, and with foreign keys
    on, dropping a parent table CASCADE-deletes every child row. The pragma is a no-op
    inside a transaction, so ``connection`` must not be in one; it is set on the DBAPI
    connection directly so SQLAlchemy does not begin one first. Enforcement is turned
    back on afterwards even if the block fails, because the connection returns to the pool.
    """
    if connection.in_transaction():
        raise RuntimeError("foreign_keys_off needs a connection outside a transaction")
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys=ON")


def describe_error(error: BaseException) -> tuple[str, bool] | None:
    """A user-facing explanation of an sqlite3 error, and whether it means a damaged file.

    ``error`` is the sqlite3 exception itself or a SQLAlchemy wrapper of it (``.orig``).
    Returns None for errors this module does not recognise.
    """
    original = getattr(error, "orig", error)
    if not isinstance(original, sqlite3.Error):
        return None
    code = getattr(original, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(original)
    if primary == _SQLITE_NOTADB or "file is not a database" in text:
        return translate("Store", "the file is not a Meelezer database (SQLite says: file is "
                                  "not a database)"), True
    if primary == _SQLITE_CORRUPT or "malformed" in text:
        return translate("Store", "the file is damaged (SQLite says: {problem})").format(
            problem=text), True
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return translate("Store", "the library is in use by another program, perhaps another "
                                  "Meelezer window; close it and try again"), False
    if primary == _SQLITE_FULL:
        return translate("Store", "the disk is full; free some space and try again"), False
    if primary in (_SQLITE_READONLY, _SQLITE_PERM):
        return translate("Store",
                         "the file or its folder is read-only; check its permissions"), False
    if primary == _SQLITE_CANTOPEN:
        return translate("Store", "the file cannot be opened; check that its folder exists and "
                                  "is writable"), False
    if primary == _SQLITE_IOERR:
        return translate("Store", "the disk reported an error (SQLite says: {problem})").format(
            problem=text), False
    return None
