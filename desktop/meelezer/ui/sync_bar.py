"""The strip above the timeline while syncing to the audio: progress with Cancel, then what
the result would change, with Apply and Discard, then progress again while the new times
are written (or undone)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QProgressBar, QWidget

from meelezer.sync_plan import SyncPlan


class SyncBar(QWidget):
    cancel_requested = Signal()
    apply_requested = Signal()
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#syncBar { background: palette(alternate-base); "
                           "border-top: 1px solid palette(mid); }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFormat("%p %")
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(self.tr("Sync to audio progress"))
        # Qt's own Cancel and Apply buttons: translated by Qt, in the platform's order.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.Apply)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setToolTip(self.tr("Give the lines these times (Ctrl+Z undoes it)"))
        self.discard_button = self.buttons.addButton(self.tr("Discard"),
                                                     QDialogButtonBox.ButtonRole.RejectRole)
        self.discard_button.setToolTip(self.tr("Keep the times as they are"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.apply_button.clicked.connect(self.apply_requested)
        self.discard_button.clicked.connect(self.discard_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.hide()

    def show_running(self) -> None:
        self.label.setText(self.tr("Syncing the transcript to the audio…"))
        self.progress.setValue(0)
        self._show(running=True)

    def show_writing(self, text: str, cancellable: bool) -> None:
        """The times being written (Apply, or its undo or redo): ``text`` says which."""
        self.label.setText(text)
        self.progress.setValue(0)
        self._show(running=True)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setToolTip(self.tr("Stop applying; nothing is changed")
                                      if cancellable else "")

    def set_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))

    def show_plan(self, plan: SyncPlan) -> None:
        self.label.setText(self.summary(plan))
        self._show(running=False)
        self.apply_button.setFocus()

    def summary(self, plan: SyncPlan) -> str:
        """ "Sync to audio: 412 of 560 lines get new times, 37 move by more than 1 s, …" """
        return self.tr(
            "Sync to audio: {changed} of {lines} lines get new times, {far} move by more than "
            "1 s, {lost} not found in the audio (amber in the timeline and the transcript). "
            "The timeline shows the old starts faint, the new ones strong."
        ).format(changed=f"{plan.retimed:,}", lines=f"{len(plan.lines):,}",
                 far=f"{plan.moved_far:,}", lost=f"{plan.not_found:,}")

    def _show(self, running: bool) -> None:
        self.cancel_button.setToolTip(self.tr("Stop syncing; nothing is changed"))
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.apply_button.setVisible(not running)
        self.discard_button.setVisible(not running)
        self.show()

