"""The voice engine the window uses: ``meelezer.audio.voices`` with its model in a spawned
child process (as the audio analysis runs), embeddings cached per episode in the data folder.

It keeps the episode's embeddings and the grouping on show, so regrouping, merging, checking
labels and growing a profile need no audio again. No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from meelezer.audio.voices.cache import EmbeddingCache
from meelezer.audio.voices.check import check_labels
from meelezer.audio.voices.embeddings import EpisodeEmbeddings, LineSpan
from meelezer.audio.voices.episode import episode_embeddings
from meelezer.audio.voices.grouping import Grouping, group_voices, merge_groups
from meelezer.audio.voices.profiles import VoiceProfile, match_profiles, update_profile
from meelezer.store.hashing import audio_fingerprint
from meelezer.ui.voices.model import (
    LabelMark,
    StoredVoice,
    SuggestedVoice,
    Suggestions,
    SuggestRequest,
)
from meelezer.work import WorkContext


class VoiceEngineInChild:
    def __init__(self, separate_process: bool = True) -> None:
        self.separate_process = separate_process  # tests may keep the model in this process
        self.embeddings: EpisodeEmbeddings | None = None
        self.grouping: Grouping | None = None
        self._request: SuggestRequest | None = None
        self._lines: tuple[LineSpan, ...] = ()
        self._from_cache = False
        self._notice = ""

    def suggest(self, request: SuggestRequest, context: WorkContext) -> Suggestions | None:
        self._request = request
        self._lines = tuple(LineSpan(start, end) for start, end in request.spans)
        if request.cached_only and not self._cached(request):
            return None
        outcome = episode_embeddings(request.audio, self._lines, request.speech,
                                     EmbeddingCache(request.data_dir), context,
                                     separate_process=self.separate_process)
        self.embeddings = outcome.embeddings
        self._from_cache, self._notice = outcome.from_cache, outcome.notice
        context.check()
        grouping = group_voices(outcome.embeddings, self._lines, request.labels)
        return self._suggestions(grouping, request.labels, request.profiles, context)

    def regroup(self, labels: Sequence[str | None], voices: int,
                context: WorkContext) -> Suggestions:
        embeddings, request = self._ready()
        grouping = group_voices(embeddings, self._lines, labels, voices)
        return self._suggestions(grouping, labels, request.profiles, context)

    def merge(self, labels: Sequence[str | None], first: int, second: int,
              context: WorkContext) -> Suggestions:
        embeddings, request = self._ready()
        assert self.grouping is not None
        grouping = merge_groups(embeddings, self._lines, labels, self.grouping, first, second)
        return self._suggestions(grouping, labels, request.profiles, context)

    def check(self, labels: Sequence[str | None], profiles: Mapping[str, StoredVoice],
              context: WorkContext) -> tuple[LabelMark, ...]:
        embeddings, _request = self._ready()
        return tuple(LabelMark(check.line, check.speaker, check.distance, check.change_ms)
                     for check in check_labels(embeddings, labels, _profiles(profiles))
                     if check.flagged)

    def voice_profile(self, group: int, old: StoredVoice | None) -> StoredVoice | None:
        embeddings, _request = self._ready()
        assert self.grouping is not None
        voice = self.grouping.groups[group]
        profile = update_profile(_profile(old) if old is not None else None, embeddings,
                                 voice.lines + voice.hand_labelled)
        if profile is None:
            return old
        return StoredVoice(profile.embedding, profile.count, profile.model)

    def _cached(self, request: SuggestRequest) -> bool:
        try:
            fingerprint = audio_fingerprint(request.audio)
        except OSError:
            return False
        return EmbeddingCache(request.data_dir).path_for(fingerprint, self._lines).exists()

    def _ready(self) -> tuple[EpisodeEmbeddings, SuggestRequest]:
        if self.embeddings is None or self._request is None:
            raise RuntimeError("suggest first: there are no voice embeddings yet")
        return self.embeddings, self._request

    def _suggestions(self, grouping: Grouping, labels: Sequence[str | None],
                     profiles: Mapping[str, StoredVoice], context: WorkContext) -> Suggestions:
        embeddings, request = self._ready()
        known = _profiles(profiles)
        matches = match_profiles(grouping, known)
        context.check()
        marks = self.check(labels, profiles, context)
        self.grouping = grouping
        voices = tuple(
            SuggestedVoice(rows=group.lines, hand_rows=group.hand_labelled,
                           speaker=group.speaker, total_ms=group.total_ms,
                           typical=group.typical,
                           match=None if group.speaker else match.name,
                           confidence=match.confidence)
            for group, match in zip(grouping.groups, matches, strict=True))
        return Suggestions(voices, grouping.unassigned, marks, request.segment_ids,
                           embeddings.model, self._from_cache, self._notice)


def _profile(stored: StoredVoice) -> VoiceProfile:
    return VoiceProfile(stored.embedding, stored.line_count, stored.model)


def _profiles(stored: Mapping[str, StoredVoice]) -> dict[str, VoiceProfile]:
    return {name: _profile(voice) for name, voice in stored.items()}
