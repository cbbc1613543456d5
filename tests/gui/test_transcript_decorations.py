"""Line decorations: quote highlight, note marker, corrected marker; plain lines look as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meelezer.ui.line_layout import marker_tooltip
from meelezer.ui.transcript_model import LineItem
from meelezer.ui.transcript_view import TranscriptView

QUOTE = "#2e9e6a"


def make_lines() -> list[LineItem]:
    lines = [LineItem(row + 1, row * 5000, row * 5000 + 4900, f"Regel {row} met tekst")
             for row in range(12)]
    lines[1] = LineItem(2, 5000, 9900, "Een gemarkeerd citaat", highlight_color=QUOTE)
    lines[2] = LineItem(3, 10000, 14900, "Een regel met een notitie", has_note=True)
    lines[3] = LineItem(4, 15000, 19900, "Een gecorrigeerde regel", edited=True)
    return lines


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.set_lines(make_lines())
    widget.resize(640, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _grab(view: TranscriptView, tmp_path: Path) -> QImage:
    QApplication.processEvents()
    path = tmp_path / "view.png"
    assert view.grab().save(str(path))
    return QImage(str(path))


def _row(view: TranscriptView, row: int) -> QRect:
    offset = view.list_view.viewport().mapTo(view, QPoint(0, 0))
    return view.list_view.visualRect(view.model.index(row, 0)).translated(offset)


def _marker_area(view: TranscriptView, row: int) -> list[QColor]:
    """Colours of the gap between the time and the text, where markers go."""
    rect, metrics = _row(view, row), view.delegate.metrics
    image = _grab(view, Path(view.property("tmp")))
    top = rect.top() + metrics.text_top(False)
    return [image.pixelColor(x, y)
            for x in range(rect.left() + metrics.time_left + metrics.time_width + 1,
                           rect.left() + metrics.text_left - 1)
            for y in range(top, top + round(metrics.line_spacing))]


def test_quote_highlight_tints_the_line_and_draws_a_stripe(view: TranscriptView,
                                                           tmp_path: Path) -> None:
    image = _grab(view, tmp_path)
    theme = view.delegate.theme
    tint, stripe = theme.quote_colors(QUOTE)
    quoted, plain = _row(view, 1), _row(view, 4)
    assert image.pixelColor(quoted.right() - 4, quoted.center().y()) == tint
    assert image.pixelColor(plain.right() - 4, plain.center().y()) == theme.base
    assert tint != theme.current_band
    stripe_x = quoted.left() + view.delegate.metrics.bar_width + 3
    assert image.pixelColor(stripe_x, quoted.center().y()) == stripe
    assert image.pixelColor(stripe_x, plain.center().y()) == theme.base


def test_the_current_line_keeps_its_band_and_bar_over_a_quote(view: TranscriptView,
                                                              tmp_path: Path) -> None:
    view.set_position_ms(5_000 + 4_950)  # in line 1, after its last word
    image = _grab(view, tmp_path)
    theme, quoted = view.delegate.theme, _row(view, 1)
    assert image.pixelColor(quoted.right() - 4, quoted.center().y()) == theme.current_band
    assert image.pixelColor(quoted.left() + 1, quoted.center().y()) == theme.current_bar
    stripe_x = quoted.left() + view.delegate.metrics.bar_width + 3
    assert image.pixelColor(stripe_x, quoted.center().y()) == theme.quote_colors(QUOTE)[1]


def test_note_marker_is_a_dot_in_the_accent_colour(view: TranscriptView,
                                                   tmp_path: Path) -> None:
    image = _grab(view, tmp_path)
    metrics, theme = view.delegate.metrics, view.delegate.theme
    for row, expected in ((2, theme.note_marker), (4, theme.base)):
        rect = _row(view, row)
        centre = QPoint(round(rect.left() + metrics.note_x()),
                        round(rect.top() + metrics.text_top(False) + metrics.line_spacing / 2))
        assert image.pixelColor(centre) == expected


def test_edited_marker_is_drawn_and_plain_rows_have_none(view: TranscriptView,
                                                         tmp_path: Path) -> None:
    view.setProperty("tmp", str(tmp_path))
    base = view.delegate.theme.base
    edited = _marker_area(view, 3)
    assert any(color != base for color in edited)
    assert all(color == base for color in _marker_area(view, 4))  # a default LineItem


def test_marker_tooltips(view: TranscriptView) -> None:
    metrics = view.delegate.metrics
    lines = make_lines()
    assert marker_tooltip(metrics, lines[3], metrics.edited_x()) == (
        "Corrected — the original text is kept")
    assert marker_tooltip(metrics, lines[2], metrics.note_x()) == "Has a note"
    assert marker_tooltip(metrics, lines[1], 2) == "Highlighted quote"
    assert marker_tooltip(metrics, lines[3], metrics.text_left + 5) == ""
    assert marker_tooltip(metrics, lines[4], metrics.note_x()) == ""
