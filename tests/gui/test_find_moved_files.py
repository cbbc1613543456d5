"""Moved files in the window: found when an episode opens, marked and searched in the library."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from helpers.windows import DEMO_AUDIO, WindowFactory, fake
from meelezer import moved_files
from meelezer.store import episodes
from meelezer.store.database import Database
from meelezer.ui import moved_files_job
from meelezer.ui.episode_header import HINT
from meelezer.ui.library_model import FILES, TITLE
from meelezer.ui.main_window import MainWindow

WAIT_MS = 10_000


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
    monkeypatch.setattr(moved_files_job, "SHOW_PROGRESS_AFTER_MS", 250)

    def pick_folder(parent: object, caption: str) -> str:
        asked.append(caption)
        assert parent is dialog  # in front of the library window, not behind it
        qtbot.wait(500)  # past the progress dialog's show delay: it must not pop up now
        assert not any(isinstance(widget, QProgressDialog) and widget.isVisible()
                       for widget in QApplication.topLevelWidgets())  # progress gone first
        return str(tmp_path / "usb")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick_folder)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.library_controller.moved_files_done, timeout=WAIT_MS):
        dialog.find_moved_button.click()
    assert len(asked) == 1  # not found nearby, so a folder was asked for
    assert f"Found the moved audio at {far / DEMO_AUDIO}" in window.messages.text()
    stored = episodes.get_episode(database, episode_id)
    assert stored is not None and stored.audio_path == far / DEMO_AUDIO
    assert model.index(0, FILES).data() == ""
    assert model.index(0, TITLE).data(Qt.ItemDataRole.DecorationRole) is None


def test_find_moved_files_without_a_selection_searches_every_episode_missing_one(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path,
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
    with qtbot.waitSignal(window.library_controller.moved_files_done, timeout=WAIT_MS):
        dialog.find_moved_button.click()
    assert f"Found the moved transcript at {moved}" in window.messages.text()
    rows = {dialog.model.index(r, FILES).data() for r in range(dialog.model.rowCount())}
    assert rows == {"", "no audio"}


def test_nothing_to_find_says_so(qtbot: QtBot, make_window: WindowFactory, demo: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    window.open_paths([demo])
    dialog = window.library_controller.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *_args: pytest.fail("nothing is missing"))
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.library_controller.moved_files_done, timeout=WAIT_MS):
        dialog.find_moved_button.click()
    assert window.messages.text() == "No files are missing."


def test_the_context_menu_offers_find_moved_files(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window, _episode_id = _open_demo(make_window, demo)
    dialog = window.library_controller.show()
    dialog.table.selectRow(0)
    menu = dialog.context_menu()
    assert [action.text() for action in menu.actions()] == [
        "Open", "Find moved files…", "Relink files…", "Re-import transcript…",
        "Remove from library"]
    with qtbot.waitSignal(window.library_controller.moved_files_done, timeout=WAIT_MS):
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


def _decoys(folder: Path, like: Path, count: int) -> None:
    """Files of ``like``'s size and kind but other content: each must be hashed to rule out."""
    folder.mkdir(parents=True, exist_ok=True)
    size = like.stat().st_size
    for number in range(count):
        (folder / f"decoy-{number}{like.suffix}").write_bytes(bytes([number]) * size)


class BlockedHashing:
    """Stands in for the audio fingerprint: records each file and thread, and holds every
    hash until ``release`` is set (so the test can act while the search is busy)."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.threads: list[str] = []
        self.release = threading.Event()
        self._real = moved_files.audio_fingerprint

    def __call__(self, path: Path) -> str:
        self.paths.append(path)
        self.threads.append(threading.current_thread().name)
        self.release.wait(WAIT_MS / 1000)
        return self._real(path)


def _search_far_audio(window: MainWindow, demo: Path, tmp_path: Path, far: Path,
                      monkeypatch: pytest.MonkeyPatch) -> BlockedHashing:
    """The demo audio moved to ``far`` below tmp/usb among decoys; the search is started."""
    audio = demo.with_suffix(".opus")
    _decoys(tmp_path / "usb", audio, 5)
    far.parent.mkdir(parents=True)
    shutil.move(audio, far)
    hashing = BlockedHashing()
    monkeypatch.setattr(moved_files, "audio_fingerprint", hashing)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *_args: str(tmp_path / "usb"))
    dialog = window.library_controller.show()
    dialog.table.selectRow(0)
    dialog.find_moved_button.click()
    return hashing


def test_the_search_hashes_off_the_gui_thread_and_the_window_stays_usable(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, episode_id = _open_demo(make_window, demo)
    far = tmp_path / "usb" / "deep" / DEMO_AUDIO
    with qtbot.waitSignal(window.library_controller.moved_files_done, timeout=WAIT_MS):
        hashing = _search_far_audio(window, demo, tmp_path, far, monkeypatch)
        qtbot.waitUntil(lambda: len(hashing.paths) > 0, timeout=WAIT_MS)
        window.annotator.add_note(1_000, text="while it searches")  # the GUI thread is free
        assert window.library_controller.moved_job is not None
        hashing.release.set()
    assert set(hashing.threads) == {"find-moved-files"}
    assert f"Found the moved audio at {far}" in window.messages.text()
    stored = episodes.get_episode(window.library.database, episode_id)
    assert stored is not None and stored.audio_path == far
    assert [note.text for note in window.annotator.list_notes()] == ["while it searches"]


def test_cancelling_the_search_stops_it_and_changes_nothing(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, episode_id = _open_demo(make_window, demo)
    far = tmp_path / "usb" / "a" / "b" / "c" / DEMO_AUDIO  # beyond the nearby search
    with qtbot.waitSignal(window.library_controller.moved_files_done, timeout=WAIT_MS):
        hashing = _search_far_audio(window, demo, tmp_path, far, monkeypatch)
        qtbot.waitUntil(lambda: len(hashing.paths) > 0, timeout=WAIT_MS)
        job = window.library_controller.moved_job
        assert job is not None
        qtbot.waitUntil(job.dialog.isVisible, timeout=WAIT_MS)  # progress, with Cancel
        cancel_button = job.dialog.findChild(QPushButton)
        assert cancel_button is not None and cancel_button.text() == "Cancel"
        cancel_button.click()
        hashing.release.set()
    assert len(hashing.paths) == 1  # it stopped at the next file
    assert "stopped looking" in window.messages.text().lower()
    stored = episodes.get_episode(window.library.database, episode_id)
    assert stored is not None and stored.audio_path == demo.with_suffix(".opus")
