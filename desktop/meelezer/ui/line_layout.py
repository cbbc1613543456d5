"""Geometry of one transcript row: fonts, paddings, wrapped text and word rectangles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextLine, QTextOption

from meelezer.reading import ReadingStyle
from meelezer.transcript.model import Word

if TYPE_CHECKING:
    from meelezer.ui.transcript_model import LineItem

_TOKEN = re.compile(r"\S+")
TEXT_SCALE = 1.12  # transcript text a little above the UI font: it is read for minutes on end
TIME_SCALE = 0.88
CHIP_SCALE = 0.86


def _scaled(font: QFont, scale: float, weight: QFont.Weight | None = None) -> QFont:
    scaled = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        scaled.setPointSizeF(size * scale)
    else:  # a pixel-sized font (some platform themes) has no point size
        scaled.setPixelSize(max(1, round(font.pixelSize() * scale)))
    if weight is not None:
        scaled.setWeight(weight)
    return scaled


@dataclass(frozen=True, slots=True)
class LineMetrics:
    """Sizes that depend only on the fonts, computed once per font change.

    Every row is: top padding, [speaker chip and a gap, on rows where the speaker
    changes], wrapped text lines, bottom padding. The time sits on the first text line.
    """

    text_font: QFont
    time_font: QFont
    chip_font: QFont
    line_spacing: float
    text_ascent: float
    time_ascent: float
    pad_top: int
    pad_bottom: int
    turn_gap: int  # extra space above a new speaker's turn, so turns read as groups
    chip_height: int
    chip_pad_x: int
    chip_gap: int
    bar_width: int
    time_left: int
    time_width: int
    text_left: int
    right_margin: int
    max_text_width: int = 0  # the reader's chosen line width; 0: as wide as the row

    @classmethod
    def for_font(cls, font: QFont, time_sample: str = "~0:00:00",
                 reading: ReadingStyle | None = None) -> LineMetrics:
        """Metrics for ``font``; ``time_sample`` is the widest time label to make room for;
        ``reading`` the reader's text size, line spacing and line width."""
        reading = reading or ReadingStyle()
        zoom = reading.text_scale
        text_font = _scaled(font, TEXT_SCALE * zoom)
        time_font = _scaled(font, TIME_SCALE * zoom)
        # Tabular digits, so "1:11" and "8:08" take the same width and the column is even.
        time_font.setFeature(QFont.Tag("tnum"), 1)
        chip_font = _scaled(font, CHIP_SCALE * zoom, QFont.Weight.DemiBold)
        text_fm = QFontMetricsF(text_font)
        time_fm = QFontMetricsF(time_font)
        chip_fm = QFontMetricsF(chip_font)
        em = text_fm.height()
        time_width = round(time_fm.horizontalAdvance(time_sample) + 2)
        time_left = round(em * 0.9)
        return cls(
            text_font=text_font,
            time_font=time_font,
            chip_font=chip_font,
            line_spacing=text_fm.lineSpacing() * reading.line_spacing,
            text_ascent=text_fm.ascent(),
            time_ascent=time_fm.ascent(),
            pad_top=round(em * 0.4),
            pad_bottom=round(em * 0.4),
            turn_gap=round(em * 0.55),
            chip_height=round(chip_fm.height() + em * 0.3),
            chip_pad_x=round(em * 0.55),
            chip_gap=round(em * 0.3),
            bar_width=max(4, round(em * 0.3)),
            time_left=time_left,
            time_width=time_width,
            # Room between time and text for the note and corrected-text markers.
            text_left=time_left + time_width + round(em * 1.35),
            right_margin=round(em * 1.2),
            max_text_width=round(text_fm.averageCharWidth() * reading.max_line_chars),
        )

    def text_width(self, row_width: int) -> int:
        width = max(40, row_width - self.text_left - self.right_margin)
        return min(width, self.max_text_width) if self.max_text_width > 0 else width

    def text_top(self, speaker_changes: bool) -> int:
        """Offset of the first text line from the row's top."""
        top = self.pad_top
        if speaker_changes:
            top += self.turn_gap + self.chip_height + self.chip_gap
        return top

    def chip_top(self) -> int:
        return self.pad_top + self.turn_gap

    def row_height(self, line_count: int, speaker_changes: bool) -> int:
        text_height = max(1, line_count) * self.line_spacing
        return self.text_top(speaker_changes) + round(text_height) + self.pad_bottom

    def text_rect(self, row_rect: QRect, speaker_changes: bool) -> QRect:
        """Where a row's wrapped text goes, for a row at ``row_rect``."""
        top = row_rect.top() + self.text_top(speaker_changes)
        return QRect(row_rect.left() + self.text_left, top, self.text_width(row_rect.width()),
                     row_rect.bottom() + 1 - top - self.pad_bottom)

    def note_x(self) -> float:
        """Centre of the note marker: in the gap between the time and the text."""
        gap_left = self.time_left + self.time_width
        return gap_left + (self.text_left - gap_left) * 0.24

    def edited_x(self) -> float:
        """Centre of the corrected-text marker, right of the note marker."""
        gap_left = self.time_left + self.time_width
        return gap_left + (self.text_left - gap_left) * 0.55

    def speaker_bar(self) -> tuple[int, int]:
        """Left edge and width of the speaker's colour bar, last in the gap before the text."""
        width = max(3, round(self.bar_width * 0.75))
        return self.text_left - width - max(3, round(self.bar_width * 0.9)), width

    def in_time_column(self, x_in_row: float) -> bool:
        """Whether a click at ``x_in_row`` (from the row's left edge) hits the time column."""
        return x_in_row < self.text_left - (self.text_left - self.time_left - self.time_width) / 2


