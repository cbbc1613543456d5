"""The transcript pane: lines that light up as they play, following playback until you scroll."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from meelezer.ui.follow_button import BackToPlaybackButton
from meelezer.ui.follow_scroll import in_comfort_band, top_row_for
from meelezer.ui.line_delegate import CurrentWords, LineDelegate
from meelezer.ui.transcript_list import TranscriptList
from meelezer.ui.transcript_model import LineItem, TranscriptModel

# Rows below the viewport measured ahead per line change: a follow scroll brings about a
# screen's worth (~10 rows) into view every ~8 lines, so 2 per line has them ready.
_ROWS_PREPARED_PER_STEP = 2


class TranscriptView(QWidget):
    """Shows a transcript and keeps the playing line (and word) lit and in view.

    The main window calls ``set_position_ms`` about 60 times a second while playing. Each
    call costs a bisection; only when the line or word changes are the affected rows
    repainted (never the model: playback state lives here, so no ``dataChanged``).
    """

    seek_requested = Signal(int)  # a line's start, in ms: the reader wants to play from there
    following_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setAccessibleName("Transcript")
        self._model = TranscriptModel(self)
        self._delegate = LineDelegate(self)
        self._delegate.restyle(self.font(), self.palette())
        self._delegate.set_model(self._model)
        self._list = TranscriptList(self._delegate, self)
        self._list.setModel(self._model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._list)
        self._button = BackToPlaybackButton(self)
        self._following = True
        self._current_row = -1
        self._words: CurrentWords | None = None
        self._word_index = -1
        self._longest_ms = 0
        self._list.user_scrolled.connect(self._on_user_scrolled)
        self._list.seek_requested.connect(self.seek_requested)
        self._list.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._button.clicked.connect(self.return_to_playback)

    # --- parts, for the main window and tests ----------------------------------------------

    @property
    def list_view(self) -> TranscriptList:
        return self._list

    @property
    def model(self) -> TranscriptModel:
        return self._model

    @property
    def delegate(self) -> LineDelegate:
        return self._delegate

    @property
    def back_button(self) -> BackToPlaybackButton:
        return self._button

    # --- content ---------------------------------------------------------------------------

    def set_lines(self, lines: list[LineItem]) -> None:
        """Show ``lines`` (in start order); nothing is current until the next position."""
        self._longest_ms = max((line.end_ms for line in lines), default=0)
        self._delegate.restyle(self.font(), self.palette(), self._longest_ms)
        self._delegate.clear_heights()
        self._set_current(-1, None, -1)
        self._model.set_lines(lines)
        self._list.scrollToTop()
        self._update_button()

    def current_row(self) -> int:
        """The playing line's row; -1 before the first line (or with no lines)."""
        return self._current_row

    def current_word(self) -> int:
        """Index of the lit word in the current line's words; -1 when none is lit."""
        return self._word_index

    def selected_rows(self) -> list[int]:
        selection = self._list.selectionModel()
        return sorted(index.row() for index in selection.selectedRows()) if selection else []

    # --- playback --------------------------------------------------------------------------

    def set_position_ms(self, position_ms: int) -> None:
        """Light the line and word playing at ``position_ms`` and, if following, keep it in view."""
        row = self._model.row_at_time(position_ms)
        if row != self._current_row:
            old = self._current_row
            words = CurrentWords(self._model.line(row)) if row >= 0 else None
            self._set_current(row, words, words.index_at(position_ms) if words else -1)
            if old >= 0 and row >= 0:
                # Rows in between change from unplayed to played (or back) after a jump; in
                # steady playback old and new are neighbours and this is just those two rows.
                self._list.update_rows(min(old, row), max(old, row))
            else:
                self._list.update_row(max(old, row))
            if self._following:
                self._follow(row, force=False)
                self._list.prepare_rows_below(_ROWS_PREPARED_PER_STEP)
            else:
                self._update_button()
            return
        if self._words is None:
            return
        index = self._words.index_at(position_ms)
        if index != self._word_index:
            self._set_current(row, self._words, index)
            self._list.update_row(row)

    def _set_current(self, row: int, words: CurrentWords | None, word_index: int) -> None:
        self._current_row = row
        self._words = words
        self._word_index = word_index
        span = words.span(word_index) if words is not None else None
        self._delegate.set_current(row, span)

    # --- follow mode -----------------------------------------------------------------------

    def following(self) -> bool:
        return self._following

    def set_following(self, following: bool) -> None:
        """Follow the playing line (and bring it into view now) or leave the view alone."""
        if following == self._following:
            return
        self._following = following
        if following:
            self._follow(self._current_row, force=True)
        self._update_button()
        self.following_changed.emit(following)

    def return_to_playback(self) -> None:
        """Scroll the playing line back into view and follow it again."""
        if self._following:
            self._follow(self._current_row, force=True)
        else:
            self.set_following(True)

    def _on_user_scrolled(self) -> None:
        if self._following:
            self.set_following(False)

    def _on_scrolled(self, _value: int) -> None:
        if not self._following:
            self._update_button()

    def _follow(self, row: int, force: bool) -> None:
        """Scroll so ``row`` sits a third from the top, unless it is comfortably in view."""
        if row < 0:
            if force:
                self._list.scroll_to_top_row(0)
            return
        height = self._list.viewport().height()
        if not force and self._list.first_visible_row() <= row <= self._list.last_visible_row():
            rect = self._list.visualRect(self._model.index(row, 0))
            if in_comfort_band(rect.top(), rect.bottom(), height):
                return
        # Not a user action (no scroll bar action is triggered): following stays on.
        self._list.scroll_to_top_row(top_row_for(row, self._row_height, height))

    def _row_height(self, row: int) -> int:
        return self._delegate.row_height(self._model.index(row, 0))

    # --- the floating button ---------------------------------------------------------------

    def _update_button(self) -> None:
        if self._following or self._model.rowCount() == 0:
            self._button.hide()
            return
        row = self._current_row
        if row < 0:
            direction = 0
        elif row < self._list.first_visible_row():
            direction = -1
        elif row > self._list.last_visible_row():
            direction = 1
        else:
            direction = 0
        self._button.set_direction(direction)
        self._place_button()
        self._button.show()

    def _place_button(self) -> None:
        viewport = self._list.viewport()
        area = QRect(viewport.mapTo(self, viewport.rect().topLeft()), viewport.size())
        self._button.place_in(area)

    # --- widget events ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_button()
        if self._following and self._current_row >= 0:
            # After the layout has settled at the new size, not against stale row heights.
            QTimer.singleShot(0, self._refollow)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._following and self._current_row >= 0:
            QTimer.singleShot(0, self._refollow)

    def _refollow(self) -> None:
        if self._following:
            self._follow(self._current_row, force=False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            if self._delegate.restyle(self.font(), self.palette(), self._longest_ms):
                self._list.relayout()
            else:
                self._list.viewport().update()
