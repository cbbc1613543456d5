"""The real app (real libvlc, real SQLite, real window) starts on the demo episode and plays."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meelezer.app import build_app, start_daily_backup
from meelezer.episode_files import resolve_episode_files
from meelezer.playback.player import PlaybackState

DEMO = "ai-report-grok3-demo.txt"


@pytest.fixture
def demo_copy(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "episode"
    folder.mkdir()
    shutil.copy(seeds_dir / DEMO.replace(".txt", ".opus"), folder)
    return Path(shutil.copy(seeds_dir / DEMO, folder))


def test_demo_episode_plays_and_the_highlight_moves(qtbot: QtBot, tmp_path: Path,
                                                    demo_copy: Path) -> None:
    running = build_app(str(tmp_path / "data"), resolve_episode_files([demo_copy]),
                        ("--aout=dummy",))
    try:
        window = running.window
        assert window.transcript.model.rowCount() == 172
        qtbot.waitUntil(lambda: running.player.duration_ms() > 600_000, timeout=10_000)
        window.controller.seek(8_000)  # line 1 ends at 8.66 s, line 2 starts at 9.06 s
        window.controller.toggle()
        qtbot.waitUntil(lambda: running.player.state() == PlaybackState.PLAYING, timeout=10_000)
        qtbot.waitUntil(lambda: window.transcript.current_row() == 1, timeout=10_000)
        assert window.bar.isEnabled()
        window.controller.toggle()
        qtbot.waitUntil(lambda: running.player.state() == PlaybackState.PAUSED, timeout=5_000)
    finally:
        running.close()


def test_next_start_reopens_the_last_episode_at_its_position(
        qtbot: QtBot, tmp_path: Path, demo_copy: Path) -> None:
    data = str(tmp_path / "data")
    first = build_app(data, resolve_episode_files([demo_copy]), ("--aout=dummy",))
    qtbot.waitUntil(lambda: first.player.duration_ms() > 0, timeout=10_000)
    first.window.controller.seek(95_000)
    first.close()

    second = build_app(data, None, ("--aout=dummy",))
    try:
        assert second.window.episode is not None
        assert second.window.transcript.model.rowCount() == 172
        qtbot.waitUntil(lambda: abs(second.player.position_ms() - 95_000) < 500, timeout=10_000)
    finally:
        second.close()


def test_damaged_library_is_restored_from_the_daily_backup(
        qtbot: QtBot, tmp_path: Path, demo_copy: Path) -> None:
    data = tmp_path / "data"
    first = build_app(str(data), resolve_episode_files([demo_copy]), ("--aout=dummy",))
    first.window.annotator.add_note(9_060, text="bewaren")
    # The daily copy waits until start-up is over; closing first cancels it.
    assert first.backup_timer is not None and first.backup_timer.isActive()
    first.close()
    assert not first.backup_timer.isActive()
    assert not (data / "backups").exists()
    start_daily_backup(data / "meelezer.sqlite3", data / "backups").join(timeout=30)
    assert list((data / "backups").glob("meelezer-*.sqlite3"))

    (data / "meelezer.sqlite3").write_bytes(b"this is not a database" * 100)
    second = build_app(str(data), None, ("--aout=dummy",))
    try:
        assert "restored from the backup" in second.window.messages.text()
        assert second.window.episode is not None  # the last episode reopened from the backup
        assert [n.text for n in second.window.annotator.list_notes()] == ["bewaren"]
        assert list(data.glob("meelezer-damaged-*.sqlite3"))  # the damaged file is kept
    finally:
        second.close()


def test_damaged_library_without_backup_starts_empty_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "meelezer.sqlite3").write_bytes(b"this is not a database" * 100)
    running = build_app(str(data), None, ("--aout=dummy",))
    try:
        assert "damaged" in running.window.messages.text()
        assert running.window.episode is None
    finally:
        running.close()


def test_the_app_logs_to_its_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    from meelezer.logs import LOG_FILENAME, log_folder, stop_logging

    data = tmp_path / "data"
    running = build_app(str(data), None, ("--aout=dummy",))
    try:
        log = log_folder(data) / LOG_FILENAME
        assert f"starting; library in {data}" in log.read_text(encoding="utf-8")
    finally:
        running.close()
        stop_logging()
