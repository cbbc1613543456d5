"""Everything SQLite-specific: the URL, per-connection pragmas, transactions, checks, errors."""

# The rest of the store speaks plain SQLAlchemy; supporting another database means adding a
# module like this one (and dispatching on the dialect name), not touching the queries.

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Final

from sqlalchemy import URL, Connection, Engine, event
from sqlalchemy.pool import ConnectionPoolEntry

from meelezer.os_errors import disk_full_text
from meelezer.texts import translate

DIALECT: Final = "sqlite"

# Run on every new DBAPI connection, outside any transaction (some pragmas are ignored
# inside one). WAL lets the UI read while a write is in progress; busy_timeout makes a
# second writer wait up to 5 s instead of failing at once.
BUSY_TIMEOUT_MS: Final = 5000
CONNECTION_PRAGMAS: Final = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=NORMAL",
)
READ_ONLY_PRAGMAS: Final = (
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA query_only=ON",
)

# The execution option that makes a transaction a write transaction (BEGIN IMMEDIATE).
WRITE_OPTION: Final = "meelezer_write"

# How long a write may wait for another program's lock, when a caller wants less than
# BUSY_TIMEOUT_MS (the window waits briefly and queues the action instead of freezing).
_write_wait_ms: ContextVar[int | None] = ContextVar("write_wait_ms", default=None)

# Free bytes below which an I/O error while writing is called a full disk.
_NEARLY_FULL_BYTES: Final = 1 << 20

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


def sqlite_url(path: Path, *, read_only: bool = False, immutable: bool = False) -> URL:
    """The SQLAlchemy URL of the database file at ``path``.

    ``read_only`` opens it with ``mode=ro`` (nothing is written, not even a journal);
    ``immutable`` also tells SQLite that nothing else changes the file, which lets it read
    a WAL library in a folder where it cannot create the -shm file.
    """
    if not read_only:
        return URL.create("sqlite+pysqlite", database=str(path))
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    return URL.create("sqlite+pysqlite", database=uri, query={"uri": "true"})


@contextmanager
def writes_waiting_at_most(milliseconds: int) -> Iterator[None]:
    """Write transactions started in this block wait at most ``milliseconds`` for a lock."""
    token = _write_wait_ms.set(milliseconds)
    try:
        yield
    finally:
        _write_wait_ms.reset(token)


def configure_engine(engine: Engine, *, read_only: bool = False) -> None:
    """Apply the connection pragmas and real transactions to every connection of ``engine``.

    pysqlite by default only emits BEGIN before INSERT/UPDATE/DELETE, so DDL (migrations)
    and reads would run outside the transaction; following the SQLAlchemy documentation,
    its own BEGIN handling is switched off and SQLAlchemy's "begin" event emits BEGIN.
    """
    event.listen(engine, "connect", _on_read_only_connect if read_only else _on_connect)
    event.listen(engine, "begin", _on_begin)


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    _run_pragmas(dbapi_connection, CONNECTION_PRAGMAS)


def _on_read_only_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    _run_pragmas(dbapi_connection, READ_ONLY_PRAGMAS)


def _run_pragmas(dbapi_connection: Any, pragmas: tuple[str, ...]) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in pragmas:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _on_begin(connection: Connection) -> None:
    if not connection.get_execution_options().get(WRITE_OPTION):
        connection.exec_driver_sql("BEGIN")
        return
    # Reads may upgrade to writes only after SQLite gave up waiting (it cannot wait
    # without risking a deadlock); taking the write lock first makes the timeout apply.
    wait = _write_wait_ms.get()
    connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS if wait is None else wait}")
    connection.exec_driver_sql("BEGIN IMMEDIATE")


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


def is_busy(error: BaseException) -> bool:
    """True for "database is locked" (another connection holds the lock)."""
    return _primary_code(error) in (_SQLITE_BUSY, _SQLITE_LOCKED)


def _primary_code(error: BaseException) -> int | None:
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def disk_is_full(folder: Path) -> bool:
    """True when the file system holding ``folder`` has (almost) no space left.

    SQLite reports a full disk as SQLITE_FULL only for some writes; a WAL or journal write
    that hits ENOSPC comes out as a plain "disk I/O error", which this tells apart.
    """
    try:
        stats = os.statvfs(folder)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < _NEARLY_FULL_BYTES


def describe_error(error: BaseException, path: Path | None = None) -> tuple[str, bool] | None:
    """A user-facing explanation of an sqlite3 error, and whether it means a damaged file.

    ``error`` is the sqlite3 exception itself or a SQLAlchemy wrapper of it (``.orig``);
    ``path`` is the database file, used to tell a full disk from other I/O errors.
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
    if primary == _SQLITE_FULL or (primary == _SQLITE_IOERR and path is not None
                                   and disk_is_full(path.parent)):
        return disk_full_text(), False
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
