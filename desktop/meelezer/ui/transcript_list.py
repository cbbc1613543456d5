"""The scrolling list of transcript lines: a QTreeView tuned for 50,000 wrapped rows.

Measured before choosing, with 50,000 lines of wrapped Dutch text (3-25 words), a Python
delegate wrapping with QTextLayout, offscreen, 700x800 px:

    view, mode                  first paint  repaint 2 rows  scrollTo row 40,000  new width
    QListView, SinglePass         2,737 ms     0.14 ms       2.7 ms               1,354 ms
    QListView, Batched               16 ms     2.55 ms (a)   lands nowhere (b)        8 ms
    QTreeView, ScrollPerPixel     1,342 ms     0.13 ms       5.9 ms               1,300 ms (c)
    QTreeView, ScrollPerItem         92 ms     0.14 ms       3.7 ms                   5 ms

    (a) while the batched layout still runs in the background
    (b) visualRect() of the row is invalid: it has not been laid out yet
    (c) every height is asked again, as per-pixel scrolling sums them all

QListView sizes every row before its first paint; QTreeView per pixel sums every height
for its scroll range. QTreeView scrolling per item asks heights only for rows it shows,
so it is used here; it also keeps the top line in place when the width changes. The
scroll bar then counts lines rather than pixels: for a transcript, "how far in".

Two more traps found on the way, both handled below or in the model: QTreeView asks the
model's flags() several times per row while laying out (a Python override cost 0.4 s at
50,000 rows), and after a far scroll it asks the rectangle of the row under the mouse,
measuring every row in between (1.5 s for 40,000 rows).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QHoverEvent, QKeyEvent, QMouseEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QTreeView,
    QWidget,
)

from meelezer.ui.line_delegate import LineDelegate
from meelezer.ui.transcript_model import LineRole, row_runs

_NAVIGATION_KEYS = frozenset({
    Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Up, Qt.Key.Key_Down,
    Qt.Key.Key_Home, Qt.Key.Key_End,
})


class TranscriptList(QTreeView):
    """Rows of a ``TranscriptModel`` painted by a ``LineDelegate``.

    ``user_scrolled`` fires only for scrolling the reader did (wheel, scroll bar, keys,
    drag-selecting past an edge); the view's own scrolling sets the scroll bar directly
    and never fires it. ``seek_requested`` carries a line's start time; ``edit_requested``
    the keyboard's row when F2 is pressed.
    """

    user_scrolled = Signal()
    seek_requested = Signal(int)
    edit_requested = Signal(int)  # F2 on a row: correct its text

    def __init__(self, delegate: LineDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._delegate = delegate
        self.setItemDelegate(delegate)
        self.setObjectName("transcriptLines")
        self.setAccessibleName(self.tr("Transcript lines"))
        self.setAccessibleDescription(
            self.tr("Click a time or double-click a line to play from there; Enter plays the "
                    "selected line"))
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setUniformRowHeights(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self._press_in_time: QModelIndex | None = None
        self._press_on_text: QModelIndex | None = None
        self._press_position = QPoint()
        self._mouse_down = False
        self._after_double_click = False
        self._time_click_row = -1  # row whose time the last click seeked to
        self._time_hover_row = -1
        self._show_focus = False
        self._resized_rows: Collection[int] | None = None  # see ``changing_rows``
        bar = self.verticalScrollBar()
        bar.actionTriggered.connect(self._on_scroll_bar_action)
        bar.valueChanged.connect(self._on_scroll_value_changed)

    # --- visible rows ----------------------------------------------------------------------

    def first_visible_row(self) -> int:
        return self.indexAt(QPoint(0, 0)).row()

    def last_visible_row(self) -> int:
        """The last row at least partly on screen (-1 with no rows)."""
        index = self.indexAt(QPoint(0, self.viewport().height() - 1))
        if index.isValid():
            return index.row()
        rows = self.model().rowCount() if self.model() is not None else 0
        return rows - 1

    def update_row(self, row: int) -> None:
        """Repaint one row if it is on screen; other rows are left alone."""
        first, last = self.first_visible_row(), self.last_visible_row()
        if first >= 0 and first <= row <= last:
            self.viewport().update(self.visualRect(self.model().index(row, 0)))

    def update_rows(self, low: int, high: int) -> None:
        """Repaint rows ``low``..``high`` where on screen, as one rectangle."""
        first, last = self.first_visible_row(), self.last_visible_row()
        low, high = max(low, first), min(high, last)
        if first < 0 or low > high:
            return
        model = self.model()
        area = self.visualRect(model.index(low, 0)).united(self.visualRect(model.index(high, 0)))
        self.viewport().update(area)

    # --- changed rows ----------------------------------------------------------------------

    def changing_rows(self, resized: Collection[int] | None) -> None:
        """The rows of the coming ``dataChanged`` whose height may change (None: any)."""
        self._resized_rows = resized

    def dataChanged(self, top: QModelIndex | QPersistentModelIndex,
                    bottom: QModelIndex | QPersistentModelIndex,
                    roles: Sequence[int] = ()) -> None:
        # QTreeView measures every row of a changed range, twice, to see whether its height
        # changed: Sync to audio's new times on 20,000 lines wrapped every line (seconds).
        # When only some rows can change height, it hears of those and of the rows on
        # screen (to repaint them); the others are measured when they come into view.
        resized = self._resized_rows
        if resized is None or self.model() is None:
            super().dataChanged(top, bottom, list(roles))
            return
        low, high = top.row(), bottom.row()
        first, last = self.first_visible_row(), self.last_visible_row()
        rows = {row for row in resized if low <= row <= high}
        if first >= 0:
            rows.update(range(max(low, first), min(high, last) + 1))
        model = self.model()
        for run_low, run_high in row_runs(sorted(rows)):
            super().dataChanged(model.index(run_low, 0), model.index(run_high, 0), list(roles))

    def prepare_rows_below(self, count: int, look_ahead: int = 40) -> None:
        """Wrap up to ``count`` not yet measured rows just below the viewport.

        Called on each line change while following, it spreads over the quiet steps the
        work that the next follow scroll would otherwise do all at once for the rows it
        brings into view.
        """
        model = self.model()
        last = self.last_visible_row()
        if model is None or last < 0:
            return
        end = min(model.rowCount(), last + 1 + look_ahead)
        for row in range(last + 1, end):
            if count <= 0:
                return
            if not self._delegate.has_height(row):
                self._delegate.row_height(model.index(row, 0))
                count -= 1

    # --- scrolling -------------------------------------------------------------------------

    def scroll_to_top_row(self, row: int) -> None:
        """Our own scrolling: put ``row`` at the top without counting as the reader's."""
        bar = self.verticalScrollBar()
        if row == bar.value():
            return
        if abs(row - bar.value()) > max(1, self.last_visible_row() - self.first_visible_row()):
            self._forget_hover()  # the row under the mouse is about to be far away
        bar.setValue(row)

    def _forget_hover(self) -> None:
        # After a scroll Qt repaints the row that was under the mouse and asks for its
        # rectangle; for a row 40,000 lines away that sums every row height in between
        # (1.5 s). Letting go of it while it is still on screen makes that free.
        leave = QHoverEvent(QEvent.Type.HoverLeave, QPointF(-1, -1), QPointF(-1, -1),
                            QPointF(-1, -1))
        QApplication.sendEvent(self.viewport(), leave)
        self._set_time_hover(-1)

    def _on_scroll_bar_action(self, action: int) -> None:
        # Emitted for scroll bar clicks and drags, and for the mouse wheel, which Qt routes
        # through the scroll bar; setValue() (our own scrolling) does not trigger it. The
        # value has not changed yet here, so the hover can still be let go of cheaply.
        if action != QAbstractSlider.SliderAction.SliderNoAction.value:
            self._forget_hover()
            self.user_scrolled.emit()

    def _on_scroll_value_changed(self, _value: int) -> None:
        if self._mouse_down:  # auto-scroll while drag-selecting past the top or bottom
            self.user_scrolled.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        before = self.verticalScrollBar().value()
        super().wheelEvent(event)
        if self.verticalScrollBar().value() != before:
            self.user_scrolled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2 and self.currentIndex().isValid():
            self.edit_requested.emit(self.currentIndex().row())
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.seek_requested.emit(int(index.data(LineRole.START_MS)))
                event.accept()
                return
        before = self.verticalScrollBar().value()
        if event.key() in _NAVIGATION_KEYS:
            self._set_show_focus(True)
            self._forget_hover()  # Home and End may jump 50,000 rows
        super().keyPressEvent(event)
        if event.key() in _NAVIGATION_KEYS and self.verticalScrollBar().value() != before:
            self.user_scrolled.emit()

    def _set_show_focus(self, show: bool) -> None:
        if show != self._show_focus:
            self._show_focus = show
            self._delegate.set_show_focus(show)
            if self.currentIndex().isValid():
                self.update_row(self.currentIndex().row())

    # --- clicks ----------------------------------------------------------------------------

    def _time_index_at(self, position: QPoint) -> QModelIndex | None:
        index = self.indexAt(position)
        if not index.isValid():
            return None
        rect = self.visualRect(index)
        return index if self._delegate.in_time_column(position.x() - rect.left()) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        position = event.position().toPoint()
        left = event.button() == Qt.MouseButton.LeftButton
        self._press_in_time = self._time_index_at(position) if left else None
        # A plain click on a line's words seeks too; Ctrl/Shift-click and drag only select.
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        self._press_on_text = self.indexAt(position) if left and plain else None
        self._press_position = position
        self._mouse_down = True
        self._after_double_click = False
        self._time_click_row = -1
        self._set_show_focus(False)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._mouse_down = False
        super().mouseReleaseEvent(event)
        pressed, self._press_in_time = self._press_in_time, None
        on_text, self._press_on_text = self._press_on_text, None
        if event.button() != Qt.MouseButton.LeftButton or self._after_double_click:
            return
        position = event.position().toPoint()
        released = self._time_index_at(position)
        if pressed is not None and released is not None and released.row() == pressed.row():
            self._time_click_row = released.row()
            self.seek_requested.emit(int(released.data(LineRole.START_MS)))
            return
        dragged = ((position - self._press_position).manhattanLength()
                   >= QApplication.startDragDistance())
        released = self.indexAt(position)
        if (on_text is not None and on_text.isValid() and released.isValid()
                and released.row() == on_text.row() and not dragged):
            self._time_click_row = released.row()
            self.seek_requested.emit(int(released.data(LineRole.START_MS)))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.indexAt(event.position().toPoint())
        if not index.isValid():
            return
        self._after_double_click = True
        # A double click on a time already seeked with its first click: once is enough.
        if index.row() != self._time_click_row:
            self.seek_requested.emit(int(index.data(LineRole.START_MS)))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        index = self._time_index_at(event.position().toPoint())
        self._set_time_hover(index.row() if index is not None else -1)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._set_time_hover(-1)

    def _set_time_hover(self, row: int) -> None:
        if row == self._time_hover_row:
            return
        old, self._time_hover_row = self._time_hover_row, row
        self._delegate.set_time_hover_row(row)
        shape = Qt.CursorShape.PointingHandCursor if row >= 0 else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(shape)
        for changed in (old, row):
            if changed >= 0:
                self.update_row(changed)

    # --- width -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._delegate.set_width(self.viewport().width()):
            # Wrapped heights depend on the width; rows are asked again lazily, on paint.
            self.scheduleDelayedItemsLayout()

    def relayout(self) -> None:
        """Forget every row height (after a font change, say) and lay out again."""
        self._delegate.clear_heights()
        self.scheduleDelayedItemsLayout()
        self.viewport().update()
