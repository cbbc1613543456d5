"""Grouping an episode's lines by voice: hierarchical clustering (scipy) of the lines'
embeddings, seeded by the lines labelled by hand, then every unlabelled line given to the
nearest group's voice, or left for review when its voice is unclear.

Average linkage on cosine distance, cut where the groups are further apart than
``SPLIT_DISTANCE`` (tuned on the benchmark episodes): the number of voices is found by
itself, and ``voices=N`` cuts at exactly N groups instead ("one more voice"). Lines labelled
by hand are pulled together (distance 0 between two lines with the same speaker, the
largest distance between different speakers), so each speaker's lines seed one group; they
are inputs and are never changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist

from meelezer.audio.analysis import FloatArray
from meelezer.audio.voices.embeddings import EpisodeEmbeddings, IntArray, LineSpan

# Clusters further apart than this (mean cosine distance between their lines) are voices.
SPLIT_DISTANCE = 0.25
# An unlabelled line joins its nearest group only if it is this similar to the group's
# voice and this much more similar than to the next group; weak (short) lines need more.
MIN_SIMILARITY = 0.55
MIN_MARGIN = 0.02
WEAK_MIN_SIMILARITY = 0.50
WEAK_MIN_MARGIN = 0.04
# A group needs this much speech to be a voice rather than a few stray lines.
MIN_GROUP_MS = 20_000
# ... or, in a short episode, this share of all its lines' time (a minute with five voices).
MIN_GROUP_SHARE = 0.05
# Clustering is quadratic in lines: beyond this many, the longest lines form the groups and
# the rest join them by similarity (a 2-hour episode has ~2,000 lines).
MAX_CLUSTERED = 3_000
TYPICAL_MS = 6_000  # the play button plays this much of the most typical line
_APART = 2.0  # the largest cosine distance: between lines labelled with different speakers


@dataclass(frozen=True, eq=False)
class VoiceGroup:
    lines: tuple[int, ...]  # unlabelled lines suggested for this voice
    hand_labelled: tuple[int, ...]  # lines labelled by hand with ``speaker``
    speaker: str | None  # the hand label that seeded this group
    total_ms: int  # duration of ``lines`` and ``hand_labelled`` together
    typical: tuple[int, int]  # a few seconds of the most typical line, to play
    typical_line: int
    centroid: FloatArray  # (256,) unit vector: the group's voice


@dataclass(frozen=True, eq=False)
class Grouping:
    groups: tuple[VoiceGroup, ...]  # the most speech first
    unassigned: tuple[int, ...]  # unlabelled lines whose voice is unclear, for review
    line_group: IntArray  # (lines,) group index of each line, -1 for none


def _unit(vectors: FloatArray) -> FloatArray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    unit: FloatArray = np.divide(vectors, norms, out=np.zeros_like(vectors),
                                 where=norms > 0).astype(np.float32)
    return unit


def group_voices(embeddings: EpisodeEmbeddings, lines: Sequence[LineSpan],
                 labels: Sequence[str | None], voices: int | None = None) -> Grouping:
    """Groups of lines by voice. ``labels``: each line's speaker as labelled by hand (None:
    unlabelled). ``voices``: exactly that many groups, else found by itself."""
    if len(lines) != embeddings.line_count or len(labels) != embeddings.line_count:
        raise ValueError("lines, labels and embeddings must be of the same episode")
    clustered = _lines_to_cluster(embeddings, labels)
    if len(clustered) == 0:
        return _grouping([], embeddings, lines, labels)
    members = _clusters(embeddings, labels, clustered, voices)
    seeds: list[tuple[str | None, FloatArray]] = []
    for cluster in members:
        names = Counter(labels[i] for i in cluster.tolist() if labels[i])
        name = names.most_common(1)[0][0] if names else None
        seeds.append((name, _unit(embeddings.line_embeddings[cluster].mean(axis=0))))
    return _grouping(_merged_by_name(seeds, embeddings, labels), embeddings, lines, labels,
                     keep_small=voices is not None)


def _lines_to_cluster(embeddings: EpisodeEmbeddings, labels: Sequence[str | None]) -> IntArray:
    strong = np.flatnonzero(embeddings.has_voice() & ~embeddings.weak)
    if len(strong) <= MAX_CLUSTERED:
        return strong.astype(np.int64)
    labelled = np.array([labels[i] is not None for i in strong.tolist()])
    # Hand-labelled lines first (they are the user's word), then the longest.
    rank = np.lexsort((-embeddings.speech_ms[strong], ~labelled))
    chosen: IntArray = np.sort(strong[rank[:MAX_CLUSTERED]]).astype(np.int64)
    return chosen


def _clusters(embeddings: EpisodeEmbeddings, labels: Sequence[str | None],
              clustered: IntArray, voices: int | None) -> list[IntArray]:
    if len(clustered) == 1:
        return [clustered]
    distances = np.clip(pdist(embeddings.line_embeddings[clustered], "cosine"), 0.0, _APART)
    names = [labels[i] for i in clustered.tolist()]
    if any(names):
        # Condensed-matrix index of each pair (i < j), as pdist lays them out.
        first, second = np.triu_indices(len(clustered), k=1)
        codes = np.array([hash(name) if name else 0 for name in names], dtype=np.int64)
        both = (codes[first] != 0) & (codes[second] != 0)
        distances[both & (codes[first] == codes[second])] = 0.0
        distances[both & (codes[first] != codes[second])] = _APART
    tree = linkage(distances, method="average")
    if voices is None:
        assignment = fcluster(tree, t=SPLIT_DISTANCE, criterion="distance")
    else:
        assignment = fcluster(tree, t=max(1, voices), criterion="maxclust")
    return [clustered[assignment == cluster] for cluster in np.unique(assignment)]


def _merged_by_name(seeds: list[tuple[str | None, FloatArray]], embeddings: EpisodeEmbeddings,
                    labels: Sequence[str | None]) -> list[tuple[str | None, FloatArray]]:
    """One seed per hand-labelled speaker (two clusters named alike are one voice), and a
    seed for a speaker whose lines were all too short to cluster."""
    merged: dict[str, FloatArray] = {}
    unnamed: list[tuple[str | None, FloatArray]] = []
    for name, centroid in seeds:
        if name is None:
            unnamed.append((None, centroid))
    for name in dict.fromkeys(label for label in labels if label):
        own = [i for i, label in enumerate(labels) if label == name and embeddings.speech_ms[i]]
        if own:
            merged[name] = _unit(embeddings.line_embeddings[own].mean(axis=0))
    return [*((name, centroid) for name, centroid in merged.items()), *unnamed]


def _grouping(seeds: list[tuple[str | None, FloatArray]], embeddings: EpisodeEmbeddings,
              lines: Sequence[LineSpan], labels: Sequence[str | None],
              keep_small: bool = False) -> Grouping:
    """Every unlabelled line to its nearest seed's voice (or unassigned), then the groups'
    voices recomputed from their lines."""
    count = embeddings.line_count
    unlabelled = np.array([label is None for label in labels], dtype=bool)
    voiced = embeddings.has_voice()
    if not seeds:
        return Grouping((), tuple(np.flatnonzero(unlabelled).tolist()),
                        np.full(count, -1, dtype=np.int64))
    durations = np.array([line.end_ms - line.start_ms for line in lines], dtype=np.int64)
    while True:
        assigned = _assign(np.stack([centroid for _name, centroid in seeds]), embeddings)
        line_group = np.where(unlabelled & voiced, assigned, -1)
        names = [name for name, _centroid in seeds]
        for index, name in enumerate(names):
            if name is not None:
                line_group[[i for i, label in enumerate(labels) if label == name]] = index
        totals = [int(durations[line_group == index].sum()) for index in range(len(names))]
        # A few stray lines (short ones that sound alike) are no voice: their lines go to
        # the real voices, or to review.
        stray_below = min(MIN_GROUP_MS, MIN_GROUP_SHARE * int(durations.sum()))
        small = [index for index, name in enumerate(names)
                 if name is None and totals[index] < stray_below and not keep_small]
        if not small or len(small) == len(seeds):
            break
        seeds = [seed for index, seed in enumerate(seeds) if index not in small]
    groups: list[tuple[int, VoiceGroup]] = []
    for index, name in enumerate(names):
        members = np.flatnonzero(line_group == index)
        if len(members) == 0:
            continue
        groups.append((index, _group(members, name, labels, embeddings, lines, totals[index])))
    groups.sort(key=lambda pair: -pair[1].total_ms)
    renumber = np.full(len(names) + 1, -1, dtype=np.int64)
    for new, (old, _kept) in enumerate(groups):
        renumber[old] = new
    line_group = renumber[line_group]  # -1 indexes the last entry, which stays -1
    unassigned = np.flatnonzero(unlabelled & (line_group < 0))
    return Grouping(tuple(group for _old, group in groups), tuple(unassigned.tolist()),
                    line_group)


def _assign(centroids: FloatArray, embeddings: EpisodeEmbeddings) -> IntArray:
    """The nearest voice of each line, -1 where it is not clearly one of them."""
    similarity = embeddings.line_embeddings @ centroids.T
    best = np.argmax(similarity, axis=1)
    top = similarity[np.arange(len(best)), best]
    if centroids.shape[0] > 1:
        second = np.partition(similarity, -2, axis=1)[:, -2]
    else:
        second = np.full(len(best), -1.0)
    weak = embeddings.weak
    clear = np.where(weak, (top >= WEAK_MIN_SIMILARITY) & (top - second >= WEAK_MIN_MARGIN),
                     (top >= MIN_SIMILARITY) & (top - second >= MIN_MARGIN))
    assigned: IntArray = np.where(clear, best, -1).astype(np.int64)
    return assigned


def _group(members: IntArray, name: str | None, labels: Sequence[str | None],
           embeddings: EpisodeEmbeddings, lines: Sequence[LineSpan], total: int) -> VoiceGroup:
    usable = members[embeddings.has_voice()[members]]
    strong = usable[~embeddings.weak[usable]]
    basis = strong if len(strong) else usable
    centroid = (_unit(embeddings.line_embeddings[basis].mean(axis=0)) if len(basis)
                else np.zeros(embeddings.line_embeddings.shape[1], dtype=np.float32))
    typical_line = int(basis[np.argmax(embeddings.line_embeddings[basis] @ centroid)]
                       if len(basis) else members[0])
    start = lines[typical_line].start_ms
    return VoiceGroup(
        lines=tuple(int(i) for i in members if labels[i] is None),
        hand_labelled=tuple(int(i) for i in members if labels[i] is not None),
        speaker=name, total_ms=total,
        typical=(start, min(lines[typical_line].end_ms, start + TYPICAL_MS)),
        typical_line=typical_line, centroid=centroid)


def merge_groups(embeddings: EpisodeEmbeddings, lines: Sequence[LineSpan],
                 labels: Sequence[str | None], grouping: Grouping,
                 first: int, second: int) -> Grouping:
    """``grouping`` with groups ``first`` and ``second`` as one voice (their lines together;
    the unassigned lines stay as they were). Two groups of different hand-labelled speakers
    cannot be merged (ValueError): relabel one of them first."""
    a, b = grouping.groups[first], grouping.groups[second]
    if a.speaker and b.speaker and a.speaker != b.speaker:
        raise ValueError("groups of two different speakers cannot be merged")
    members = np.array(sorted(a.lines + a.hand_labelled + b.lines + b.hand_labelled),
                       dtype=np.int64)
    merged = _group(members, a.speaker or b.speaker, labels, embeddings, lines,
                    a.total_ms + b.total_ms)
    rest = [group for index, group in enumerate(grouping.groups) if index not in (first, second)]
    groups = sorted([*rest, merged], key=lambda group: -group.total_ms)
    line_group = np.full(embeddings.line_count, -1, dtype=np.int64)
    for index, group in enumerate(groups):
        line_group[list(group.lines + group.hand_labelled)] = index
    return replace(grouping, groups=tuple(groups), line_group=line_group)
