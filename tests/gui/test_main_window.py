"""The main window with a fake player: opening episodes, keyboard and mouse controls, memory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpers.fake_player import FakePlayer
from helpers.windows import DEMO_AUDIO, WindowFactory, fake
from meelezer.playback.player import PlaybackState
from meelezer.store import episodes
from meelezer.store.database import Database
from meelezer.ui.go_to_time_dialog import GoToTimeDialog
from meelezer.ui.main_window import MainWindow
from meelezer.ui.shortcuts_dialog import shortcut_rows


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    window.transcript.list_view.setFocus()
    qtbot.keyClick(window.transcript.list_view, key, modifiers)


def play_for(qtbot: QtBot, window: MainWindow, ms: int) -> None:
    """Let the fake clock run and the window's ticker show it."""
    fake(window).advance(ms)
    qtbot.wait(40)


def test_opening_the_demo_shows_lines_title_and_loads_audio(
        make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    assert window.open_paths([demo])
    assert window.transcript.model.rowCount() == 172
    assert window.windowTitle().startswith("Grok-3 daagt OpenAI uit")
    assert window.header.title() == window.windowTitle().removesuffix(" — Meelezer")
    assert "AI Report" in window.header.details()
    assert "Space plays" in window.header.details()
    assert fake(window).loaded == demo.with_suffix(".opus")
    assert not window.messages.isVisible()


def test_space_plays_and_the_current_line_follows_the_clock(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    press(qtbot, window, Qt.Key.Key_Space)
    assert fake(window).state() == PlaybackState.PLAYING
    play_for(qtbot, window, 10_000)  # line 2 runs 9.06–13.06 s
    qtbot.waitUntil(lambda: window.transcript.current_row() == 1)
    press(qtbot, window, Qt.Key.Key_Space)
    assert fake(window).state() == PlaybackState.PAUSED


def test_resume_after_pause_rewinds_but_not_after_choosing_a_spot(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    window.controller.toggle()
    play_for(qtbot, window, 10_000)
    window.controller.toggle()
    window.controller.toggle()
    assert fake(window).position_ms() == 9_000  # default rewind: 1 s
    window.controller.toggle()
    window.controller.seek(20_000)
    window.controller.toggle()
    assert fake(window).position_ms() == 20_000


@pytest.mark.parametrize(
    ("key", "modifiers", "expected_ms"),
    [
        (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier, 65_000),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier, 55_000),
        (Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier, 90_000),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier, 30_000),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier, 63_600),  # next line starts 1:03.60
        (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier, 57_040),  # 60 s is early in 59.46's line
    ],
)
def test_skip_and_line_keys(qtbot: QtBot, make_window: WindowFactory, demo: Path,
                            key: Qt.Key, modifiers: Qt.KeyboardModifier,
                            expected_ms: int) -> None:
    window = make_window()
    window.open_paths([demo])
    window.controller.seek(60_000)
    press(qtbot, window, key, modifiers)
    assert fake(window).position_ms() == expected_ms


