"""A voice engine whose groups, matches and marks the test decides (hand-made vectors), and a
window's speaker suggestions running on it; the real engine has its own tests."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from helpers.timeline_data import analysis_with_silences
from meelezer.ui.main_window import MainWindow
from meelezer.ui.voices.model import (
    LabelMark,
    StoredVoice,
    SuggestedVoice,
    Suggestions,
    SuggestRequest,
)
from meelezer.ui.voices.wiring import VoiceWiring
from meelezer.work import WorkContext

MODEL = "fake-voices/1"


def unit(axis: int, size: int = 4) -> np.ndarray:
    vector = np.zeros(size, np.float32)
    vector[axis] = 1.0
    return vector


@dataclass
class FakeEngine:
    """Groups the lines by ``row % voices`` (rows in ``unclear`` left out); group k's voice is
    the unit vector on axis k. A remembered voice on the same axis names the group.
    ``marks`` are the check-label marks it reports; ``block`` makes ``suggest`` wait until
    cancelled (tests of cancelling)."""

    voices: int = 2
    unclear: tuple[int, ...] = ()
    marks: tuple[LabelMark, ...] = ()
    block: bool = False
    started: threading.Event = field(default_factory=threading.Event)
    requests: list[SuggestRequest] = field(default_factory=list)
    checks: int = 0
    labelled_only: bool = False  # every line labelled: groups grow from the labels
    cached: bool = False  # the episode's voices were heard before: reopening shows them
    unheard: int = 0  # how often it was asked for voices it had not heard
    axes: list[int] = field(default_factory=list)  # each group's voice axis, as shown now

    def suggest(self, request: SuggestRequest, context: WorkContext) -> Suggestions | None:
        if request.cached_only and not self.cached:
            self.unheard += 1
            return None  # as the real engine when these voices were never heard
        self.requests.append(request)
        self.started.set()
        while self.block:
            context.check()
            threading.Event().wait(0.01)
        context.progress(0.5)
        return self._grouped(request.labels, self.voices)

    def regroup(self, labels: Sequence[str | None], voices: int,
                context: WorkContext) -> Suggestions:
        self.voices = voices
        return self._grouped(labels, voices)

    def merge(self, labels: Sequence[str | None], first: int, second: int,
              context: WorkContext) -> Suggestions:
        grouped = self._grouped(labels, self.voices)
        a, b = grouped.voices[first], grouped.voices[second]
        merged = SuggestedVoice(tuple(sorted(a.rows + b.rows)),
                                tuple(sorted(a.hand_rows + b.hand_rows)), None,
                                a.total_ms + b.total_ms, a.typical)
        rest = [v for i, v in enumerate(grouped.voices) if i not in (first, second)]
        self.axes = [self.axes[first]] + [k for i, k in enumerate(self.axes)
                                          if i not in (first, second)]
        self.voices -= 1
        return Suggestions((merged, *rest), grouped.unclear, grouped.marks,
                           grouped.segment_ids, MODEL)

    def check(self, labels: Sequence[str | None], profiles: Mapping[str, StoredVoice],
              context: WorkContext) -> tuple[LabelMark, ...]:
        self.checks += 1
        return self.marks

    def voice_profile(self, group: int, old: StoredVoice | None) -> StoredVoice | None:
        """The mean of ``old`` and the group's voice, by their line counts."""
        count = 10
        total = unit(self.axes[group]) * count
        if old is not None:
            total = total + old.embedding * old.line_count
            count += old.line_count
        return StoredVoice(total / np.linalg.norm(total), count, MODEL)

    def _grouped(self, labels: Sequence[str | None], voices: int) -> Suggestions:
        request = self.requests[-1]
        groups = []
        for k in range(voices):
            rows = [row for row in range(len(labels))
                    if row % voices == k and row not in self.unclear]
            spans = [request.spans[row] for row in rows]
            match = next((name for name, stored in request.profiles.items()
                          if stored.model == MODEL
                          and float(stored.embedding @ unit(k)) > 0.9), None)
            seed = labels[rows[0]] if self.labelled_only and rows else None
            groups.append(SuggestedVoice(
                rows=() if seed else tuple(rows), hand_rows=tuple(rows) if seed else (),
                speaker=seed,
                total_ms=sum(end - start for start, end in spans),
                typical=spans[0], match=match, confidence=0.96 if match else 0.0))
        self.axes = list(range(voices))
        return Suggestions(tuple(groups), self.unclear, self.marks, request.segment_ids, MODEL)


def suggestions_on(window: MainWindow, engine: FakeEngine) -> VoiceWiring:
    """The window's speaker suggestions, running on ``engine``; the test hands the window
    its audio analysis (``analysed``)."""
    window.voices.suggestions.engine_factory = lambda: engine
    window.analysis.start_delay_ms = 10**9
    return window.voices


def analysed(window: MainWindow) -> None:
    """The open episode's audio as if the analysis had finished (speech throughout)."""
    analysis = analysis_with_silences(window.session.duration_ms() or 600_000, [])
    window.analysis.analysis = analysis
    window.analysis.analysis_changed.emit(analysis)
