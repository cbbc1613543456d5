"""Annotating in the main window from keyboard and mouse, checked in the store afterwards."""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from helpers.fake_player import FakePlayer
from helpers.windows import WindowFactory, fake
from meelezer.store import episodes, notes
from meelezer.store.database import Database
from meelezer.ui.main_window import MainWindow


def select_rows(window: MainWindow, *rows: int) -> None:
    view = window.transcript.list_view
    selection = view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(window.transcript.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select)
    view.setFocus()


def key(qtbot: QtBot, window: MainWindow, key: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.transcript.list_view, key, modifiers)


def add_speakers(qtbot: QtBot, window: MainWindow, *names: str) -> None:
    field = window.annotations.speakers_panel.name_edit
    for name in names:
        field.setFocus()
        qtbot.keyClicks(field, name)
        qtbot.keyClick(field, Qt.Key.Key_Return)


def segments(window: MainWindow, db: Database) -> list[episodes.SegmentRow]:
    assert window.episode is not None
    return episodes.load_segments(db, window.episode.episode.id)


def test_label_lines_with_number_keys_and_undo(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    add_speakers(qtbot, window, "Alexander", "Wietse")
    select_rows(window, 0, 1, 2)
    key(qtbot, window, Qt.Key.Key_2)
    rows = segments(window, database)
    assert [r.speaker_name for r in rows[:4]] == ["Wietse", "Wietse", "Wietse", None]
    assert window.transcript.model.line(0).speaker == "Wietse"
    assert "Wietse" in window.annotations.speakers_panel.row_text(
        next(s.id for s in window.annotator.list_speakers() if s.name == "Wietse"))

    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert segments(window, database)[0].speaker_name is None
    key(qtbot, window, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert segments(window, database)[0].speaker_name == "Wietse"


def test_while_playing_a_number_labels_the_spoken_line(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    add_speakers(qtbot, window, "Alexander")
    select_rows(window, 100)  # a selection far away must not be what gets labelled
    window.controller.seek(10_000)  # line 2: 9.06–13.06
    window.controller.toggle()
    fake(window).advance(500)
    qtbot.wait(40)
    key(qtbot, window, Qt.Key.Key_1)
    rows = segments(window, database)
    assert rows[1].speaker_name == "Alexander"
    assert rows[100].speaker_name is None


def test_note_at_the_current_moment_edit_and_undo(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    window.controller.seek(47_520)
    window.transcript.list_view.selectionModel().clearSelection()
    key(qtbot, window, Qt.Key.Key_N)
    assert window.episode is not None
    episode_id = window.episode.episode.id
    stored = notes.list_notes(database, episode_id)
    assert [(n.time_ms, n.kind) for n in stored] == [(47_520, "note")]
    window.annotations.notes_panel.edit_requested.emit(stored[0].id, "Check the record claim")
    assert notes.list_notes(database, episode_id)[0].text == "Check the record claim"
    assert window.transcript.model.line(window.transcript.model.row_at_time(47_520)).has_note
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert notes.list_notes(database, episode_id)[0].text == ""
    key(qtbot, window, Qt.Key.Key_B)
    assert {n.kind for n in notes.list_notes(database, episode_id)} == {"note", "bookmark"}


def test_highlight_selected_lines_as_a_quote(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    select_rows(window, 5, 6)
    key(qtbot, window, Qt.Key.Key_H)
    model = window.transcript.model
    assert model.line(5).highlight_color and model.line(6).highlight_color
    assert not model.line(7).highlight_color
    assert window.episode is not None
    (quote,) = notes.list_notes(database, window.episode.episode.id)
    assert (quote.kind, quote.time_ms, quote.end_ms) == ("highlight", 27_060, 47_520)


def test_correct_a_line_in_place_then_revert(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    select_rows(window, 1)
    key(qtbot, window, Qt.Key.Key_F2)
    editor = window.transcript.line_editor
    editor.setPlainText("Tegenover mij Wietse Hagen.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    row = segments(window, database)[1]
    assert row.text == "Tegenover mij Wietse Hagen."
    assert row.original_text is not None and row.original_text.startswith("Tegenover mij")
    assert window.transcript.model.line(1).edited
    select_rows(window, 1)
    window.annotation_actions.revert_line.trigger()
    assert segments(window, database)[1].original_text is None


def test_tap_to_sync_an_untimed_note(
        qtbot: QtBot, make_window: WindowFactory, seeds_dir: Path, tmp_path: Path,
        database: Database) -> None:
    folder = tmp_path / "note"
    folder.mkdir()
    note = Path(shutil.copy(seeds_dir / "ai-report-gpt-nl-youtube-note.md", folder))
    shutil.copy(seeds_dir / "ai-report-grok3-demo.opus", folder / f"{note.stem}.opus")
    window = make_window(FakePlayer(duration_ms=3_000_000))
    window.open_paths([note])
    select_rows(window, 10)
    window.controller.seek(70_000)
    key(qtbot, window, Qt.Key.Key_T)
    rows = segments(window, database)
    assert rows[10].start_ms == 70_000 and rows[10].time_set_by_user
    assert all(a.end_ms <= b.start_ms + 1 for a, b in pairwise(rows))
    assert window.transcript.selected_rows() == [11]  # the next tap syncs the next line


def test_find_counts_accent_insensitive_matches(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    key(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.annotations.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "wietse")
    assert window.transcript.search_count() >= 3


def test_annotations_survive_closing_and_reopening(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    add_speakers(qtbot, window, "Alexander")
    select_rows(window, 3)
    key(qtbot, window, Qt.Key.Key_1)
    key(qtbot, window, Qt.Key.Key_H)
    window.close()
    again = make_window()
    assert again.open_paths([demo])
    line = again.transcript.model.line(3)
    assert line.speaker == "Alexander"
    assert line.highlight_color


def test_right_click_menu_labels_the_line_under_the_pointer(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    add_speakers(qtbot, window, "Alexander", "Wietse")
    select_rows(window, 1)
    menu = window.annotations.line_menu(4)
    assert window.transcript.selected_rows() == [4]
    label_menu = next(a.menu() for a in menu.actions() if a.text() == "Label as")
    wietse = next(a for a in label_menu.actions() if a.text().startswith("Wietse"))
    wietse.trigger()
    assert segments(window, database)[4].speaker_name == "Wietse"


def test_speakers_are_remembered_per_show(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, seeds_dir: Path) -> None:
    window = make_window()
    first = tmp_path / "first.srt"
    second = tmp_path / "second.srt"
    first.write_text("1\n00:00:01,000 --> 00:00:02,000\nHallo\n", encoding="utf-8")
    second.write_text("1\n00:00:01,000 --> 00:00:03,000\nDag\n", encoding="utf-8")
    window.open_paths([first])
    add_speakers(qtbot, window, "Wietse", "Alexander")
    window.annotator.set_show("AI Report")
    window.open_paths([second])
    assert window.annotator.list_speakers() == []  # not in a show yet
    window.annotator.set_show("AI Report")
    assert [s.name for s in window.annotator.list_speakers()] == ["Wietse", "Alexander"]
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.annotator.list_speakers() == []


def test_highlight_in_another_colour_from_the_line_menu(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, database: Database) -> None:
    window = make_window()
    window.open_paths([demo])
    menu = window.annotations.line_menu(8)
    colours = next(a.menu() for a in menu.actions() if a.text() == "Highlight as quote in")
    next(a for a in colours.actions() if a.text() == "Green").trigger()
    assert window.episode is not None
    (quote,) = notes.list_notes(database, window.episode.episode.id)
    assert quote.color == "#81c784"
    assert window.transcript.model.line(8).highlight_color == "#81c784"
