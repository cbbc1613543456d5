"""Check-label marks: a warning sign on a line whose voice is far from its speaker's, with
the words that say why; drawn by the transcript's delegate and listed on the timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPolygonF

from meelezer.transcript.timecode import format_clock
from meelezer.ui.voices.model import LabelMark

# Reads on light and dark backgrounds, and is none of the speaker palette's colours.
MARK_COLOR = QColor("#e8590c")


def mark_tooltip(mark: LabelMark) -> str:
    """Why a line is marked, in words."""
    translate = QCoreApplication.translate
    text = translate("VoiceMarks", "This voice does not sound like {speaker}. Check the "
                     "label.").format(speaker=mark.speaker)
    if mark.change_ms is not None:
        text += "\n" + translate("VoiceMarks", "Another voice starts at {time}: right-click "
                                 "the line to split it there.").format(
            time=format_clock(mark.change_ms))
    return text


def paint_mark(painter: QPainter, centre_x: float, centre_y: float, size: float) -> None:
    """A small warning triangle with "!" centred at (centre_x, centre_y)."""
    half = size / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(MARK_COLOR)
    painter.drawPolygon(QPolygonF([QPointF(centre_x, centre_y - half),
                                   QPointF(centre_x + half * 1.1, centre_y + half * 0.9),
                                   QPointF(centre_x - half * 1.1, centre_y + half * 0.9)]))
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(6, round(size * 0.7)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRect(round(centre_x - half), round(centre_y - half * 0.55),
                           round(size), round(size)),
                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, "!")
    painter.restore()
