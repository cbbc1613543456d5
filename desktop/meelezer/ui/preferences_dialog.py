"""Preferences: rewind on resume, the audio sync offset and the UI language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from meelezer.settings import Settings


class PreferencesDialog(QDialog):
    """Edits ``settings`` when accepted; Cancel changes nothing."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings

        self._rewind = QDoubleSpinBox()
        self._rewind.setRange(0.0, 5.0)
        self._rewind.setSingleStep(0.5)
        self._rewind.setDecimals(1)
        self._rewind.setSuffix(self.tr(" s"))
        self._rewind.setValue(settings.auto_rewind_ms / 1000)
        self._rewind.setToolTip(
            self.tr("When you resume after a pause, start this far back (0 = off)"))

        self._offset = QSpinBox()
        self._offset.setRange(-5000, 5000)
        self._offset.setSingleStep(50)
        self._offset.setSuffix(self.tr(" ms"))
        self._offset.setValue(settings.sync_offset_ms)
        self._offset.setToolTip(self.tr("If the highlight runs ahead of the sound (e.g. Bluetooth "
                                        "headphones), make this negative; if it lags, positive"))

        # Each language is named in itself, so it can be found whatever the UI speaks.
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Nederlands", "nl")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        language_note = QLabel(self.tr("Takes effect after restarting Meelezer"))
        language_note.setWordWrap(True)
        language_note.setStyleSheet("color: palette(placeholder-text);")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(self.tr("Rewind when resuming:"), self._rewind)
        form.addRow(self.tr("Highlight sync offset:"), self._offset)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", language_note)
        form.addRow(buttons)

    def accept(self) -> None:
        self._settings.auto_rewind_ms = round(self._rewind.value() * 1000)
        self._settings.sync_offset_ms = self._offset.value()
        self._settings.language = str(self.language.currentData() or "")
        super().accept()
