"""The episode's notes, bookmarks and highlights in time order, with a filter and an editor."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPalette, QPolygonF, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meelezer.i18n import QT_TRANSLATE_NOOP
from meelezer.store.rows import NoteRow
from meelezer.transcript.timecode import format_clock
from meelezer.ui.note_text import note_preview, render_note_markdown
from meelezer.ui.plain_text import plain_label
from meelezer.ui.theme import blend, is_dark

ModelIndex = QModelIndex | QPersistentModelIndex
KINDS = ("note", "bookmark", "highlight")
# English texts, translated (context "NotesPanel") where they are shown.
KIND_LABELS = {"note": QT_TRANSLATE_NOOP("NotesPanel", "Notes"),
               "bookmark": QT_TRANSLATE_NOOP("NotesPanel", "Bookmarks"),
               "highlight": QT_TRANSLATE_NOOP("NotesPanel", "Highlights")}
SHOW_KIND = {"note": QT_TRANSLATE_NOOP("NotesPanel", "Show notes"),
             "bookmark": QT_TRANSLATE_NOOP("NotesPanel", "Show bookmarks"),
             "highlight": QT_TRANSLATE_NOOP("NotesPanel", "Show highlights")}
KIND_AT = {"note": QT_TRANSLATE_NOOP("NotesPanel", "Note at {time}"),
           "bookmark": QT_TRANSLATE_NOOP("NotesPanel", "Bookmark at {time}"),
           "highlight": QT_TRANSLATE_NOOP("NotesPanel", "Highlight at {time}")}
NOTE_MARK = "✎"
HIGHLIGHT_FALLBACK = "#e8b923"
EMPTY_HINT = QT_TRANSLATE_NOOP(
    "NotesPanel", "No notes yet. Press N to add a note at the current moment, B for a bookmark, "
    "H to highlight the selected lines.")
PLACEHOLDERS = {"note": QT_TRANSLATE_NOOP("NotesPanel", "Empty note"),
                "bookmark": QT_TRANSLATE_NOOP("NotesPanel", "Bookmark"),
                "highlight": QT_TRANSLATE_NOOP("NotesPanel", "Highlight")}
FILTERED_HINT = QT_TRANSLATE_NOOP("NotesPanel", "Nothing to show: turn a kind back on above.")


def _translate(text: str) -> str:
    return QCoreApplication.translate("NotesPanel", text)


def kind_at(kind: str, time_ms: int) -> str:
    """ "Note at 1:02", "Bookmark at 3:04", "Highlight at 5:06"."""
    template = KIND_AT.get(kind)
    if template is None:
        return f"{kind.capitalize()} at {format_clock(time_ms)}"
    return _translate(template).format(time=format_clock(time_ms))


class NoteRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    TIME = Qt.ItemDataRole.UserRole + 3  # ms
    COLOR = Qt.ItemDataRole.UserRole + 4  # highlight colour, QColor
    PLACEHOLDER = Qt.ItemDataRole.UserRole + 5  # the entry has no text of its own to show


def entry_text(note: NoteRow, quote: str | None) -> str:
    """The one line a list entry shows: the quote of a highlight, else the note's text."""
    if note.kind == "highlight" and quote:
        return f"“{note_preview(quote)}”"
    return note_preview(note.text) or _translate(PLACEHOLDERS[note.kind])


class NoteListModel(QAbstractListModel):
    """The notes the filter lets through, read-only: edits go through the panel's editor."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[NoteRow] = []
        self._quotes: dict[int, str] = {}

    def set_notes(self, notes: list[NoteRow], quotes: dict[int, str]) -> None:
        self.beginResetModel()
        self._notes, self._quotes = list(notes), dict(quotes)
        self.endResetModel()

    def note(self, row: int) -> NoteRow:
        return self._notes[row]

    def row_of(self, note_id: int) -> int:
        return next((i for i, note in enumerate(self._notes) if note.id == note_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_text(note, self._quotes.get(note.id))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{kind_at(note.kind, note.time_ms)}: {self.data(index)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return render_note_markdown(note.text) if note.text.strip() else None
        values: dict[int, Any] = {
            NoteRole.ID: note.id, NoteRole.KIND: note.kind, NoteRole.TIME: note.time_ms,
            NoteRole.COLOR: QColor(note.color or HIGHLIGHT_FALLBACK),
            NoteRole.PLACEHOLDER: not (note.text.strip() or self._quotes.get(note.id))}
        return values.get(role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)


class NoteDelegate(QStyledItemDelegate):
    """One line per entry: kind marker, time, then the elided text (a quote in italics)."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(200, option.fontMetrics.height() + 2 * self.PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text = palette.color(QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        muted = text if selected else blend(base, text, 0.6)
        rect = QRectF(opt.rect).adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        metrics = opt.fontMetrics
        kind = index.data(NoteRole.KIND)
        marker = QRectF(rect.left(), rect.top(), 14, rect.height())

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if kind == "highlight":
            color: QColor = index.data(NoteRole.COLOR)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color.lighter(130) if is_dark(palette) else color)
            painter.drawRoundedRect(QRectF(marker.left() + 4, opt.rect.top() + 3, 5,
                                           opt.rect.height() - 6), 2, 2)
        elif kind == "bookmark":
            w, h = 9.0, 12.0
            x, y = marker.center().x() - w / 2, marker.center().y() - h / 2
            ribbon = QPolygonF([QPointF(x, y), QPointF(x + w, y), QPointF(x + w, y + h),
                                QPointF(x + w / 2, y + h - 3.5), QPointF(x, y + h)])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(text if selected else palette.color(QPalette.ColorRole.Highlight))
            painter.drawPolygon(ribbon)
        else:
            painter.setPen(muted)
            painter.drawText(marker, Qt.AlignmentFlag.AlignCenter, NOTE_MARK)

        clock = format_clock(int(index.data(NoteRole.TIME)))
        time_w = metrics.horizontalAdvance("0:00:00") + 10
        time_rect = QRectF(marker.right() + 6, rect.top(), time_w, rect.height())
        painter.setPen(muted)
        painter.drawText(time_rect, Qt.AlignmentFlag.AlignVCenter, clock)
        body = QRectF(time_rect.right(), rect.top(), rect.right() - time_rect.right(),
                      rect.height())
        font = opt.font
        font.setItalic(kind == "highlight")
        painter.setFont(font)
        painter.setPen(muted if index.data(NoteRole.PLACEHOLDER) else text)
        shown = metrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight,
                                   int(body.width()))
        painter.drawText(body, Qt.AlignmentFlag.AlignVCenter, shown)
        painter.restore()


