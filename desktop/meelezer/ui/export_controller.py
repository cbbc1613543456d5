"""File → Export and the annotation backup: choose a file, write it, say what happened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from meelezer.library import Library
from meelezer.store.errors import StoreError
from meelezer.transcript.errors import TranscriptError
from meelezer.ui.message_bar import MessageBar

EXPORT_FILTERS = {
    "Markdown note (*.md)": ".md",
    "SubRip subtitles (*.srt)": ".srt",
    "WebVTT with speakers (*.vtt)": ".vtt",
    "Podcasting 2.0 JSON (*.json)": ".json",
    "Plain text (*.txt)": ".txt",
}
ARCHIVE_FILTER = "Meelezer annotations (*.json)"


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
            self.messages.show_message("Open an episode first; then export it.")
            return False
        episode_id, title = episode
        if output is None:
            chosen, selected = QFileDialog.getSaveFileName(
                self.window, "Export the episode", _safe_name(title) + ".md",
                ";;".join(EXPORT_FILTERS))
            if not chosen:
                return False
            output = Path(chosen)
            if not output.suffix:
                output = output.with_suffix(EXPORT_FILTERS.get(selected, ".md"))
        try:
            self.library.export_episode(episode_id, output)
        except (TranscriptError, StoreError) as error:
            self.messages.show_message(f"Cannot export: {error}")
            return False
        self.messages.show_message(f"Exported to {output}")
        return True

    def export_annotations(self, output: Path | None = None) -> bool:
        if output is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, "Back up all annotations", "meelezer-annotations.json",
                ARCHIVE_FILTER)
            if not chosen:
                return False
            output = Path(chosen)
        try:
            self.library.export_annotations(output)
        except StoreError as error:
            self.messages.show_message(f"Cannot back up the annotations: {error}")
            return False
        self.messages.show_message(f"All annotations saved to {output}")
        return True

    def import_annotations(self, archive: Path | None = None) -> bool:
        if archive is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, "Import annotations", "", ARCHIVE_FILTER)
            if not chosen:
                return False
            archive = Path(chosen)
        try:
            report = self.library.import_annotations(archive)
        except StoreError as error:
            self.messages.show_message(f"Cannot import the annotations: {error}")
            return False
        summary = (f"Imported annotations for {len(report.episodes_imported)} episode(s): "
                   f"{report.notes_added} notes, {report.lines_labelled} labelled lines, "
                   f"{report.lines_corrected} corrections.")
        if report.episodes_skipped:
            summary += (f" Skipped {len(report.episodes_skipped)} episode(s) not in this "
                        f"library: {', '.join(report.episodes_skipped[:3])}.")
        if report.problems:
            summary += f" {len(report.problems)} item(s) could not be placed."
        self.messages.show_message(summary)
        return True


def _safe_name(title: str) -> str:
    kept = "".join(c if c.isalnum() or c in " -_." else " " for c in title)
    return " ".join(kept.split())[:80] or "episode"
