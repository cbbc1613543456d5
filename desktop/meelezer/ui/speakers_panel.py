"""The episode's speakers: colour, hotkey, talk time and share; add, rename, recolour, merge."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meelezer.i18n import QT_TRANSLATE_NOOP
from meelezer.store.rows import SpeakerRow
from meelezer.transcript.timecode import format_clock
from meelezer.ui.plain_text import plain_tooltip
from meelezer.ui.theme import blend, speaker_color
from meelezer.ui.voices.panel import VoicePanel

ModelIndex = QModelIndex | QPersistentModelIndex
EMPTY_HINT = QT_TRANSLATE_NOOP(
    "SpeakersPanel", "No speakers yet. Add one, then press its number (1–9) on a line to label it.")


class SpeakerRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    HOTKEY = Qt.ItemDataRole.UserRole + 2
    TALK = Qt.ItemDataRole.UserRole + 3  # "12:34"
    SHARE = Qt.ItemDataRole.UserRole + 4  # 0.0..1.0


def share_percent(share: float) -> str:
    """``34%``; a little talk shows as ``<1%`` rather than a misleading ``0%``."""
    return "<1%" if 0 < share < 0.005 else f"{round(share * 100)}%"


class SpeakerListModel(QAbstractListModel):
    """One row per speaker; editing a name only asks for the rename, the data stays as given."""

    rename_wanted = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[SpeakerRow, int, float]] = []

    def set_rows(self, speakers: list[SpeakerRow], talk_ms: dict[int, int],
                 episode_ms: int) -> None:
        self.beginResetModel()
        self._rows = []
        for speaker in speakers:
            talk = max(0, talk_ms.get(speaker.id, 0))
            share = min(1.0, talk / episode_ms) if episode_ms > 0 else 0.0
            self._rows.append((speaker, talk, share))
        self.endResetModel()

    def row_of(self, speaker_id: int) -> int:
        return next((i for i, (s, _, _) in enumerate(self._rows) if s.id == speaker_id), -1)

    def speakers(self) -> list[SpeakerRow]:
        return [speaker for speaker, _, _ in self._rows]

    def row_text(self, row: int) -> str:
        speaker, talk, share = self._rows[row]
        key = (self.tr("key {key}").format(key=speaker.hotkey) if speaker.hotkey
               else self.tr("no key"))
        return f"{speaker.name}, {key}, {format_clock(talk)}, {share_percent(share)}"

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        speaker, talk, share = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return speaker.name
        if role == Qt.ItemDataRole.DecorationRole:
            return speaker_color(speaker.color, speaker.name)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.row_text(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:  # a name from a transcript is not HTML
            return plain_tooltip(self.row_text(index.row()))
        values: dict[int, Any] = {SpeakerRole.ID: speaker.id, SpeakerRole.HOTKEY: speaker.hotkey,
                                  SpeakerRole.TALK: format_clock(talk), SpeakerRole.SHARE: share}
        return values.get(role)

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        speaker = self._rows[index.row()][0]
        name = str(value).strip()
        if name and name != speaker.name:
            self.rename_wanted.emit(speaker.id, name)
        return bool(name)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemNeverHasChildren)


class SpeakerDelegate(QStyledItemDelegate):
    """Two lines: swatch, name and key badge; then a share bar with talk time and percentage."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, 2 * line + 2 * self.PAD + 4)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: ModelIndex) -> None:
        """The name editor covers the name line only, not the share bar below it."""
        rect, line = option.rect, option.fontMetrics.height()
        indent = self.PAD + 14
        editor.setGeometry(rect.left() + indent, rect.top() + self.PAD - 4,
                           rect.width() - indent - self.PAD, line + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = QRectF(opt.rect).adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = palette.color(role)
        base = palette.color(QPalette.ColorRole.Base)
        muted = blend(base, text, 0.62) if not selected else text
        color: QColor = index.data(Qt.ItemDataRole.DecorationRole)
        metrics = opt.fontMetrics
        line_h = metrics.height()

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = QRectF(rect.left(), rect.top(), rect.width(), line_h)
        dot = 10.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QRectF(top.left(), top.center().y() - dot / 2, dot, dot))
        name_left = top.left() + dot + 8
        badge_w = 0.0
        hotkey = index.data(SpeakerRole.HOTKEY)
        if hotkey:
            badge_w = max(line_h, metrics.horizontalAdvance("9") + 8)
            badge = QRectF(top.right() - badge_w, top.top(), badge_w, line_h)
            painter.setPen(muted)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(hotkey))
        name_rect = QRectF(name_left, top.top(), top.right() - name_left - badge_w - 6, line_h)
        painter.setPen(text)
        name = metrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight,
                                  int(name_rect.width()))
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter, name)

        bottom = QRectF(name_left, top.bottom() + 4, rect.right() - name_left, line_h)
        share = float(index.data(SpeakerRole.SHARE))
        label = f"{index.data(SpeakerRole.TALK)}  {share_percent(share)}"
        label_w = metrics.horizontalAdvance("0:00:00  100%") + 4
        painter.setPen(muted)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         label)
        track = QRectF(bottom.left(), bottom.center().y() - 2, bottom.width() - label_w - 8, 4)
        if track.width() > 12:
            painter.setPen(Qt.PenStyle.NoPen)
            under = palette.color(QPalette.ColorRole.Highlight) if selected else base
            painter.setBrush(blend(under, text, 0.3 if selected else 0.12))
            painter.drawRoundedRect(track, 2, 2)
            if share > 0:
                painter.setBrush(color)
                filled = QRectF(track.left(), track.top(), max(4.0, track.width() * share), 4)
                painter.drawRoundedRect(filled, 2, 2)
        painter.restore()


