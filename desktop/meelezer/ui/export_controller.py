"""File → Export and the annotation backup: choose a file, write it, say what happened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from meelezer.archive_contents import ArchiveContents, read_archive_contents
from meelezer.i18n import QT_TRANSLATE_NOOP
from meelezer.store.annotation_archive import ArchiveReport
from meelezer.store.errors import StoreError
from meelezer.transcript.errors import TranscriptError
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.jobs import Job
from meelezer.ui.message_bar import MessageBar

# File-dialog filters, in English; translated (context "ExportController") where shown:
# the extension each writes, and whether as short subtitle cues for video.
EXPORT_FILTERS = {
    QT_TRANSLATE_NOOP("ExportController", "Markdown note (*.md)"): (".md", False),
    QT_TRANSLATE_NOOP("ExportController", "SubRip subtitles, one cue per line (*.srt)"):
        (".srt", False),
    QT_TRANSLATE_NOOP("ExportController", "SubRip subtitles for video, short cues (*.srt)"):
        (".srt", True),
    QT_TRANSLATE_NOOP("ExportController", "WebVTT with speakers, one cue per line (*.vtt)"):
        (".vtt", False),
    QT_TRANSLATE_NOOP("ExportController", "WebVTT for video, short cues (*.vtt)"):
        (".vtt", True),
    QT_TRANSLATE_NOOP("ExportController", "Podcasting 2.0 JSON (*.json)"): (".json", False),
    QT_TRANSLATE_NOOP("ExportController", "Plain text (*.txt)"): (".txt", False),
}
ARCHIVE_FILTER = QT_TRANSLATE_NOOP("ExportController", "Meelezer annotations (*.json)")


def _translated_filters() -> dict[str, tuple[str, bool]]:
    """The export filters as the file dialog shows them (translated) → (extension,
    subtitles)."""
    return {QCoreApplication.translate("ExportController", name): choice
            for name, choice in EXPORT_FILTERS.items()}


class ExportController(QObject):
    def __init__(self, window: QWidget, session: EpisodeSession, messages: MessageBar):
        super().__init__(window)
        self.window = window
        self.session = session
        self.library = session.library
        self.messages = messages
        self.job: Job | None = None  # the newest export, writing on its own thread

    def _current_episode(self) -> tuple[int, str] | None:
        """(id, title) of the open episode."""
        opened = self.session.episode
        return (opened.episode.id, opened.episode.title) if opened is not None else None

    def export_episode(self, output: Path | None = None, subtitles: bool = False) -> bool:
        """Export the open episode; ``subtitles``: .srt/.vtt as short cues for video (the
        file dialog's choice when ``output`` is None). True once the export has started:
        ``job`` writes the file and says when it is done."""
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
            suffix, subtitles = filters.get(selected, (".md", False))
            if not output.suffix:
                output = output.with_suffix(suffix)
            # A name typed with another extension picks that format, as it does for the rest.
            subtitles = subtitles and output.suffix.lower() == suffix
        try:
            write = self.library.prepare_export(episode_id, output, subtitles)
        except (TranscriptError, StoreError) as error:
            self._export_failed(error)
            return False
        # Cutting a two-hour episode into subtitle cues takes a while: off the GUI thread.
        # Nothing half-written is left if it fails or Meelezer quits (atomic write).
        self.job = Job(lambda _context: write(), name="export", parent=self)
        self.job.succeeded.connect(lambda _result, file=output: self.messages.show_message(
            self.tr("Exported to {file}").format(file=file)))
        self.job.failed.connect(self._export_failed)
        self.job.finished.connect(self.job.deleteLater)
        self.messages.show_message(self.tr("Exporting to {file}…").format(file=output))
        self.job.start()
        return True

    def _export_failed(self, error: object) -> None:
        self.messages.show_message(self.tr("Cannot export: {error}").format(error=error))

    def export_episode_annotations(self, output: Path | None = None) -> bool:
        """Back up the open episode's annotations alone, e.g. to hand them to someone."""
        episode = self._current_episode()
        if episode is None:
            self.messages.show_message(
                self.tr("Open an episode first; then back up its annotations."))
            return False
        episode_id, title = episode
        if output is None:
            output = self._choose_archive(
                self.tr("Back up this episode's annotations"),
                self.tr("{title} annotations.json").format(title=_safe_name(title)))
        return output is not None and self._write_archive(output, [episode_id])

    def export_annotations(self, output: Path | None = None) -> bool:
        if output is None:
            output = self._choose_archive(self.tr("Back up all annotations"),
                                          "meelezer-annotations.json")
        return output is not None and self._write_archive(output, None)

    def _choose_archive(self, caption: str, suggested_name: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.window, caption, suggested_name,
                                                self.tr(ARCHIVE_FILTER))
        if not chosen:
            return None
        output = Path(chosen)
        return output if output.suffix else output.with_suffix(".json")

    def _write_archive(self, output: Path, episode_ids: list[int] | None) -> bool:
        try:
            self.library.export_annotations(output, episode_ids)
        except StoreError as error:
            self.messages.show_message(
                self.tr("Cannot back up the annotations: {error}").format(error=error))
            return False
        self.messages.show_message(self._saved_message(output, read_archive_contents(output)))
        return True

    def _saved_message(self, output: Path, contents: ArchiveContents | None) -> str:
        if contents is None:  # written, but not readable back: say where it went all the same
            return self.tr("Annotations saved to {file}").format(file=output)
        counts = {"notes": contents.notes, "labelled": contents.labelled_lines,
                  "corrected": contents.corrections, "file": output}
        if len(contents.titles) == 1:
            return self.tr("Annotations of “{title}” saved to {file}: {notes} note(s), "
                           "{labelled} labelled line(s), {corrected} correction(s).").format(
                title=contents.titles[0], **counts)
        return self.tr("Annotations of {episodes} episode(s) saved to {file}: {notes} note(s), "
                       "{labelled} labelled line(s), {corrected} correction(s).").format(
            episodes=len(contents.titles), **counts)

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
        self.messages.show_message(self._import_message(report))
        return True

    def _import_message(self, report: ArchiveReport) -> str:
        skipped = report.episodes_skipped
        if not report.episodes_imported:
            return self.tr("None of the episodes in this file is in this library ({titles}). "
                           "Open their transcripts first, then import the file again.").format(
                titles=_some(skipped))
        summary = self.tr("Imported annotations for {episodes} episode(s): {notes} new "
                          "note(s), {labelled} labelled line(s), {corrected} "
                          "correction(s).").format(
            episodes=len(report.episodes_imported), notes=report.notes_added,
            labelled=report.lines_labelled, corrected=report.lines_corrected)
        if report.notes_already_present:
            summary += self.tr(" {count} note(s) were already there.").format(
                count=report.notes_already_present)
        if skipped:
            summary += self.tr(" Skipped {count} episode(s) not in this library: {titles}.").format(
                count=len(skipped), titles=_some(skipped))
        if report.problems:
            summary += self.tr(" {count} item(s) could not be placed, for example: "
                               "{problem}").format(count=len(report.problems),
                                                   problem=report.problems[0])
        return summary


def _some(titles: list[str]) -> str:
    """The first few titles, for a one-line message."""
    shown = ", ".join(f"“{title}”" for title in titles[:3])
    return shown + (" …" if len(titles) > 3 else "")


def _safe_name(title: str) -> str:
    kept = "".join(c if c.isalnum() or c in " -_." else " " for c in title)
    return " ".join(kept.split())[:80] or "episode"
