"""Find and replace across the episode (Ctrl+H), with a live count before anything changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from meelezer.ui.plain_text import plain_label


class ReplaceDialog(QDialog):
    """Asks what to replace; ``count_matches(find) -> (occurrences, lines)`` previews it.

    The replacement itself is the caller's (one undoable command), after ``exec()``.
    """

    def __init__(self, count_matches: Callable[[str], tuple[int, int]],
                 initial: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find and replace"))
        self._count_matches = count_matches
        self.find_field = QLineEdit(initial)
        self.find_field.setAccessibleName(self.tr("Find"))
        self.find_field.setPlaceholderText(self.tr("e.g. Bietse"))
        self.replace_field = QLineEdit()
        self.replace_field.setAccessibleName(self.tr("Replace with"))
        self.replace_field.setPlaceholderText(self.tr("e.g. Wietse"))
        self.preview = plain_label()
        self.preview.setAccessibleName(self.tr("Matches"))
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Replace all"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self.find_field.textChanged.connect(self._update_preview)

        form = QFormLayout(self)
        form.addRow(self.tr("Find:"), self.find_field)
        form.addRow(self.tr("Replace with:"), self.replace_field)
        form.addRow(self.preview)
        form.addRow(QLabel(self.tr("Case is ignored. Undo (Ctrl+Z) puts every line back.")))
        form.addRow(self._buttons)
        self._update_preview(initial)

    def find_text(self) -> str:
        return self.find_field.text()

    def replace_text(self) -> str:
        return self.replace_field.text()

    def _update_preview(self, text: str) -> None:
        occurrences, lines = self._count_matches(text) if text else (0, 0)
        if not text:
            self.preview.setText(self.tr("Type the text to replace."))
        elif occurrences == 0:
            self.preview.setText(self.tr("No matches in this episode."))
        else:
            matches = (self.tr("1 match") if occurrences == 1 else
                       self.tr("{count} matches").format(count=f"{occurrences:,}"))
            where = (self.tr("in 1 line") if lines == 1 else
                     self.tr("in {count} lines").format(count=f"{lines:,}"))
            self.preview.setText(self.tr("{matches} {where}.").format(matches=matches,
                                                                      where=where))
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(occurrences > 0)
