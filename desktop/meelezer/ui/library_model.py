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
from PySide6.QtWidgets import QApplication, QStyle

from meelezer.i18n import QT_TRANSLATE_NOOP
from meelezer.store.library_overview import EpisodeSummary, distinct_titles
from meelezer.transcript.timecode import format_clock
from meelezer.ui.plain_text import plain_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex

TITLE, SHOW, DURATION, LISTENED, SPEAKERS, NOTES, OPENED, FILES = range(8)
# Column titles in English, translated (context "LibraryModel") by headerData.
HEADERS = (QT_TRANSLATE_NOOP("LibraryModel", "Title"), QT_TRANSLATE_NOOP("LibraryModel", "Show"),
           QT_TRANSLATE_NOOP("LibraryModel", "Duration"),
           QT_TRANSLATE_NOOP("LibraryModel", "Listened"),
           QT_TRANSLATE_NOOP("LibraryModel", "Speakers"),
           QT_TRANSLATE_NOOP("LibraryModel", "Notes"),
           QT_TRANSLATE_NOOP("LibraryModel", "Last opened"),
           QT_TRANSLATE_NOOP("LibraryModel", "Files"))
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[EpisodeSummary] = []
        self._titles: dict[int, str] = {}

    def set_episodes(self, rows: list[EpisodeSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._titles = distinct_titles(self._rows)
        self.endResetModel()

    def title(self, episode_id: int, fallback: str) -> str:
        """The episode's title as the list shows it (told apart from its namesakes)."""
        return self._titles.get(episode_id, fallback)

    def summary(self, row: int) -> EpisodeSummary:
        return self._rows[row]

    def summaries(self) -> list[EpisodeSummary]:
        return list(self._rows)

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
            if index.column() == TITLE:
                return self._titles.get(episode.id, episode.title)
            return _cell(episode, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (TITLE, FILES):
            return plain_tooltip(self._paths_tip(episode))
        if (role == Qt.ItemDataRole.DecorationRole and index.column() == TITLE
                and episode.files_missing):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() not in (TITLE, SHOW,
                                                                                FILES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _paths_tip(self, episode: EpisodeSummary) -> str:
        """Where the files are, each marked when missing, and how to find a missing one."""
        missing = self.tr(" (missing)")
        lines = [f"{episode.transcript_path}{missing if episode.transcript_missing else ''}"]
        if episode.audio_path is None:
            lines.append(self.tr("no audio"))
        else:
            lines.append(f"{episode.audio_path}{missing if episode.audio_missing else ''}")
        if episode.files_missing:
            lines.append(self.tr("Use Find moved files… or Relink files… to locate it."))
        return "\n".join(lines)


def missing_text(episode: EpisodeSummary) -> str:
    """The Files column: which of the episode's files are gone, or that it has no audio."""
    if episode.audio_missing and episode.transcript_missing:
        return QCoreApplication.translate("LibraryModel", "audio and transcript missing")
    if episode.audio_missing:
        return QCoreApplication.translate("LibraryModel", "audio missing")
    if episode.transcript_missing:
        return QCoreApplication.translate("LibraryModel", "transcript missing")
    if episode.audio_path is None:
        return QCoreApplication.translate("LibraryModel", "no audio")
    return ""


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
    if column == FILES:
        return missing_text(episode)
    opened = episode.last_opened_at
    if opened is None:
        return QCoreApplication.translate("LibraryModel", "never")
    return opened.astimezone().strftime("%Y-%m-%d %H:%M")
