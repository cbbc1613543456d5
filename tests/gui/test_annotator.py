"""The annotator's undo stack over a real SQLite library: each action and its undo persist."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from helpers.annotators import annotator_on
from meelezer.annotator import Annotator, Change
from meelezer.store import episodes
from meelezer.store.database import Database

SEED_003 = "ai-report-2025-02-20-grok3-whisper.txt"


@pytest.fixture
def annotator(qtbot: QtBot, database: Database, seeds_dir: Path) -> Annotator:
    return annotator_on(database, seeds_dir / SEED_003)


def snapshot(annotator: Annotator) -> tuple[object, ...]:
    episode_id = annotator.episode_id
    assert episode_id is not None
    return (episodes.load_segments(annotator.database, episode_id), annotator.list_speakers(),
            annotator.list_notes())


def test_label_lines_undo_redo(annotator: Annotator) -> None:
    before = snapshot(annotator)
    annotator.add_speaker("Wietse")
    wietse = annotator.list_speakers()[0]
    assert wietse.hotkey == 1
    segments = episodes.load_segments(annotator.database, annotator.episode_id or 0)
    annotator.assign([s.id for s in segments[:1000]], wietse.id, "Wietse")
    labelled = episodes.load_segments(annotator.database, annotator.episode_id or 0)
    assert sum(s.speaker_name == "Wietse" for s in labelled) == 1000
    assert annotator.talk_times()[wietse.id] == sum(s.end_ms - s.start_ms for s in segments[:1000])

    annotator.undo_stack.undo()
    annotator.undo_stack.undo()
    assert snapshot(annotator) == before
    annotator.undo_stack.redo()
    annotator.undo_stack.redo()
    again = episodes.load_segments(annotator.database, annotator.episode_id or 0)
    assert sum(s.speaker_name == "Wietse" for s in again) == 1000
    assert annotator.list_speakers()[0].id == wietse.id  # redo brings back the same speaker


def test_note_edit_delete_and_their_undo(annotator: Annotator) -> None:
    changes: list[Change] = []
    annotator.changed.connect(changes.append)
    annotator.add_note(9_060, text="Wie is Rick Lamers?")
    note = annotator.list_notes()[0]
    annotator.edit_note(note.id, "Rick Lamers werkt bij Groq")
    annotator.delete_note(note.id)
    assert annotator.list_notes() == []
    annotator.undo_stack.undo()
    assert annotator.list_notes()[0].text == "Rick Lamers werkt bij Groq"
    annotator.undo_stack.undo()
    assert annotator.list_notes()[0].text == "Wie is Rick Lamers?"
    assert all(Change.NOTES in change for change in changes)


def test_find_replace_counts_and_undoes(annotator: Annotator) -> None:
    before = snapshot(annotator)
    assert annotator.find_replace("Bietse", "Wietse") == 1
    texts = [s.text for s in episodes.load_segments(annotator.database,
                                                     annotator.episode_id or 0)]
    assert not any("Bietse" in text for text in texts)
    assert annotator.find_replace("no such word anywhere", "x") == 0
    annotator.undo_stack.undo()
    assert snapshot(annotator) == before


def test_a_failing_action_is_reported_and_leaves_no_undo_step(annotator: Annotator) -> None:
    messages: list[str] = []
    annotator.failed.connect(messages.append)
    annotator.add_speaker("Wietse")
    annotator.add_speaker("Wietse")  # same name twice in one scope
    assert messages and "Wietse" in messages[0]
    assert annotator.undo_stack.count() == 1


def test_tap_to_sync_and_undo(annotator: Annotator) -> None:
    segments = episodes.load_segments(annotator.database, annotator.episode_id or 0)
    annotator.set_line_start(segments[5].id, 31_000)
    moved = episodes.load_segments(annotator.database, annotator.episode_id or 0)
    assert moved[5].start_ms == 31_000 and moved[5].time_set_by_user
    annotator.undo_stack.undo()
    assert episodes.load_segments(annotator.database, annotator.episode_id or 0) == segments


def test_a_new_episode_starts_a_new_history(annotator: Annotator) -> None:
    annotator.add_note(0, kind="bookmark")
    annotator.set_episode(annotator.episode_id or 0)
    assert annotator.undo_stack.count() == 0


def test_undo_steps_are_named_for_the_menu(annotator: Annotator) -> None:
    annotator.add_speaker("Wietse")
    wietse = annotator.list_speakers()[0]
    segments = episodes.load_segments(annotator.database, annotator.episode_id or 0)
    annotator.assign([s.id for s in segments[:3]], wietse.id, "Wietse")
    assert annotator.undo_stack.undoText() == "Label 3 lines as Wietse"
    annotator.assign([segments[5].id], None)
    assert annotator.undo_stack.undoText() == "Remove the label of 1 line"
    annotator.add_note(1_000, "bookmark")
    assert annotator.undo_stack.undoText() == "Add bookmark"


@pytest.mark.usefixtures("dutch")
def test_undo_steps_are_named_in_dutch(annotator: Annotator) -> None:
    annotator.add_speaker("Wietse")
    assert annotator.undo_stack.undoText() == "Spreker Wietse toevoegen"
    wietse = annotator.list_speakers()[0]
    segments = episodes.load_segments(annotator.database, annotator.episode_id or 0)
    annotator.assign([s.id for s in segments[:3]], wietse.id, "Wietse")
    assert annotator.undo_stack.undoText() == "3 regels labelen als Wietse"
    annotator.edit_text(segments[0].id, "Hallo")
    assert annotator.undo_stack.undoText() == "Regel corrigeren"
