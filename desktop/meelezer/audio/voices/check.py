"""Checking hand labels against the voices: a line whose voice is far from its speaker's
voice and nearer another speaker's is marked (a wrong key press), and a long line whose
windows change from one speaker's voice to another's gets the time of the change (the UI
offers to split it there, at the nearest word).

A speaker's voice is their profile when one is given, else the mean of the other lines
labelled with them in this episode (leaving the line itself out, so one wrong label does not
pull its speaker's voice towards itself). Thresholds are tuned on the benchmark episodes
with planted wrong labels (tests/benchmarks).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from meelezer.audio.analysis import FloatArray
from meelezer.audio.voices.embeddings import EpisodeEmbeddings, IntArray
from meelezer.audio.voices.profiles import VoiceProfile

# Marked when the line is this much more similar to another speaker's voice than to its own
# (weak lines, whose embeddings wander more, need a wider margin).
FLAG_MARGIN = 0.05
WEAK_FLAG_MARGIN = 0.15
# ... or this far from its own voice whoever else is near (a voice nobody is labelled with).
FLAG_DISTANCE = 0.45
# A change inside a line: a run of at least this many windows nearer another voice by this.
CHANGE_WINDOWS = 2
CHANGE_MARGIN = 0.05


@dataclass(frozen=True)
class LabelCheck:
    line: int
    speaker: str
    distance: float  # cosine distance of the line's voice to its speaker's (0 = the same)
    flagged: bool  # far from the speaker's voice: mark it
    change_ms: int | None = None  # a long line holding two voices: where the voice changes


def _unit(vector: FloatArray) -> FloatArray:
    norm = float(np.linalg.norm(vector))
    unit: FloatArray = (vector / norm).astype(np.float32) if norm > 0 else vector
    return unit


def check_labels(embeddings: EpisodeEmbeddings, labels: Sequence[str | None],
                 profiles: Mapping[str, VoiceProfile] | None = None) -> tuple[LabelCheck, ...]:
    """One check per labelled line that has speech, in line order. ``profiles``: the show's
    voices by name (a speaker's profile stands for their voice; the others are voices a
    line may be instead)."""
    if len(labels) != embeddings.line_count:
        raise ValueError("labels and embeddings must be of the same episode")
    usable_profiles = {name: profile for name, profile in (profiles or {}).items()
                       if profile.model == embeddings.model}
    if not any(labels):
        return ()
    # Every voice a line could be instead: the episode's speakers and the show's profiles.
    names = sorted({label for label in labels if label} | set(usable_profiles))
    vectors = embeddings.line_embeddings
    strong = embeddings.has_voice() & ~embeddings.weak
    sums: dict[str, FloatArray] = {}
    members: dict[str, IntArray] = {}
    for name in names:
        own = np.flatnonzero(np.array([label == name for label in labels]) & strong)
        members[name] = own
        sums[name] = vectors[own].astype(np.float64).sum(axis=0)
    voices = np.stack([
        usable_profiles[name].embedding if name in usable_profiles else _unit(sums[name])
        for name in names])
    checks: list[LabelCheck] = []
    for line, label in enumerate(labels):
        if not label or embeddings.speech_ms[line] <= 0:
            continue
        speaker = names.index(label)
        own_voice = voices[speaker]
        if label not in usable_profiles and strong[line]:
            own_voice = _unit(sums[label] - vectors[line])  # leave the line itself out
        if not own_voice.any():
            continue  # the speaker's only line: nothing to compare it with
        similarity = float(vectors[line] @ own_voice)
        others = np.delete(voices, speaker, axis=0) @ vectors[line]
        nearest_other = float(others.max()) if len(others) else -1.0
        margin = WEAK_FLAG_MARGIN if embeddings.weak[line] else FLAG_MARGIN
        flagged = (nearest_other - similarity >= margin
                   or (1.0 - similarity >= FLAG_DISTANCE and not embeddings.weak[line]))
        change = _change(embeddings, line, speaker, voices, own_voice)
        checks.append(LabelCheck(line, label, 1.0 - similarity, flagged or change is not None,
                                 change))
    return tuple(checks)


def _change(embeddings: EpisodeEmbeddings, line: int, speaker: int, voices: FloatArray,
            own_voice: FloatArray) -> int | None:
    """Where a run of windows at the start or end of the line is another speaker's voice."""
    windows = embeddings.windows_of(line)
    if len(windows) < CHANGE_WINDOWS + 1 or len(voices) < 2:
        return None
    window_vectors = embeddings.window_embeddings[windows]
    own = window_vectors @ own_voice
    others = np.delete(voices, speaker, axis=0)
    other = (window_vectors @ others.T).max(axis=1)
    foreign = other - own >= CHANGE_MARGIN
    mine = own - other >= CHANGE_MARGIN
    starts, ends = embeddings.window_start_ms[windows], embeddings.window_end_ms[windows]
    # Another voice at the end: its run starts after a window of the speaker's own.
    tail = _run_length(foreign[::-1])
    if tail >= CHANGE_WINDOWS and mine[: len(windows) - tail].any():
        first_foreign = len(windows) - tail
        return int((ends[first_foreign - 1] + starts[first_foreign]) // 2)
    head = _run_length(foreign)
    if head >= CHANGE_WINDOWS and mine[head:].any():
        return int((ends[head - 1] + starts[head]) // 2)
    return None


def _run_length(flags: np.ndarray) -> int:
    """How many leading entries are True."""
    falses = np.flatnonzero(~flags)
    return int(falses[0]) if len(falses) else len(flags)
