"""Preferences: rewind on resume, the audio sync offset, reading comfort, colours, language."""

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

from meelezer.reading import (
    LINE_SPACING_RANGE,
    MAX_LINE_CHARS_RANGE,
    TEXT_SCALES,
    ReadingStyle,
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

        reading = settings.reading
        self.text_size = QSpinBox()
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.text_size.setRange(round(TEXT_SCALES[0] * 100), round(TEXT_SCALES[-1] * 100))
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(" %")
        self.text_size.setValue(round(reading.text_scale * 100))
        self.text_size.setToolTip(self.tr("The transcript's text size (Ctrl+plus, Ctrl+minus; "
                                          "Ctrl+0 back to 100 %)"))
        self.line_spacing = QDoubleSpinBox()
        self.line_spacing.setAccessibleName(self.tr("Line spacing"))
        self.line_spacing.setRange(*LINE_SPACING_RANGE)
        self.line_spacing.setSingleStep(0.1)
        self.line_spacing.setDecimals(1)
        self.line_spacing.setSuffix("×")
        self.line_spacing.setValue(reading.line_spacing)
        self.line_width = QSpinBox()
        self.line_width.setAccessibleName(self.tr("Line width"))
        self.line_width.setRange(*MAX_LINE_CHARS_RANGE)
        self.line_width.setSingleStep(10)
        self.line_width.setSuffix(self.tr(" characters"))
        self.line_width.setSpecialValueText(self.tr("As wide as the window"))
        self.line_width.setValue(reading.max_line_chars)
        self.line_width.setToolTip(self.tr("The longest a transcript line gets; lines of 60–90 "
                                           "characters read most easily"))
        self.colors = QComboBox()
        self.colors.setAccessibleName(self.tr("Colours"))
        self.colors.addItem(self.tr("As the system"), "system")
        self.colors.addItem(self.tr("Light"), "light")
        self.colors.addItem(self.tr("Dark"), "dark")
        self.colors.setCurrentIndex(max(0, self.colors.findData(settings.color_scheme)))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow(self.tr("Rewind when resuming:"), self._rewind)
        form.addRow(self.tr("Highlight sync offset:"), self._offset)
        form.addRow(self.tr("Text size:"), self.text_size)
        form.addRow(self.tr("Line spacing:"), self.line_spacing)
        form.addRow(self.tr("Line width:"), self.line_width)
        form.addRow(self.tr("Colours:"), self.colors)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", language_note)
        form.addRow(buttons)

    def accept(self) -> None:
        self._settings.auto_rewind_ms = round(self._rewind.value() * 1000)
        self._settings.sync_offset_ms = self._offset.value()
        self._settings.language = str(self.language.currentData() or "")
        self._settings.reading = ReadingStyle(text_scale=self.text_size.value() / 100,
                                              line_spacing=self.line_spacing.value(),
                                              max_line_chars=self.line_width.value())
        self._settings.color_scheme = str(self.colors.currentData() or "system")
        super().accept()
