"""Which file the library is: its identity on disk, its private permissions, and the files
that belong to it (so no export ever writes over one of them)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from meelezer.store.paths import BACKUPS_FOLDER

# SQLite's companion files of a database: write-ahead log, its index, rollback journal.
COMPANION_SUFFIXES: Final = ("-wal", "-shm", "-journal")
PRIVATE_FILE_MODE: Final = 0o600


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """A file as the system knows it, whatever its name: the same pair is the same file."""

    device: int
    inode: int


def file_identity(path: Path) -> FileIdentity | None:
    """The identity of the file at ``path`` (symlinks followed), or None when there is none."""
    try:
        status = path.stat()
    except OSError:
        return None
    return FileIdentity(status.st_dev, status.st_ino)


def private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only, or make an existing one so (notes are
    personal: with umask 022 SQLite would make the library world-readable)."""
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(descriptor).st_mode) & 0o077:
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
    finally:
        os.close(descriptor)
    for companion in companions(path):
        if companion.exists() and stat.S_IMODE(companion.stat().st_mode) & 0o077:
            companion.chmod(PRIVATE_FILE_MODE)


def companions(database: Path) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in COMPANION_SUFFIXES]


def library_files(database: Path) -> Iterator[Path]:
    """The library, its companions, and every file in its backups folder."""
    yield database
    yield from companions(database)
    backups = database.parent / BACKUPS_FOLDER
    if backups.is_dir():
        for entry in backups.iterdir():
            yield entry
            yield from companions(entry)


def is_library_file(database: Path, target: Path) -> bool:
    """True when writing ``target`` would write one of the library's own files: the
    database, its journal/WAL/shm, or a backup, named by path, through a symlink, or as a
    hard link of one of them (the same device and inode)."""
    resolved = target.resolve()
    backups = (database.parent / BACKUPS_FOLDER).resolve()
    if resolved.parent == backups:
        return True
    names = {database.resolve(), *(path.resolve() for path in companions(database))}
    if resolved in names:
        return True
    if resolved.name.startswith(database.name) and resolved.parent == database.parent.resolve():
        return True  # e.g. a journal SQLite has not made yet, under another suffix
    target_identity = file_identity(target)
    if target_identity is None:
        return False
    return any(file_identity(path) == target_identity for path in library_files(database))
