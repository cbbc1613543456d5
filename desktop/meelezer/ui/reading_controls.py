"""Text size keys (Ctrl+plus, Ctrl+minus, Ctrl+0) and the reading preferences, applied to the
transcript and remembered in the settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from meelezer.color_scheme import apply_color_scheme
from meelezer.reading import ReadingStyle
from meelezer.settings import Settings
from meelezer.ui.actions import WindowActions
from meelezer.ui.transcript_view import TranscriptView


class ReadingControls(QObject):
    def __init__(self, settings: Settings, view: TranscriptView, actions: WindowActions,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._view = view
        self._scheme = settings.color_scheme
        actions.text_bigger.triggered.connect(lambda: self._change(ReadingStyle.bigger))
        actions.text_smaller.triggered.connect(lambda: self._change(ReadingStyle.smaller))
        actions.text_normal.triggered.connect(lambda: self._change(ReadingStyle.normal_size))
        self.apply()

    def apply(self) -> None:
        """The settings' reading style on the transcript, and their colours if they changed."""
        self._view.set_reading(self._settings.reading)
        scheme = self._settings.color_scheme
        app = QApplication.instance()
        if scheme != self._scheme and isinstance(app, QApplication):
            self._scheme = scheme
            apply_color_scheme(app, scheme)

    def _change(self, step: Callable[[ReadingStyle], ReadingStyle]) -> None:
        self._settings.reading = step(self._settings.reading)
        self.apply()
