"""Is the open episode's audio still the file it was fingerprinted from? Checked in the
background after it opens, so a same-size swap (another episode saved under the old name)
is named too; the library names a size change at once, without reading the audio."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from meelezer.library import OpenedEpisode, swapped_audio_notice
from meelezer.store.hashing import audio_fingerprint, fingerprint_size
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.jobs import Job


class AudioIdentityCheck(QObject):
    checked = Signal(bool)  # True: the same audio as before
    mismatch = Signal(str)  # what to tell the user

    def __init__(self, session: EpisodeSession, parent: QObject | None = None):
        super().__init__(parent)
        self.job: Job | None = None
        session.opened.connect(self._check)
        session.audio_changed.connect(self._check)
        session.closed.connect(lambda _episode_id: self._stop())

    def _check(self, opened: OpenedEpisode) -> None:
        self._stop()
        path, expected = opened.audio_path, opened.episode.audio_hash
        if path is None or expected is None or not _same_size(path, expected):
            return  # nothing to compare, or the size already told (the library's notice)
        job = Job(lambda _context: audio_fingerprint(path), name="audio-identity", parent=self)
        job.succeeded.connect(lambda actual: self._compare(path, expected, actual))
        job.finished.connect(lambda: self._ended(job))
        self.job = job
        job.start()  # an unreadable file fails quietly: the player says what is wrong

    def _compare(self, path: Path, expected: str, actual: object) -> None:
        same = actual == expected
        if not same:
            self.mismatch.emit(swapped_audio_notice(path))
        self.checked.emit(same)

    def _ended(self, job: Job) -> None:
        if self.job is job:
            self.job = None
        job.deleteLater()

    def _stop(self) -> None:
        if self.job is not None:
            self.job.cancel()  # its result, if it still comes, is dropped by the Job
            self.job = None


def _same_size(path: Path, fingerprint: str) -> bool:
    try:
        return fingerprint_size(fingerprint) == path.stat().st_size
    except OSError:
        return False
