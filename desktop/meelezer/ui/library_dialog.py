"""The library window: every episode with its progress and annotations, and search across all."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meelezer.store.library_overview import EpisodeSummary
from meelezer.store.search import SearchHit
from meelezer.transcript.timecode import format_clock
from meelezer.ui.library_model import TITLE, LibraryModel
from meelezer.ui.note_text import without_markdown_marks
from meelezer.ui.plain_text import plain_label, plain_tooltip

SEARCH_DELAY_MS = 150  # wait for a pause in typing before searching the whole library


def marked_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` as HTML with the match spans in bold; everything else escaped."""
    parts, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        parts.append(html.escape(text[last:start]))
        parts.append(f"<b>{html.escape(text[start:end])}</b>")
        last = end
    parts.append(html.escape(text[last:]))
    return "".join(parts)


class LibraryDialog(QDialog):
    open_requested = Signal(int)  # episode id
    open_at_requested = Signal(int, int)  # episode id, time ms (a search result)
    remove_requested = Signal(int)
    relink_requested = Signal(int)
    find_moved_requested = Signal(list)  # episode ids
    reimport_requested = Signal(int)

    def __init__(self, search: Callable[[str], Sequence[SearchHit]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Library"))
        self.resize(900, 560)
        self._search = search
        self.model = LibraryModel(self)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr("Search every episode's text and notes (accents and case ignored)"))
        self.search_field.setAccessibleName(self.tr("Search the library"))
        self.search_field.setClearButtonEnabled(True)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self._run_search)
        self.search_field.textChanged.connect(lambda _text: self._delay.start())

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Episodes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)

        # Search results: at most a page of short rows, so a list widget is the simple tool.
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._open_hit)
        self.results_label = plain_label()
        self._pages = QStackedWidget()
        self._pages.addWidget(self.table)
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results, 1)
        self._pages.addWidget(results_page)

        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda: self._emit_for_selection(self.open_requested))
        self.remove_button = QPushButton(self.tr("Remove from library"))
        self.remove_button.setToolTip(self.tr(
            "Forget this episode and its annotations; your audio and transcript files are "
            "not touched"))
        self.remove_button.clicked.connect(
            lambda: self._emit_for_selection(self.remove_requested))
        self.relink_button = QPushButton(self.tr("Relink files…"))
        self.relink_button.setToolTip(self.tr("Point the episode at its moved audio or transcript"))
        self.relink_button.clicked.connect(
            lambda: self._emit_for_selection(self.relink_requested))
        self.find_moved_button = QPushButton(self.tr("Find moved files…"))
        self.find_moved_button.setToolTip(self.tr(
            "Look for the missing audio or transcript by content in the folders nearby (for "
            "the selected episode, or every episode with missing files)"))
        self.find_moved_button.clicked.connect(self._find_moved)
        self.reimport_button = QPushButton(self.tr("Re-import transcript…"))
        self.reimport_button.setToolTip(self.tr(
            "Replace the lines with a new version of the transcript; labels, corrections "
            "and notes follow by time and text"))
        self.reimport_button.clicked.connect(
            lambda: self._emit_for_selection(self.reimport_requested))
        buttons = QHBoxLayout()
        for button in (self.find_moved_button, self.relink_button, self.reimport_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_field)
        layout.addWidget(self._pages, 1)
        layout.addLayout(buttons)

    def set_episodes(self, episodes: list[EpisodeSummary]) -> None:
        self.model.set_episodes(episodes)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)

    def selected_episode(self) -> EpisodeSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def start_afresh(self) -> None:
        """Opened again: the episode list, an empty search field with the cursor in it."""
        self._delay.stop()
        self.search_field.clear()
        self._delay.stop()  # clearing started it
        self._pages.setCurrentIndex(0)
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def search_now(self, query: str) -> None:
        """Search at once (the field waits for a pause in typing)."""
        self.search_field.setText(query)
        self._delay.stop()
        self._run_search()

    def _run_search(self) -> None:
        query = self.search_field.text().strip()
        if not query:
            self._pages.setCurrentIndex(0)
            return
        hits = self._search(query)
        self.results.clear()
        for hit in hits:
            speaker = f" · {hit.speaker_name}" if hit.speaker_name else ""
            title = self.model.title(hit.episode_id, hit.episode_title)
            when = ("~" if hit.time_estimated else "") + format_clock(hit.time_ms)
            text, marked = hit.text, hit.marked
            if hit.note_id is not None:  # a note is Markdown: show it as prose
                text, marked = without_markdown_marks(text, marked)
            label = QLabel(f"<span style='color: palette(placeholder-text)'>"
                           f"{html.escape(title)} · {when}"
                           f"{html.escape(speaker)}</span><br>{marked_html(text, marked)}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, (hit.episode_id, hit.time_ms))
            item.setToolTip(plain_tooltip(hit.text))
            label.setContentsMargins(4, 4, 4, 4)
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self._fit_result_heights()
        count = len(hits)
        self.results_label.setText(
            (self.tr("1 result") if count == 1 else self.tr("{count} results").format(count=count))
            if count else self.tr("No results"))
        self._pages.setCurrentIndex(1)

    def _fit_result_heights(self) -> None:
        """Each result as tall as its wrapped text at the list's width (a label's own size
        hint assumes one long line, which left big gaps around short results)."""
        width = self.results.viewport().width()
        for row in range(self.results.count()):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(width, label.heightForWidth(width)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_result_heights()

    def _open_hit(self, item: QListWidgetItem) -> None:
        episode_id, time_ms = item.data(Qt.ItemDataRole.UserRole)
        self.open_at_requested.emit(int(episode_id), int(time_ms))

    def _open_index(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.summary(index.row()).id)

    def _emit_for_selection(self, signal: SignalInstance) -> None:
        episode = self.selected_episode()
        if episode is not None:
            signal.emit(episode.id)

    def _find_moved(self) -> None:
        episode = self.selected_episode()
        targets = [episode] if episode else [e for e in self.model.summaries() if e.files_missing]
        self.find_moved_requested.emit([target.id for target in targets])

    def _show_menu(self, position: QPoint) -> None:
        if self.selected_episode() is not None:  # the row under the pointer is selected
            self.context_menu().exec(self.table.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        """The buttons' actions, for the selected episode."""
        menu = QMenu(self)
        for button in (self.open_button, self.find_moved_button, self.relink_button,
                       self.reimport_button, self.remove_button):
            menu.addAction(button.text(), button.click)
        return menu
