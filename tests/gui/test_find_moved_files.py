"""Moved files in the window: found when an episode opens, marked and searched in the library."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from helpers.windows import DEMO_AUDIO, WindowFactory, fake
from meelezer.store import episodes
from meelezer.store.database import Database
from meelezer.ui.episode_header import HINT
from meelezer.ui.library_model import FILES, TITLE
from meelezer.ui.main_window import MainWindow


def _open_demo(make_window: WindowFactory, demo: Path) -> tuple[MainWindow, int]:
    window = make_window()
    window.open_paths([demo])
    assert window.episode is not None
    return window, window.episode.episode.id


def test_opening_an_episode_whose_audio_moved_plays_it_from_the_new_place(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window, episode_id = _open_demo(make_window, demo)
    moved = tmp_path / "listened" / DEMO_AUDIO
    moved.parent.mkdir()
    shutil.move(demo.with_suffix(".opus"), moved)

    assert window.open_library_episode(episode_id)
    assert fake(window).loaded == moved
    assert f"Found the moved audio at {moved}" in window.messages.text()
    assert HINT in window.header.details()


def test_opening_an_episode_whose_audio_is_gone_says_where_to_find_it(
        make_window: WindowFactory, demo: Path) -> None:
    window, episode_id = _open_demo(make_window, demo)
    audio = demo.with_suffix(".opus")
    audio.unlink()
    player = fake(window)
    player.loaded = None

    assert window.open_library_episode(episode_id)
    assert player.loaded is None
    message = window.messages.text()
    assert f"The audio file is missing: {audio}" in message
    assert "Find moved files" in message
    assert window.transcript.model.rowCount() > 0  # still open for reading
    assert HINT not in window.header.details()  # the header does not offer playing


def test_library_marks_missing_files_and_finds_them_in_a_picked_folder(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path,
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    window, episode_id = _open_demo(make_window, demo)
    far = tmp_path / "usb" / "a" / "b" / "c"
    far.mkdir(parents=True)
    shutil.move(demo.with_suffix(".opus"), far / DEMO_AUDIO)

    dialog = window.library_controller.show()
    model = dialog.model
    assert model.index(0, FILES).data() == "audio missing"
    assert model.index(0, TITLE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "(missing)" in model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)

    asked: list[str] = []

    def pick_folder(_parent: object, caption: str) -> str:
        asked.append(caption)
        return str(tmp_path / "usb")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick_folder)
    dialog.table.selectRow(0)
    dialog.find_moved_button.click()
    assert len(asked) == 1  # not found nearby, so a folder was asked for
    assert f"Found the moved audio at {far / DEMO_AUDIO}" in window.messages.text()
    stored = episodes.get_episode(database, episode_id)
    assert stored is not None and stored.audio_path == far / DEMO_AUDIO
    assert model.index(0, FILES).data() == ""
    assert model.index(0, TITLE).data(Qt.ItemDataRole.DecorationRole) is None


def test_find_moved_files_without_a_selection_searches_every_episode_missing_one(
        make_window: WindowFactory, demo: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    other = tmp_path / "other" / "other.srt"
    other.parent.mkdir()
    other.write_text("1\n00:00:01,000 --> 00:00:02,000\nHallo\n", encoding="utf-8")
    window.open_paths([other])
    window.open_paths([demo])
    moved = tmp_path / "other" / demo.name
    shutil.move(demo, moved)  # the transcript now sits beside another episode's

    dialog = window.library_controller.show()
    rows = {dialog.model.index(r, FILES).data() for r in range(dialog.model.rowCount())}
    assert rows == {"no audio", "transcript missing"}  # other.srt never had audio
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *_args: pytest.fail("everything was found nearby"))
    dialog.table.clearSelection()
    dialog.find_moved_button.click()
    assert f"Found the moved transcript at {moved}" in window.messages.text()
    rows = {dialog.model.index(r, FILES).data() for r in range(dialog.model.rowCount())}
    assert rows == {"", "no audio"}


def test_nothing_to_find_says_so(make_window: WindowFactory, demo: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    window.open_paths([demo])
    dialog = window.library_controller.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *_args: pytest.fail("nothing is missing"))
    dialog.table.selectRow(0)
    dialog.find_moved_button.click()
    assert window.messages.text() == "No files are missing."


def test_the_context_menu_offers_find_moved_files(
        make_window: WindowFactory, demo: Path) -> None:
    window, _episode_id = _open_demo(make_window, demo)
    dialog = window.library_controller.show()
    dialog.table.selectRow(0)
    menu = dialog.context_menu()
    assert [action.text() for action in menu.actions()] == [
        "Open", "Find moved files…", "Relink files…", "Re-import transcript…",
        "Remove from library"]
    menu.actions()[1].trigger()
    assert window.messages.text() == "No files are missing."


def test_the_open_episode_plays_its_audio_once_relinked(
        make_window: WindowFactory, demo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    window, episode_id = _open_demo(make_window, demo)
    moved = tmp_path_factory.mktemp("far away") / "renamed.opus"
    shutil.move(demo.with_suffix(".opus"), moved)
    player = fake(window)
    player.loaded = None
    assert window.open_library_episode(episode_id)
    assert player.loaded is None  # not found nearby under another name

    window.library_controller.relink(episode_id, moved)

    assert player.loaded == moved  # no need to open the episode again
    assert HINT in window.header.details()
    assert "relinked" in window.messages.text().lower()
