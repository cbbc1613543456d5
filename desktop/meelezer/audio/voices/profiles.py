"""Voice profiles: a named voice remembered per show (the UI keeps them in the library), so
the groups of the next episode come already named.

A profile is the normalised mean of the embeddings of the lines named with it, and how many
lines that was (a new episode's lines update it in proportion). Matching assigns names to
groups one to one (scipy's linear_sum_assignment on the similarities), and turns each
similarity into a confidence with a logistic curve fitted on the benchmark episodes (same
voice vs another voice of the same show), so "96 % sure" is right about 96 times in 100.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from meelezer.audio.analysis import FloatArray
from meelezer.audio.voices.embeddings import EpisodeEmbeddings
from meelezer.audio.voices.encoder import EMBEDDING_SIZE, MODEL_ID
from meelezer.audio.voices.grouping import Grouping

# Confidence = 1 / (1 + exp(-(similarity - _MIDPOINT) / _SCALE)), fitted by maximum
# likelihood on voice-truth's benchmark episodes (festival/espeak-ng shows): 54 decisions,
# each group's centroid against its own voice's profile from another episode and against the
# nearest other profile. The fit's midpoint was 0.834 with a scale of 0.011; the scale is
# widened to 0.02 because 54 decisions cannot justify a curve that sharp. Below CONFIDENT the
# voice counts as unknown.
_MIDPOINT = 0.835
_SCALE = 0.02
CONFIDENT = 0.5
# A profile stops growing its weight here, so it keeps following a voice that changes
# slowly (another microphone, a cold) instead of being fixed by its first hundred episodes.
_MAX_WEIGHT = 2_000


@dataclass(frozen=True, eq=False)
class VoiceProfile:
    embedding: FloatArray  # (256,) unit vector
    count: int  # lines that went into it
    model: str = MODEL_ID

    def to_bytes(self) -> bytes:
        return self.embedding.astype("<f4").tobytes()

    @staticmethod
    def from_bytes(data: bytes, count: int, model: str) -> VoiceProfile:
        if len(data) != EMBEDDING_SIZE * 4:
            raise ValueError(f"a voice profile is {EMBEDDING_SIZE * 4} bytes, not {len(data)}")
        return VoiceProfile(np.frombuffer(data, dtype="<f4").astype(np.float32), count, model)


@dataclass(frozen=True)
class ProfileMatch:
    name: str | None  # the profile's name; None: no profile is close enough (a new voice)
    confidence: float  # 0..1 that ``name`` (or, when None, the closest profile) is this voice
    similarity: float  # cosine similarity to the closest profile (0 when there is none)


def _usable_lines(embeddings: EpisodeEmbeddings, line_indexes: Sequence[int]) -> list[int]:
    voiced = [i for i in line_indexes if embeddings.speech_ms[i] > 0]
    strong = [i for i in voiced if not embeddings.weak[i]]
    return strong or voiced


def profile_from_lines(embeddings: EpisodeEmbeddings,
                       line_indexes: Sequence[int]) -> VoiceProfile | None:
    """The voice of these lines (short ones only when there is nothing longer); None when
    none of them has any speech."""
    return update_profile(None, embeddings, line_indexes)


def update_profile(profile: VoiceProfile | None, embeddings: EpisodeEmbeddings,
                   line_indexes: Sequence[int]) -> VoiceProfile | None:
    """``profile`` with the voice of newly named lines added in proportion to their count
    (a profile of another model is replaced)."""
    usable = _usable_lines(embeddings, line_indexes)
    if profile is not None and profile.model != embeddings.model:
        profile = None
    if not usable:
        return profile
    total = embeddings.line_embeddings[usable].astype(np.float64).sum(axis=0)
    count = len(usable)
    if profile is not None:
        weight = min(profile.count, _MAX_WEIGHT)
        total += profile.embedding * weight
        count += profile.count
    norm = float(np.linalg.norm(total))
    if norm == 0.0:
        return profile
    return VoiceProfile((total / norm).astype(np.float32), count, embeddings.model)


def confidence(similarity: float) -> float:
    return float(1.0 / (1.0 + np.exp(-(similarity - _MIDPOINT) / _SCALE)))


def match_profiles(grouping: Grouping,
                   profiles: Mapping[str, VoiceProfile]) -> tuple[ProfileMatch, ...]:
    """A name for each group of ``grouping`` (same order), never the same name twice. A
    group seeded by hand-labelled lines keeps its speaker (confidence 1)."""
    usable = {name: profile for name, profile in profiles.items() if profile.model == MODEL_ID}
    matches: list[ProfileMatch | None] = [
        ProfileMatch(group.speaker, 1.0, 1.0) if group.speaker else None
        for group in grouping.groups]
    taken = {group.speaker for group in grouping.groups if group.speaker}
    names = [name for name in usable if name not in taken]
    open_groups = [index for index, match in enumerate(matches) if match is None]
    if not names or not open_groups:
        return tuple(match or ProfileMatch(None, 0.0, 0.0) for match in matches)
    centroids = np.stack([grouping.groups[index].centroid for index in open_groups])
    voices = np.stack([usable[name].embedding for name in names])
    similarity = centroids @ voices.T
    rows, columns = linear_sum_assignment(-similarity)
    for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
        value = float(similarity[row, column])
        sure = confidence(value)
        matches[open_groups[row]] = ProfileMatch(
            names[column] if sure >= CONFIDENT else None, sure, value)
    for row, index in enumerate(open_groups):
        if matches[index] is None:  # more groups than profiles: the closest, already taken
            value = float(similarity[row].max())
            matches[index] = ProfileMatch(None, confidence(value), value)
    return tuple(match or ProfileMatch(None, 0.0, 0.0) for match in matches)
