"""A zoomed stretch of the episode around the playhead: waveform, speakers by name, marks."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from meelezer.ui.timeline.content import TimelineContent
from meelezer.ui.timeline.painting import LayerStyle, StripAreas
from meelezer.ui.timeline.strip import TimelineStrip


class ZoomStrip(TimelineStrip):
    def __init__(self, content: TimelineContent, parent: QWidget | None = None) -> None:
        super().__init__(content, parent)
        self.setObjectName("timelineZoomed")
        self.setAccessibleName(self.tr("Timeline around the playhead"))

    def minimumSizeHint(self) -> QSize:
        # Marks, a waveform tall enough to read, and the speaker band with names.
        line = QFontMetrics(self.small_font()).height()
        return QSize(100, round(line * 4.8))

    def areas(self) -> StripAreas:
        width, height = self.width(), self.height()
        line = QFontMetrics(self.small_font()).height()
        marks = max(9, line)  # marks and the time labels
        band = max(10, round(line * 1.15))
        return StripAreas(QRect(0, 0, width, marks),
                          QRect(0, marks, width, height - marks - band),
                          QRect(0, height - band, width, band))

    def layer_style(self) -> LayerStyle:
        return LayerStyle(self.small_font(), ticks=True, names=True, find_lines=True)