# Keys the speaker list handles itself, before any window shortcut with the same key.
_LIST_KEYS = frozenset({Qt.Key.Key_F2, Qt.Key.Key_Delete, Qt.Key.Key_Backspace,
                        Qt.Key.Key_Return, Qt.Key.Key_Enter})


class SpeakersPanel(QWidget):
    """Shows speakers and asks for changes by signal; the window applies them and calls back."""

    add_requested = Signal(str)
    rename_requested = Signal(int, str)
    color_requested = Signal(int, str)  # speaker id, "#rrggbb"
    merge_requested = Signal(int, int)  # source, target
    delete_requested = Signal(int)
    hotkey_requested = Signal(int, object)  # speaker id, 1–9 or None
    assign_requested = Signal(int)  # label the selected lines with this speaker
    done = Signal()  # a speaker was added: typing is over, the transcript can have the keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Speakers"))
        self.model = SpeakerListModel(self)
        self.model.rename_wanted.connect(self.rename_requested)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("New speaker name"))
        self.name_edit.setAccessibleName(self.tr("New speaker name"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add speaker"))
        self.name_edit.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.name_edit.textChanged.connect(
            lambda text: self.add_button.setEnabled(bool(text.strip())))
        self.add_button.setEnabled(False)

        self.view = QListView()
        self.view.setAccessibleName(self.tr("Speaker list"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(SpeakerDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)

        self.hint = QLabel(self.tr(EMPTY_HINT))
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("No speakers hint"))
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.tools = QWidget()
        tools = QHBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.setSpacing(2)
        self.rename_button, self.color_button, self.merge_button, self.delete_button = (
            self._tool(tools, text, name, tip) for text, name, tip in (
                (self.tr("Rename"), self.tr("Rename speaker"), self.tr("Rename the speaker (F2)")),
                (self.tr("Colour…"), self.tr("Colour speaker"),
                 self.tr("Choose the speaker's colour")),
                (self.tr("Merge into"), self.tr("Merge into speaker"),
                 self.tr("Move the speaker's lines to another speaker")),
                (self.tr("Delete"), self.tr("Delete speaker"),
                 self.tr("Delete the speaker; their lines become unlabelled (Delete)"))))
        tools.insertStretch(3, 1)
        self.rename_button.clicked.connect(self._rename)
        self.color_button.clicked.connect(self._choose_color)
        self.delete_button.clicked.connect(self._delete)
        self.merge_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.merge_menu = QMenu(self.tr("Merge into"), self)
        self.merge_button.setMenu(self.merge_menu)

        add_row = QHBoxLayout()
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(add_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.tools)
        self.voices = VoicePanel()  # Suggest speakers: groups by voice, to name
        layout.addWidget(self.voices, 2)
        self.set_speakers([], {}, 0)

    @staticmethod
    def _tool(row: QHBoxLayout, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setAccessibleName(name)
        row.addWidget(button)
        return button

    # -- data ------------------------------------------------------------------------------

    def set_speakers(self, speakers: list[SpeakerRow], talk_ms: dict[int, int],
                     episode_ms: int) -> None:
        """Shows ``speakers`` with their talk time; the selected speaker stays selected."""
        current = self.current_speaker_id()
        self.model.set_rows(speakers, talk_ms, episode_ms)
        if current is not None:
            self.select_speaker(current)
        self.view.setVisible(bool(speakers))
        self.hint.setVisible(not speakers)
        self.tools.setVisible(bool(speakers))
        self._update_buttons()

    def current_speaker_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(SpeakerRole.ID)) if index.isValid() else None

    def select_speaker(self, speaker_id: int) -> None:
        row = self.model.row_of(speaker_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def row_text(self, speaker_id: int) -> str:
        """What the row says, as read aloud: "Wietse, key 1, 12:34, 34%"."""
        return self.model.row_text(self.model.row_of(speaker_id))

    # -- requests --------------------------------------------------------------------------

    def request_color(self, speaker_id: int, color: QColor | str) -> None:
        """Asks for ``color``; the colour dialog ends here, and tests start here."""
        chosen = QColor(color)
        if chosen.isValid():
            self.color_requested.emit(speaker_id, chosen.name())

    def context_menu(self, speaker_id: int) -> QMenu:
        """The actions for one speaker, as the context menu shows them."""
        menu = QMenu(self)
        assign = menu.addAction(self.tr("Assign to selected lines"))
        assign.triggered.connect(lambda: self.assign_requested.emit(speaker_id))
        menu.addSeparator()
        menu.addAction(self.tr("Rename")).triggered.connect(self._rename)
        menu.addAction(self.tr("Colour…")).triggered.connect(self._choose_color)
        hotkeys = menu.addMenu(self.tr("Hotkey"))
        current = next((s.hotkey for s in self.model.speakers() if s.id == speaker_id), None)
        for key in (None, *range(1, 10)):
            action = hotkeys.addAction(self.tr("None") if key is None else str(key))
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(
                lambda _=False, k=key: self.hotkey_requested.emit(speaker_id, k))
        self._fill_merge_menu(menu.addMenu(self.tr("Merge into")), speaker_id)
        menu.addSeparator()
        menu.addAction(self.tr("Delete")).triggered.connect(
            lambda: self.delete_requested.emit(speaker_id))
        return menu

    def _fill_merge_menu(self, menu: QMenu, speaker_id: int | None) -> None:
        menu.clear()
        for other in self.model.speakers() if speaker_id is not None else []:
            if other.id != speaker_id:
                menu.addAction(other.name).triggered.connect(
                    lambda _=False, t=other.id: self.merge_requested.emit(speaker_id, t))
        menu.setEnabled(not menu.isEmpty())

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            menu = self.context_menu(int(index.data(SpeakerRole.ID)))
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _add(self) -> None:
        name = self.name_edit.text().strip()
        if name:
            self.add_requested.emit(name)
            self.name_edit.clear()
            self.done.emit()

    def _rename(self) -> None:
        if self.view.currentIndex().isValid():
            self.view.edit(self.view.currentIndex())

    def _choose_color(self) -> None:
        if (speaker_id := self.current_speaker_id()) is not None:
            start = QColor(self.view.currentIndex().data(Qt.ItemDataRole.DecorationRole))
            self.request_color(speaker_id, QColorDialog.getColor(start, self,
                                                                   self.tr("Speaker colour")))

    def _delete(self) -> None:
        if (speaker_id := self.current_speaker_id()) is not None:
            self.delete_requested.emit(speaker_id)

    def _update_buttons(self) -> None:
        speaker_id = self.current_speaker_id()
        for button in (self.rename_button, self.color_button, self.delete_button):
            button.setEnabled(speaker_id is not None)
        self._fill_merge_menu(self.merge_menu, speaker_id)
        self.merge_button.setEnabled(not self.merge_menu.isEmpty())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent) and event.key() in _LIST_KEYS
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            # F2 renames the speaker here (the window's F2 would correct a transcript line).
            event.accept()
            return True
        speaker_id = self.current_speaker_id()
        if (watched is self.view and isinstance(event, QKeyEvent) and speaker_id is not None
                and event.type() == QEvent.Type.KeyPress
                and self.view.state() != QAbstractItemView.State.EditingState):
            signal = {Qt.Key.Key_Return: self.assign_requested,
                      Qt.Key.Key_Enter: self.assign_requested,
                      Qt.Key.Key_Delete: self.delete_requested,
                      Qt.Key.Key_Backspace: self.delete_requested}.get(Qt.Key(event.key()))
            if signal is not None:
                signal.emit(speaker_id)
                return True
        return super().eventFilter(watched, event)
