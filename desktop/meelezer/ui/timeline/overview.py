"""The whole episode in one thin strip, with the stretch the zoomed strip shows outlined."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QWidget

from meelezer.ui.timeline.content import TimelineContent
from meelezer.ui.timeline.painting import StripAreas
from meelezer.ui.timeline.strip import TimelineStrip
from meelezer.ui.timeline.window import TimeWindow


class OverviewStrip(TimelineStrip):
    def __init__(self, content: TimelineContent, parent: QWidget | None = None) -> None:
        super().__init__(content, parent)
        self.setObjectName("timelineOverview")
        self.setAccessibleName(self.tr("Whole episode"))
        self._zoomed = TimeWindow(0, 0)
        self._zoomed_span_ms = 1.0

    def minimumSizeHint(self) -> QSize:
        return QSize(100, max(18, round(QFontMetrics(self.font()).height() * 1.15)))

    def areas(self) -> StripAreas:
        width, height = self.width(), self.height()
        marks = max(5, height * 3 // 10)
        band = max(3, height // 5)
        return StripAreas(QRect(0, 0, width, marks),
                          QRect(0, marks, width, height - marks - band),
                          QRect(0, height - band, width, band))

    def set_zoomed_window(self, window: TimeWindow) -> None:
        """Outline ``window``, the zoomed strip's stretch; repaint where the outline was and is."""
        if window == self._zoomed:
            return
        old, self._zoomed = self._zoomed_rect(), window
        self._zoomed_span_ms = window.span_ms
        self.update(old.adjusted(-1, 0, 1, 0))
        self.update(self._zoomed_rect().adjusted(-1, 0, 1, 0))

    def zoomed_window(self) -> TimeWindow:
        return self._zoomed

    def zoomed_span_ms(self) -> float:
        return self._zoomed_span_ms

    def _zoomed_rect(self) -> QRect:
        if self._zoomed.span_ms <= 0:
            return QRect()
        x1 = round(self.x_of(self._zoomed.start_ms))
        x2 = max(x1 + 3, round(self.x_of(self._zoomed.end_ms)))
        return QRect(x1, 0, x2 - x1, self.height())

    def paint_overlay(self, painter: QPainter, dirty: QRect) -> None:
        rect = self._zoomed_rect()
        if rect.isNull() or not dirty.intersects(rect):
            return
        painter.fillRect(rect, self.colors.window_fill)
        edge = self.colors.window_edge
        painter.fillRect(QRect(rect.left(), 0, 1, rect.height()), edge)
        painter.fillRect(QRect(rect.right(), 0, 1, rect.height()), edge)
