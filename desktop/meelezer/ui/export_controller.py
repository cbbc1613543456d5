"""File → Export and the annotation backup: choose a file, write it, say what happened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from meelezer.i18n import QT_TRANSLATE_NOOP
from meelezer.library import Library
from meelezer.store.errors import StoreError
from meelezer.transcript.errors import TranscriptError
from meelezer.ui.message_bar import MessageBar

# File-dialog filters, in English; translated (context "ExportController") where shown.
EXPORT_FILTERS = {
    QT_TRANSLATE_NOOP("ExportController", "Markdown note (*.md)"): ".md",
    QT_TRANSLATE_NOOP("ExportController", "SubRip subtitles (*.srt)"): ".srt",
    QT_TRANSLATE_NOOP("ExportController", "WebVTT with speakers (*.vtt)"): ".vtt",
    QT_TRANSLATE_NOOP("ExportController", "Podcasting 2.0 JSON (*.json)"): ".json",
    QT_TRANSLATE_NOOP("ExportController", "Plain text (*.txt)"): ".txt",
}
ARCHIVE_FILTER = QT_TRANSLATE_NOOP("ExportController", "Meelezer annotations (*.json)")


def _translated_filters() -> dict[str, str]:
    """The export filters as the file dialog shows them (translated) → their extension."""
    return {QCoreApplication.translate("ExportController", name): suffix
            for name, suffix in EXPORT_FILTERS.items()}


class ExportController(QObject):
    def __init__(self, window: QWidget, library: Library, messages: MessageBar,
                 current_episode: Callable[[], tuple[int, str] | None]):
        super().__init__(window)
        self.window = window
        self.library = library
        self.messages = messages
        self._current_episode = current_episode  # (id, title) of the open episode

    def export_episode(self, output: Path | None = None) -> bool:
        episode = self._current_episode()
        if episode is None:
            self.messages.show_message(self.tr("Open an episode first; then export it."))
            return False
        episode_id, title = episode
        if output is None:
            filters = _translated_filters()
            chosen, selected = QFileDialog.getSaveFileName(
                self.window, self.tr("Export the episode"), _safe_name(title) + ".md",
                ";;".join(filters))
            if not chosen:
                return False
            output = Path(chosen)
            if not output.suffix:
                output = output.with_suffix(filters.get(selected, ".md"))
        try:
            self.library.export_episode(episode_id, output)
        except (TranscriptError, StoreError) as error:
            self.messages.show_message(self.tr("Cannot export: {error}").format(error=error))
            return False
        self.messages.show_message(self.tr("Exported to {file}").format(file=output))
        return True

    def export_annotations(self, output: Path | None = None) -> bool:
        if output is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Back up all annotations"), "meelezer-annotations.json",
                self.tr(ARCHIVE_FILTER))
            if not chosen:
                return False
            output = Path(chosen)
        try:
            self.library.export_annotations(output)
        except StoreError as error:
            self.messages.show_message(
                self.tr("Cannot back up the annotations: {error}").format(error=error))
            return False
        self.messages.show_message(self.tr("All annotations saved to {file}").format(file=output))
        return True

    def import_annotations(self, archive: Path | None = None) -> bool:
        if archive is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import annotations"), "", self.tr(ARCHIVE_FILTER))
            if not chosen:
                return False
            archive = Path(chosen)
        try:
            report = self.library.import_annotations(archive)
        except StoreError as error:
            self.messages.show_message(
                self.tr("Cannot import the annotations: {error}").format(error=error))
            return False
        summary = self.tr("Imported annotations for {episodes} episode(s): {notes} notes, "
                          "{labelled} labelled lines, {corrected} corrections.").format(
            episodes=len(report.episodes_imported), notes=report.notes_added,
            labelled=report.lines_labelled, corrected=report.lines_corrected)
        if report.episodes_skipped:
            summary += self.tr(" Skipped {count} episode(s) not in this library: {titles}.").format(
                count=len(report.episodes_skipped), titles=", ".join(report.episodes_skipped[:3]))
        if report.problems:
            summary += self.tr(" {count} item(s) could not be placed.").format(
                count=len(report.problems))
        self.messages.show_message(summary)
        return True


def _safe_name(title: str) -> str:
    kept = "".join(c if c.isalnum() or c in " -_." else " " for c in title)
    return " ".join(kept.split())[:80] or "episode"
