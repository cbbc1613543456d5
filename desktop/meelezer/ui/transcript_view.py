"""The transcript pane: lines that light up as they play, following playback until you scroll."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QRect, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from meelezer.reading import ReadingStyle
from meelezer.transcript.text_search import EpisodeSearch, SearchResults, fold
from meelezer.ui.find_bar import FindBar
from meelezer.ui.follow_button import BackToPlaybackButton
from meelezer.ui.follow_scroll import in_comfort_band, top_row_for
from meelezer.ui.line_delegate import CurrentWords, LineDelegate
from meelezer.ui.line_editor import LineEditor
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
    # A corrected line: (segment id, new text). The view does not change its model: the
    # receiver stores the text and calls update_lines.
    text_edited = Signal(int, str)
    search_changed = Signal(int, int)  # (current match, -1 for none; number of matches)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setAccessibleName(self.tr("Transcript"))
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
        self._position_ms: int | None = None
        self._search: EpisodeSearch | None = None  # built on the first search
        self._query = ""
        self._results = SearchResults()
        self._editor = LineEditor(self._list.viewport())
        self._editable = True
        self._editor.committed.connect(self._on_edit_committed)
        self._editor.cancelled.connect(self._on_edit_closed)
        self._list.edit_requested.connect(self.edit_row)
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
        self._editor.cancel()
        self._search = None
        self._longest_ms = max((line.end_ms for line in lines), default=0)
        self._delegate.restyle(self.font(), self.palette(), self._longest_ms)
        self._delegate.clear_heights()
        self._set_current(-1, None, -1)
        self._model.set_lines(lines)
        self._list.scrollToTop()
        self._update_button()
        if self._query:
            self.set_search(self._query)

    def update_lines(self, changed: dict[int, LineItem]) -> None:
        """Replace the items of some rows (by row), after a correction, a note or a highlight.

        Only those rows are laid out and repainted again; the current line and word, and
        the find matches, are worked out again against the new items.
        """
        rows = [row for row in changed if 0 <= row < self._model.rowCount()]
        if not rows:
            return
        # A row's height follows its text and whether its speaker starts a turn (so the next
        # row's too): new times alone (Sync to audio on every line) keep every height.
        resized = [row for row in rows if _looks(self._model.line(row)) != _looks(changed[row])]
        resized += [row + 1 for row in resized]  # and speaker chips
        self._delegate.forget_rows(resized)
        self._list.changing_rows(resized)
        try:
            self._model.replace_lines({row: changed[row] for row in rows})
        finally:
            self._list.changing_rows(None)
        self._search = None
        if self._position_ms is not None:
            row = self._model.row_at_time(self._position_ms)
            if row != self._current_row or row in changed:
                words = CurrentWords(self._model.line(row)) if row >= 0 else None
                index = words.index_at(self._position_ms) if words else -1
                old, self._current_row = self._current_row, -2  # force a fresh step
                self._set_current(row, words, index)
                for touched in {old, row}:
                    self._list.update_row(touched)
        if self._query:
            self._refresh_search()

    def current_row(self) -> int:
        """The playing line's row; -1 before the first line (or with no lines)."""
        return self._current_row

    def current_word(self) -> int:
        """Index of the lit word in the current line's words; -1 when none is lit."""
        return self._word_index

    def selected_rows(self) -> list[int]:
        selection = self._list.selectionModel()
        return sorted(index.row() for index in selection.selectedRows()) if selection else []

    def visible_selected_rows(self) -> list[int]:
        """The selected rows the reader can see now (part of the row is in the viewport)."""
        viewport = self._list.viewport().rect()
        return [row for row in self.selected_rows()
                if self._list.visualRect(self._model.index(row, 0)).intersects(viewport)]

    # --- playback --------------------------------------------------------------------------

    def set_position_ms(self, position_ms: int) -> None:
        """Light the line and word playing at ``position_ms`` and, if following, keep it in view."""
        self._position_ms = position_ms
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
        self._place_editor()
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

    # --- find ------------------------------------------------------------------------------

    def set_search(self, query: str) -> int:
        """Box every match of ``query`` (accents and case ignored); the number of matches."""
        self._query = query
        self._results = SearchResults(self._find(query))
        self._publish_matches()
        return len(self._results)

    def search_count(self) -> int:
        return len(self._results)

    def search_rows(self) -> list[int]:
        """Rows with at least one find match, in order (the timeline marks them)."""
        return sorted(self._results.by_row)

    def current_match(self) -> tuple[int, int, int] | None:
        """The match stepped to, as (row, start, end); None before next/previous."""
        return self._results.current()

    def next_match(self) -> tuple[int, int] | None:
        """Step to the next match (wrapping): (its 0-based index, the total); None: none.

        The first step goes to the first match from the top of the view. Its row is
        selected and scrolled into view, which pauses following as a reader's scroll does.
        """
        return self._step(forward=True)

    def previous_match(self) -> tuple[int, int] | None:
        """Step to the previous match (wrapping); as ``next_match``."""
        return self._step(forward=False)

    def attach_find_bar(self, bar: FindBar) -> None:
        """Let ``bar`` drive this view's search and show its count."""
        bar.query_changed.connect(self.set_search)
        bar.next_requested.connect(self.next_match)
        bar.previous_requested.connect(self.previous_match)
        bar.closed.connect(self._on_find_closed)
        self.search_changed.connect(bar.set_count)

    def _on_find_closed(self) -> None:
        self.set_search("")
        self._list.setFocus()

    def _find(self, query: str) -> list[tuple[int, int, int]]:
        if not fold(query):
            return []
        if self._search is None:
            self._search = EpisodeSearch([line.text for line in self._model.lines()])
        return self._search.matches(query)

    def _refresh_search(self) -> None:
        """Search again after lines changed, staying on the same match where it still is."""
        current = self._results.current()
        self._results = SearchResults(self._find(self._query))
        self._results.keep(current)
        self._publish_matches()

    def _publish_matches(self) -> None:
        self._delegate.set_search(self._results.by_row, self._results.current())
        self._list.viewport().update()
        self.search_changed.emit(self._results.index, len(self._results))

    def _step(self, forward: bool) -> tuple[int, int] | None:
        index = self._results.step(forward, max(0, self._list.first_visible_row()))
        match = self._results.current()
        if index is None or match is None:
            return None
        self._delegate.set_search(self._results.by_row, match)
        self.set_following(False)
        self._select_row_far(match[0])
        self._list.viewport().update()
        self.search_changed.emit(index, len(self._results))
        return index, len(self._results)

    def select_row(self, row: int) -> None:
        """Make ``row`` the selected, keyboard row; following is left as it is.

        Qt brings the row into view if it is not (not counted as the reader scrolling).
        """
        if not 0 <= row < self._model.rowCount():
            return
        self._clear_selection_quietly()
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self._list.selectionModel().setCurrentIndex(self._model.index(row, 0), flags)

    def _select_row_far(self, row: int) -> None:
        """Scroll ``row`` into view and select it, however far the old selection is."""
        self._clear_selection_quietly()
        self._show_row(row)
        self.select_row(row)

    def _clear_selection_quietly(self) -> None:
        # Told of a changed selection, Qt repaints the old one, measuring every row between
        # it and the view (2.4 s at 50,000 rows); cleared quietly, the view is not told.
        selection = self._list.selectionModel()
        blocked = selection.blockSignals(True)
        selection.clear()
        selection.blockSignals(blocked)
        self._list.viewport().update()

    def _show_row(self, row: int) -> None:
        """Scroll ``row`` a third down the view, unless it is already on screen."""
        if self._list.first_visible_row() <= row < self._list.last_visible_row():
            return
        height = self._list.viewport().height()
        self._list.scroll_to_top_row(top_row_for(row, self._row_height, height))

    # --- correcting a line -----------------------------------------------------------------

    def set_editable(self, editable: bool) -> None:
        """Whether an editor may open over a line (not while the lines are being rewritten).
        An editor already open stays: what it commits is saved after the rewrite."""
        self._editable = editable

    def edit_row(self, row: int) -> None:
        """Open an editor over ``row``'s text (F2); Enter commits, Escape cancels.

        A commit emits ``text_edited`` when the text changed. Following pauses while
        editing, so playback does not scroll the line away from under the editor.
        """
        if not self._editable or not 0 <= row < self._model.rowCount():
            return
        self._editor.cancel()
        self.set_following(False)
        self._select_row_far(row)
        self._editor.start(row, self._model.line(row).text, self._delegate.metrics.text_font,
                           self._editor_rect(row))

    def editing_row(self) -> int:
        """The row being corrected; -1 when no editor is open."""
        return self._editor.row()

    @property
    def line_editor(self) -> LineEditor:
        return self._editor

    def _editor_rect(self, row: int) -> QRect:
        rect = self._list.visualRect(self._model.index(row, 0))
        return self._delegate.metrics.text_rect(rect, self._model.speaker_changes(row))

    def _place_editor(self) -> None:
        if self._editor.is_open():
            self._editor.place(self._editor_rect(self._editor.row()))

    def _on_edit_committed(self, row: int, text: str) -> None:
        self._on_edit_closed(row)
        self.text_edited.emit(self._model.line(row).segment_id, text)

    def _on_edit_closed(self, _row: int) -> None:
        # Back to the lines after Enter or Escape; a click into another field keeps its focus.
        if self._list.isVisible() and (self._editor.hasFocus()
                                       or QApplication.focusWidget() is None):
            self._list.setFocus()

    # --- the floating button ---------------------------------------------------------------

    def _place_button(self) -> None:
        viewport = self._list.viewport()
        area = QRect(viewport.mapTo(self, viewport.rect().topLeft()), viewport.size())
        self._button.place_in(area)

    # --- widget events ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_button()
        if self._editor.is_open():
            QTimer.singleShot(0, self._place_editor)  # once rows have their new heights
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

    def set_reading(self, reading: ReadingStyle) -> None:
        """Text size, line spacing and line width; the line being read stays in view."""
        if reading == self._delegate.reading:
            return
        self._delegate.reading = reading
        if self._delegate.restyle(self.font(), self.palette(), self._longest_ms):
            self._list.relayout()
            self._place_editor()
            if self._current_row >= 0:
                self._show_row(self._current_row)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            if self._delegate.restyle(self.font(), self.palette(), self._longest_ms):
                self._list.relayout()
            else:
                self._list.viewport().update()


def _looks(line: LineItem) -> tuple[str, str | None]:
    """What a row's height depends on (with the width and the fonts)."""
    return line.text, line.speaker
