"""Opening the library database: engine, checks, migrations, and sessions for the queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from meelezer.os_errors import reason
from meelezer.store import sqlite
from meelezer.store.errors import (
    DatabaseDamagedError,
    LibraryBusyError,
    LibraryReplacedError,
    StoreError,
)
from meelezer.store.identity import FileIdentity, file_identity, private_file
from meelezer.store.open_markers import OpenMarker
from meelezer.texts import translate

# The newest migration in store/migrations/versions; a test keeps the two in step.
HEAD_REVISION = "0004"


class Database:
    """An open library database. Share one per process; it is safe to use from threads.

    ``session()`` gives one read transaction, ``session(write=True)`` one write
    transaction; everything else in the store goes through them.
    """

    def __init__(self, engine: Engine, path: Path, *, read_only: bool = False,
                 identity: FileIdentity | None = None, marker: OpenMarker | None = None) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        # The file opened; writes stop once another file (or none) is at ``path``.
        self.identity = identity
        self._marker = marker
        self._write_engine = engine.execution_options(**{sqlite.WRITE_OPTION: True})
        self._replaced: LibraryReplacedError | None = None

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session inside one transaction: committed when the block ends normally,
        rolled back when it raises. Database failures come out as ``StoreError``.

        A write transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock at
        once, so a lock held by another program is waited out (the busy timeout) instead of
        failing when a read would have to upgrade. Before writing, the library is checked
        to still be the file that was opened (``LibraryReplacedError`` otherwise).
        Objects stay usable after the block (``expire_on_commit=False``).
        """
        if write:
            self._check_writable()
        engine = self._write_engine if write else self.engine
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                yield session
        except SQLAlchemyError as error:
            raise store_error(error, self.path) from error

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(translate(
                "Store", "The library {path} was opened read-only; nothing can be changed.",
            ).format(path=self.path), self.path)
        if self._replaced is not None:
            raise self._replaced
        if self.identity is None:
            return
        now = file_identity(self.path)
        if now == self.identity:
            return
        if now is None:
            message = translate(
                "Store", "The library {path} was removed while Meelezer had it open. Nothing "
                "more is saved, so nothing is saved to a file that is gone: quit Meelezer "
                "and start it again (your changes since the removal are not in the library).",
            )
        else:
            message = translate(
                "Store", "The library {path} was replaced by another file while Meelezer had "
                "it open. Nothing more is saved, so the other file is not changed: quit "
                "Meelezer and start it again to use the library that is there now.",
            )
        self._replaced = LibraryReplacedError(message.format(path=self.path), self.path)
        raise self._replaced

    def close(self) -> None:
        """Close every pooled connection; the object must not be used afterwards."""
        self.engine.dispose()
        if self._marker is not None:
            self._marker.remove()  # a clean close: no full check needed at the next open
            self._marker = None

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_database(path: Path, *, read_only: bool = False) -> Database:
    """Open (or create) the library database at ``path`` and migrate it to this version.

    ``read_only`` opens an existing library without writing anything (no folder, no
    journal, no migration), for commands that only read; it works on a read-only folder.

    SQLite's full integrity check reads the whole file, so it runs only when the last
    session did not close the library (an open marker was left behind: a crash or a kill);
    otherwise start-up does not depend on the library's size. Damage found later surfaces
    as ``DatabaseDamagedError`` from the query that meets it, and the daily backup checks
    its copy in the background.

    Raises ``StoreError`` with a message fit for the user; in particular
    ``DatabaseDamagedError`` when the file is not a database or fails SQLite's integrity
    check, and ``DatabaseTooNewError`` when a newer Meelezer wrote it.
    """
    if read_only:
        return _open_read_only(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        private_file(path)
    except OSError as error:
        raise StoreError(translate(
            "Store", "Cannot create the folder for the library database {path}: {reason}.",
        ).format(path=path, reason=reason(error)), path) from None
    marker = OpenMarker(path)
    engine = create_engine(sqlite.sqlite_url(path))
    sqlite.configure_engine(engine)
    try:
        with engine.connect() as connection:
            if marker.left_by_a_crash():
                _check_integrity(connection, path)
            at_head = sqlite.schema_revision(connection) == HEAD_REVISION
            connection.rollback()
            if not at_head:
                _migrate(connection, path)
        identity = file_identity(path)
        marker.place()
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        raise store_error(error, path) from error
    except OSError as error:
        engine.dispose()
        raise StoreError(translate(
            "Store", "Cannot use the library database {path}: {reason}.",
        ).format(path=path, reason=reason(error)), path) from None
    marker.clear_stale()
    return Database(engine, path, identity=identity, marker=marker)


def _open_read_only(path: Path) -> Database:
    if not path.is_file():
        raise StoreError(translate(
            "Store", "There is no library database at {path}.").format(path=path), path)
    # A WAL library needs its -shm file; in a read-only folder without one, SQLite can
    # still read it as immutable (nothing can write there either).
    for immutable in (False, True):
        engine = create_engine(sqlite.sqlite_url(path, read_only=True, immutable=immutable))
        sqlite.configure_engine(engine, read_only=True)
        try:
            with engine.connect() as connection:
                revision = sqlite.schema_revision(connection)
                connection.rollback()
        except SQLAlchemyError as error:
            engine.dispose()
            described = sqlite.describe_error(error)
            if not immutable and described is not None and not described[1]:
                continue  # cannot open beside a missing -shm: try as immutable
            raise store_error(error, path) from error
        if revision != HEAD_REVISION:
            engine.dispose()
            raise StoreError(translate(
                "Store", "The library {path} was made by another version of Meelezer; start "
                "Meelezer once to update it, then try again.").format(path=path), path)
        return Database(engine, path, read_only=True)
    raise AssertionError("unreachable")  # the immutable attempt returns or raises


def _check_integrity(connection: Connection, path: Path) -> None:
    problems = sqlite.integrity_problems(connection)
    connection.rollback()
    if problems:
        raise DatabaseDamagedError(translate(
            "Store", "The library database {path} is damaged: SQLite's integrity "
            "check found {count} problem(s), such as \"{problem}\". {advice}",
        ).format(path=path, count=len(problems), problem=problems[0],
                 advice=_what_to_do_when_damaged()), path)


def _migrate(connection: Connection, path: Path) -> None:
    # alembic is imported only here: loading it costs ~150 ms, and a library that is
    # already at HEAD_REVISION (every start but the first after an update) never needs it.
    from alembic.util import CommandError

    from meelezer.store import migrate

    try:
        migrate.upgrade(connection)
    except CommandError as error:
        raise StoreError(translate(
            "Store", "Cannot update the library database {path} to this version of Meelezer "
            "({problem}). Please report this as a bug.",
        ).format(path=path, problem=error), path) from error


def store_error(error: SQLAlchemyError, path: Path) -> StoreError:
    """The ``StoreError`` to raise for a database failure, explained for the user."""
    described = sqlite.describe_error(error, path)
    if described is None:
        original = getattr(error, "orig", None) or error
        return StoreError(translate(
            "Store", "The library database {path} reported an error: {problem}.",
        ).format(path=path, problem=original), path)
    detail, damaged = described
    if damaged:
        return DatabaseDamagedError(translate(
            "Store", "The library database {path} cannot be read: {problem}. {advice}",
        ).format(path=path, problem=detail, advice=_what_to_do_when_damaged()), path)
    message = translate("Store", "Cannot use the library database {path}: {problem}.").format(
        path=path, problem=detail)
    if sqlite.is_busy(error):
        return LibraryBusyError(message, path)
    return StoreError(message, path)


def _what_to_do_when_damaged() -> str:
    return translate(
        "Store", "Meelezer cannot use it. Quit Meelezer, move the file somewhere else (or put "
        "back a backup copy of it) and start Meelezer again; it will make a new, empty library.")


__all__ = ["HEAD_REVISION", "Database", "open_database", "store_error"]
