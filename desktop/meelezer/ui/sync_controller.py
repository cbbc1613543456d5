"""Sync to audio in the window: the dialog, the background job, the preview in the timeline
with Apply / Discard, and jumping through the lines not found in the audio.

Nothing is written until Apply, which is one undo step (``Annotator.sync_to_audio``),
written on a worker thread with progress and Cancel in the bar (its undo and redo too, without
Cancel). Closing the episode, opening another one or re-importing it cancels a running
alignment and drops a preview: its times belong to lines that are no longer shown; an Apply
being written is finished first (the annotator waits for it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from meelezer.annotator import DO, UNDO, Annotator
from meelezer.library import OpenedEpisode
from meelezer.sync_plan import Aligner, SyncPlan, SyncRequest, run_sync
from meelezer.ui.actions import make_action
from meelezer.ui.analysis_controller import AnalysisController
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.jobs import Job
from meelezer.ui.message_bar import MessageBar
from meelezer.ui.playback_controller import PlaybackController
from meelezer.ui.sync_bar import SyncBar
from meelezer.ui.sync_dialog import SyncDialog
from meelezer.ui.timeline.sync_preview import SyncPreview
from meelezer.ui.timeline.timeline import Timeline
from meelezer.ui.transcript_view import TranscriptView
from meelezer.work import Cancelled


@dataclass(frozen=True)
class SyncActions:
    sync: QAction
    next_not_found: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, field.name) for field in fields(self)]


def build_sync_actions(window: QWidget) -> SyncActions:
    translate = QCoreApplication.translate  # texts in the "MainWindow" context
    actions = SyncActions(
        sync=make_action(
            window, translate("MainWindow", "S&ync to audio…"),
            tip=translate("MainWindow", "Give every line and word the time it is spoken in the "
                          "audio; you see the result before it is applied")),
        next_not_found=make_action(
            window, translate("MainWindow", "Next line not found in the audio"), "Ctrl+Shift+N",
            translate("MainWindow", "Go to the next line Sync to audio did not find in the "
                      "audio, to check its time")),
    )
    for action in actions.all():
        action.setEnabled(False)  # until an episode (with audio) is open
        window.addAction(action)
    return actions


class SyncController(QObject):
    plan_ready = Signal(object)  # SyncPlan: the preview is shown
    job_ended = Signal()  # the background job is over (its result shown, or not)

    def __init__(self, window: QWidget, session: EpisodeSession, annotator: Annotator,
                 analysis: AnalysisController, timeline: Timeline, view: TranscriptView,
                 controller: PlaybackController, messages: MessageBar, bar: SyncBar):
        super().__init__(window)
        self.window = window
        self.session = session
        self.annotator = annotator
        self.analysis = analysis
        self.timeline = timeline
        self.view = view
        self.controller = controller
        self.messages = messages
        self.bar = bar
        self.actions = build_sync_actions(window)
        # The aligner and the language guess; tests hand in their own.
        self.aligner: Aligner | None = None
        self.detect_language: Callable[[Iterable[str]], str] | None = None
        # Asks for the language (None: cancelled); tests answer without a modal dialog.
        self.ask_language: Callable[[str, int], str | None] = self._ask_language
        self.job: Job | None = None
        self.plan: SyncPlan | None = None
        self._synced_message = ""  # the "Synced to the audio" message shown last

        self.actions.sync.triggered.connect(lambda: self.start())
        self.actions.next_not_found.triggered.connect(self.next_not_found)
        bar.cancel_requested.connect(self.cancel)
        bar.apply_requested.connect(self.apply)
        bar.discard_requested.connect(self.discard)
        session.opened.connect(self._episode_changed)
        session.audio_changed.connect(self._episode_changed)
        session.closed.connect(lambda _id: self._episode_changed(None))
        session.lines_changed.connect(self._lines_changed)
        session.replaced.connect(lambda _id: self._stop(self.tr(
            "The episode's lines were replaced, so Sync to audio stopped; nothing was changed.")))
        annotator.busy_changed.connect(self._writing)
        annotator.progressed.connect(self._write_progressed)

    # -- starting ---------------------------------------------------------------------------

    def start(self, language: str | None = None) -> bool:
        """Ask for the language (unless given) and sync in the background; False if not."""
        opened = self.session.episode
        if opened is None:
            return False
        audio = opened.audio_path
        if audio is None:
            self.messages.show_message(self.tr(
                "Sync to audio needs the episode's audio, and this episode has none (or its "
                "file is missing). Attach the audio from the library (Ctrl+L), then try again."))
            return False
        if not any(row.text.strip() for row in opened.segments):
            self.messages.show_message(self.tr("This episode has no text to sync."))
            return False
        if self.job is not None or self.applying:
            return False  # one at a time; the bar shows it and its Cancel
        self.discard()
        if language is None:
            detected = self._detect([row.text for row in opened.segments])
            anchors = sum(1 for row in opened.segments if row.time_set_by_user)
            language = self.ask_language(detected, anchors)
            if language is None:
                return False
        analysis = self.analysis.analysis
        speech = (tuple(analysis.speech) if analysis is not None and analysis.complete
                  and self.analysis.audio_path == audio else None)
        request = SyncRequest(opened.episode.id, audio, tuple(opened.segments), language, speech)
        aligner = self.aligner or _default_aligner()
        job = Job(lambda context: run_sync(request, aligner, context), name="sync-to-audio",
                  parent=self)
        job.progressed.connect(self.bar.set_progress)
        job.succeeded.connect(lambda plan: self._show_plan(job, plan))
        job.failed.connect(lambda error: self._failed(job, error))
        job.finished.connect(lambda: self._job_ended(job))
        self.job = job
        self.bar.show_running()
        self.actions.sync.setEnabled(False)
        job.start()
        return True

    def _detect(self, texts: list[str]) -> str:
        detect = self.detect_language or _default_detect()
        return detect(texts)

    def _ask_language(self, detected: str, anchors: int) -> str | None:
        dialog = SyncDialog(detected, anchors, self.window)
        accepted = dialog.exec()
        language = dialog.language()
        dialog.deleteLater()
        return language if accepted else None

    # -- the job ----------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop a running sync, or an Apply being written; nothing was written."""
        if self.applying:
            self.annotator.cancel_background()
        elif self.job is not None:
            self._stop(self.tr("Sync to audio cancelled; nothing was changed."))

    def _stop(self, message: str) -> None:
        job, self.job = self.job, None
        had_work = job is not None or self.plan is not None
        if job is not None:
            job.cancel()
        self.discard()
        if had_work and message:
            self.messages.show_message(message)

    def _job_ended(self, job: Job) -> None:
        if self.job is job:
            self.job = None
            if self.plan is None:
                self.bar.hide()
        self._enable()
        job.deleteLater()
        self.job_ended.emit()

    def _show_plan(self, job: Job, plan: object) -> None:
        if job is not self.job or not isinstance(plan, SyncPlan):
            return
        if plan.episode_id != self.session.episode_id:
            return  # another episode meanwhile (its closing cancels, this is belt and braces)
        if plan.found == 0:
            self.messages.show_message(self.tr(
                "No line was found in the audio, so nothing changes. Is this the episode's own "
                "audio, and the language right?"))
            return
        self.plan = plan
        self.timeline.set_sync_preview(SyncPreview.of(plan))
        self.bar.show_plan(plan)
        self.plan_ready.emit(plan)

    def _failed(self, job: Job, error: object) -> None:
        if job is not self.job:
            return
        reason = str(error) or type(error).__name__
        self.messages.show_message(self.tr("Could not sync to the audio: {reason}").format(
            reason=reason))

    # -- the preview ------------------------------------------------------------------------

    @property
    def applying(self) -> bool:
        """Sync to audio's times (an Apply, its undo or redo) are being written."""
        return self.annotator.is_busy

    def apply(self) -> None:
        """Write the previewed times and words on a worker thread: one undo step. The
        preview stays until they are written (and comes back if the write is cancelled)."""
        plan = self.plan
        if plan is None or plan.episode_id != self.session.episode_id:
            self.discard()
            return
        if self.applying:
            return
        self.annotator.sync_to_audio(plan.lines, lambda error: self._applied(plan, error))

    def _writing(self, busy: bool) -> None:
        if busy:
            step = self.annotator.background_step
            text = {DO: self.tr("Applying the new times…"),
                    UNDO: self.tr("Putting the old times back…")}.get(
                step, self.tr("Applying the new times again…"))
            self.bar.show_writing(text, cancellable=step == DO)
            if step == UNDO and self.messages.text() == self._synced_message:
                self.messages.hide()  # its "Ctrl+Z puts the old times back" is being done
        elif self.plan is None and self.job is None:
            self.bar.hide()  # an undo or redo; after an Apply, ``_applied`` says what next
        self._enable()

    def _write_progressed(self, fraction: float) -> None:
        if self.applying:
            self.bar.set_progress(fraction)

    def _applied(self, plan: SyncPlan, error: Exception | None) -> None:
        if error is not None and self.plan is plan:
            self.bar.show_plan(plan)  # the preview stays, to apply again
        if isinstance(error, Cancelled):
            self.messages.show_message(self.tr("Apply cancelled; nothing was changed."))
            return
        if error is not None:
            return  # the annotator said why
        if self.plan is plan:
            self.discard()
        message = self.tr("Synced to the audio: {changed} lines have new times.").format(
            changed=f"{plan.retimed:,}")
        if plan.not_found == 1:
            message += " " + self.tr("1 line was not found in the audio (marked amber; "
                                     "Ctrl+Shift+N goes to it).")
        elif plan.not_found:
            message += " " + self.tr("{lost} lines were not found in the audio (marked amber; "
                                     "Ctrl+Shift+N goes to the next).").format(
                lost=f"{plan.not_found:,}")
        self._synced_message = message + " " + self.tr("Ctrl+Z puts the old times back.")
        self.messages.show_message(self._synced_message)

    def discard(self) -> None:
        """Drop the preview; nothing was written."""
        self.plan = None
        self.timeline.set_sync_preview(None)
        if self.job is None and not self.applying:
            self.bar.hide()

    # -- episodes come and go ---------------------------------------------------------------

    def _episode_changed(self, _opened: OpenedEpisode | None) -> None:
        if self.job is not None or self.plan is not None:
            message = self.tr("Sync to audio stopped because the episode changed; nothing was "
                              "changed.")
            self._stop("")
            # After the window has shown the new episode's own messages, before them.
            QTimer.singleShot(0, lambda: self.messages.prepend(message))
        self._enable()

    def _lines_changed(self, opened: OpenedEpisode, _rows: object) -> None:
        # A line split (or joined) meanwhile: the preview's rows no longer match the lines.
        plan = self.plan
        if plan is not None and len(opened.segments) != len(plan.lines):
            self.discard()
            self.messages.show_message(self.tr(
                "The lines changed, so the Sync to audio preview was dropped; run it again."))

    def _enable(self) -> None:
        opened = self.session.episode
        self.actions.sync.setEnabled(opened is not None and opened.audio_path is not None
                                     and self.job is None and not self.applying)
        self.actions.next_not_found.setEnabled(opened is not None)

    def shutdown(self, timeout_s: float = 2.0) -> None:
        """For quitting: stop the job (its child process ends with it)."""
        job, self.job = self.job, None
        if job is not None:
            job.cancel()
            job.wait(timeout_s)

    # -- reviewing --------------------------------------------------------------------------

    def next_not_found(self) -> int:
        """Select (and play from) the next line flagged "not found in the audio"; its row."""
        model = self.view.model
        rows = self.view.selected_rows()
        after = rows[-1] if rows else self.view.current_row()
        count = model.rowCount()
        for step in range(1, count + 1):
            row = (after + step) % count
            if model.line(row).not_in_audio:
                self.view.select_row(row)
                self.controller.seek(model.line(row).start_ms)
                return row
        self.messages.show_message(self.tr("No line is flagged “not found in the audio”."))
        return -1


def _default_aligner() -> Aligner:
    from meelezer.audio.align_process import align_request

    return align_request


def _default_detect() -> Callable[[Iterable[str]], str]:
    from meelezer.audio.alignment import detect_language

    return detect_language
