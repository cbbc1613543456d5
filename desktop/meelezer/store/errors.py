"""The one exception type the store raises, with subclasses callers may want to tell apart."""

from __future__ import annotations

from pathlib import Path

from meelezer.texts import translate


class StoreError(Exception):
    """Something is wrong with the library database; ``str(error)`` is fit to show the user.

    The message says what is wrong and what the user can do about it. The original
    SQLAlchemy/sqlite3 exception, if any, is kept as ``__cause__`` for the log; it is never
    raised to callers. ``path`` is the database file (or data folder) concerned, when known.
    """

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class DatabaseDamagedError(StoreError):
    """The file is not an SQLite database, or SQLite reports it as corrupt.

    A later issue restores the newest backup automatically when this is raised at open.
    """


class DatabaseTooNewError(StoreError):
    """The database was written by a newer Meelezer (its schema revision is unknown here)."""


class LibraryBusyError(StoreError):
    """Another program holds the library's write lock; trying again later can succeed."""


class LibraryReplacedError(StoreError):
    """The library file was removed or replaced while it was open; nothing more is written."""


class EpisodeNotFoundError(StoreError):
    """No episode with the given id is in the library (it may have been deleted)."""


def episode_not_found(episode_id: int, path: Path | None) -> EpisodeNotFoundError:
    """The error for an episode id the library does not have (any more)."""
    return EpisodeNotFoundError(translate(
        "Store", "Episode {id} is not in the library (it may have been removed).",
    ).format(id=episode_id), path)


def line_not_found(segment_id: int, path: Path | None) -> StoreError:
    """The error for a line id the library does not have (any more)."""
    return StoreError(translate(
        "Store", "Line {id} is not in the library (it may have been removed).",
    ).format(id=segment_id), path)