class NotesPanel(QWidget):
    """Lists notes and asks for changes by signal; the window applies them and calls back."""

    jump_requested = Signal(int)  # time in ms
    edit_requested = Signal(int, str)  # note id, new text
    delete_requested = Signal(int)  # note id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Notes"))
        self._notes: list[NoteRow] = []
        self._quotes: dict[int, str] = {}
        self._editing: int | None = None
        self.model = NoteListModel(self)

        self.filters: dict[str, QToolButton] = {}
        filter_row = QHBoxLayout()
        filter_row.setSpacing(2)
        filter_row.addWidget(QLabel(self.tr("Show:")))
        for kind in KINDS:
            button = QToolButton()
            button.setText(self.tr(KIND_LABELS[kind]))
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.setAccessibleName(self.tr(SHOW_KIND[kind]))
            button.toggled.connect(self._refilter)
            self.filters[kind] = button
            filter_row.addWidget(button)
        filter_row.addStretch(1)

        self.view = QListView()
        self.view.setAccessibleName(self.tr("Note list"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(NoteDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.clicked.connect(self._jump)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(self._show_current)

        self.hint = QLabel(self.tr(EMPTY_HINT))
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("No notes hint"))
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.editor_title = plain_label()
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Note text"))
        self.editor.setPlaceholderText(self.tr("Write a note (Markdown)"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(self.editor.fontMetrics().lineSpacing() * 4)
        self.editor.installEventFilter(self)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the note (Ctrl+Return)"))
        self.save_button.setAccessibleName(self.tr("Save note"))
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete note"))
        self.delete_button.clicked.connect(self._delete_current)
        self.editor_area = QWidget()
        editor_layout = QVBoxLayout(self.editor_area)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.editor_title, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        editor_layout.addWidget(self.editor)
        editor_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filter_row)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.hint, 3)
        layout.addWidget(self.editor_area, 1)
        self.set_notes([])

    # -- data ------------------------------------------------------------------------------

    def set_notes(self, notes: list[NoteRow], quotes: dict[int, str] | None = None) -> None:
        """Shows ``notes`` (in time order); the selected note stays selected if still there."""
        self._notes, self._quotes = list(notes), dict(quotes or {})
        self._refilter()

    def shown_kinds(self) -> set[str]:
        return {kind for kind, button in self.filters.items() if button.isChecked()}

    def visible_note_ids(self) -> list[int]:
        return [self.model.note(row).id for row in range(self.model.rowCount())]

    def current_note_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(NoteRole.ID)) if index.isValid() else None

    def select_note(self, note_id: int) -> None:
        row = self.model.row_of(note_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def edit_note(self, note_id: int) -> None:
        """Select the note and put the cursor at the end of its text, ready to type."""
        self.select_note(note_id)
        if self.current_note_id() == note_id:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def save(self) -> None:
        """Asks to store the editor's text for the note being edited."""
        if self._editing is not None:
            self.editor.document().setModified(False)
            self.edit_requested.emit(self._editing, self.editor.toPlainText())

    # -- internals -------------------------------------------------------------------------

    def _refilter(self) -> None:
        current, kinds = self.current_note_id(), self.shown_kinds()
        self.model.set_notes([n for n in self._notes if n.kind in kinds], self._quotes)
        if current is not None:
            self.select_note(current)
        self.view.setVisible(self.model.rowCount() > 0)
        self.hint.setVisible(self.model.rowCount() == 0)
        self.hint.setText(self.tr(EMPTY_HINT if not self._notes else FILTERED_HINT))
        self._show_current()

    def _show_current(self) -> None:
        index = self.view.currentIndex()
        self.editor_area.setVisible(index.isValid())
        if not index.isValid():
            self._editing = None
            return
        note = self.model.note(index.row())
        # A refresh of the note being edited keeps what the user typed and has not saved.
        if note.id != self._editing or not self.editor.document().isModified():
            self._editing = note.id
            if self.editor.toPlainText() != note.text:
                self.editor.setPlainText(note.text)
                self.editor.moveCursor(QTextCursor.MoveOperation.End)
            self.editor.document().setModified(False)
        self.editor_title.setText(kind_at(note.kind, note.time_ms))

    def _jump(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jump_requested.emit(int(index.data(NoteRole.TIME)))

    def _delete_current(self) -> None:
        note_id = self.current_note_id()
        if note_id is not None:
            self.delete_requested.emit(note_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if watched is self.editor and enter and ctrl:
            event.accept()  # claim Ctrl+Return before any window shortcut sees it
            if kind == QEvent.Type.KeyPress:
                self.save()
            return True
        if watched is self.view and kind == QEvent.Type.KeyPress:
            if enter:
                self._jump(self.view.currentIndex())
                return True
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._delete_current()
                return True
        return super().eventFilter(watched, event)
