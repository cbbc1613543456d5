"""TranscriptView: current line and word, seeking from the list, follow mode, and real paint."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPaintEvent, QPalette, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSlider, QApplication
from pytestqt.qtbot import QtBot

from meelezer.transcript.model import Word
from meelezer.ui.line_delegate import time_label
from meelezer.ui.line_layout import range_rects, wrapped_layout
from meelezer.ui.transcript_model import LineItem
from meelezer.ui.transcript_view import TranscriptView

# The offscreen platform warns when a shown window has size constraints; that is not ours.

LINE_MS = 5_000
SPEAKERS = ("Milo", "Wietse", "Rick")


def make_lines(count: int = 80) -> list[LineItem]:
    """Lines of 5 s each (a 1 s pause after every tenth), speakers changing every 3 lines."""
    lines = []
    start = 0
    for row in range(count):
        text = f"Regel {row} gaat over kunstmatige intelligentie en de redactie van de krant"
        words: tuple[Word, ...] = ()
        if row == 4:  # one line with real word times, deliberately uneven
            words = tuple(Word(token, start + 100 * i, start + 100 * i + 90)
                          for i, token in enumerate(text.split()))
        lines.append(LineItem(row + 1, start, start + LINE_MS, text, SPEAKERS[row // 3 % 3],
                              None, times_estimated=row >= 60, words=words))
        start += LINE_MS + (1_000 if row % 10 == 9 else 0)
    return lines


@pytest.fixture
def lines() -> list[LineItem]:
    return make_lines()


@pytest.fixture
def view(qtbot: QtBot, lines: list[LineItem]) -> TranscriptView:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.set_lines(lines)
    widget.resize(640, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def row_rect(view: TranscriptView, row: int) -> QRect:
    return view.list_view.visualRect(view.model.index(row, 0))


def row_visible(view: TranscriptView, row: int) -> bool:
    return view.list_view.first_visible_row() <= row <= view.list_view.last_visible_row()


class PaintSpy(QObject):
    """Collects the regions the viewport repaints."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.append(event.region().boundingRect())
        return False


# --- current line and word ------------------------------------------------------------------


def test_set_position_moves_the_current_row(view: TranscriptView) -> None:
    assert view.current_row() == -1
    view.set_position_ms(2 * LINE_MS + 10)
    assert view.current_row() == 2
    view.set_position_ms(3 * LINE_MS)
    assert view.current_row() == 3
    view.set_position_ms(-5)
    assert view.current_row() == -1


def test_current_word_moves_through_an_estimated_line(view: TranscriptView,
                                                      lines: list[LineItem]) -> None:
    line = lines[1]
    view.set_position_ms(line.start_ms)
    assert view.current_word() == 0
    assert view.delegate.current_word_span() == (0, len("Regel"))
    view.set_position_ms(line.end_ms - 1)
    last = len(line.text.split()) - 1
    assert view.current_word() == last
    assert view.delegate.current_word_span() == (line.text.rindex(" ") + 1, len(line.text))


def test_current_word_uses_the_lines_own_word_times(view: TranscriptView,
                                                    lines: list[LineItem]) -> None:
    line = lines[4]  # words at 100 ms steps, unlike the character-proportional estimate
    view.set_position_ms(line.start_ms + 350)
    assert view.current_word() == 3
    start, end = view.delegate.current_word_span() or (0, 0)
    assert line.text[start:end] == line.text.split()[3]


def test_pause_after_a_line_keeps_the_line_but_lights_no_word(view: TranscriptView,
                                                              lines: list[LineItem]) -> None:
    view.set_position_ms(lines[9].end_ms + 500)  # in the 1 s pause after line 9
    assert view.current_row() == 9
    assert view.current_word() == -1
    assert view.delegate.current_word_span() is None


