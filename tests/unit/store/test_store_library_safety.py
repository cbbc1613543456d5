"""The library protects itself: no output may overwrite it, a lock held by another program is
waited out, a library replaced under a running process stops taking writes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.library_files import fill, small_file_system, write_lock_held
from meelezer.store import Database, StoreError, import_transcript, open_database
from meelezer.store.annotation_archive import export_annotations
from meelezer.store.backup import daily_backup
from meelezer.store.errors import LibraryReplacedError
from meelezer.store.notes import add_note, list_notes
from meelezer.store.paths import backups_path
from meelezer.store.speakers import add_speaker, rename_speaker
from meelezer.transcript.model import Transcript


@pytest.fixture
def library(tmp_path: Path, make_transcript: Callable[..., Transcript]) -> Database:
    db = open_database(tmp_path / "meelezer.sqlite3")
    import_transcript(db, make_transcript(20), tmp_path / "a.txt", "a" * 64, None)
    return db


def _outputs_inside_the_library(db: Database, tmp_path: Path) -> list[Path]:
    backup = daily_backup(db.path, backups_path(db.path.parent))
    assert backup is not None
    link = tmp_path / "looks-harmless.json"
    link.symlink_to(db.path)
    hard = tmp_path / "hard-link.json"
    os.link(db.path, hard)
    hard_backup = tmp_path / "hard-backup.json"
    os.link(backup, hard_backup)
    return [db.path, db.path.with_name(db.path.name + "-wal"),
            db.path.with_name(db.path.name + "-journal"),
            db.path.with_name(db.path.name + "-shm"), backup, link, hard, hard_backup]


def test_no_export_writes_over_the_library_its_journal_or_backups(
        library: Database, tmp_path: Path) -> None:
    before = library.path.read_bytes()
    for target in _outputs_inside_the_library(library, tmp_path):
        with pytest.raises(StoreError, match="part of your Meelezer library"):
            export_annotations(library, target)
    library.close()
    assert library.path.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    with open_database(library.path) as again:
        assert again.path.stat().st_size > 0


def test_a_write_waits_out_another_programs_lock(library: Database) -> None:
    speaker = add_speaker(library, 1, "Anna")
    # This process reads, then writes; the other program writes and commits meanwhile. A
    # transaction that read first can only fail at once (SQLite cannot wait there).
    with write_lock_held(library.path, release_after_s=0.5):
        rename_speaker(library, speaker.id, "Bea")
    with library.session() as session:
        names = {row[0] for row in session.connection().exec_driver_sql(
            "SELECT name FROM speaker")}
    assert "Bea" in names and "Anna" not in names


def test_a_replaced_library_takes_no_more_writes(library: Database, tmp_path: Path) -> None:
    add_note(library, 1, 1000, text="before")
    stranger = tmp_path / "other.sqlite3"
    with open_database(stranger) as other:
        assert other.path.exists()
    os.replace(stranger, library.path)
    with pytest.raises(LibraryReplacedError, match="replaced by another file"):
        add_note(library, 1, 2000, text="after")
    with pytest.raises(LibraryReplacedError):  # and it stays stopped
        add_note(library, 1, 3000, text="later")


def test_a_removed_library_takes_no_more_writes(library: Database) -> None:
    add_note(library, 1, 1000, text="before")
    assert [note.text for note in list_notes(library, 1)] == ["before"]
    library.path.unlink()
    with pytest.raises(LibraryReplacedError, match="was removed"):
        add_note(library, 1, 2000, text="after")


def test_a_full_disk_under_the_library_is_called_a_full_disk(
        tmp_path: Path, make_transcript: Callable[..., Transcript]) -> None:
    # Reopened on a full disk, SQLite cannot make its -shm file and says "disk I/O error";
    # the user is told what the window and the terminal say for any full disk.
    with small_file_system(tmp_path / "disk", "2m") as folder:
        with open_database(folder / "meelezer.sqlite3") as db:
            import_transcript(db, make_transcript(5), tmp_path / "a.txt", "a" * 64, None)
        fill(folder)
        with pytest.raises(StoreError) as caught:
            db = open_database(folder / "meelezer.sqlite3")
            try:
                for index in range(2000):  # until a write needs space the disk lacks
                    add_note(db, 1, index, text="x" * 2000)
            finally:
                db.close()
        assert "the disk is full; free some space" in str(caught.value)
