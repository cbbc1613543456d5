"""Opening the library database: engine, checks, migrations, and sessions for the queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from meelezer.store import sqlite
from meelezer.store.errors import DatabaseDamagedError, StoreError
from meelezer.texts import translate

# The newest migration in store/migrations/versions; a test keeps the two in step.
HEAD_REVISION = "0002"



class Database:
    """An open library database. Share one per process; it is safe to use from threads.

    ``session()`` gives one transaction; everything else in the store goes through it.
    """

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session inside one transaction: committed when the block ends normally,
        rolled back when it raises. Database failures come out as ``StoreError``.

        Objects stay usable after the block (``expire_on_commit=False``).
        """
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except SQLAlchemyError as error:
            raise store_error(error, self.path) from error

    def close(self) -> None:
        """Close every pooled connection; the object must not be used afterwards."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_database(path: Path) -> Database:
    """Open (or create) the library database at ``path`` and migrate it to this version.

    Raises ``StoreError`` with a message fit for the user; in particular
    ``DatabaseDamagedError`` when the file is not a database or fails SQLite's integrity
    check, and ``DatabaseTooNewError`` when a newer Meelezer wrote it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(translate(
            "Store", "Cannot create the folder for the library database {path}: {reason}.",
        ).format(path=path, reason=error.strerror or error), path) from None
    engine = create_engine(sqlite.sqlite_url(path))
    sqlite.configure_engine(engine)
    try:
        with engine.connect() as connection:
            problems = sqlite.integrity_problems(connection)
            if problems:
                raise DatabaseDamagedError(translate(
                    "Store", "The library database {path} is damaged: SQLite's integrity "
                    "check found {count} problem(s), such as \"{problem}\". {advice}",
                ).format(path=path, count=len(problems), problem=problems[0],
                         advice=_what_to_do_when_damaged()), path)
            at_head = sqlite.schema_revision(connection) == HEAD_REVISION
            connection.rollback()
            if not at_head:
                _migrate(connection, path)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        raise store_error(error, path) from error
    return Database(engine, path)


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
    described = sqlite.describe_error(error)
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
    return StoreError(translate("Store", "Cannot use the library database {path}: {problem}.")
                      .format(path=path, problem=detail), path)


def _what_to_do_when_damaged() -> str:
    return translate(
        "Store", "Meelezer cannot use it. Quit Meelezer, move the file somewhere else (or put "
        "back a backup copy of it) and start Meelezer again; it will make a new, empty library.")
