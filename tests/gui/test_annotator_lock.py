"""Another program holds the library's write lock: the user's actions wait in order, the user
is told, and every one of them is saved once the lock is gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from helpers.annotators import annotator_on
from helpers.library_files import write_lock_held
from meelezer.annotator import Annotator
from meelezer.store import episodes
from meelezer.store.database import Database, open_database

SEED = "ai-report-grok3-demo.txt"


@pytest.fixture
def annotator(qtbot: QtBot, database: Database, seeds_dir: Path) -> Annotator:
    return annotator_on(database, seeds_dir / SEED)


def test_actions_during_a_lock_wait_and_are_all_saved(
        qtbot: QtBot, annotator: Annotator, database: Database) -> None:
    failures: list[str] = []
    waiting: list[str] = []
    annotator.failed.connect(failures.append)
    annotator.notice.connect(waiting.append)
    lines = episodes.load_segments(database, annotator.episode_id or 0)
    with write_lock_held(database.path) as release:
        annotator.add_note(lines[0].start_ms, text="eerste")
        annotator.edit_text(lines[1].id, "verbeterd")
        annotator.add_note(lines[2].start_ms, text="derde")
        assert failures == []
        assert waiting and "waiting" in waiting[-1]
        assert annotator.pending_writes() == 3
        release.set()
        qtbot.waitUntil(lambda: annotator.pending_writes() == 0, timeout=20_000)
    assert failures == []
    assert "saved" in waiting[-1]
    assert [note.text for note in annotator.list_notes()] == ["eerste", "derde"]
    assert episodes.load_segments(database, annotator.episode_id or 0)[1].text == "verbeterd"


def test_undo_while_waiting_keeps_the_order(
        qtbot: QtBot, annotator: Annotator, database: Database) -> None:
    lines = episodes.load_segments(database, annotator.episode_id or 0)
    with write_lock_held(database.path) as release:
        annotator.add_note(lines[0].start_ms, text="weg")
        annotator.add_note(lines[1].start_ms, text="blijft")
        annotator.undo_stack.undo()  # takes "blijft" back: after it was written
        release.set()
        qtbot.waitUntil(lambda: annotator.pending_writes() == 0, timeout=20_000)
    assert [note.text for note in annotator.list_notes()] == ["weg"]


def test_quitting_saves_what_waits_once_the_lock_is_gone(
        annotator: Annotator, database: Database) -> None:
    lines = episodes.load_segments(database, annotator.episode_id or 0)
    with write_lock_held(database.path) as release:
        annotator.add_note(lines[0].start_ms, text="bij het afsluiten")
        assert annotator.save_pending_writes(wait_ms=50) == 1  # still locked: kept, not lost
        release.set()
    assert annotator.save_pending_writes() == 0
    assert [note.text for note in annotator.list_notes()] == ["bij het afsluiten"]


def test_a_replaced_library_stops_taking_actions_and_says_so(
        annotator: Annotator, database: Database, tmp_path: Path) -> None:
    failures: list[str] = []
    annotator.failed.connect(failures.append)
    lines = episodes.load_segments(database, annotator.episode_id or 0)
    annotator.add_note(lines[0].start_ms, text="voor")
    other = tmp_path / "other.sqlite3"
    open_database(other).close()
    other.replace(database.path)  # e.g. a sync tool put another copy in its place
    annotator.add_note(lines[1].start_ms, text="na")
    assert failures and "replaced by another file" in failures[-1]
    assert annotator.pending_writes() == 0  # refused with a message, not waiting forever
