"""File → Back up this episode's annotations / all annotations, driven through the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.store import file_sha256, import_transcript
from meelezer.store.notes import add_note
from meelezer.transcript.files import read_transcript
from meelezer.ui.main_window import MainWindow

OTHER_SEED = "ai-report-gpt-nl-youtube-note.md"
DEMO_TITLE = "Grok-3 daagt OpenAI uit + NYT omarmt AI + exclusief interview met Rick Lamers (Groq)"


def _file_menu_actions(window: MainWindow) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [action.text() for action in file_menu.actions()]  # type: ignore[union-attr]


def _add_other_episode(window: MainWindow, seeds_dir: Path) -> int:
    """A second library episode, with a note, that the window does not show."""
    seed = seeds_dir / OTHER_SEED
    db = window.library.database
    episode_id = import_transcript(db, read_transcript(seed), seed, file_sha256(seed), None)
    add_note(db, episode_id, 5_000, "bookmark", "Andere aflevering")
    return episode_id


def _archived(archive: Path) -> list[dict[str, object]]:
    episodes: list[dict[str, object]] = json.loads(archive.read_text("utf-8"))["episodes"]
    return episodes


def test_episode_backup_needs_an_open_episode(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    action = window.actions_.export_episode_annotations
    assert not action.isEnabled()
    texts = _file_menu_actions(window)
    after_export = texts.index("&Export…") + 1
    assert texts[after_export:after_export + 3] == [
        "&Back up this episode's annotations…", "Back up &all annotations…",
        "&Import annotations…"]
    assert not window.exporter.export_episode_annotations(tmp_path / "x.json")
    assert "Open an episode first" in window.messages.text()
    assert not (tmp_path / "x.json").exists()

    window.open_paths([demo])
    assert action.isEnabled()
    assert window.episode is not None
    window.forget_episode(window.episode.episode.id)  # removed from the library while open
    assert not action.isEnabled()


def test_episode_backup_holds_only_the_open_episode(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, seeds_dir: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    _add_other_episode(window, seeds_dir)
    window.open_paths([demo])
    window.annotator.add_note(20_000, text="alleen deze")
    archive = tmp_path / "chosen"
    offered: list[str] = []

    def choose(_parent: object, _caption: str, name: str, _filter: str) -> tuple[str, str]:
        offered.append(name)
        return str(archive), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    window.actions_.export_episode_annotations.trigger()

    # Suggested from the title, without the characters file names cannot all hold.
    assert offered == ["Grok-3 daagt OpenAI uit NYT omarmt AI exclusief interview met Rick "
                       "Lamers Groq annotations.json"]
    written = tmp_path / "chosen.json"  # the extension is added
    episodes = _archived(written)
    assert [episode["title"] for episode in episodes] == [DEMO_TITLE]
    assert [note["text"] for note in episodes[0]["notes"]] == ["alleen deze"]  # type: ignore[index]
    message = window.messages.text()
    assert f"“{DEMO_TITLE}”" in message and str(written) in message
    assert "1 note(s), 0 labelled line(s), 0 correction(s)" in message


def test_whole_library_backup_holds_every_episode(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, seeds_dir: Path,
        tmp_path: Path) -> None:
    window = make_window()
    _add_other_episode(window, seeds_dir)
    window.open_paths([demo])
    window.annotator.add_note(20_000, text="deze ook")
    archive = tmp_path / "all.json"
    assert window.exporter.export_annotations(archive)
    assert len(_archived(archive)) == 2
    assert f"2 episode(s) saved to {archive}: 2 note(s)" in window.messages.text()


def test_import_into_the_open_episode_refreshes_its_notes(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    window.open_paths([demo])
    window.annotator.add_note(20_000, text="terug")
    archive = tmp_path / "episode.json"
    assert window.exporter.export_episode_annotations(archive)
    window.annotator.undo_stack.undo()
    assert window.annotations.notes_panel.visible_note_ids() == []

    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_args: (str(archive), ""))
    window.actions_.import_annotations.trigger()
    (note,) = window.annotator.list_notes()
    assert note.text == "terug"
    assert window.annotations.notes_panel.visible_note_ids() == [note.id]
    assert "Imported annotations for 1 episode(s): 1 new note(s)" in window.messages.text()
    assert not window.annotator.undo_stack.canRedo()  # redo would add the note twice
    # A second import finds the note already there.
    window.actions_.import_annotations.trigger()
    assert len(window.annotator.list_notes()) == 1
    assert "0 new note(s)" in window.messages.text()
    assert "1 note(s) were already there" in window.messages.text()
