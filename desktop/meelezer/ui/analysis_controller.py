"""Runs the audio analysis of the open episode in the background and hands its results to
whoever draws them (the timeline) as they come: partial analyses while the pass runs, the
final one, and ``None`` when the episode closes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from meelezer.audio.analysis import AudioAnalysis
from meelezer.library import OpenedEpisode
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.jobs import Job

if TYPE_CHECKING:  # decoding (PyAV) loads only when a pass starts, not at start-up
    from meelezer.audio.cache import AnalysisCache


class AnalysisController(QObject):
    analysis_changed = Signal(object)  # AudioAnalysis (partial or final) or None
    progressed = Signal(float)  # 0..1 while analysing
    running_changed = Signal(bool)
    failed = Signal(str)  # a message for the message bar (also for a usable, truncated file)

    def __init__(self, session: EpisodeSession, cache: AnalysisCache | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.cache = cache
        # The episode is shown first; then the pass starts (it competes for the CPU).
        self.start_delay_ms = 100
        self.partial_every_s = 0.75  # how often the waveform fills in (each is a repaint)
        self.separate_process = True  # the pass in a child process (tests may keep it here)
        self.analysis: AudioAnalysis | None = None
        self.job: Job | None = None
        self._path: Path | None = None
        session.opened.connect(self._episode_opened)
        session.audio_changed.connect(self._episode_opened)
        session.closed.connect(lambda _id: self.clear())
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.timeout.connect(self._start_delayed)

    def _start_delayed(self) -> None:
        if self._path is not None:
            self.start(self._path)

    @property
    def is_running(self) -> bool:
        return self.job is not None

    @property
    def audio_path(self) -> Path | None:
        """The audio being (or last) analysed for the open episode."""
        return self._path

    def _episode_opened(self, opened: OpenedEpisode) -> None:
        path = opened.audio_path
        if path is not None and path == self._path and self.analysis is not None:
            return  # the same audio, already analysed (or being analysed)
        self.clear()
        if path is not None:
            self._path = path
            self._delay.start(self.start_delay_ms)

    def start(self, path: Path) -> None:
        """Analyse ``path`` (from the cache if it was before), replacing any running job."""
        from meelezer.audio.episode_analysis import analyse_episode_audio

        self._stop_job()
        self._path = path
        cache, every_s, separate = self.cache, self.partial_every_s, self.separate_process
        job = Job(lambda context: analyse_episode_audio(path, cache, context, every_s,
                                                        separate_process=separate),
                  name="audio-analysis", parent=self)
        job.partial.connect(lambda partial: self._show(job, partial))
        job.progressed.connect(self.progressed)
        job.succeeded.connect(lambda outcome: self._finished(job, outcome))
        job.failed.connect(lambda error: self._failed(job, error))
        job.finished.connect(lambda: self._job_ended(job))
        self.job = job
        self.running_changed.emit(True)
        self.progressed.emit(0.0)
        job.start()

    def cancel(self) -> None:
        """Stop the analysis; what was shown stays (the pass is redone on the next opening)."""
        self._stop_job()

    def clear(self) -> None:
        """Forget the episode's analysis (it closed): stop any job and tell the views."""
        self._stop_job()
        had_audio = self._path is not None or self.analysis is not None
        self._path = None
        self.analysis = None
        if had_audio:
            self.analysis_changed.emit(None)

    def shutdown(self, timeout_s: float = 2.0) -> None:
        """For quitting: stop the job and wait for its thread, so no decoder outlives the app."""
        job = self.job
        self._stop_job()
        if job is not None:
            job.wait(timeout_s)

    def _stop_job(self) -> None:
        self._delay.stop()
        job, self.job = self.job, None
        if job is not None:
            job.cancel()
            self.running_changed.emit(False)

    def _job_ended(self, job: Job) -> None:
        if self.job is job:
            self.job = None
            self.running_changed.emit(False)
        job.deleteLater()

    def _show(self, job: Job, analysis: object) -> None:
        if isinstance(analysis, AudioAnalysis) and job is self.job:
            self.analysis = analysis
            self.analysis_changed.emit(analysis)

    def _finished(self, job: Job, outcome: object) -> None:
        from meelezer.audio.episode_analysis import AnalysisOutcome

        if not isinstance(outcome, AnalysisOutcome) or job is not self.job:
            return
        self.analysis = outcome.analysis
        self.analysis_changed.emit(outcome.analysis)
        if outcome.notice:
            self.failed.emit(outcome.notice)

    def _failed(self, job: Job, error: object) -> None:
        from meelezer.audio.decode import AudioError

        if job is not self.job:
            return
        if isinstance(error, AudioError):
            self.failed.emit(str(error))
        else:
            self.failed.emit(self.tr("The audio could not be analysed: {reason}").format(
                reason=str(error) or type(error).__name__))

