"""A second look at lines that matched badly: is the line in the audio at all?

A line the audio does not have (a title, a hallucinated tail) is still given some audio by
the first pass, often its neighbour's, which then matches badly too. So each doubtful line
is looked for on its own, anywhere between the well-matched lines around it (subsequence
DTW: free start and end). A line that matches nowhere there as well as a typical line is
not spoken; the stretch around such lines is then aligned again without them, so their
neighbours get their own audio back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from meelezer.audio.alignment.dtw import IntArray, Steps, band_path, multiscale_path
from meelezer.audio.alignment.features import HOP_MS
from meelezer.audio.alignment.recording import Recording
from meelezer.audio.alignment.reference import Reference
from meelezer.audio.alignment.timing import LineMatch, Mapping, confidence_of

DOUBTFUL_CONFIDENCE = 0.8
# Between the decoys' cost (0) and a typical line's (1), a spoken line gets at least this.
SPOKEN_CONFIDENCE = 0.2
# Between unrelated speech (0) and a typical line (1).
SPOKEN_ABSOLUTE_CONFIDENCE = 0.6
_MIN_MARGIN = 0.05
_DECOYS = 3
_DECOY_MARGIN_MS = 1000
SOLID_CONFIDENCE = 0.9
_SOLID_STRETCH = (0.6, 1.8)
_DOUBTFUL_STRETCH = (0.5, 2.5)
_SEARCH_MS = 30_000  # how far from its first-pass place a doubtful line is looked for
_SEARCH_STEPS = Steps(up=1.0, up_silent=0.0, left=3.0, left_silent=0.0)


def solid_lines(matches: Sequence[LineMatch], scores: Sequence[float]) -> list[int]:
    """Lines matched well and at a plausible speed: fixed points for the second look."""
    return [index for index, (match, score) in enumerate(zip(matches, scores, strict=True))
            if match.start_frame >= 0 and score >= SOLID_CONFIDENCE
            and _SOLID_STRETCH[0] <= match.stretch <= _SOLID_STRETCH[1]]


def unspoken_lines(recording: Recording, reference: Reference, matches: Sequence[LineMatch],
                   scores: Sequence[float], anchored: Sequence[bool], typical: float,
                   unrelated: float, check: Callable[[], None]) -> dict[int, float]:
    """The doubtful lines found nowhere near their place, with their best confidence."""
    solid = solid_lines(matches, scores)
    unspoken: dict[int, float] = {}
    for index, (match, score) in enumerate(zip(matches, scores, strict=True)):
        first, end = reference.line_frames[index]
        spoken = np.flatnonzero(~reference.silent[first:end]) + first
        if anchored[index] or len(spoken) == 0 or (
                match.start_frame >= 0 and score >= DOUBTFUL_CONFIDENCE
                and _DOUBTFUL_STRETCH[0] <= match.stretch <= _DOUBTFUL_STRETCH[1]):
            continue
        check()
        rows = _search_rows(index, solid, matches, len(recording.features))
        cost = _best_cost(recording, reference, rows, (int(spoken[0]), int(spoken[-1]) + 1))
        # Any text matches somewhat when warped freely: how well do other lines of about
        # this length, spoken elsewhere, match here? A spoken line must do clearly better.
        decoys = [_best_cost(recording, reference, rows, columns)
                  for columns in _decoys(index, len(spoken), rows, reference, matches)]
        baseline = float(np.median(decoys)) if decoys else unrelated
        if not baseline - typical > _MIN_MARGIN:
            baseline = unrelated
        found = confidence_of(cost, typical, baseline)
        # Both must fail: a short line can lose to decoys by chance, a line said oddly can
        # match badly in absolute terms, but an unspoken line does both.
        if found < SPOKEN_CONFIDENCE and confidence_of(cost, typical, unrelated) < \
                SPOKEN_ABSOLUTE_CONFIDENCE:
            unspoken[index] = found
    return unspoken


def _search_rows(index: int, solid: Sequence[int], matches: Sequence[LineMatch],
                 frames: int) -> tuple[int, int]:
    """Real frames between the solid lines around ``index``, at most ``_SEARCH_MS`` away
    from where the first pass put it."""
    position = int(np.searchsorted(solid, index))
    start = matches[solid[position - 1]].start_frame if position > 0 else 0
    end = matches[solid[position]].end_frame if position < len(solid) else frames
    here = matches[index]
    if here.start_frame >= 0:
        reach = _SEARCH_MS // HOP_MS
        start = max(start, here.start_frame - reach)
        end = min(end, here.end_frame + reach)
    return start, max(start, end)


def _decoys(index: int, frames: int, rows: tuple[int, int], reference: Reference,
            matches: Sequence[LineMatch]) -> list[tuple[int, int]]:
    """Sounding columns of up to ``_DECOYS`` other lines of about ``frames`` frames whose
    first-pass place is outside ``rows``, from far away in the text first."""
    for ratio in (1.5, 3.0):
        picked = _decoys_within(index, frames, ratio, rows, reference, matches)
        if picked:
            return picked
    return []


def _decoys_within(index: int, frames: int, ratio: float, rows: tuple[int, int],
                   reference: Reference, matches: Sequence[LineMatch]) -> list[tuple[int, int]]:
    count = len(reference.line_frames)
    picked: list[tuple[int, int]] = []
    for step in range(1, count):
        other = (index + count // 2 + (step // 2 if step % 2 else -step // 2)) % count
        if other == index:
            continue
        match = matches[other]
        margin = _DECOY_MARGIN_MS // HOP_MS
        if match.start_frame >= 0 and rows[0] - margin <= match.end_frame \
                and match.start_frame <= rows[1] + margin:
            continue
        first, end = reference.line_frames[other]
        spoken = np.flatnonzero(~reference.silent[first:end]) + first
        if len(spoken) == 0 or not frames / ratio <= len(spoken) <= frames * ratio:
            continue
        picked.append((int(spoken[0]), int(spoken[-1]) + 1))
        if len(picked) == _DECOYS:
            break
    return picked


def _best_cost(recording: Recording, reference: Reference, rows: tuple[int, int],
               columns: tuple[int, int]) -> float:
    """Mean distance of the line's sounding frames along its best match inside ``rows``."""
    x = recording.features[rows[0]:rows[1]]
    y = reference.features[columns[0]:columns[1]]
    if len(x) < max(4, len(y) // 4):
        return float("inf")
    path = band_path(x, y, np.zeros(len(x), np.int64), np.full(len(x), len(y), np.int64),
                     open_begin=True, open_end=True, steps=_SEARCH_STEPS,
                     y_silent=reference.pause[columns[0]:columns[1]].astype(np.float32))
    sounding = ~reference.silent[columns[0]:columns[1]][path[:, 1]]
    difference = x[path[:, 0]] - y[path[:, 1]]
    distances = np.sqrt((difference * difference).sum(axis=1))[sounding]
    return float(distances.mean()) if len(distances) else float("inf")


def without_lines(mapped: Mapping, recording: Recording, reference: Reference,
                  unspoken: Sequence[int], solid: Sequence[int], steps: Steps,
                  check: Callable[[], None]) -> IntArray:
    """The joined path, aligned again around each run of unspoken lines without them."""
    path = mapped.path
    columns = len(reference.features)
    keep = np.ones(columns, dtype=np.bool_)
    for index in unspoken:
        keep[reference.line_frames[index][0]:reference.line_frames[index][1]] = False
    # One window per pair of solid lines around unspoken ones.
    windows = sorted({(max((index for index in solid if index < line), default=-1),
                       min((index for index in solid if index > line), default=-1))
                      for line in unspoken})
    for before, after in windows:
        begin_column = reference.line_frames[before][0] if before >= 0 else 0
        end_column = reference.line_frames[after][1] - 1 if after >= 0 else columns - 1
        begin = (int(mapped.first_row[begin_column]) if before >= 0 else 0, begin_column)
        end = (int(mapped.last_row[end_column]) if after >= 0 else len(recording.features) - 1,
               end_column)
        kept = np.flatnonzero(keep[begin[1]:end[1] + 1]) + begin[1]
        if end[0] - begin[0] < 2 or len(kept) < 2:
            continue
        window = multiscale_path(recording.features[begin[0]:end[0] + 1],
                                 reference.features[kept], open_begin=False, open_end=False,
                                 steps=steps, y_silent=reference.pause[kept], check=check)
        window = np.column_stack((window[:, 0] + begin[0], kept[window[:, 1]]))
        cells = (path[:, 0] >= begin[0]) & (path[:, 0] <= end[0]) & \
            (path[:, 1] >= begin[1]) & (path[:, 1] <= end[1])
        inside = np.flatnonzero(cells)
        if len(inside) == 0:
            continue
        path = np.concatenate((path[:inside[0]], window, path[inside[-1] + 1:]))
    return path