def marker_tooltip(metrics: LineMetrics, item: LineItem | None, x_in_row: float) -> str:
    """What the markers left of a line's text mean, for a tooltip at ``x_in_row``."""
    if item is None or x_in_row >= metrics.text_left:
        return ""
    parts = []
    if item.not_in_audio:
        parts.append(QCoreApplication.translate(
            "TranscriptView", "Not found in the audio: this line kept its old time. Check it "
            "while it plays; T sets its start."))
    if item.edited:
        parts.append(QCoreApplication.translate("TranscriptView",
                                                "Corrected — the original text is kept"))
    if item.has_note:
        parts.append(QCoreApplication.translate("TranscriptView", "Has a note"))
    if item.highlight_color:
        parts.append(QCoreApplication.translate("TranscriptView", "Highlighted quote"))
    return "\n".join(parts)


def wrapped_layout(text: str, font: QFont, width: float, line_spacing: float) -> QTextLayout:
    """``text`` word-wrapped to ``width``, lines ``line_spacing`` apart, origin at the top left.

    The same function sizes rows and paints them, so a row is always as tall as its text.
    """
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0.0, y))
        y += line_spacing
    layout.endLayout()
    return layout


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the whitespace-separated words of ``text``."""
    return [(match.start(), match.end()) for match in _TOKEN.finditer(text)]


def word_char_spans(text: str, words: Sequence[Word]) -> list[tuple[int, int] | None]:
    """Where each of ``words`` sits in ``text``, or None for a word the text lacks.

    Words usually are the text's own tokens; when a transcriber split them differently
    (punctuation as separate words, say) each is looked up after the previous one.
    """
    tokens = token_spans(text)
    if len(tokens) == len(words) and all(
        text[start:end] == word.text.strip() for (start, end), word in zip(tokens, words,
                                                                          strict=True)):
        return list(tokens)
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for word in words:
        needle = word.text.strip()
        found = text.find(needle, cursor) if needle else -1
        if found < 0:
            spans.append(None)
            continue
        spans.append((found, found + len(needle)))
        cursor = found + len(needle)
    return spans


def _x_at(line: QTextLine, position: int) -> float:
    result: object = line.cursorToX(position)
    # PySide returns (x, position) for this overload; older builds returned the x alone.
    if isinstance(result, tuple):
        return float(result[0])
    return float(result)  # type: ignore[arg-type]


def range_rects(layout: QTextLayout, start: int, end: int) -> list[QRectF]:
    """Rectangles (layout coordinates) covering characters ``start``..``end``, one per line."""
    rects: list[QRectF] = []
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        lo, hi = max(start, line_start), min(end, line_end)
        if lo >= hi:
            continue
        x1, x2 = _x_at(line, lo), _x_at(line, hi)
        rects.append(QRectF(min(x1, x2), line.y(), abs(x2 - x1), line.height()))
    return rects
