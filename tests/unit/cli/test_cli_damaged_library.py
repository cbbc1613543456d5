"""Commands that read the library recover a damaged one from its daily backup, as the app does."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from meelezer.cli import main
from meelezer.store.backup import daily_backup
from meelezer.store.paths import backups_path, database_path


def _damage(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(64 * 1024))
    for companion in ("-wal", "-shm"):
        Path(f"{db_path}{companion}").unlink(missing_ok=True)


def test_export_restores_a_damaged_library_from_its_backup(
        library: int, isolated_data_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    db_path = database_path(isolated_data_dir)
    assert daily_backup(db_path, backups_path(isolated_data_dir), today=date(2026, 11, 22))
    _damage(db_path)

    target = tmp_path / "episode.srt"
    assert main(["export", str(library), "srt", str(target)]) == 0

    output = capsys.readouterr()
    assert "restored from the backup of 2026-11-22" in output.err
    assert "Verbeterde eerste regel" in target.read_text(encoding="utf-8")  # the backup's text
    assert list(isolated_data_dir.glob("meelezer-damaged-*.sqlite3"))


def test_without_a_backup_the_damaged_library_is_kept_aside(
        library: int, isolated_data_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    _damage(database_path(isolated_data_dir))

    assert main(["export", str(library), "srt", str(tmp_path / "out.srt")]) == 1

    err = capsys.readouterr().err
    assert "no good backup" in err  # said before the episode is found missing
    assert "is not in the library" in err
    assert list(isolated_data_dir.glob("meelezer-damaged-*.sqlite3"))
