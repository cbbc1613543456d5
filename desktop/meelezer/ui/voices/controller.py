"""Runs "Suggest speakers" for the open episode and applies what the user decides.

The long step (voice embeddings) runs in a background job (the engine puts the model in a
child process); regrouping and checking reuse what it computed. Naming a group, or
accepting every named suggestion, is one undo step through the Annotator. Closing or
replacing the episode cancels any work and drops the suggestion: nothing is applied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from meelezer.annotator import Annotator, Change
from meelezer.library import OpenedEpisode
from meelezer.store.voice_profiles import VoiceNaming
from meelezer.ui.analysis_controller import AnalysisController
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.jobs import Job
from meelezer.ui.playback_controller import PlaybackController
from meelezer.ui.voices.model import (
    LabelMark,
    StoredVoice,
    SuggestedVoice,
    Suggestions,
    SuggestRequest,
    VoiceEngine,
)
from meelezer.work import WorkContext

GROUP_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def group_title(index: int) -> str:
    """ "A", "B", … "Z", then "27", "28", …"""
    return GROUP_LETTERS[index] if index < len(GROUP_LETTERS) else str(index + 1)


class WindowEngine:
    """The real engine, imported on first use, which is in the background job: decoding,
    scipy and the model load neither at start-up nor on the GUI thread."""

    def __init__(self) -> None:
        self._engine: VoiceEngine | None = None

    def _real(self) -> VoiceEngine:
        if self._engine is None:
            from meelezer.ui.voices.engine import VoiceEngineInChild

            self._engine = VoiceEngineInChild()
        return self._engine

    def suggest(self, request: SuggestRequest, context: WorkContext) -> Suggestions | None:
        return self._real().suggest(request, context)

    def regroup(self, labels: Sequence[str | None], voices: int,
                context: WorkContext) -> Suggestions:
        return self._real().regroup(labels, voices, context)

    def merge(self, labels: Sequence[str | None], first: int, second: int,
              context: WorkContext) -> Suggestions:
        return self._real().merge(labels, first, second, context)

    def check(self, labels: Sequence[str | None], profiles: Mapping[str, StoredVoice],
              context: WorkContext) -> tuple[LabelMark, ...]:
        return self._real().check(labels, profiles, context)

    def voice_profile(self, group: int, old: StoredVoice | None) -> StoredVoice | None:
        return self._real().voice_profile(group, old)


class VoiceSuggestions(QObject):
    availability_changed = Signal(bool, str)  # can suggest; if not, why (a tooltip)
    running_changed = Signal(bool)
    progressed = Signal(float)
    suggestions_changed = Signal(object)  # Suggestions or None
    marks_changed = Signal(object)  # dict[segment id, LabelMark]
    failed = Signal(str)

    def __init__(self, session: EpisodeSession, annotator: Annotator,
                 analysis: AnalysisController, playback: PlaybackController,
                 data_dir: Path, engine_factory: Callable[[], VoiceEngine],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.annotator = annotator
        self.analysis = analysis
        self.playback = playback
        self.data_dir = data_dir
        self.engine_factory = engine_factory
        self.engine: VoiceEngine | None = None
        self.suggestions: Suggestions | None = None
        self.marks: dict[int, LabelMark] = {}  # by segment id
        self.job: Job | None = None
        self._check_job: Job | None = None
        self._preview_end: int | None = None
        self._restored_for: int | None = None  # the episode whose cached voices were asked for
        session.opened.connect(lambda _opened: self._opened())
        session.replaced.connect(lambda _id: self.clear())
        session.closed.connect(lambda _id: self.clear())
        session.audio_changed.connect(lambda _opened: self.clear())
        analysis.running_changed.connect(lambda _running: self._tell_availability())
        analysis.analysis_changed.connect(lambda _analysis: self._tell_availability())
        annotator.changed.connect(self._labels_changed)
        playback.position_changed.connect(self._stop_preview_at_end)

    # -- state ------------------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self.job is not None

    def availability(self) -> tuple[bool, str]:
        """Whether "Suggest speakers" can run now, and if not, why."""
        opened = self.session.episode
        if opened is None:
            return False, self.tr("Open an episode first.")
        if opened.audio_path is None:
            return False, self.tr("This episode has no audio: the voices are heard in the "
                                  "audio. Attach the audio file first.")
        if not opened.segments:
            return False, self.tr("This episode has no lines to group.")
        analysis = self.analysis.analysis
        if analysis is None or not analysis.complete:
            return False, self.tr("Waiting for the audio analysis to finish (status bar).")
        return True, self.tr("Group the lines by voice, in the background")

    def _tell_availability(self) -> None:
        able, why = self.availability()
        self.availability_changed.emit(able, why)
        episode_id = self.session.episode_id
        if able and episode_id is not None and episode_id != self._restored_for:
            # Once per opening: voices heard before come back by themselves, with their
            # check-label marks (from the cache, no listening again).
            self._restored_for = episode_id
            if self.job is None and self.suggestions is None:
                self.start(cached_only=True)

    def _opened(self) -> None:
        self._restored_for = None
        self.clear()

    def clear(self) -> None:
        """Forget the suggestion and stop any work (the episode closed or changed)."""
        self._stop_jobs()
        self.engine = None
        had = self.suggestions is not None or bool(self.marks)
        self.suggestions = None
        self.marks = {}
        self._preview_end = None
        if had:
            self.suggestions_changed.emit(None)
            self.marks_changed.emit({})
        self._tell_availability()

    def _stop_jobs(self) -> None:
        for job in (self.job, self._check_job):
            if job is not None:
                job.cancel()
        if self.job is not None:
            self.job = None
            self.running_changed.emit(False)
        self._check_job = None

    # -- running ----------------------------------------------------------------------------

    def start(self, cached_only: bool = False) -> bool:
        """Suggest speakers for the open episode (replacing an earlier suggestion);
        ``cached_only``: only if its voices were heard before (reopening shows them again)."""
        able, why = self.availability()
        opened, analysis = self.session.episode, self.analysis.analysis
        if not able or opened is None or analysis is None or opened.audio_path is None:
            if not cached_only:
                self.failed.emit(why)
            return False
        self.clear()
        request = SuggestRequest(
            audio=opened.audio_path,
            speech=tuple(analysis.speech),
            spans=tuple((row.start_ms, row.end_ms) for row in opened.segments),
            labels=_labels(opened),
            profiles=self._profiles_by_name(),
            segment_ids=tuple(row.id for row in opened.segments),
            data_dir=self.data_dir,
            cached_only=cached_only,
        )
        engine = self.engine_factory()
        self.engine = engine
        # Looking in the cache is quick and unasked for: no progress shown for it.
        self._run(lambda context: engine.suggest(request, context), "voice-suggestions",
                  quiet=cached_only)
        return True

    def cancel(self) -> None:
        """Stop the work; what was suggested before stays as it was."""
        if self.job is not None:
            self.job.cancel()
            self.job = None
            self.running_changed.emit(False)

    def one_more_voice(self) -> None:
        """Group again into one group more than now."""
        engine, suggestions, opened = self.engine, self.suggestions, self.session.episode
        if engine is None or suggestions is None or opened is None or self.job is not None:
            return
        labels, count = _labels(opened), len(suggestions.voices) + 1
        self._run(lambda context: engine.regroup(labels, count, context), "voice-regroup")

    def merge(self, first: int, second: int) -> None:
        """Make groups ``first`` and ``second`` one group."""
        engine, opened = self.engine, self.session.episode
        if (engine is None or opened is None or self.job is not None or first == second
                or self.suggestions is None):
            return
        labels = _labels(opened)
        self._run(lambda context: engine.merge(labels, first, second, context), "voice-merge")

    def _run(self, work: Callable[[WorkContext], Suggestions | None], name: str,
             quiet: bool = False) -> None:
        job = Job(work, name=name, parent=self)
        job.succeeded.connect(lambda result: self._finished(job, result))
        job.failed.connect(lambda error: self._failed(job, error, quiet))
        job.finished.connect(lambda: self._ended(job, quiet))
        self.job = job
        if not quiet:
            job.progressed.connect(lambda fraction: self._progress(job, fraction))
            self.running_changed.emit(True)
            self.progressed.emit(0.0)
        job.start()

    def _progress(self, job: Job, fraction: float) -> None:
        if job is self.job:
            self.progressed.emit(fraction)

    def _finished(self, job: Job, result: object) -> None:
        if job is not self.job or not isinstance(result, Suggestions):
            return
        self.suggestions = result
        self.suggestions_changed.emit(result)
        self._set_marks(result.marks, result.segment_ids)
        if result.notice:
            self.failed.emit(result.notice)

    def _failed(self, job: Job, error: object, quiet: bool) -> None:
        if job is self.job and not quiet:  # a cache that cannot be read: asked for, it says
            self.failed.emit(self.tr("Speakers could not be suggested: {reason}").format(
                reason=str(error) or type(error).__name__))

    def _ended(self, job: Job, quiet: bool) -> None:
        if self.job is job:
            self.job = None
            if not quiet:
                self.running_changed.emit(False)
        job.deleteLater()

    # -- naming -----------------------------------------------------------------------------

    def segment_ids(self, rows: Sequence[int]) -> list[int]:
        """The lines the suggestion's rows were when it was made."""
        ids = self.suggestions.segment_ids if self.suggestions is not None else ()
        return [ids[row] for row in rows if 0 <= row < len(ids)]

    def name_group(self, index: int, name: str) -> bool:
        """Label group ``index``'s unlabelled lines as ``name`` (a speaker of the episode or
        its show, else a new one) and remember the voice: one undo step."""
        namings = self._namings({index: name})
        if not namings:
            return False
        self.annotator.name_voices(namings, self.tr(
            "Name voice {group} as {name}").format(group=group_title(index), name=name.strip()))
        return True

    def accept_all(self) -> int:
        """Name every group that came with a name (its hand label or a remembered voice):
        one undo step. Returns how many groups were named."""
        suggestions = self.suggestions
        if suggestions is None:
            return 0
        named = self.named_groups()
        namings = self._namings({index: voice.suggested_name
                                 for index, voice in enumerate(suggestions.voices)
                                 if voice.suggested_name and index not in named})
        if not namings:
            return 0
        self.annotator.name_voices(namings, self.tr("Accept 1 suggested speaker")
                                   if len(namings) == 1 else
                                   self.tr("Accept {count} suggested speakers")
                                   .format(count=len(namings)))
        return len(namings)

    def named_groups(self) -> dict[int, str]:
        """The groups whose lines all have a speaker now, with the speaker most of them have
        (so an undone naming shows as unnamed again)."""
        suggestions, opened = self.suggestions, self.session.episode
        if suggestions is None or opened is None:
            return {}
        speakers = {row.id: row.speaker_name for row in opened.segments}
        named: dict[int, str] = {}
        for index, voice in enumerate(suggestions.voices):
            names = [speakers.get(segment_id) for segment_id in self.segment_ids(voice.rows)]
            if names and all(names):
                named[index] = max(set(names), key=names.count) or ""
            elif not names and voice.speaker:  # grown from labels only: nothing to name
                named[index] = voice.speaker
        return named

    def _namings(self, chosen: Mapping[int, str]) -> list[VoiceNaming]:
        """What naming these groups writes: their lines, and each named speaker's profile
        with the groups' voices added (two groups of one speaker add up)."""
        suggestions, engine = self.suggestions, self.engine
        if suggestions is None or engine is None:
            return []
        speakers = {s.name.casefold(): s for s in self.annotator.list_speakers()}
        stored = self.annotator.voice_profiles()
        profiles: dict[int | str, StoredVoice | None] = {}
        namings = []
        for index, name in chosen.items():
            name = name.strip()
            if not name or not 0 <= index < len(suggestions.voices):
                continue
            speaker = speakers.get(name.casefold())
            key: int | str = speaker.id if speaker is not None else name.casefold()
            if key not in profiles:
                row = stored.get(speaker.id) if speaker is not None else None
                profiles[key] = (StoredVoice(row.embedding, row.line_count, row.model)
                                 if row is not None else None)
            profile = profiles[key] = engine.voice_profile(index, profiles[key])
            namings.append(VoiceNaming(
                tuple(self.segment_ids(suggestions.voices[index].rows)),
                speaker_id=speaker.id if speaker is not None else None,
                new_name=None if speaker is not None else name,
                embedding=profile.embedding if profile is not None else None,
                line_count=profile.line_count if profile is not None else 0,
                model=profile.model if profile is not None else ""))
        return namings

    def _profiles_by_name(self) -> dict[str, StoredVoice]:
        names = {s.id: s.name for s in self.annotator.list_speakers()}
        return {names[speaker_id]: StoredVoice(p.embedding, p.line_count, p.model)
                for speaker_id, p in self.annotator.voice_profiles().items()
                if speaker_id in names}

    # -- checking labels --------------------------------------------------------------------

    def _labels_changed(self, change: Change) -> None:
        """Labels moved: check them again against the voices (quick, in the background)."""
        engine, opened = self.engine, self.session.episode
        if (Change.LINES not in change or engine is None or opened is None
                or self.suggestions is None or self.job is not None):
            return
        if self._check_job is not None:
            self._check_job.cancel()
        labels = _labels(opened)
        if len(labels) != len(self.suggestions.segment_ids):
            return  # the lines themselves changed (a split): suggest again to check them
        profiles, ids = self._profiles_by_name(), self.suggestions.segment_ids
        job = Job(lambda context: engine.check(labels, profiles, context), name="voice-check",
                  parent=self)
        job.succeeded.connect(lambda marks: self._checked(job, marks, ids))
        job.finished.connect(job.deleteLater)
        self._check_job = job
        job.start()

    def _checked(self, job: Job, marks: Any, segment_ids: tuple[int, ...]) -> None:
        if job is self._check_job:
            self._check_job = None
            self._set_marks(marks, segment_ids)

    def forget_mark(self, segment_id: int) -> None:
        """The line was dealt with (split at the change): no mark any more."""
        if self.marks.pop(segment_id, None) is not None:
            self.marks_changed.emit(dict(self.marks))

    def _set_marks(self, marks: Sequence[LabelMark], segment_ids: Sequence[int]) -> None:
        self.marks = {segment_ids[mark.row]: mark for mark in marks
                      if 0 <= mark.row < len(segment_ids)}
        self.marks_changed.emit(dict(self.marks))

    # -- listening --------------------------------------------------------------------------

    def play_typical(self, index: int) -> None:
        """Play a few typical seconds of group ``index``, then pause."""
        if self.suggestions is None or not 0 <= index < len(self.suggestions.voices):
            return
        voice: SuggestedVoice = self.suggestions.voices[index]
        start, end = voice.typical
        self._preview_end = None
        self.playback.seek(start)
        if not self.playback.is_playing():
            self.playback.toggle()
        self._preview_end = max(end, start + 1000)

    def _stop_preview_at_end(self, position_ms: int) -> None:
        if self._preview_end is not None and position_ms >= self._preview_end:
            self._preview_end = None
            if self.playback.is_playing():
                self.playback.toggle()


def _labels(opened: OpenedEpisode) -> tuple[str | None, ...]:
    return tuple(row.speaker_name for row in opened.segments)
