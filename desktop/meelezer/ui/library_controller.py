"""The library window's actions: open an episode (or a search hit), remove one, relink files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from meelezer.episode_files import AUDIO_EXTENSIONS, TRANSCRIPT_EXTENSIONS, EpisodeFiles
from meelezer.library import MovedFiles
from meelezer.moved_files import MovedSearch
from meelezer.store.errors import StoreError
from meelezer.store.reimport import ReimportReport
from meelezer.store.rows import EpisodeRow
from meelezer.store.search import SearchHit
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.timecode import format_clock
from meelezer.ui.edited_transcript import EditedChoice, ask_about_edited_transcript
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.library_dialog import LibraryDialog
from meelezer.ui.message_bar import MessageBar
from meelezer.ui.moved_files_job import Found, MovedFilesJob


class LibraryController(QObject):
    """Owns the library dialog; episodes open, close and change through the session."""

    moved_files_done = Signal()  # a search for moved files ended; its message is showing

    def __init__(self, window: QWidget, session: EpisodeSession, messages: MessageBar):
        super().__init__(window)
        self.window = window
        self.session = session
        self.library = session.library
        self.messages = messages
        self.dialog: LibraryDialog | None = None
        self.moved_job: MovedFilesJob | None = None  # a search for moved files, running

    def show(self) -> LibraryDialog:
        if self.dialog is None:
            self.dialog = LibraryDialog(self._search, self.window)
            self.dialog.open_requested.connect(lambda eid: self._open(eid, None))
            self.dialog.open_at_requested.connect(self._open)
            self.dialog.remove_requested.connect(self.remove)
            self.dialog.relink_requested.connect(self.relink)
            self.dialog.find_moved_requested.connect(self.find_moved)
            self.dialog.reimport_requested.connect(self.reimport)
        self.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.start_afresh()
        return self.dialog

    def refresh(self) -> None:
        if self.dialog is not None:
            try:
                self.dialog.set_episodes(self.library.overview())
            except StoreError as error:
                self.messages.show_message(str(error))

    def _search(self, query: str) -> Sequence[SearchHit]:
        try:
            return self.library.search(query)
        except StoreError as error:
            self.messages.show_message(str(error))
            return []

    def _open(self, episode_id: int, time_ms: int | None) -> None:
        if self.session.open_episode(episode_id, time_ms) and self.dialog is not None:
            self.dialog.hide()

    def remove(self, episode_id: int, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self.window, self.tr("Remove from library"),
                self.tr("Remove this episode and its labels, notes and corrections from the "
                        "library? Your audio and transcript files stay where they are."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.library.remove_episode(episode_id)
        except StoreError as error:
            self.messages.show_message(str(error))
            return
        self.session.episode_removed(episode_id)
        self.refresh()

    def reimport(self, episode_id: int, path: Path | None = None) -> bool:
        if path is None:
            patterns = " ".join(f"*{ext}" for ext in TRANSCRIPT_EXTENSIONS)
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("The new version of the transcript"), "",
                self.tr("Transcripts ({patterns})").format(patterns=patterns))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            report = self.library.reimport(episode_id, path)
        except (StoreError, TranscriptError) as error:
            self.messages.show_message(self.tr("Cannot re-import: {error}").format(error=error))
            return False
        self.session.store_replaced(episode_id)
        self.messages.show_message(self._reimported_message(report))
        self.refresh()
        return True

    def open_edited(self, episode: EpisodeRow, files: EpisodeFiles) -> bool:
        """``files`` holds a changed version of ``episode``'s transcript: ask whether to
        re-import it into that episode or open the episode as imported; say what happened."""
        choice = ask_about_edited_transcript(self.window, episode, files.transcript)
        if choice is EditedChoice.CANCEL:
            return False
        if choice is EditedChoice.EARLIER:
            if not self.session.open_episode(episode.id):
                return False
            self.messages.show_message(self.tr(
                "Opened “{title}” as it was imported; the changes in {file} were not read. "
                "Library → Re-import transcript… reads them.").format(
                    title=episode.title, file=files.transcript))
            return True
        try:
            report = self.library.reimport_files(episode.id, files)
        except (StoreError, TranscriptError) as error:
            self.messages.show_message(self.tr("Cannot re-import: {error}").format(error=error))
            return False
        self.session.store_replaced(episode.id)  # if it is open: its undo steps are void
        if not self.session.open_episode(episode.id):
            return False
        self.messages.show_message(self.tr(
            "The transcript changed since it was imported; “{title}” now has the new text."
        ).format(title=episode.title) + " " + self._reimported_message(report))
        self.refresh()
        return True

    def _reimported_message(self, report: ReimportReport) -> str:
        message = self.tr(
            "Re-imported {lines} lines: {labels} labels, {corrections} corrections and "
            "{times} set times carried over.").format(
                lines=report.lines, labels=report.labels_carried,
                corrections=report.corrections_carried, times=report.times_carried)
        if report.not_carried:
            first = report.not_carried[0]
            message += " " + self.tr(
                "{count} could not be carried, e.g. at {time}: “{text}”.").format(
                    count=len(report.not_carried), time=format_clock(first.start_ms),
                    text=first.text[:60])
        if report.read_warning:
            message += " " + report.read_warning
        return message

    def relink(self, episode_id: int, path: Path | None = None) -> None:
        if path is None:
            patterns = " ".join(f"*{ext}" for ext in (*AUDIO_EXTENSIONS, *TRANSCRIPT_EXTENSIONS))
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Where is the moved audio or transcript?"), "",
                self.tr("Audio or transcript ({patterns})").format(patterns=patterns))
            if not chosen:
                return
            path = Path(chosen)
        self._relink(episode_id, path)

    def attach_audio(self, episode_id: int) -> None:
        """The audio of an episode opened without it, chosen by the user (the banner's button)."""
        patterns = " ".join(f"*{ext}" for ext in AUDIO_EXTENSIONS)
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Choose this episode's audio"), "",
            self.tr("Audio ({patterns})").format(patterns=patterns))
        if chosen:
            self._relink(episode_id, Path(chosen))

    def _relink(self, episode_id: int, path: Path) -> None:
        try:
            self.messages.show_message(self.library.relink_file(episode_id, path))
        except (StoreError, TranscriptError) as error:
            self.messages.show_message(self.tr("Cannot relink: {error}").format(error=error))
        else:
            self.session.relinked(episode_id)
        self.refresh()

    def find_moved(self, episode_ids: list[int]) -> None:
        """Search nearby for the episodes' missing files; if some stay missing, offer to
        search a folder the user picks. The searches run in the background (progress and
        Cancel); the outcome goes to the message bar, then ``moved_files_done`` fires."""
        if self.moved_job is not None:
            return  # one search at a time; its dialog is showing
        self._search_moved(episode_ids, None,
                           lambda results: self._after_nearby(episode_ids, results))

    def _after_nearby(self, episode_ids: list[int], results: list[MovedFiles]) -> None:
        missing = [result.episode_id for result in results if result.still_missing]
        chosen = QFileDialog.getExistingDirectory(
            self._front(), self.tr("Not everything was found nearby. Which folder should be "
                                   "searched, with its subfolders?")) if missing else ""
        if not chosen:
            self._moved_found(episode_ids, results)
            return

        def merge(later_results: list[MovedFiles]) -> None:
            later = {result.episode_id: result for result in later_results}
            self._moved_found(episode_ids, [
                result.followed_by(later[result.episode_id])
                if result.episode_id in later else result for result in results])

        self._search_moved(missing, Path(chosen), merge,
                           stopped=lambda: self._moved_found(episode_ids, results, True))

    def _moved_found(self, episode_ids: list[int], results: list[MovedFiles],
                     stopped: bool = False) -> None:
        for result in results:
            if result.found_any:
                self.session.relinked(result.episode_id)
        message = _moved_message(results)
        if stopped:
            message = "\n".join(part for part in (message, self.tr(
                "The search in the folder you picked was stopped.")) if part)
        if message or len(results) == len(episode_ids):  # else a store error is showing
            self.messages.show_message(message or self.tr("No files are missing."))
        self.refresh()
        self.moved_files_done.emit()

    def _search_moved(self, episode_ids: list[int], folder: Path | None,
                      then: Callable[[list[MovedFiles]], None],
                      stopped: Callable[[], None] | None = None) -> None:
        """Plan (store), search (worker thread), relink what was found (store), ``then``."""
        searches: list[tuple[int, MovedSearch]] = []
        for episode_id in episode_ids:
            try:
                searches.append((episode_id, self.library.moved_search(episode_id, folder)))
            except StoreError as error:
                self.messages.show_message(str(error))

        def done(found: list[Found]) -> None:
            self.moved_job = None
            results = []
            for (episode_id, search), files in zip(searches, found, strict=True):
                try:
                    results.append(self.library.relink_found(episode_id, search, files))
                except StoreError as error:
                    self.messages.show_message(str(error))
            then(results)

        def cancelled() -> None:
            self.moved_job = None
            if stopped is not None:
                stopped()
                return
            self.messages.show_message(self.tr("Stopped looking for moved files; nothing "
                                               "was changed."))
            self.moved_files_done.emit()

        def failed(error: BaseException) -> None:
            self.moved_job = None
            self.messages.show_message(self.tr("Cannot look for the moved files: {error}")
                                       .format(error=error))
            self.moved_files_done.emit()

        self.moved_job = MovedFilesJob(self._front(), [search for _, search in searches],
                                       done, cancelled, failed).start()

    def _front(self) -> QWidget:
        """The library window while it is open (questions then come in front of it)."""
        return self.dialog if self.dialog is not None and self.dialog.isVisible() \
            else self.window


def _moved_message(results: list[MovedFiles]) -> str:
    """One result's message, or one line per episode that had something missing."""
    relevant = [result for result in results if result.found_any or result.still_missing]
    if len(results) == 1 and relevant:
        return relevant[0].message()
    return "\n".join(f"{result.title}: {result.message()}" for result in relevant)
