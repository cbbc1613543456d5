"""Issue 12: selected lines are clearly visible in light and dark (they were a near-white grey
on white), and look unlike the line being spoken."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory
from pytestqt.qtbot import QtBot

from gui.test_transcript_view import make_lines
from meelezer.color_scheme import dark_palette
from meelezer.ui.theme import transcript_theme
from meelezer.ui.transcript_view import TranscriptView


def _light() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


def _difference(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


@pytest.mark.parametrize("palette", [_light(), dark_palette()], ids=["light", "dark"])
def test_selection_stands_out_from_the_page(palette: QPalette) -> None:
    theme = transcript_theme(palette)
    assert _difference(theme.selection, theme.base) >= 40
    assert _difference(theme.selection_border, theme.base) >= 90


@pytest.mark.parametrize("palette", [_light(), dark_palette()], ids=["light", "dark"])
def test_a_selected_row_is_painted_with_its_border(qtbot: QtBot, palette: QPalette) -> None:
    view = TranscriptView()
    qtbot.addWidget(view)
    view.setPalette(palette)
    view.set_lines(make_lines())
    view.resize(640, 420)
    view.show()
    qtbot.waitExposed(view)
    view.select_row(2)
    image = view.list_view.viewport().grab().toImage()
    rect = view.list_view.visualRect(view.model.index(2, 0))
    theme = view.delegate.theme
    x = rect.right() - 4  # right of the text, inside the row
    assert image.pixelColor(x, rect.top()).rgb() == theme.selection_border.rgb()
    assert image.pixelColor(x, rect.center().y()).rgb() == theme.selection.rgb()
    other = view.list_view.visualRect(view.model.index(4, 0))
    assert image.pixelColor(x, other.center().y()).rgb() == theme.base.rgb()