def test_highlight_steps_repaint_only_the_rows_involved(qtbot: QtBot,
                                                        view: TranscriptView) -> None:
    view.set_position_ms(LINE_MS)
    QApplication.processEvents()
    spy = PaintSpy()
    view.list_view.viewport().installEventFilter(spy)
    changed: list[object] = []
    view.model.dataChanged.connect(lambda *args: changed.append(args))

    view.set_position_ms(2 * LINE_MS)  # line 1 -> line 2
    qtbot.waitUntil(lambda: bool(spy.rects), timeout=1000)
    assert spy.rects == [row_rect(view, 1).united(row_rect(view, 2))]

    spy.rects.clear()
    view.set_position_ms(2 * LINE_MS + 2_500)  # a later word in the same line
    qtbot.waitUntil(lambda: bool(spy.rects), timeout=1000)
    assert spy.rects == [row_rect(view, 2)]
    assert changed == []  # playback never touches the model


def test_estimated_times_show_a_tilde(lines: list[LineItem]) -> None:
    assert time_label(lines[0]) == "0:00"
    assert time_label(lines[61]) == "~" + "5:11"
    hour = LineItem(1, 3_723_000, 3_724_000, "x", times_estimated=True)
    assert time_label(hour) == "~1:02:03"


# --- seeking from the list ------------------------------------------------------------------


def _time_point(view: TranscriptView, row: int) -> QPoint:
    rect = row_rect(view, row)
    metrics = view.delegate.metrics
    return QPoint(rect.left() + metrics.time_left + metrics.time_width // 2, rect.bottom() - 6)


def _text_point(view: TranscriptView, row: int) -> QPoint:
    rect = row_rect(view, row)
    return QPoint(rect.left() + view.delegate.metrics.text_left + 30, rect.bottom() - 6)


def test_click_on_the_time_seeks_to_the_line_start(qtbot: QtBot, view: TranscriptView,
                                                   lines: list[LineItem]) -> None:
    viewport = view.list_view.viewport()
    with qtbot.waitSignal(view.seek_requested, timeout=1000) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_time_point(view, 3))
    assert blocker.args == [lines[3].start_ms]


def test_click_on_the_text_seeks_and_selects(qtbot: QtBot, view: TranscriptView,
                                            lines: list[LineItem]) -> None:
    """Issue 12: a click on a line's words jumps there, as in Apple Podcasts and Descript."""
    with qtbot.waitSignal(view.seek_requested, timeout=1000) as blocker:
        qtbot.mouseClick(view.list_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_text_point(view, 3))
    assert blocker.args == [lines[3].start_ms]
    assert view.selected_rows() == [3]  # and it is the line the keys (1–9, H, N) act on


@pytest.mark.parametrize("modifier", [Qt.KeyboardModifier.ControlModifier,
                                      Qt.KeyboardModifier.ShiftModifier])
def test_ctrl_or_shift_click_selects_without_seeking(
        qtbot: QtBot, view: TranscriptView, modifier: Qt.KeyboardModifier) -> None:
    viewport = view.list_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_text_point(view, 1))
    with qtbot.assertNotEmitted(view.seek_requested, wait=50):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, modifier, _text_point(view, 3))
    assert 3 in view.selected_rows()


def test_dragging_over_lines_selects_them_without_seeking(qtbot: QtBot,
                                                          view: TranscriptView) -> None:
    viewport = view.list_view.viewport()
    start, end = _text_point(view, 1), _text_point(view, 4)
    with qtbot.assertNotEmitted(view.seek_requested, wait=50):
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(viewport, QPoint(start.x(), (start.y() + end.y()) // 2))
        qtbot.mouseMove(viewport, end)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert view.selected_rows() == [1, 2, 3, 4]


def _double_click_as_a_mouse_does(qtbot: QtBot, view: TranscriptView, point: QPoint) -> None:
    """Press, release, double-click, release: what a platform sends (QTest sends less)."""
    viewport = view.list_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    local = QPointF(point)
    for kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease):
        buttons = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonDblClick else (
            Qt.MouseButton.NoButton)
        event = QMouseEvent(kind, local, viewport.mapToGlobal(local), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


@pytest.mark.parametrize("on_time", [False, True])
@pytest.mark.parametrize("full_sequence", [False, True])
def test_double_click_seeks_once(qtbot: QtBot, view: TranscriptView, lines: list[LineItem],
                                 on_time: bool, full_sequence: bool) -> None:
    seeks: list[int] = []
    view.seek_requested.connect(seeks.append)
    point = _time_point(view, 2) if on_time else _text_point(view, 2)
    if full_sequence:
        _double_click_as_a_mouse_does(qtbot, view, point)
    else:
        qtbot.mouseDClick(view.list_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert seeks == [lines[2].start_ms]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_seeks_to_the_keyboard_selected_line(qtbot: QtBot, view: TranscriptView,
                                                   lines: list[LineItem], key: Qt.Key) -> None:
    view.list_view.setFocus()
    view.list_view.setCurrentIndex(view.model.index(5, 0))
    with qtbot.waitSignal(view.seek_requested, timeout=1000) as blocker:
        qtbot.keyClick(view.list_view, key)
    assert blocker.args == [lines[5].start_ms]


def test_extended_selection_of_rows(qtbot: QtBot, view: TranscriptView) -> None:
    viewport = view.list_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_text_point(view, 1))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     _text_point(view, 3))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     _text_point(view, 5))
    assert view.selected_rows() == [1, 2, 3, 5]


