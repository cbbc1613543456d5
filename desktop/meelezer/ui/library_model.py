"""The library's episodes as a table model: one row per episode, columns a reader scans."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from meelezer.i18n import QT_TRANSLATE_NOOP
from meelezer.store.library_overview import EpisodeSummary
from meelezer.transcript.timecode import format_clock

ModelIndex = QModelIndex | QPersistentModelIndex

TITLE, SHOW, DURATION, LISTENED, SPEAKERS, NOTES, OPENED = range(7)
# Column titles in English, translated (context "LibraryModel") by headerData.
HEADERS = (QT_TRANSLATE_NOOP("LibraryModel", "Title"), QT_TRANSLATE_NOOP("LibraryModel", "Show"),
           QT_TRANSLATE_NOOP("LibraryModel", "Duration"),
           QT_TRANSLATE_NOOP("LibraryModel", "Listened"),
           QT_TRANSLATE_NOOP("LibraryModel", "Speakers"),
           QT_TRANSLATE_NOOP("LibraryModel", "Notes"),
           QT_TRANSLATE_NOOP("LibraryModel", "Last opened"))
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[EpisodeSummary] = []

    def set_episodes(self, rows: list[EpisodeSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> EpisodeSummary:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        episode = self._rows[index.row()]
        if role == SUMMARY_ROLE:
            return episode
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(episode, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE:
            audio = str(episode.audio_path) if episode.audio_path else self.tr("no audio")
            return f"{episode.transcript_path}\n{audio}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() not in (TITLE, SHOW):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _cell(episode: EpisodeSummary, column: int) -> str:
    if column == TITLE:
        return episode.title
    if column == SHOW:
        return episode.show_name or ""
    if column == DURATION:
        return format_clock(episode.duration_ms)
    if column == LISTENED:
        return f"{episode.listened_fraction:.0%}"
    if column == SPEAKERS:
        return str(episode.speakers_labelled)
    if column == NOTES:
        return str(episode.note_count)
    opened = episode.last_opened_at
    if opened is None:
        return QCoreApplication.translate("LibraryModel", "never")
    return opened.astimezone().strftime("%Y-%m-%d %H:%M")
