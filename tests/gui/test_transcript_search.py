"""TranscriptView find: counts, stepping with wrap-around, following, and painted match boxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meelezer.transcript.text_search import find_all
from meelezer.ui.line_layout import range_rects, wrapped_layout
from meelezer.ui.transcript_model import LineItem
from meelezer.ui.transcript_view import TranscriptView

_WHISPER = re.compile(r"^\[(\d+\.\d+) --> (\d+\.\d+)\]\s+(.*)$")
TEXTS = ("Dat is één ding", "Een model", "geen idee", "niets hier", "Één, twee en drie")


def seed_lines(seeds_dir: Path) -> list[LineItem]:
    """The seed episode's whisper lines, as the view shows them."""
    lines: list[LineItem] = []
    text = (seeds_dir / "ai-report-2025-02-20-grok3-whisper.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        match = _WHISPER.match(raw)
        if match:
            start, end = (round(float(value) * 1000) for value in match.group(1, 2))
            lines.append(LineItem(len(lines) + 1, start, end, match.group(3)))
    return lines


def plain_lines(count: int = 60) -> list[LineItem]:
    return [LineItem(row + 1, row * 5000, row * 5000 + 4900, f"{TEXTS[row % len(TEXTS)]} {row}")
            for row in range(count)]


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.set_lines(plain_lines())
    widget.resize(640, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_search_counts_seed_lines_ignoring_accents(qtbot: QtBot, seeds_dir: Path) -> None:
    view = TranscriptView()
    qtbot.addWidget(view)
    lines = seed_lines(seeds_dir)
    assert len(lines) > 2_000
    view.set_lines(lines)
    expected = sum(len(find_all(line.text, "een")) for line in lines)
    assert expected > 500
    assert view.set_search("een") == expected
    assert view.set_search("één") == expected  # accents ignored both ways
    assert view.set_search("EEN") == expected
    assert view.search_count() == expected
    assert view.set_search("") == 0


def test_set_search_counts_and_groups_by_row(view: TranscriptView) -> None:
    # Per 5 rows: één, Een, (g)een, -, Één, so 4 matches in 4 rows.
    assert view.set_search("een") == 4 * 12
    assert view.delegate.search_spans(0) == [(7, 10)]
    assert view.delegate.search_spans(3) == []
    assert view.current_match() is None


def test_next_and_previous_wrap_around(view: TranscriptView) -> None:
    total = view.set_search("twee")
    assert total == 12
    assert view.next_match() == (0, total)
    assert view.current_match() == (4, 5, 9)
    assert view.previous_match() == (total - 1, total)  # wraps to the last
    assert view.current_match() == (59 - 0, 5, 9)
    assert view.next_match() == (0, total)  # and forward again to the first
    view.set_search("zzz")
    assert view.next_match() is None
    assert view.previous_match() is None


def test_stepping_selects_scrolls_and_pauses_following(qtbot: QtBot,
                                                       view: TranscriptView) -> None:
    view.set_search("twee")
    assert view.following()
    with qtbot.waitSignal(view.following_changed, timeout=500) as blocker:
        view.previous_match()  # the last match, far below
    assert blocker.args == [False]
    assert view.selected_rows() == [59]
    assert view.list_view.first_visible_row() <= 59 <= view.list_view.last_visible_row()


def test_search_changed_reports_index_and_total(qtbot: QtBot, view: TranscriptView) -> None:
    reports: list[tuple[int, int]] = []
    view.search_changed.connect(lambda index, total: reports.append((index, total)))
    view.set_search("twee")
    view.next_match()
    view.next_match()
    assert reports == [(-1, 12), (0, 12), (1, 12)]


def _grab(view: TranscriptView, tmp_path: Path) -> QImage:
    QApplication.processEvents()
    path = tmp_path / "view.png"
    assert view.grab().save(str(path))
    return QImage(str(path))


def _box_point(view: TranscriptView, row: int, start: int, end: int) -> QPoint:
    """A point inside a match box but above the glyphs of a lowercase match."""
    offset = view.list_view.viewport().mapTo(view, QPoint(0, 0))
    rect: QRect = view.list_view.visualRect(view.model.index(row, 0)).translated(offset)
    metrics = view.delegate.metrics
    layout = wrapped_layout(view.model.line(row).text, metrics.text_font,
                            metrics.text_width(rect.width()), metrics.line_spacing)
    box = range_rects(layout, start, end)[0]
    top = rect.top() + metrics.text_top(speaker_changes=False)
    return QPoint(round(rect.left() + metrics.text_left + box.center().x()), round(top + 2.5))


def test_match_boxes_are_painted(view: TranscriptView, tmp_path: Path) -> None:
    before = _grab(view, tmp_path)
    point = _box_point(view, 2, 1, 4)  # "een" in "geen idee 2"
    assert before.pixelColor(point) == view.delegate.theme.base
    view.set_search("een")
    image = _grab(view, tmp_path)
    theme = view.delegate.theme
    assert image.pixelColor(point) == theme.search_box
    assert theme.search_box != theme.search_current != theme.word_box
    view.next_match()  # row 0: one row selected, the current match boxed strongly
    view.next_match()
    view.next_match()
    assert view.current_match() == (2, 1, 4)
    image = _grab(view, tmp_path)
    assert image.pixelColor(point) == theme.search_current
    view.set_search("")
    assert _grab(view, tmp_path).pixelColor(point) != theme.search_current


def test_select_row_selects_without_pausing_following(view: TranscriptView) -> None:
    view.select_row(3)
    view.select_row(4)
    assert view.selected_rows() == [4]
    assert view.list_view.currentIndex().row() == 4
    assert view.following()
    view.select_row(500)  # out of range: ignored
    assert view.selected_rows() == [4]
