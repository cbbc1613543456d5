"""What the window shows before an episode is open: how to open one, and recent episodes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meelezer.store.rows import EpisodeRow


class EmptyState(QWidget):
    recent_chosen = Signal(int)  # episode id

    def __init__(self, open_action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("Open an episode to read along"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        # Line breaks by hand: a centred word-wrapped label gets squeezed by its layout.
        hint = QLabel(self.tr("Choose its audio and transcript with Open…, or drop the files "
                              "here.\nTranscripts: Whisper text, SRT, WebVTT, Whisper/WhisperX "
                              "JSON,\nPodcasting 2.0 JSON, Markdown notes and plain text."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("Open…"))
        button.setDefault(True)
        button.clicked.connect(open_action.trigger)
        self._recent_label = QLabel(self.tr("Recent episodes"))
        # At most ten short rows: a list widget is the simple tool here.
        self._recent = QListWidget()
        self._recent.setAccessibleName(self.tr("Recent episodes"))
        self._recent.setMaximumWidth(560)
        self._recent.itemActivated.connect(
            lambda item: self.recent_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole))))

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, hint, button, self._recent_label, self._recent):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.set_recent([])

    def set_recent(self, episodes: list[EpisodeRow]) -> None:
        self._recent.clear()
        for episode in episodes:
            item = QListWidgetItem(f"{episode.title}  —  {Path(episode.transcript_path).name}")
            item.setData(Qt.ItemDataRole.UserRole, episode.id)
            self._recent.addItem(item)
        self._recent.setVisible(bool(episodes))
        self._recent_label.setVisible(bool(episodes))
