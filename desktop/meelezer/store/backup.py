"""Daily copies of the library database, and opening it with recovery from the newest one."""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from contextlib import closing
from datetime import date, datetime
from pathlib import Path
from typing import Final

from meelezer.store.database import Database, open_database
from meelezer.store.errors import DatabaseDamagedError
from meelezer.store.identity import private_file
from meelezer.store.paths import make_private_folder
from meelezer.texts import translate

__all__ = ["backup_files", "daily_backup", "is_good_backup", "open_with_recovery"]

logger = logging.getLogger(__name__)
BACKUP_PREFIX: Final = "meelezer-"
_BACKUP_NAME: Final = re.compile(r"meelezer-(\d{4}-\d{2}-\d{2})\.sqlite3")
# SQLite's companion files; a database moved without them loses (or corrupts) recent writes.
_COMPANIONS: Final = ("-wal", "-shm")


def daily_backup(
    db_path: Path, backups_dir: Path, keep: int = 7, today: date | None = None
) -> Path | None:
    """Copy the library to ``backups_dir/meelezer-YYYY-MM-DD.sqlite3`` unless today's exists.

    The copy is made with SQLite's online backup API (consistent while the app has the
    database open, WAL included) into a temporary file, and only takes its place once
    ``PRAGMA integrity_check`` passes, so a damaged library never replaces a good copy.
    Afterwards only the ``keep`` newest backups are kept. Returns the new backup's path,
    or None when there was nothing to do or the copy was not good.
    """
    day = today or date.today()
    if not db_path.is_file():
        return None
    backups_dir.mkdir(parents=True, exist_ok=True)
    make_private_folder(backups_dir)
    for existing in backup_files(backups_dir):  # made before backups were kept private
        private_file(existing)
    target = backups_dir / f"{BACKUP_PREFIX}{day.isoformat()}.sqlite3"
    if target.exists() and is_good_backup(target):
        return None
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        private_file(temporary)  # SQLite keeps the mode of the (empty) file it is given
        with closing(sqlite3.connect(db_path)) as source, \
                closing(sqlite3.connect(temporary)) as copy:
            source.backup(copy)
            # The copy inherits WAL mode; a rollback journal makes it one self-contained
            # file that read-only checks and plain file copies handle without -wal/-shm.
            copy.execute("PRAGMA journal_mode=DELETE")
        if not is_good_backup(temporary):
            logger.warning("Today's backup of %s failed its integrity check; none made",
                           db_path)
            return None
        temporary.replace(target)
    except (sqlite3.Error, OSError) as error:
        # The library is unreadable (damaged, locked) or the disk refuses: no backup today
        # rather than a bad one.
        logger.warning("No backup of %s today: %s", db_path, error)
        return None
    finally:
        temporary.unlink(missing_ok=True)
    for old in backup_files(backups_dir)[keep:]:
        old.unlink(missing_ok=True)
    logger.info("Backed up the library to %s", target)
    return target


def backup_files(backups_dir: Path) -> list[Path]:
    """The backups in ``backups_dir``, newest first (by the date in their name)."""
    if not backups_dir.is_dir():
        return []
    found = [path for path in backups_dir.iterdir()
             if _BACKUP_NAME.fullmatch(path.name) and path.is_file()]
    return sorted(found, key=lambda path: path.name, reverse=True)


def is_good_backup(path: Path) -> bool:
    """True when ``path`` is an SQLite database that passes ``PRAGMA integrity_check``."""
    try:
        # Read-only, so checking never creates a file or a journal next to it.
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error:
        return False
    return rows == [("ok",)]


def open_with_recovery(db_path: Path, backups_dir: Path) -> tuple[Database, str | None]:
    """Open the library; if it is damaged, put it aside and restore the newest good backup.

    Returns the database and, when a recovery happened, a message for the user saying what
    was done and where the damaged file is. Without a good backup an empty library is
    started. Other ``StoreError``s (e.g. a too-new database, a locked file) are raised as
    by ``open_database``: moving those aside would lose a sound library.
    """
    try:
        return open_database(db_path), None
    except DatabaseDamagedError:
        pass
    damaged = _move_aside(db_path)
    for backup in backup_files(backups_dir):
        if not is_good_backup(backup):
            continue
        shutil.copyfile(backup, db_path)
        try:
            database = open_database(db_path)
        except DatabaseDamagedError:
            _remove_with_companions(db_path)
            continue
        day = _BACKUP_NAME.fullmatch(backup.name)
        assert day is not None  # backup_files only lists names that match
        return database, translate(
            "Store", "Your library was damaged and has been restored from the backup of "
            "{day}; changes made after that backup are lost. The damaged file was kept as "
            "{damaged}.",
        ).format(day=day.group(1), damaged=damaged)
    database = open_database(db_path)
    return database, translate(
        "Store", "Your library was damaged and there was no good backup to restore, so "
        "Meelezer started a new, empty library. The damaged file was kept as {damaged}.",
    ).format(damaged=damaged)


def _move_aside(db_path: Path) -> Path:
    """Rename the damaged database (and its -wal/-shm) to ``meelezer-damaged-<time>.sqlite3``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    damaged = db_path.with_name(f"meelezer-damaged-{stamp}.sqlite3")
    suffix = 1
    while damaged.exists():  # two recoveries within a second must not overwrite each other
        damaged = db_path.with_name(f"meelezer-damaged-{stamp}-{suffix}.sqlite3")
        suffix += 1
    db_path.replace(damaged)
    for companion in _COMPANIONS:
        source = db_path.with_name(db_path.name + companion)
        if source.exists():
            source.replace(damaged.with_name(damaged.name + companion))
    return damaged


def _remove_with_companions(db_path: Path) -> None:
    db_path.unlink(missing_ok=True)
    for companion in _COMPANIONS:
        db_path.with_name(db_path.name + companion).unlink(missing_ok=True)