def test_speed_volume_and_follow_persist_across_windows(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    press(qtbot, window, Qt.Key.Key_BracketRight)
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert fake(window).rate() == pytest.approx(1.25)
    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    window.actions_.follow_playback.setChecked(False)
    window.close()

    again = make_window(FakePlayer())
    assert again.settings.speed == pytest.approx(1.25)
    assert fake(again).rate() == pytest.approx(1.25)
    assert fake(again).volume == 85
    assert not again.transcript.following()


def test_loop_repeats_the_current_line(qtbot: QtBot, make_window: WindowFactory,
                                       demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    window.controller.seek(9_500)  # inside 9.06–13.06
    press(qtbot, window, Qt.Key.Key_L)
    window.controller.toggle()
    play_for(qtbot, window, 4_000)  # past the line's end
    qtbot.waitUntil(lambda: fake(window).position_ms() == 9_060)


def test_last_position_is_saved_and_restored(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    window.controller.seek(123_000)
    window.close()
    saved = episodes.list_episodes(database)[0]
    assert saved.last_position_ms == 123_000

    again = make_window()
    assert again.library.last_opened_episode() is not None
    again.open_library_episode(saved.id)
    assert fake(again).position_ms() == 123_000
    assert again.transcript.current_row() == again.transcript.model.row_at_time(123_000)


def test_missing_audio_keeps_the_transcript_readable(
        make_window: WindowFactory, demo: Path) -> None:
    demo.with_suffix(".opus").unlink()
    window = make_window()
    assert window.open_paths([demo])
    assert window.transcript.model.rowCount() == 172
    assert "No audio file was found" in window.messages.text()
    assert fake(window).loaded is None


def test_unavailable_libvlc_says_how_to_install(make_window: WindowFactory,
                                               demo: Path) -> None:
    window = make_window(FakePlayer(available=False))
    assert window.open_paths([demo])
    assert "Install VLC" in window.messages.text()
    assert window.transcript.model.rowCount() == 172


def test_unplayable_audio_error_is_shown_and_reading_goes_on(
        make_window: WindowFactory, demo: Path) -> None:
    player = FakePlayer()
    player.load_error = "Cannot play ai-report-grok3-demo.opus: not an audio file"
    window = make_window(player)
    assert window.open_paths([demo])
    assert "Cannot play" in window.messages.text()
    assert window.transcript.model.rowCount() == 172


def test_broken_transcript_keeps_the_open_episode(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    broken = tmp_path / "broken.srt"
    broken.write_text("1\n00:00:05,000 --> 00:00:01,000\nBackwards\n", encoding="utf-8")
    assert not window.open_paths([broken])
    assert "broken.srt:2" in window.messages.text()
    assert window.transcript.model.rowCount() == 172


def test_dropping_a_transcript_opens_it(qtbot: QtBot, make_window: WindowFactory,
                                        demo: Path) -> None:
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(demo))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.transcript.model.rowCount() == 172


def test_clicking_a_line_time_seeks_there(qtbot: QtBot, make_window: WindowFactory,
                                          demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    view = window.transcript.list_view
    rect = view.visualRect(window.transcript.model.index(3, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 20, rect.center().y()))
    assert fake(window).position_ms() == 19_080


def test_go_to_time_dialog_accepts_the_three_forms(qtbot: QtBot) -> None:
    for typed, expected in (("1:02:03", 3_723_000), ("62:03", 3_723_000), ("3723", 3_723_000)):
        dialog = GoToTimeDialog(0, 4 * 3600 * 1000)
        qtbot.addWidget(dialog)
        dialog._input.setText(typed)
        dialog._accept_if_valid()
        assert dialog.target_ms() == expected
    dialog = GoToTimeDialog(0, 60_000)
    qtbot.addWidget(dialog)
    dialog._input.setText("5:00")
    dialog._accept_if_valid()
    assert dialog.target_ms() is None
    assert "ends at 1:00" in dialog._problem.text()


def test_shortcut_sheet_lists_every_shortcut(make_window: WindowFactory) -> None:
    window = make_window()
    rows = dict(shortcut_rows(window.actions_.all()))
    assert rows["Play or pause"] == "Space"
    assert rows["Jump to a time such as 1:02:03"] == "Ctrl+G"
    assert len(rows) == sum(1 for a in window.actions_.all() if not a.shortcut().isEmpty())


def test_space_types_into_text_fields_instead_of_playing(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    dialog = GoToTimeDialog(0, 604_780, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._input.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(dialog._input, Qt.Key.Key_Space)
    assert fake(window).state() != PlaybackState.PLAYING


def test_untimed_note_is_spread_over_the_audio_once_its_length_is_known(
        make_window: WindowFactory, seeds_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "note"
    folder.mkdir()
    note = Path(shutil.copy(seeds_dir / "ai-report-gpt-nl-youtube-note.md", folder))
    shutil.copy(seeds_dir / DEMO_AUDIO, folder / "ai-report-gpt-nl-youtube-note.opus")
    window = make_window(FakePlayer(duration_ms=3_000_000))
    assert window.open_paths([note])
    model = window.transcript.model
    last = model.line(model.rowCount() - 1)
    assert last.times_estimated
    assert last.end_ms == 3_000_000
    assert window.episode is not None and window.episode.episode.duration_ms == 3_000_000
    assert "50:00" in window.header.details()
