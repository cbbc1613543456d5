"""The Go to time dialog (Ctrl+G): accepts 1:02:03, 62:03 or 3723 and says so when it can't."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from meelezer.transcript.timecode import format_clock, parse_user_time
from meelezer.ui.plain_text import plain_label


class GoToTimeDialog(QDialog):
    def __init__(self, current_ms: int, duration_ms: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go to time"))
        self._duration_ms = duration_ms
        self._target_ms: int | None = None

        self._input = QLineEdit(format_clock(current_ms))
        self._input.selectAll()
        self._input.setAccessibleName(self.tr("Time to go to"))
        self._input.setPlaceholderText(self.tr("1:02:03, 62:03 or 3723"))
        self._problem = plain_label()  # the message quotes what was typed
        self._problem.setWordWrap(True)
        self._problem.setStyleSheet("color: palette(link);")
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self._accept_if_valid)
        self._buttons.rejected.connect(self.reject)
        self._input.textChanged.connect(self._validate)

        layout = QVBoxLayout(self)
        hint = self.tr("Time as hours:minutes:seconds, minutes:seconds or seconds")
        if duration_ms:
            hint += self.tr(", up to {duration}").format(duration=format_clock(duration_ms))
        layout.addWidget(QLabel(hint))
        layout.addWidget(self._input)
        layout.addWidget(self._problem)
        layout.addWidget(self._buttons)
        self._validate(self._input.text())

    def target_ms(self) -> int | None:
        """The accepted time, or None when the dialog was cancelled."""
        return self._target_ms

    def _validate(self, text: str) -> bool:
        try:
            target = parse_user_time(text)
        except ValueError as error:
            self._problem.setText(str(error) if text.strip() else "")
            self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        if self._duration_ms and target > self._duration_ms:
            self._problem.setText(self.tr("The episode ends at {duration}").format(
                duration=format_clock(self._duration_ms)))
            self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        self._problem.setText("")
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        return True

    def _accept_if_valid(self) -> None:
        if self._validate(self._input.text()):
            self._target_ms = parse_user_time(self._input.text())
            self.accept()
