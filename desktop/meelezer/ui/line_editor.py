"""An editor laid over one transcript line's text, for correcting it in place."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetricsF, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

_OWN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
_PAD = 3  # pixels around the text, so the caret and the frame do not touch the glyphs


class LineEditor(QPlainTextEdit):
    """One line's text, wrapped like the row; Enter commits, Escape cancels.

    A line is one paragraph: Enter (with or without Shift) commits rather than adding a
    line break, and any line breaks pasted in become spaces when committed. Leaving the
    editor (a click elsewhere) commits too, as Qt's own item editors do.
    """

    committed = Signal(int, str)  # row, new text (only when it differs and is not empty)
    cancelled = Signal(int)  # row

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lineEditor")
        self.setAccessibleName(self.tr("Correct line text"))
        self.setFrameShape(QFrame.Shape.Box)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(_PAD - 1)
        self.document().contentsChanged.connect(self._fit_height)
        self._row = -1
        self._original = ""
        self._open = False
        self._min_height = 0
        self.hide()

    def row(self) -> int:
        """The row being edited; -1 when the editor is closed."""
        return self._row if self._open else -1

    def is_open(self) -> bool:
        return self._open

    def start(self, row: int, text: str, font: QFont, text_rect: QRect) -> None:
        """Open over ``text_rect`` (the row's text, in the parent's coordinates)."""
        self._row, self._original, self._open = row, text, True
        self.setFont(font)
        self.setPlainText(text)
        self.place(text_rect)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def place(self, text_rect: QRect) -> None:
        """Follow the row's text when the list scrolls or is resized."""
        outer = text_rect.adjusted(-_PAD, -_PAD, _PAD, _PAD)
        self._min_height = outer.height()
        self.setGeometry(outer)
        self._fit_height()

    def commit(self) -> None:
        if not self._open:
            return
        self._open = False
        text = " ".join(self.toPlainText().split())
        # Told before hiding, while the view can still see whether the editor had the focus.
        if text and text != self._original:
            self.committed.emit(self._row, text)
        else:
            self.cancelled.emit(self._row)
        self.hide()

    def cancel(self) -> None:
        if not self._open:
            return
        self._open = False
        self.cancelled.emit(self._row)
        self.hide()

    def _fit_height(self) -> None:
        # The plain text layout measures the document in lines, not pixels.
        lines = self.document().documentLayout().documentSize().height()
        spacing = QFontMetricsF(self.font()).lineSpacing()
        margins = 2 * self.document().documentMargin() + 2 * self.frameWidth()
        height = max(self._min_height, round(lines * spacing + margins))
        if height != self.height():
            self.resize(self.width(), height)

    def event(self, event: QEvent) -> bool:
        # Enter and Escape belong to the editor even if a window shortcut uses them.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in _OWN_KEYS):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason):
            self.commit()
