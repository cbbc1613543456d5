"""Preferences: rewind on resume and the audio sync offset."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from meelezer.settings import Settings


class PreferencesDialog(QDialog):
    """Edits ``settings`` when accepted; Cancel changes nothing."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._settings = settings

        self._rewind = QDoubleSpinBox()
        self._rewind.setRange(0.0, 5.0)
        self._rewind.setSingleStep(0.5)
        self._rewind.setDecimals(1)
        self._rewind.setSuffix(" s")
        self._rewind.setValue(settings.auto_rewind_ms / 1000)
        self._rewind.setToolTip("When you resume after a pause, start this far back (0 = off)")

        self._offset = QSpinBox()
        self._offset.setRange(-5000, 5000)
        self._offset.setSingleStep(50)
        self._offset.setSuffix(" ms")
        self._offset.setValue(settings.sync_offset_ms)
        self._offset.setToolTip("If the highlight runs ahead of the sound (e.g. Bluetooth "
                                "headphones), make this negative; if it lags, positive")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow("Rewind when resuming:", self._rewind)
        form.addRow("Highlight sync offset:", self._offset)
        form.addRow(buttons)

    def accept(self) -> None:
        self._settings.auto_rewind_ms = round(self._rewind.value() * 1000)
        self._settings.sync_offset_ms = self._offset.value()
        super().accept()
