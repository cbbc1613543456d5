"""What both timeline strips share: a cached picture, the moving playhead, seek and scrub by
mouse, zoom and pan by wheel, marks to click, and a plain-text tooltip for the line below.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from meelezer.transcript.timecode import format_clock
from meelezer.ui.plain_text import plain_tooltip
from meelezer.ui.timeline.colors import TimelineColors, timeline_colors
from meelezer.ui.timeline.content import Mark, MarkKind, TimelineContent
from meelezer.ui.timeline.painting import LayerStyle, StripAreas, mark_x, render_layer
from meelezer.ui.timeline.window import ZOOM_STEP, TimeWindow

MARK_HIT_PX = 6  # how near a click must be to a mark to jump to it
PLAYHEAD_HALF_WIDTH = 5  # the playhead's head; what a frame repaints around it
WHEEL_NOTCH = 120


class TimelineStrip(QWidget):
    """A strip drawing ``content`` over a ``TimeWindow``; subclasses say where each part goes."""

    seek_requested = Signal(int)  # ms: a click, a drag, or a mark
    scrub_finished = Signal()
    zoom_requested = Signal(float, float)  # factor (> 1: in), around this time in ms
    pan_requested = Signal(float)  # ms, negative: earlier

    def __init__(self, content: TimelineContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Clicking the timeline must not take the keyboard from the transcript.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._window = TimeWindow(0, 1)
        self._playhead_ms = 0.0
        self._playhead_x = -1
        self._layer: QPixmap | None = None
        self._layer_key: tuple[object, ...] = ()
        self._colors: TimelineColors = timeline_colors(self.palette())
        self._scrubbing = False
        self.layer_renders = 0  # how often the still picture was drawn (tests, benchmarks)

    # --- subclass hooks --------------------------------------------------------------------

    def areas(self) -> StripAreas:
        raise NotImplementedError

    def layer_style(self) -> LayerStyle:
        return LayerStyle(self.small_font())

    def paint_overlay(self, painter: QPainter, dirty: QRect) -> None:
        """Drawn over the cached picture and under the playhead (the overview's window)."""

    # --- state -----------------------------------------------------------------------------

    @property
    def time_window(self) -> TimeWindow:
        return self._window

    @property
    def colors(self) -> TimelineColors:
        return self._colors

    def set_window(self, window: TimeWindow) -> None:
        if window != self._window:
            self._window = window
            self._playhead_x = self._x_of(self._playhead_ms)
            self.update()

    def set_playhead(self, position_ms: float) -> None:
        """Move the playhead; only the pixels it leaves and enters are repainted."""
        self._playhead_ms = position_ms
        x = self._x_of(position_ms)
        if x == self._playhead_x:
            return
        old, self._playhead_x = self._playhead_x, x
        for column in (old, x):
            if -PLAYHEAD_HALF_WIDTH <= column <= self.width() + PLAYHEAD_HALF_WIDTH:
                self.update(self._playhead_rect(column))

    def playhead_x(self) -> int:
        return self._playhead_x

    def invalidate(self) -> None:
        """The content changed: draw the picture again."""
        self._layer = None
        self.update()

    def small_font(self) -> QFont:
        font = QFont(self.font())
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(size * 0.82)
        return font

    def x_of(self, time_ms: float) -> float:
        return self._window.x_of(time_ms, self.width())

    def time_at(self, x: float) -> int:
        return max(0, round(self._window.time_at(x, self.width())))

    def _x_of(self, time_ms: float) -> int:
        return round(self.x_of(time_ms))

    def _playhead_rect(self, x: int) -> QRect:
        return QRect(x - PLAYHEAD_HALF_WIDTH, 0, 2 * PLAYHEAD_HALF_WIDTH + 1, self.height())

    # --- marks -----------------------------------------------------------------------------

    def mark_at(self, x: float, y: float) -> Mark | None:
        """The mark drawn nearest ``x`` in the marks row (or None)."""
        marks_row = self.areas().marks.adjusted(0, -2, 0, 2)
        if not marks_row.top() <= y <= marks_row.bottom():
            return None
        width = self.width()
        slack_ms = MARK_HIT_PX * self._window.span_ms / max(1, width)
        near = self.content.marks_between(self._window.start_ms - slack_ms,
                                          self._window.end_ms + slack_ms)
        best: tuple[float, Mark] | None = None
        for mark in near:
            distance = abs(mark_x(mark, self._window, width) - x)
            if mark.kind is MarkKind.HIGHLIGHT and mark.end_ms is not None and (
                    mark_x(mark, self._window, width) <= x
                    <= self._window.x_of(mark.end_ms, width)):
                distance = 0.0
            if distance <= MARK_HIT_PX and (best is None or distance < best[0]):
                best = (distance, mark)
        return best[1] if best else None

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        dirty = event.rect()
        painter.drawPixmap(dirty, self._current_layer(),
                           QRect(dirty.topLeft() * self.devicePixelRatioF(),
                                 dirty.size() * self.devicePixelRatioF()))
        self.paint_overlay(painter, dirty)
        x = self._playhead_x
        if dirty.intersects(self._playhead_rect(x)):
            self._paint_playhead(painter, x)
        painter.end()

    def _paint_playhead(self, painter: QPainter, x: int) -> None:
        color = self._colors.playhead
        painter.fillRect(QRect(x - 1, 0, 2, self.height()), color)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        half = PLAYHEAD_HALF_WIDTH
        painter.drawPolygon(QPolygonF([QPointF(x - half, 0), QPointF(x + half + 0.5, 0),
                                       QPointF(x + 0.25, half + 0.5)]))

    def _current_layer(self) -> QPixmap:
        key = (self._window, self.size(), self.devicePixelRatioF(), self.content.version,
               id(self._colors))
        if self._layer is None or key != self._layer_key:
            self._layer = render_layer(self.size(), self.devicePixelRatioF(), self.areas(),
                                       self.content, self._window, self._colors,
                                       self.layer_style())
            self._layer_key = key
            self.layer_renders += 1
        return self._layer

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._colors = timeline_colors(self.palette())
            self.updateGeometry()
            self.invalidate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._playhead_x = self._x_of(self._playhead_ms)  # the picture follows by its key

    def sizeHint(self) -> QSize:
        return QSize(400, self.minimumSizeHint().height())

    # --- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        position = event.position()
        mark = self.mark_at(position.x(), position.y())
        QToolTip.hideText()
        if mark is not None:
            self.seek_requested.emit(mark.time_ms)
            self.scrub_finished.emit()
            return
        self._scrubbing = True
        self.seek_requested.emit(self.time_at(position.x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._scrubbing and event.buttons() & Qt.MouseButton.LeftButton:
            x = min(max(0.0, event.position().x()), float(self.width()))
            self.seek_requested.emit(self.time_at(x))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._scrubbing and event.button() == Qt.MouseButton.LeftButton:
            self._scrubbing = False
            self.scrub_finished.emit()

    def is_scrubbing(self) -> bool:
        return self._scrubbing

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        horizontal = delta.x() != 0 and abs(delta.x()) > abs(delta.y())
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if horizontal or shifted:
            notches = (delta.x() if horizontal else delta.y()) / WHEEL_NOTCH
            # Wheel away (positive) goes back in time, as a horizontal scroll bar does.
            self.pan_requested.emit(-notches * self.zoomed_span_ms() / 8)
        elif delta.y():
            notches = delta.y() / WHEEL_NOTCH
            self.zoom_requested.emit(ZOOM_STEP ** notches, float(self.time_at(
                event.position().x())))
        event.accept()

    def zoomed_span_ms(self) -> float:
        """The span panning is measured in (the zoomed window's, also on the overview)."""
        return self._window.span_ms

    # --- tooltip ---------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_text(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_text(self, x: float, y: float) -> str:
        """What is at (x, y), as plain text: a mark, or the line spoken there and by whom."""
        mark = self.mark_at(x, y)
        if mark is not None:
            return mark_description(mark)
        line = self.content.line_at(self.time_at(x))
        if line is None:
            return ""
        clock = format_clock(line.start_ms)
        if line.times_estimated:
            clock = QCoreApplication.translate("Timeline", "about {time}").format(time=clock)
        who = line.speaker or QCoreApplication.translate("Timeline", "No speaker")
        return f"{clock} · {who}\n{line.text}"


def mark_description(mark: Mark) -> str:
    """ "Note at 1:02" and the note's text; find hits say "Found at"."""
    translate = QCoreApplication.translate
    clock = format_clock(mark.time_ms)
    titles = {
        MarkKind.NOTE: translate("Timeline", "Note at {time}"),
        MarkKind.BOOKMARK: translate("Timeline", "Bookmark at {time}"),
        MarkKind.HIGHLIGHT: translate("Timeline", "Highlight at {time}"),
        MarkKind.FIND: translate("Timeline", "Found at {time}"),
        MarkKind.VOICE: translate("Timeline", "Check the speaker at {time}"),
        MarkKind.NOT_IN_AUDIO: translate("Timeline", "Not found in the audio at {time}"),
    }
    title = titles[mark.kind].format(time=clock)
    return f"{title}\n{mark.text}" if mark.text else title
