"""TranscriptView corrections: F2 opens an editor, Enter commits, Escape cancels; update_lines."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from meelezer.ui.transcript_model import LineItem
from meelezer.ui.transcript_view import TranscriptView

SPEAKERS = ("Milo", "Wietse")


def make_lines(count: int = 40) -> list[LineItem]:
    return [LineItem(row + 1000, row * 5000, row * 5000 + 4900,
                     f"Regel {row} over kunstmatige intelligentie", SPEAKERS[row // 4 % 2])
            for row in range(count)]


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.set_lines(make_lines())
    widget.resize(640, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _press_f2_on(qtbot: QtBot, view: TranscriptView, row: int) -> None:
    view.list_view.setFocus()
    view.list_view.setCurrentIndex(view.model.index(row, 0))
    qtbot.keyClick(view.list_view, Qt.Key.Key_F2)


def test_f2_opens_the_editor_over_the_line_prefilled(qtbot: QtBot,
                                                     view: TranscriptView) -> None:
    _press_f2_on(qtbot, view, 3)
    editor = view.line_editor
    assert view.editing_row() == 3
    assert editor.isVisible()
    assert editor.toPlainText() == "Regel 3 over kunstmatige intelligentie"
    row = view.list_view.visualRect(view.model.index(3, 0))
    assert row.intersects(editor.geometry())
    assert editor.geometry().left() > view.delegate.metrics.time_left  # over the text only


@pytest.mark.parametrize("modifier", [Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.ShiftModifier])
def test_typing_and_enter_emits_text_edited(qtbot: QtBot, view: TranscriptView,
                                            modifier: Qt.KeyboardModifier) -> None:
    _press_f2_on(qtbot, view, 3)
    qtbot.keyClicks(view.line_editor, " nu")
    with qtbot.waitSignal(view.text_edited, timeout=500) as blocker:
        qtbot.keyClick(view.line_editor, Qt.Key.Key_Return, modifier)
    assert blocker.args == [1003, "Regel 3 over kunstmatige intelligentie nu"]
    assert view.editing_row() == -1
    assert not view.line_editor.isVisible()
    assert view.model.line(3).text == "Regel 3 over kunstmatige intelligentie"  # untouched


def test_escape_cancels_without_a_signal(qtbot: QtBot, view: TranscriptView) -> None:
    _press_f2_on(qtbot, view, 2)
    qtbot.keyClicks(view.line_editor, " weg")
    with qtbot.assertNotEmitted(view.text_edited, wait=50):
        qtbot.keyClick(view.line_editor, Qt.Key.Key_Escape)
    assert view.editing_row() == -1
    assert view.list_view.hasFocus()


def test_unchanged_or_empty_text_emits_nothing(qtbot: QtBot, view: TranscriptView) -> None:
    with qtbot.assertNotEmitted(view.text_edited, wait=50):
        view.edit_row(1)
        qtbot.keyClick(view.line_editor, Qt.Key.Key_Return)
        view.edit_row(1)
        view.line_editor.selectAll()
        qtbot.keyClick(view.line_editor, Qt.Key.Key_Delete)
        qtbot.keyClick(view.line_editor, Qt.Key.Key_Return)


def test_pasted_line_breaks_become_spaces(qtbot: QtBot, view: TranscriptView) -> None:
    view.edit_row(0)
    view.line_editor.setPlainText("Twee\nregels")
    with qtbot.waitSignal(view.text_edited, timeout=500) as blocker:
        view.line_editor.commit()
    assert blocker.args == [1000, "Twee regels"]


def test_double_click_still_seeks_and_does_not_edit(qtbot: QtBot, view: TranscriptView) -> None:
    rect = view.list_view.visualRect(view.model.index(2, 0))
    point = rect.center()
    with qtbot.waitSignal(view.seek_requested, timeout=500):
        qtbot.mouseDClick(view.list_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.editing_row() == -1


def test_update_lines_changes_only_those_rows(qtbot: QtBot, view: TranscriptView) -> None:
    changed: list[tuple[int, int]] = []
    view.model.dataChanged.connect(
        lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    resets: list[bool] = []
    view.model.modelReset.connect(lambda: resets.append(True))
    longer = "Regel 5 " + "met een veel langere, gecorrigeerde tekst " * 6
    new = {5: dataclasses.replace(view.model.line(5), text=longer, edited=True),
           9: dataclasses.replace(view.model.line(9), has_note=True)}
    height = view.list_view.visualRect(view.model.index(5, 0)).height()
    view.update_lines(new)
    assert changed == [(5, 5), (9, 9)]
    assert resets == []
    assert view.model.line(5).text == longer and view.model.line(9).has_note
    assert view.model.line(4) == make_lines()[4]
    qtbot.waitUntil(lambda: view.list_view.visualRect(view.model.index(5, 0)).height() > height,
                    timeout=1000)


def test_update_lines_keeps_the_current_line_and_word_right(view: TranscriptView) -> None:
    lines = make_lines()
    view.set_position_ms(lines[6].start_ms + 4_000)  # late in line 6: a late word
    word = view.current_word()
    assert view.current_row() == 6 and word > 0
    view.update_lines({6: dataclasses.replace(lines[6], text="Kort")})
    assert view.current_row() == 6
    assert view.current_word() == 0  # the new text has one word
    assert view.delegate.current_word_span() == (0, 4)
    # A changed start moves what is current: line 7 now starts before the position.
    view.update_lines({7: dataclasses.replace(lines[7], start_ms=lines[6].start_ms + 3_000)})
    assert view.current_row() == 7


def test_update_lines_refreshes_the_search(view: TranscriptView) -> None:
    assert view.set_search("kunstmatige") == 40
    view.update_lines({3: dataclasses.replace(view.model.line(3), text="Geen match")})
    assert view.search_count() == 39
    assert view.delegate.search_spans(3) == []


def test_speaker_change_of_a_row_also_refreshes_the_next(view: TranscriptView) -> None:
    changed: list[tuple[int, int]] = []
    view.model.dataChanged.connect(
        lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    assert not view.model.speaker_changes(3)
    view.update_lines({2: dataclasses.replace(view.model.line(2), speaker="Rick")})
    assert changed == [(2, 3)]  # Milo's row 3 now starts a new turn after Rick
    assert view.model.speaker_changes(3)


def test_model_passes_the_model_tester_after_update_lines(qtmodeltester: ModelTester,
                                                          view: TranscriptView) -> None:
    view.update_lines({0: dataclasses.replace(view.model.line(0), text="Nieuw", edited=True),
                       39: dataclasses.replace(view.model.line(39), highlight_color="#ffcc00"),
                       99: view.model.line(0)})  # out of range: ignored
    qtmodeltester.check(view.model)
    assert view.model.index(0, 0).data() == "Nieuw"
    assert not view.model.index(99, 0, QModelIndex()).isValid()
    QApplication.processEvents()


def test_new_times_alone_keep_the_rows_heights(view: TranscriptView,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Sync to audio retimes every line: no row's text is laid out again for that (laying
    out 20,000 rows again took seconds on the GUI thread); new text still is."""
    from meelezer.ui import line_delegate

    laid_out: list[str] = []
    real = line_delegate.wrapped_layout
    monkeypatch.setattr(line_delegate, "wrapped_layout",
                        lambda text, *args: laid_out.append(text) or real(text, *args))
    QApplication.processEvents()
    count = view.model.rowCount()
    shown = {view.model.line(row).text for row in range(count) if view.delegate.has_height(row)}
    assert shown
    laid_out.clear()
    view.update_lines({row: dataclasses.replace(view.model.line(row),
                                                start_ms=view.model.line(row).start_ms + 300,
                                                not_in_audio=row == 2)
                       for row in range(count)})
    QApplication.processEvents()
    # None laid out again, and none of those off screen (QTreeView measures every row of a
    # changed range unless told which can change height).
    assert laid_out == []
    view.update_lines({1: dataclasses.replace(view.model.line(1), text="Nieuwe tekst")})
    QApplication.processEvents()
    assert "Nieuwe tekst" in laid_out
