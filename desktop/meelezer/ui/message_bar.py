"""A dismissable strip above the transcript for problems the user should know about.

Used instead of modal dialogs for things that do not stop reading: missing audio, libvlc
not installed, an unplayable file. The message says what is wrong and what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

logger = logging.getLogger(__name__)


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#messageBar { background: #fff4ce; border-bottom: 1px solid #e0c96b; }"
            "#messageBar QLabel { color: #3b2f00; }")
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setAccessibleName(self.tr("Message"))
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName(self.tr("Dismiss"))
        close.setToolTip(self.tr("Dismiss this message"))
        close.clicked.connect(self.hide)
        # The one thing to do about the message, when there is one (e.g. "Attach audio…").
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self._act)
        self.action_button.hide()
        self._action: Callable[[], None] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, action_text: str = "",
                     action: Callable[[], None] | None = None) -> None:
        """Shows ``text``; with ``action``, a button named ``action_text`` that runs it."""
        logger.info("Told the user: %s", text)  # what the user saw, for a bug report
        self._label.setText(text)
        self._action = action
        self.action_button.setText(action_text)
        self.action_button.setVisible(action is not None)
        self.show()

    def prepend(self, text: str) -> None:
        """``text`` before the message shown (which keeps its button), or alone."""
        if not self.isVisible():
            self.show_message(text)
            return
        logger.info("Told the user: %s", text)
        self._label.setText(f"{text} {self._label.text()}".strip())

    def _act(self) -> None:
        action = self._action
        if action is not None:
            action()

    def text(self) -> str:
        return self._label.text() if self.isVisible() else ""
