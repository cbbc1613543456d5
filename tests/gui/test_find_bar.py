"""FindBar: its signals from the keyboard and buttons, the count label, and a view attached."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from meelezer.ui.find_bar import FindBar, count_text
from meelezer.ui.transcript_model import LineItem
from meelezer.ui.transcript_view import TranscriptView


@pytest.fixture
def bar(qtbot: QtBot) -> FindBar:
    widget = FindBar()
    qtbot.addWidget(widget)
    widget.open()
    qtbot.waitExposed(widget)
    return widget


def test_typing_emits_query_changed(qtbot: QtBot, bar: FindBar) -> None:
    queries: list[str] = []
    bar.query_changed.connect(queries.append)
    qtbot.keyClicks(bar.field, "ee")  # QTest cannot type "é": QTest.keyClicks aborts
    bar.field.insert("é")
    assert queries == ["e", "ee", "eeé"]


@pytest.mark.parametrize(("key", "modifier", "signal"), [
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "next_requested"),
    (Qt.Key.Key_Enter, Qt.KeyboardModifier.NoModifier, "next_requested"),
    (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier, "next_requested"),
    (Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier, "previous_requested"),
    (Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier, "previous_requested"),
])
def test_keys_in_the_field_step_through_matches(qtbot: QtBot, bar: FindBar, key: Qt.Key,
                                                modifier: Qt.KeyboardModifier,
                                                signal: str) -> None:
    other = "previous_requested" if signal == "next_requested" else "next_requested"
    with qtbot.waitSignal(getattr(bar, signal), timeout=500), \
            qtbot.assertNotEmitted(getattr(bar, other)):
        qtbot.keyClick(bar.field, key, modifier)


def test_escape_closes_and_emits_closed(qtbot: QtBot, bar: FindBar) -> None:
    with qtbot.waitSignal(bar.closed, timeout=500):
        qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.isHidden()
    with qtbot.assertNotEmitted(bar.closed):
        bar.close()  # already closed: nothing more to say


def test_buttons_emit(qtbot: QtBot, bar: FindBar) -> None:
    bar.set_count(-1, 3)
    with qtbot.waitSignal(bar.next_requested, timeout=500):
        qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(bar.previous_requested, timeout=500):
        qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(bar.closed, timeout=500):
        qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)


def test_reopening_repeats_the_query_and_selects_it(qtbot: QtBot, bar: FindBar) -> None:
    qtbot.keyClicks(bar.field, "model")
    bar.close()
    with qtbot.waitSignal(bar.query_changed, timeout=500) as blocker:
        bar.open()
    assert blocker.args == ["model"]
    assert bar.field.selectedText() == "model"


def test_count_text() -> None:
    assert count_text(2, 17, "een") == "3 of 17"
    assert count_text(-1, 17, "een") == "17 matches"
    assert count_text(-1, 1, "een") == "1 match"
    assert count_text(-1, 0, "een") == "No matches"
    assert count_text(-1, 0, "") == ""
    assert count_text(1_233, 2_000, "e") == "1,234 of 2,000"


def test_attached_bar_drives_the_view(qtbot: QtBot, bar: FindBar) -> None:
    view = TranscriptView()
    qtbot.addWidget(view)
    texts = ["Dat is één ding", "Een model", "niets hier", "Nog een keer"]
    view.set_lines([LineItem(row + 1, row * 1000, row * 1000 + 900, text)
                    for row, text in enumerate(texts)])
    view.attach_find_bar(bar)
    qtbot.keyClicks(bar.field, "een")
    assert view.search_count() == 3
    assert bar.count_label.text() == "3 matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "1 of 3"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "2 of 3"  # wrapped around backwards
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert view.search_count() == 0
    assert view.delegate.search_spans(1) == []
