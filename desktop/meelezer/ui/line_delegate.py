"""Paints one transcript line: time, speaker chip, wrapped text, current-line and word highlight."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from meelezer.reading import ReadingStyle
from meelezer.transcript.model import Word
from meelezer.transcript.timecode import format_clock
from meelezer.transcript.word_timing import estimate_word_spans
from meelezer.ui.line_layout import (
    LineMetrics,
    marker_tooltip,
    range_rects,
    word_char_spans,
    wrapped_layout,
)
from meelezer.ui.theme import SpeakerChipColors, TranscriptTheme, transcript_theme
from meelezer.ui.transcript_model import LineItem, LineRole, TranscriptModel
from meelezer.ui.voices.marks import paint_mark

ModelIndex = QModelIndex | QPersistentModelIndex
ESTIMATED_MARK = "~"
# Amber, see-through: readable under dark and light time text alike.
NOT_IN_AUDIO_BADGE = QColor(245, 158, 11, 150)
_UNSIZED_WIDTH = 640  # width assumed before the view has told us its real one
_LAYOUT_CACHE_ROWS = 400  # a few screens' worth of wrapped rows, kept for repainting


def time_label(item: LineItem) -> str:
    """The text of a line's time column: "12:03", or "~12:03" when the time is estimated."""
    clock = format_clock(item.start_ms)
    return ESTIMATED_MARK + clock if item.times_estimated else clock


def word_times(item: LineItem) -> list[Word]:
    """The line's words with times: its own, or spread over the line by character count."""
    if item.words:
        return list(item.words)
    return estimate_word_spans(item.text, item.start_ms, item.end_ms)


class CurrentWords:
    """The current line's words: their times and where each sits in the line's text."""

    def __init__(self, item: LineItem) -> None:
        self.item = item
        words = word_times(item)
        self._starts = [word.start_ms for word in words]
        self._spans = word_char_spans(item.text, words)
        # Past the line's end (a pause before the next line) no word is lit.
        self._end_ms = max([item.end_ms, *(word.end_ms for word in words)])

    def index_at(self, position_ms: int) -> int:
        """The word being said at ``position_ms``; -1 before the first or after the line.

        Between two words the earlier one stays lit, so short pauses do not flicker.
        """
        if position_ms >= self._end_ms:
            return -1
        return bisect_right(self._starts, position_ms) - 1

    def span(self, index: int) -> tuple[int, int] | None:
        return self._spans[index] if 0 <= index < len(self._spans) else None


