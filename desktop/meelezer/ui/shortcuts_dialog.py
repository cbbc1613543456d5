"""The keyboard-shortcut sheet (F1): every action that has a shortcut, read from the actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """(what it does, keys) for every action with a shortcut, in menu order."""
    rows = []
    for action in actions:
        keys = ", ".join(sequence.toString(QKeySequence.SequenceFormat.NativeText)
                         for sequence in action.shortcuts())
        if keys:
            rows.append((action.statusTip() or action.text().replace("&", ""), keys))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [*rows, *self._mouse_rows()]
        # A short, fixed list: a table widget is the simple tool here.
        self.table = table = QTableWidget(len(rows), 2)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(460, 560)

    def _mouse_rows(self) -> list[tuple[str, str]]:
        """What the mouse does in the transcript, beside the keys."""
        return [
            (self.tr("Click a line: jump there (and select it)"), self.tr("Click")),
            (self.tr("Select lines without jumping, e.g. to label them: Ctrl+click adds a "
                     "line, Shift+click a range, or drag over them"),
             self.tr("Ctrl+click, Shift+click, drag")),
        ]