# --- follow mode ----------------------------------------------------------------------------


def _scroll_by_page(view: TranscriptView) -> None:
    view.list_view.verticalScrollBar().triggerAction(
        QAbstractSlider.SliderAction.SliderPageStepAdd)


def _wheel_down(view: TranscriptView) -> None:
    viewport = view.list_view.viewport()
    local = QPointF(100, 100)
    event = QWheelEvent(local, viewport.mapToGlobal(local), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def _page_down_key(view: TranscriptView) -> None:
    QTest.keyClick(view.list_view, Qt.Key.Key_PageDown)


@pytest.mark.parametrize("scroll", [_scroll_by_page, _wheel_down, _page_down_key])
def test_user_scrolling_pauses_following_and_shows_the_button(qtbot: QtBot,
                                                              view: TranscriptView,
                                                              scroll: object) -> None:
    view.set_position_ms(LINE_MS)
    assert view.following()
    assert not view.back_button.isVisible()
    with qtbot.waitSignal(view.following_changed, timeout=1000) as blocker:
        scroll(view)  # type: ignore[operator]
    assert blocker.args == [False]
    assert not view.following()
    assert view.back_button.isVisible()
    # The pill floats at the bottom centre of the list.
    viewport = view.list_view.viewport()
    area = QRect(viewport.mapTo(view, QPoint(0, 0)), viewport.size())
    button = view.back_button.geometry()
    assert abs(button.center().x() - area.center().x()) <= 1
    assert area.center().y() < button.top() and button.bottom() <= area.bottom()


def test_playing_on_while_paused_does_not_scroll(view: TranscriptView) -> None:
    _scroll_by_page(view)
    bar = view.list_view.verticalScrollBar()
    value = bar.value()
    view.set_position_ms(70 * LINE_MS)
    assert bar.value() == value
    assert not view.following()
    assert view.back_button.text().startswith("↓")  # the playing line is further down


def test_return_to_playback_brings_the_line_back_and_follows(qtbot: QtBot,
                                                             view: TranscriptView) -> None:
    view.set_position_ms(40 * LINE_MS + 100)
    row = view.current_row()
    for _ in range(6):
        _scroll_by_page(view)
    assert not row_visible(view, row)
    with qtbot.waitSignal(view.following_changed, timeout=1000) as blocker:
        view.return_to_playback()
    assert blocker.args == [True]
    assert view.following()
    assert row_visible(view, row)
    assert not view.back_button.isVisible()


def test_clicking_the_button_returns_to_playback(qtbot: QtBot, view: TranscriptView) -> None:
    view.set_position_ms(30 * LINE_MS)
    _scroll_by_page(view)
    _scroll_by_page(view)
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert view.following()
    assert row_visible(view, view.current_row())


def test_follow_scrolling_keeps_following_and_places_the_line_a_third_down(
        qtbot: QtBot, view: TranscriptView) -> None:
    emitted: list[bool] = []
    view.following_changed.connect(emitted.append)
    bar = view.list_view.verticalScrollBar()
    view.set_position_ms(50 * LINE_MS + 20)
    assert bar.value() > 0  # it did scroll
    assert view.following() and emitted == []
    top = row_rect(view, 50).top()
    height = view.list_view.viewport().height()
    assert 0 < top <= height / 3


def test_follow_does_not_scroll_while_the_line_is_comfortably_in_view(
        view: TranscriptView) -> None:
    view.set_position_ms(20 * LINE_MS)
    bar = view.list_view.verticalScrollBar()
    value = bar.value()
    view.set_position_ms(21 * LINE_MS)
    assert bar.value() == value


def test_set_following_emits_only_on_change(qtbot: QtBot, view: TranscriptView) -> None:
    emitted: list[bool] = []
    view.following_changed.connect(emitted.append)
    view.set_following(True)
    view.set_following(False)
    view.set_following(False)
    assert emitted == [False]
    assert view.back_button.isVisible()


# --- layout and paint -----------------------------------------------------------------------


def test_rows_rewrap_when_the_width_changes(qtbot: QtBot, view: TranscriptView) -> None:
    wide = row_rect(view, 1).height()
    view.resize(260, 420)
    qtbot.waitUntil(lambda: row_rect(view, 1).height() > wide, timeout=1000)


def test_accessible_names(view: TranscriptView) -> None:
    assert view.accessibleName() == "Transcript"
    assert view.list_view.accessibleName() == "Transcript lines"
    assert view.back_button.accessibleName() == "Back to playback"


def _color(image: QImage, point: QPoint) -> QColor:
    return image.pixelColor(point)


def test_grab_shows_the_current_line_band_and_word_box(view: TranscriptView,
                                                       lines: list[LineItem],
                                                       tmp_path: Path) -> None:
    line = lines[2]
    view.set_position_ms(line.start_ms + 1)  # the first word, "Regel"
    QApplication.processEvents()
    path = tmp_path / "transcript.png"
    assert view.grab().save(str(path))
    image = QImage(str(path))
    offset = view.list_view.viewport().mapTo(view, QPoint(0, 0))
    current, other = row_rect(view, 2).translated(offset), row_rect(view, 1).translated(offset)
    # Right of the text, where only the row background is painted.
    band = _color(image, QPoint(current.right() - 4, current.center().y()))
    plain = _color(image, QPoint(other.right() - 4, other.center().y()))
    assert band != plain
    assert band == view.delegate.theme.current_band
    bar = _color(image, QPoint(current.left() + 1, current.center().y()))
    assert bar == view.delegate.theme.current_bar

    metrics = view.delegate.metrics
    layout = wrapped_layout(line.text, metrics.text_font, metrics.text_width(current.width()),
                            metrics.line_spacing)
    word = range_rects(layout, 0, len("Regel"))[0]
    top = current.top() + metrics.text_top(speaker_changes=False)
    # The gap just left of the first letter lies inside the box but outside the glyphs.
    inside_box = QPoint(current.left() + metrics.text_left - 1, round(top + word.center().y()))
    assert _color(image, inside_box) == view.delegate.theme.word_box


def test_far_follow_scroll_only_measures_rows_it_shows(qtbot: QtBot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Qt asks for the rectangle of the row under the mouse after a scroll; for a row far
    # away that measures every row in between. The view lets go of it first.
    widget = TranscriptView()
    qtbot.addWidget(widget)
    lines = make_lines(5_000)
    widget.set_lines(lines)
    widget.resize(640, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_position_ms(lines[3].start_ms)
    QTest.mouseMove(widget.list_view.viewport(), _text_point(widget, 2))
    QApplication.processEvents()
    measured: list[int] = []
    original = widget.delegate.row_height
    monkeypatch.setattr(widget.delegate, "row_height",
                        lambda index: measured.append(index.row()) or original(index))
    widget.set_position_ms(lines[4_500].start_ms)
    QApplication.processEvents()
    assert row_visible(widget, 4_500)
    assert 0 < len(measured) < 200


def test_palette_change_recolours_the_highlight(qtbot: QtBot, view: TranscriptView) -> None:
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#c0392b"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    view.setPalette(palette)
    theme = view.delegate.theme
    assert theme.dark
    assert theme.current_bar.red() > theme.current_bar.blue()  # follows the new accent
    assert theme.current_band.lightness() < 100  # a dark band on a dark base