class LineDelegate(QStyledItemDelegate):
    """Draws rows of a ``TranscriptModel``; the view tells it which line and word are current.

    Row heights are cached per row for the current width (``set_width`` clears them): the
    view asks for them lazily, and a wrap costs ~15 µs, so this keeps scrolling cheap.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._width = 0
        self._heights: dict[int, int] = {}
        # Painting caches, dropped when fonts, width or lines change: wrapped layouts of
        # recent rows, speaker chips, and the advance of each time label (right alignment).
        self._layouts: dict[int, QTextLayout] = {}
        self._chips: dict[tuple[str | None, str], tuple[SpeakerChipColors, str, float]] = {}
        self._time_advances: dict[str, float] = {}
        self._metrics: LineMetrics | None = None
        self.reading = ReadingStyle()  # the reader's text size, spacing and width
        self._quotes: dict[str, tuple[QColor, QColor]] = {}
        self._bars: dict[tuple[str | None, str], QColor] = {}  # speaker bar colours
        self.restyle(QFont(), QPalette())
        self._current_row = -1
        self._word_span: tuple[int, int] | None = None
        self._time_hover_row = -1
        self._show_focus = False
        self._model: TranscriptModel | None = None
        self._matches: dict[int, list[tuple[int, int]]] = {}  # find matches by row
        self._current_match: tuple[int, int, int] | None = None  # (row, start, end)
        self.voice_marks: dict[int, str] = {}  # check labels: row -> why it is marked

    # --- configuration from the view -------------------------------------------------------

    @property
    def metrics(self) -> LineMetrics:
        assert self._metrics is not None  # set by restyle() in __init__
        return self._metrics

    @property
    def theme(self) -> TranscriptTheme:
        return self._theme

    def set_model(self, model: TranscriptModel | None) -> None:
        """Read lines straight from ``model``: faster than ``index.data`` for every paint."""
        self._model = model

    def _line_of(self, index: ModelIndex) -> tuple[LineItem | None, bool]:
        model = self._model
        if model is not None and index.model() is model:
            row = index.row()
            return model.line(row), model.speaker_changes(row)
        return index.data(LineRole.ITEM), bool(index.data(LineRole.SPEAKER_CHANGES))

    def restyle(self, font: QFont, palette: QPalette, longest_ms: int = 0) -> bool:
        """New fonts and colours, with a time column wide enough for ``longest_ms``.

        True when sizes changed, so rows must be laid out again; colours alone only need
        a repaint.
        """
        self._theme = transcript_theme(palette)
        self._chips.clear()  # their colours
        self._quotes.clear()
        self._bars.clear()
        sample = "~0:00:00" if longest_ms >= 3_600_000 else "~00:00"
        metrics = LineMetrics.for_font(font, sample, self.reading)
        if metrics == self._metrics:
            return False
        self._metrics = metrics
        self._time_fm = QFontMetricsF(metrics.time_font)
        self._chip_fm = QFontMetricsF(metrics.chip_font)
        self._time_link_font = QFont(metrics.time_font)
        self._time_link_font.setUnderline(True)  # a time is a link: a click plays from there
        self._time_advances.clear()
        self.clear_heights()
        return True

    def set_width(self, width: int) -> bool:
        """The rows' width; True when it changed (row heights must then be asked again)."""
        if width == self._width:
            return False
        self._width = width
        self.clear_heights()
        return True

    def clear_heights(self) -> None:
        """Forget everything that depends on the rows' content, width or fonts (new lines)."""
        self._heights.clear()
        self._layouts.clear()
        self._chips.clear()

    def forget_rows(self, rows: list[int]) -> None:
        """Forget the heights and layouts of ``rows`` (their lines are about to change)."""
        for row in rows:
            self._heights.pop(row, None)
            self._layouts.pop(row, None)

    def set_search(self, matches: dict[int, list[tuple[int, int]]],
                   current: tuple[int, int, int] | None) -> None:
        """Find matches to box, by row, and the current one (``(row, start, end)``)."""
        self._matches = matches
        self._current_match = current

    def search_spans(self, row: int) -> list[tuple[int, int]]:
        return self._matches.get(row, [])

    def set_current(self, row: int, word_span: tuple[int, int] | None) -> None:
        self._current_row = row
        self._word_span = word_span

    def current_word_span(self) -> tuple[int, int] | None:
        """Characters of the current line's text that are lit as the current word."""
        return self._word_span

    def set_time_hover_row(self, row: int) -> None:
        self._time_hover_row = row

    def set_show_focus(self, show: bool) -> None:
        """Outline the keyboard's row: only once the keyboard is used, not after clicks."""
        self._show_focus = show

    time_label = staticmethod(time_label)

    def in_time_column(self, x_in_row: float) -> bool:
        return self.metrics.in_time_column(x_in_row)

    # --- sizing ----------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        # QTreeView passes a width of -1 here, so the width comes from set_width instead.
        return QSize(self._width or _UNSIZED_WIDTH, self.row_height(index))

    def has_height(self, row: int) -> bool:
        return row in self._heights

    def row_height(self, index: ModelIndex) -> int:
        """The height of ``index``'s row at the current width: its wrapped text plus chrome."""
        row = index.row()
        height = self._heights.get(row)
        if height is None:
            item, changes = self._line_of(index)
            if item is None:
                return 0
            layout = self._layout(row, item, self._width or _UNSIZED_WIDTH)
            height = self.metrics.row_height(layout.lineCount(), changes)
            self._heights[row] = height
        return height

    def _layout(self, row: int, item: LineItem, row_width: int) -> QTextLayout:
        """The row's text wrapped to ``row_width``; recent rows' layouts are kept for paint."""
        layout = self._layouts.get(row)
        if layout is None:
            metrics = self.metrics
            layout = wrapped_layout(item.text, metrics.text_font, metrics.text_width(row_width),
                                    metrics.line_spacing)
            if len(self._layouts) >= _LAYOUT_CACHE_ROWS:
                del self._layouts[next(iter(self._layouts))]  # the oldest entry
            self._layouts[row] = layout
        return layout

    # --- painting --------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        item, changes = self._line_of(index)
        if item is None:
            return
        row = index.row()
        rect: QRect = option.rect
        state: QStyle.StateFlag = option.state
        metrics, theme = self.metrics, self._theme
        current = row == self._current_row
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_background(painter, rect, state, current, item.highlight_color)
        if item.speaker:
            self._paint_speaker_bar(painter, rect, item, changes)
        text_top = rect.top() + metrics.text_top(changes)
        self._paint_time(painter, rect, item, text_top, current, row == self._time_hover_row)
        if item.has_note or item.edited:
            self._paint_markers(painter, rect, item, text_top)
        if changes and item.speaker:
            self._paint_chip(painter, rect, item)
        if row in self.voice_marks:
            size = metrics.line_spacing * 0.7  # left of the speaker bar, on the line
            paint_mark(painter, rect.left() + metrics.speaker_bar()[0] - size * 0.75,
                       text_top + metrics.line_spacing / 2, size)
        layout = self._layout(row, item, rect.width())
        origin = QPointF(rect.left() + metrics.text_left, text_top)
        selections: list[QTextLayout.FormatRange] = []
        spans = self._matches.get(row)
        if spans:
            self._paint_match_boxes(painter, layout, origin, row, spans)
        if current and self._word_span is not None:
            self._paint_word_box(painter, layout, origin, self._word_span)
            selections.append(self._word_format(self._word_span))
        played = 0 <= row < self._current_row
        painter.setPen(theme.played_text if played else theme.text)
        layout.draw(painter, origin, selections)
        painter.restore()

    def _paint_background(self, painter: QPainter, rect: QRect, state: QStyle.StateFlag,
                          current: bool, quote: str | None) -> None:
        theme = self._theme
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if current:
            painter.fillRect(rect, theme.selection_current if selected else theme.current_band)
            bar = QRect(rect.left(), rect.top(), self.metrics.bar_width, rect.height())
            painter.fillRect(bar, theme.current_bar)
        elif selected:
            painter.fillRect(rect, theme.selection)
        if selected:
            border = theme.selection_border
            for edge in (QRect(rect.left(), rect.top(), rect.width(), 1),
                         QRect(rect.left(), rect.bottom(), rect.width(), 1),
                         QRect(rect.right(), rect.top(), 1, rect.height())):
                painter.fillRect(edge, border)
        if quote is not None:
            colors = self._quotes.get(quote)
            if colors is None:
                colors = self._quotes[quote] = theme.quote_colors(quote)
            if not (current or selected):  # a quote is tinted, and not hover-lit
                painter.fillRect(rect, colors[0])
            # Just right of where the current line's bar goes, so both show at once.
            width = self.metrics.bar_width
            painter.fillRect(QRect(rect.left() + width + 2, rect.top(), max(3, width * 2 // 3),
                                   rect.height()), colors[1])
        elif not (current or selected) and state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, theme.hover)
        if self._show_focus and state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(theme.focus_outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5), 3, 3)

    def _paint_time(self, painter: QPainter, rect: QRect, item: LineItem, text_top: int,
                    current: bool, hovered: bool) -> None:
        metrics, theme = self.metrics, self._theme
        painter.setFont(self._time_link_font if hovered else metrics.time_font)
        if hovered or current:
            painter.setPen(theme.time_hover)
        else:
            painter.setPen(theme.time_estimated if item.times_estimated else theme.time_text)
        label = time_label(item)
        advance = self._time_advances.get(label)
        if advance is None:
            if len(self._time_advances) > 4096:
                self._time_advances.clear()
            advance = self._time_advances[label] = self._time_fm.horizontalAdvance(label)
        right = rect.left() + metrics.time_left + metrics.time_width
        if item.not_in_audio:  # an amber badge behind the time: check this line's time
            pad = metrics.line_spacing * 0.15
            badge = QRectF(right - advance - pad, text_top, advance + 2 * pad,
                           metrics.line_spacing)
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(NOT_IN_AUDIO_BADGE)
            painter.drawRoundedRect(badge, 3, 3)
            painter.restore()
        # Right-aligned so the digits line up and a "~" hangs into the margin on its left.
        painter.drawText(QPointF(right - advance, text_top + metrics.text_ascent), label)

    def _paint_speaker_bar(self, painter: QPainter, rect: QRect, item: LineItem,
                           changes: bool) -> None:
        """The speaker's colour beside every one of their lines: a turn reads as one bar."""
        key = (item.speaker_color, item.speaker or "")
        color = self._bars.get(key)
        if color is None:
            color = self._bars[key] = self._theme.speaker_bar(*key)
        left, width = self.metrics.speaker_bar()
        # A new turn's bar starts below its name chip, which reaches over the bar's place.
        top = rect.top() + (self.metrics.text_top(True) if changes else 0)
        painter.fillRect(QRect(rect.left() + left, top, width, rect.bottom() + 1 - top), color)

    def _paint_chip(self, painter: QPainter, rect: QRect, item: LineItem) -> None:
        metrics = self.metrics
        key = (item.speaker_color, item.speaker or "")
        chip_style = self._chips.get(key)
        if chip_style is None:
            colors = self._theme.speaker_chip(*key)
            room = max(40, metrics.text_width(rect.width()))
            name = self._chip_fm.elidedText(key[1], Qt.TextElideMode.ElideRight, room)
            chip_style = self._chips[key] = (colors, name, self._chip_fm.horizontalAdvance(name))
        colors, name, advance = chip_style
        chip = QRectF(rect.left() + metrics.text_left - metrics.chip_pad_x * 0.6,
                      rect.top() + metrics.chip_top(), advance + 2 * metrics.chip_pad_x,
                      metrics.chip_height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.background)
        radius = chip.height() / 2
        painter.drawRoundedRect(chip, radius, radius)
        painter.setFont(metrics.chip_font)
        painter.setPen(colors.text)
        fm = self._chip_fm
        baseline = chip.top() + (chip.height() - fm.height()) / 2 + fm.ascent()
        painter.drawText(QPointF(chip.left() + metrics.chip_pad_x, baseline), name)

    def _word_format(self, span: tuple[int, int]) -> QTextLayout.FormatRange:
        # Only the colour changes: the font stays, so the word keeps its width and place.
        word = QTextLayout.FormatRange()
        word.start, word.length = span[0], span[1] - span[0]
        text_format = QTextCharFormat()
        text_format.setForeground(self._theme.word_text)
        word.format = text_format
        return word

    def _paint_word_box(self, painter: QPainter, layout: QTextLayout, origin: QPointF,
                        span: tuple[int, int]) -> None:
        pad_x = self.metrics.line_spacing * 0.13
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._theme.word_box)
        for box in range_rects(layout, *span):
            box.translate(origin)
            box.adjust(-pad_x, 0.5, pad_x, -0.5)
            painter.drawRoundedRect(box, 4, 4)

    def _paint_match_boxes(self, painter: QPainter, layout: QTextLayout, origin: QPointF,
                           row: int, spans: list[tuple[int, int]]) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        current = self._current_match
        for start, end in spans:
            strong = current is not None and current == (row, start, end)
            painter.setBrush(self._theme.search_current if strong else self._theme.search_box)
            for box in range_rects(layout, start, end):
                box.translate(origin)
                box.adjust(-1.0, 1.0, 1.0, -1.0)
                painter.drawRoundedRect(box, 2.5, 2.5)

    def _paint_markers(self, painter: QPainter, rect: QRect, item: LineItem,
                       text_top: int) -> None:
        """A note dot and a correction pencil in the gap between the time and the text."""
        metrics, theme = self.metrics, self._theme
        centre_y = text_top + metrics.line_spacing / 2
        if item.has_note:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.note_marker)
            radius = max(2.5, metrics.line_spacing * 0.14)
            painter.drawEllipse(QPointF(rect.left() + metrics.note_x(), centre_y),
                                radius, radius)
        if item.edited:
            size = metrics.line_spacing * 0.2
            x = rect.left() + metrics.edited_x()
            pen = QPen(theme.edited_marker, max(1.5, metrics.line_spacing * 0.08))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # A pencil: a slanted stroke, and the line it has just written under its tip.
            painter.drawLine(QPointF(x - size * 0.6, centre_y + size),
                             QPointF(x + size, centre_y - size))
            painter.drawLine(QPointF(x - size, centre_y + size * 1.45),
                             QPointF(x + size * 0.2, centre_y + size * 1.45))

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: ModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            item, _changes = self._line_of(index)
            rect: QRect = option.rect
            x_in_row = event.pos().x() - rect.left()
            tip = marker_tooltip(self.metrics, item, x_in_row)
            if index.row() in self.voice_marks and x_in_row < self.metrics.text_left:
                tip = "\n".join(filter(None, (self.voice_marks[index.row()], tip)))
            if tip:
                QToolTip.showText(event.globalPos(), tip, view)
                return True
        return super().helpEvent(event, view, option, index)
