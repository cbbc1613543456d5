"""Daily backups of the library, and recovering a damaged library from the newest good one."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from meelezer.store import file_sha256, import_transcript, list_episodes, open_database
from meelezer.store.backup import backup_files, daily_backup, is_good_backup, open_with_recovery
from meelezer.store.notes import add_note, list_notes
from meelezer.transcript.files import read_transcript

SEED = "ai-report-grok3-demo.txt"
DAY = date(2026, 11, 22)


def _library_with_a_note(db_path: Path, seeds_dir: Path) -> None:
    seed = seeds_dir / SEED
    with open_database(db_path) as db:
        episode_id = import_transcript(db, read_transcript(seed), seed, file_sha256(seed), None)
        add_note(db, episode_id, 1234, "note", "niet kwijtraken")


def _damage(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(64 * 1024))
    for companion in ("-wal", "-shm"):
        Path(f"{db_path}{companion}").unlink(missing_ok=True)


def test_daily_backup_makes_a_verified_copy_once_a_day(tmp_path: Path, seeds_dir: Path) -> None:
    db_path, backups = tmp_path / "meelezer.sqlite3", tmp_path / "backups"
    _library_with_a_note(db_path, seeds_dir)

    made = daily_backup(db_path, backups, today=DAY)

    assert made == backups / "meelezer-2026-11-22.sqlite3"
    assert is_good_backup(made)
    assert sorted(p.name for p in backups.iterdir()) == [made.name]  # no -wal, no temp file
    stamp = made.stat().st_mtime_ns
    assert daily_backup(db_path, backups, today=DAY) is None
    assert made.stat().st_mtime_ns == stamp
    with open_database(made) as copy:
        assert [n.text for n in list_notes(copy, list_episodes(copy)[0].id)] == [
            "niet kwijtraken"]


def test_a_bad_copy_of_today_is_replaced(tmp_path: Path, seeds_dir: Path) -> None:
    db_path, backups = tmp_path / "meelezer.sqlite3", tmp_path / "backups"
    _library_with_a_note(db_path, seeds_dir)
    backups.mkdir()
    (backups / "meelezer-2026-11-22.sqlite3").write_bytes(b"half a file")
    assert daily_backup(db_path, backups, today=DAY) is not None
    assert is_good_backup(backups / "meelezer-2026-11-22.sqlite3")


def test_only_the_newest_seven_are_kept(tmp_path: Path, seeds_dir: Path) -> None:
    db_path, backups = tmp_path / "meelezer.sqlite3", tmp_path / "backups"
    _library_with_a_note(db_path, seeds_dir)
    days = [DAY + timedelta(days=k) for k in range(10)]
    for day in days:
        daily_backup(db_path, backups, today=day)
    assert [p.name for p in backup_files(backups)] == [
        f"meelezer-{day.isoformat()}.sqlite3" for day in reversed(days[-7:])]


def test_a_damaged_library_is_not_backed_up(tmp_path: Path, seeds_dir: Path) -> None:
    db_path, backups = tmp_path / "meelezer.sqlite3", tmp_path / "backups"
    _library_with_a_note(db_path, seeds_dir)
    _damage(db_path)
    assert daily_backup(db_path, backups, today=DAY) is None
    assert backup_files(backups) == []


def test_damaged_library_is_restored_from_the_newest_good_backup(
        tmp_path: Path, seeds_dir: Path) -> None:
    db_path, backups = tmp_path / "meelezer.sqlite3", tmp_path / "backups"
    _library_with_a_note(db_path, seeds_dir)
    daily_backup(db_path, backups, today=DAY)
    # A newer backup that is itself damaged must be passed over, not restored.
    (backups / "meelezer-2026-11-23.sqlite3").write_bytes(os.urandom(4096))
    _damage(db_path)
    damaged_bytes = db_path.read_bytes()

    db, message = open_with_recovery(db_path, backups)

    with db:
        [episode] = list_episodes(db)
        assert [n.text for n in list_notes(db, episode.id)] == ["niet kwijtraken"]
    assert message is not None
    assert "restored from the backup of 2026-11-22" in message
    [kept] = tmp_path.glob("meelezer-damaged-*.sqlite3")
    assert str(kept) in message
    assert kept.read_bytes() == damaged_bytes


def test_without_a_backup_an_empty_library_is_started(tmp_path: Path, seeds_dir: Path) -> None:
    db_path, backups = tmp_path / "meelezer.sqlite3", tmp_path / "backups"
    _library_with_a_note(db_path, seeds_dir)
    _damage(db_path)

    db, message = open_with_recovery(db_path, backups)

    with db:
        assert list_episodes(db) == []
    assert message is not None and "new, empty library" in message
    assert len(list(tmp_path.glob("meelezer-damaged-*.sqlite3"))) == 1


def test_a_sound_library_opens_without_a_message(tmp_path: Path, seeds_dir: Path) -> None:
    db_path = tmp_path / "meelezer.sqlite3"
    _library_with_a_note(db_path, seeds_dir)
    db, message = open_with_recovery(db_path, tmp_path / "backups")
    with db:
        assert len(list_episodes(db)) == 1
    assert message is None
    assert list(tmp_path.glob("meelezer-damaged-*")) == []
