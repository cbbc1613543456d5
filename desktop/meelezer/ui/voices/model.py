"""What a speaker suggestion holds, as the panel shows it; no Qt, no store.

Lines are referred to by row: their index in the open episode's lines when the suggestion
was made (``Suggestions.segment_ids`` keeps which lines those were). ``VoiceEngine`` is the
interface to the voice code (``meelezer.audio.voices``); the window uses ``engine.py``'s,
deterministic tests a fake one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from meelezer.audio.analysis import SpeechRegion
from meelezer.work import WorkContext


@dataclass(frozen=True, slots=True)
class StoredVoice:
    """A speaker's remembered voice, as the library keeps it."""

    embedding: np.ndarray
    line_count: int
    model: str


@dataclass(frozen=True, slots=True)
class SuggestRequest:
    """Everything the background work needs, read on the GUI thread before it starts."""

    audio: Path
    speech: tuple[SpeechRegion, ...]
    spans: tuple[tuple[int, int], ...]  # (start_ms, end_ms) per line
    labels: tuple[str | None, ...]  # each line's speaker now
    profiles: Mapping[str, StoredVoice]  # by speaker name
    segment_ids: tuple[int, ...]
    data_dir: Path  # where embeddings are cached
    cached_only: bool = False  # only if these lines' voices were heard before, else None


@dataclass(frozen=True, slots=True)
class SuggestedVoice:
    """One group of lines that sound like one voice."""

    rows: tuple[int, ...]  # unlabelled lines the naming labels
    hand_rows: tuple[int, ...]  # lines already labelled with ``speaker`` (never changed)
    speaker: str | None  # the hand label the group grew from
    total_ms: int
    typical: tuple[int, int]  # a few seconds that sound most like the group, to play
    match: str | None = None  # the show's speaker whose remembered voice this is
    confidence: float = 0.0  # 0..1, how sure that match is

    @property
    def suggested_name(self) -> str | None:
        return self.speaker or self.match

    @property
    def line_count(self) -> int:
        return len(self.rows) + len(self.hand_rows)


@dataclass(frozen=True, slots=True)
class LabelMark:
    """A labelled line whose voice is far from its speaker's voice."""

    row: int
    speaker: str
    distance: float  # 0: exactly the speaker's voice
    change_ms: int | None = None  # where a second voice starts in the line, if it holds two


@dataclass(frozen=True, slots=True)
class Suggestions:
    voices: tuple[SuggestedVoice, ...]
    unclear: tuple[int, ...]  # unlabelled lines whose voice is unclear: for review
    marks: tuple[LabelMark, ...]  # check labels
    segment_ids: tuple[int, ...]
    model: str = ""
    from_cache: bool = False
    notice: str = ""  # something the user should know (the cache could not be written)


class VoiceEngine(Protocol):
    """The voice work the panel asks for. ``suggest`` is the long step (embeddings, in the
    background with progress and cancel); the others regroup what it computed."""

    def suggest(self, request: SuggestRequest, context: WorkContext) -> Suggestions | None:
        """None only for a ``cached_only`` request whose voices are not in the cache."""

    def regroup(self, labels: Sequence[str | None], voices: int,
                context: WorkContext) -> Suggestions: ...

    def merge(self, labels: Sequence[str | None], first: int, second: int,
              context: WorkContext) -> Suggestions: ...

    def check(self, labels: Sequence[str | None], profiles: Mapping[str, StoredVoice],
              context: WorkContext) -> tuple[LabelMark, ...]: ...

    def voice_profile(self, group: int, old: StoredVoice | None) -> StoredVoice | None:
        """The profile of whoever group ``group`` is named as: ``old`` with the group's voice
        added (quick; on the GUI thread). None: the group has no usable voice and no old."""
