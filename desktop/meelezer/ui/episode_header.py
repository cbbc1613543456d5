"""The strip above the transcript naming the open episode: title, show, date, what to do next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from meelezer.i18n import QT_TRANSLATE_NOOP
from meelezer.store.rows import EpisodeRow
from meelezer.transcript.timecode import format_clock

HINT = QT_TRANSLATE_NOOP("EpisodeHeader", "Space plays and pauses · click a line to jump there "
                         "· F1 lists every shortcut")


class EpisodeHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._title = QLabel()
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._title.setWordWrap(True)
        self._title.setAccessibleName(self.tr("Episode title"))
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self._title.setFont(font)
        self._details = QLabel()
        self._details.setTextFormat(Qt.TextFormat.PlainText)
        self._details.setWordWrap(True)  # a narrow window wraps it instead of growing wider
        self._details.setAccessibleName(self.tr("Episode details"))
        self._details.setForegroundRole(self._details.foregroundRole())
        self._details.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        layout.addWidget(self._details)

    def show_episode(self, episode: EpisodeRow, line_count: int, playable: bool,
                     audio_ms: int = 0) -> None:
        """``audio_ms``: the audio's length once the player knows it; it beats the transcript's
        own (an estimate, for text without times)."""
        self._title.setText(episode.title)
        parts = [part for part in (episode.show_name, (episode.date or "")[:10]) if part]
        parts.append(self.tr("{count} lines, {duration}").format(
            count=f"{line_count:,}", duration=format_clock(audio_ms or episode.duration_ms)))
        if episode.times_estimated:
            parts.append(self.tr("times estimated (~)"))
        if playable:
            parts.append(self.tr(HINT))
        self._details.setText("  ·  ".join(parts))

    def title(self) -> str:
        return self._title.text()

    def details(self) -> str:
        return self._details.text()
