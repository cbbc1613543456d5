"""After an annotation the window reads again only the lines it changed, and shows the same
as reading the whole episode would (labels, corrections, notes, highlights, re-timing, undo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.windows import WindowFactory
from meelezer.library import Library, OpenedEpisode
from meelezer.ui.line_items import NoteMarks, line_items_for
from meelezer.ui.main_window import MainWindow


def fully_read(window: MainWindow) -> list[object]:
    """What the view would show after reading the whole episode again."""
    assert window.episode is not None
    opened = Library(window.library.database).reload(window.episode.episode.id)
    return list(line_items_for(opened, NoteMarks.of(opened, window.annotator.list_notes())))


def whole_reads(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts every read of the whole episode the session makes from now on."""
    reads: list[int] = []
    original = Library.reload

    def counted(library: Library, episode_id: int) -> OpenedEpisode:
        reads.append(episode_id)
        return original(library, episode_id)

    monkeypatch.setattr(window.session.library, "reload",
                        counted.__get__(window.session.library))
    return reads


def test_annotations_refresh_their_rows_only_and_match_a_full_read(
        make_window: WindowFactory, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    assert window.open_paths([demo])
    annotator = window.annotator
    annotator.add_speaker("Alexander")
    annotator.add_speaker("Wietse")
    alexander, wietse = annotator.list_speakers()
    model = window.transcript.model
    ids = [model.line(row).segment_id for row in range(model.rowCount())]
    reads = whole_reads(window, monkeypatch)

    annotator.assign(ids[3:6], wietse.id, wietse.name)
    assert [model.line(row).speaker for row in range(2, 7)] == [
        None, "Wietse", "Wietse", "Wietse", None]
    assert model.speaker_changes(3) and not model.speaker_changes(4)
    annotator.assign([ids[4]], alexander.id, alexander.name)  # splits the turn in two
    assert model.speaker_changes(4) and model.speaker_changes(5)
    annotator.fill_forward(ids[10], alexander.id)
    annotator.edit_text(ids[7], "Een verbeterde regel.")
    assert model.line(7).text == "Een verbeterde regel." and model.line(7).edited
    annotator.add_note(model.line(20).start_ms + 10, "note", "Waarom?")
    assert model.line(20).has_note
    annotator.add_note(model.line(30).start_ms, "highlight", color="#a5d6a7",
                       end_ms=model.line(32).end_ms)
    assert [model.line(row).highlight_color for row in (29, 30, 32, 33)] == [
        None, "#a5d6a7", "#a5d6a7", None]
    before_tap = model.line(41).start_ms
    annotator.set_line_start(ids[41], before_tap + 700)
    assert model.line(41).start_ms == before_tap + 700
    assert model.lines() == fully_read(window)

    while annotator.undo_stack.canUndo():
        annotator.undo_stack.undo()
        assert model.lines() == fully_read(window)
    assert not model.line(20).has_note and model.line(41).start_ms == before_tap
    assert reads == []  # not once the whole episode: a few rows each time


def test_a_store_change_outside_the_annotator_still_reads_everything(
        make_window: WindowFactory, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    assert window.open_paths([demo])
    assert window.episode is not None
    reads = whole_reads(window, monkeypatch)
    window.session.store_replaced(window.episode.episode.id)
    assert reads == [window.episode.episode.id]
