"""The find bar: a search field over the transcript with a match count and next/previous."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from meelezer.ui.plain_text import plain_label

_NEXT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3)


def count_text(index: int, total: int, query: str) -> str:
    """The count label: "3 of 17", "17 matches" before stepping to one, "No matches"."""
    if not query.strip():
        return ""
    translate = QCoreApplication.translate
    if total == 0:
        return translate("FindBar", "No matches")
    if index < 0:
        if total == 1:
            return translate("FindBar", "1 match")
        return translate("FindBar", "{count} matches").format(count=f"{total:,}")
    return translate("FindBar", "{index} of {count}").format(index=f"{index + 1:,}",
                                                            count=f"{total:,}")


class FindBar(QWidget):
    """Search field, "3 of 17", previous and next, close.

    In the field: Enter or F3 goes to the next match, Shift with either to the previous
    one, Escape closes the bar. The bar only asks; ``TranscriptView.attach_find_bar``
    connects it to a view, which answers through ``set_count``.
    """

    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(self.tr("Find in transcript"))
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in transcript"))
        self.field.setAccessibleName(self.tr("Find"))
        self.field.setClearButtonEnabled(True)
        self.count_label = plain_label(parent=self)
        self.count_label.setObjectName("findCount")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("00,000 of 00,000"))
        self.previous_button = self._button("↑", self.tr("Previous match"),
                                            self.tr("Previous match (Shift+Enter)"))
        self.next_button = self._button("↓", self.tr("Next match"), self.tr("Next match (Enter)"))
        self.close_button = self._button("✕", self.tr("Close"), self.tr("Close (Escape)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.installEventFilter(self)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.close_button.clicked.connect(self.close)
        self._index, self._total = -1, 0
        self.set_count(-1, 0)
        self.hide()

    def _button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(name)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep typing in the field
        return button

    def query(self) -> str:
        return self.field.text()

    def open(self) -> None:
        """Show the bar with the field focused and its text selected (Ctrl+F)."""
        was_hidden = self.isHidden()
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if was_hidden and self.field.text():
            self.query_changed.emit(self.field.text())  # light the matches again

    def close(self) -> bool:
        """Hide the bar and say so (the view then clears its match boxes)."""
        if self.isHidden():
            return True
        self.hide()
        self.closed.emit()
        return True

    def set_count(self, index: int, total: int) -> None:
        """Show where the view is: match ``index`` (0-based, -1: none yet) of ``total``."""
        self._index, self._total = index, total
        self.count_label.setText(count_text(index, total, self.field.text()))
        has_matches = total > 0
        self.previous_button.setEnabled(has_matches)
        self.next_button.setEnabled(has_matches)

    def count(self) -> tuple[int, int]:
        return self._index, self._total

    def _on_text_changed(self, text: str) -> None:
        self.query_changed.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent):
            key = event.key()
            if event.type() == QEvent.Type.ShortcutOverride and (
                    key in _NEXT_KEYS or key == Qt.Key.Key_Escape):
                event.accept()  # ours while the field has focus, whatever the window binds
                return True
            if event.type() == QEvent.Type.KeyPress:
                if key in _NEXT_KEYS:
                    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                    (self.previous_requested if shift else self.next_requested).emit()
                    return True
                if key == Qt.Key.Key_Escape:
                    self.close()
                    return True
        return super().eventFilter(watched, event)
