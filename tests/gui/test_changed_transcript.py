"""Opening a transcript that was edited on disk since it was imported (issue 13, item 4).

Its annotations must not disappear behind a second, empty episode of the same title: the
window offers to re-import the new text into the episode the user annotated, and says what
happened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.store import episodes
from meelezer.store.database import Database
from meelezer.ui.main_window import MainWindow


def annotate(window: MainWindow) -> int:
    """A note, two labels and a correction on the open episode; its id."""
    assert window.episode is not None
    annotator = window.annotator
    annotator.add_speaker("Alexander")
    speaker = annotator.list_speakers()[0]
    model = window.transcript.model
    annotator.assign([model.line(0).segment_id, model.line(1).segment_id], speaker.id,
                     speaker.name)
    annotator.add_note(model.line(5).start_ms, "note", "Uitleg over geheugen")
    annotator.edit_text(model.line(3).segment_id, model.line(3).text + " (verbeterd)")
    return window.episode.episode.id


def edit_one_word(transcript: Path) -> None:
    text = transcript.read_text(encoding="utf-8")
    assert "New York Times" in text
    transcript.write_text(text.replace("New York Times", "New York Post", 1), encoding="utf-8")


def answer_with(qtbot: QtBot, button: str, seen: list[str]) -> None:
    """Press ``button`` in the question box the window is about to show (if it shows one)."""
    tries = [50]

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] -= 1
            if tries[0] > 0:  # not shown yet; gives up when no box comes
                QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        for candidate in box.buttons():
            if candidate.text().replace("&", "") == button:
                candidate.click()
                return
        raise AssertionError(f"no button {button!r} in {[b.text() for b in box.buttons()]}")
    QTimer.singleShot(0, press)


def reopen_edited(qtbot: QtBot, window: MainWindow, demo: Path, button: str
                  ) -> tuple[int, bool, list[str]]:
    """Open and annotate the demo, edit a word on disk, open it again answering ``button``:
    the episode's id, what opening returned, and the question's text."""
    assert window.open_paths([demo])
    episode_id = annotate(window)
    edit_one_word(demo)
    asked: list[str] = []
    answer_with(qtbot, button, asked)
    return episode_id, window.open_paths([demo]), asked


def test_an_edited_transcript_is_reimported_into_its_episode_with_its_annotations(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    episode_id, opened, asked = reopen_edited(qtbot, window, demo, "Re-import")
    assert opened
    assert asked and "changed" in asked[0] and "Grok-3" in asked[0]
    assert [e.id for e in episodes.list_episodes(database)] == [episode_id]  # no second one
    assert window.episode is not None and window.episode.episode.id == episode_id
    model = window.transcript.model
    assert any("New York Post" in model.line(row).text for row in range(model.rowCount()))
    assert [model.line(row).speaker for row in range(3)] == ["Alexander", "Alexander", None]
    assert model.line(3).text.endswith("(verbeterd)")
    assert [note.text for note in window.annotator.list_notes()] == ["Uitleg over geheugen"]
    assert model.line(5).has_note
    shown = window.messages.text()
    assert window.messages.isVisible()
    assert "Re-imported 172 lines: 2 labels, 1 corrections" in shown
    assert "changed" in shown  # says why


def test_keeping_the_earlier_version_opens_the_annotated_episode_unchanged(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    episode_id, opened, asked = reopen_edited(qtbot, window, demo, "Open the earlier version")
    assert opened and asked
    assert [e.id for e in episodes.list_episodes(database)] == [episode_id]
    assert window.episode is not None and window.episode.episode.id == episode_id
    model = window.transcript.model
    assert not any("New York Post" in model.line(row).text for row in range(model.rowCount()))
    assert model.line(0).speaker == "Alexander"


def test_cancelling_opens_nothing_and_changes_nothing(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    episode_id, opened, asked = reopen_edited(qtbot, make_window(), demo, "Cancel")
    assert not opened and asked
    assert [e.id for e in episodes.list_episodes(database)] == [episode_id]
    segments = episodes.load_segments(database, episode_id)
    assert not any("New York Post" in row.text for row in segments)


def test_an_unchanged_transcript_opens_without_a_question(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    assert window.open_paths([demo])
    episode_id = annotate(window)
    assert window.open_paths([demo])  # a modal box here would block the test
    assert [e.id for e in episodes.list_episodes(database)] == [episode_id]
