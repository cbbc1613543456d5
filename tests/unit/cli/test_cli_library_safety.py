"""The library in the terminal: outputs never overwrite it, read-only commands write nothing,
a full disk is called that, and the notes stay private (0600/0700) while exports follow the
umask."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.library_files import fill, small_file_system
from meelezer.cli import main
from meelezer.store import open_database
from meelezer.store.backup import daily_backup
from meelezer.store.paths import backups_path, database_path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_annotations_export_refuses_to_write_over_the_library(
        library: int, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_file = database_path(isolated_data_dir)
    before = db_file.read_bytes()
    for target in (db_file, db_file.with_name(db_file.name + "-wal")):
        assert main(["annotations", "export", str(target), "--force"]) == 1
        assert "part of your Meelezer library" in capsys.readouterr().err
    assert db_file.read_bytes() == before
    assert main(["export", "1", "txt", str(db_file.with_suffix(".txt"))]) == 0  # still sound


def test_export_writes_nothing_into_the_data_folder(
        library: int, isolated_data_dir: Path, tmp_path: Path) -> None:
    db_file = database_path(isolated_data_dir)
    open_database(db_file).close()  # a clean close leaves no -wal/-shm behind
    listing = sorted(path.name for path in isolated_data_dir.iterdir())
    contents, modified = db_file.read_bytes(), db_file.stat().st_mtime_ns
    assert main(["export", "1", "md", str(tmp_path / "out.md")]) == 0
    assert main(["annotations", "export", str(tmp_path / "notes.json")]) == 0
    # SQLite may leave its shared-memory index (-shm, empty -wal) beside a read; nothing else.
    after = sorted(path.name for path in isolated_data_dir.iterdir()
                   if not path.name.endswith(("-shm", "-wal")) or path.stat().st_size == 0
                   or path.name.endswith("-shm"))
    assert [name for name in after if not name.endswith(("-shm", "-wal"))] == listing
    wal = db_file.with_name(db_file.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert db_file.read_bytes() == contents and db_file.stat().st_mtime_ns == modified


@pytest.fixture
def read_only_data_dir(library: int, isolated_data_dir: Path) -> Iterator[Path]:
    """The data folder made read-only: by its mode, or (root ignores modes) by a read-only
    bind mount of itself."""
    open_database(database_path(isolated_data_dir)).close()
    if os.geteuid() != 0:
        isolated_data_dir.chmod(0o500)
        yield isolated_data_dir
        isolated_data_dir.chmod(0o700)
        return
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(isolated_data_dir),
                              str(isolated_data_dir)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot make a read-only folder here (root, and no bind mount)")
    try:
        yield isolated_data_dir
    finally:
        subprocess.run(["umount", str(isolated_data_dir)], check=True)


def test_export_and_list_work_from_a_read_only_data_folder(
        read_only_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "1", "srt", str(tmp_path / "out.srt")]) == 0, capsys.readouterr().err
    assert main(["annotations", "export", str(tmp_path / "notes.json")]) == 0, \
        capsys.readouterr().err
    assert "Kijk hier" in (tmp_path / "notes.json").read_text(encoding="utf-8")
    assert main(["list"]) == 0, capsys.readouterr().err


def test_the_library_and_its_backups_are_private_and_exports_follow_the_umask(
        tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        data_dir = tmp_path / "data"
        from meelezer.store.paths import resolve_data_dir

        folder = resolve_data_dir(str(data_dir))
        db_file = database_path(folder)
        open_database(db_file).close()
        backup = daily_backup(db_file, backups_path(folder))
        assert backup is not None
        assert _mode(folder) == 0o700
        assert _mode(db_file) == 0o600
        assert _mode(backups_path(folder)) == 0o700
        assert _mode(backup) == 0o600
        # Existing ones are fixed when the library is opened again.
        for path in (folder, db_file):
            path.chmod(0o755 if path.is_dir() else 0o644)
        resolve_data_dir(str(data_dir))
        with open_database(db_file) as db:
            assert _mode(folder) == 0o700 and _mode(db_file) == 0o600
            wal = db_file.with_name(db_file.name + "-wal")
            with db.session(write=True) as session:
                session.connection().exec_driver_sql("CREATE TABLE scratch (x)")
            assert _mode(wal) == 0o600
        export = tmp_path / "notes.json"
        os.environ["MEELEZER_DATA_DIR"] = str(folder)
        assert main(["annotations", "export", str(export)]) == 0
        assert _mode(export) == 0o644
    finally:
        os.umask(previous)
        os.environ.pop("MEELEZER_DATA_DIR", None)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A small real file system (tmpfs), filled up. Needs root; skipped otherwise."""
    with small_file_system(tmp_path / "full") as folder:
        fill(folder)
        yield folder


def test_a_full_disk_is_called_a_full_disk(
        library: int, full_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "1", "txt", str(full_disk / "out.txt")]) == 1
    assert "the disk is full; free some space" in capsys.readouterr().err
    assert main(["annotations", "export", str(full_disk / "notes.json")]) == 1
    assert "the disk is full; free some space" in capsys.readouterr().err
