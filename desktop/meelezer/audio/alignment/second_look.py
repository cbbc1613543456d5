"""A second look at lines that matched badly: is the line in the audio at all?

A line the audio does not have (a title, a hallucinated tail) is still given some audio by
the first pass, often its neighbour's, which then matches badly too. So each doubtful line
is looked for on its own, anywhere between the well-matched lines around it (subsequence
DTW: free start and end). A line that matches nowhere there as well as a typical line is
not spoken; the stretch around such lines is then aligned again without them, so their
neighbours get their own audio back. Its verdict is only a first opinion: ``verification``
checks it, and the lines around it, with an acoustic model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
# Shorter lines ("Ja.", "Dus.") match anything about as well as nothing: too little to tell.
_UNSPOKEN_MIN_MS = 800
_MIN_MARGIN = 0.05
_DECOYS = 3
# A line found elsewhere matching at least this well, and this much better than where the
# first pass put it, at least this far away (and this long), is moved there.
MOVED_CONFIDENCE = 0.8
_MOVED_GAIN = 0.3
_MOVED_MIN_MS = 1000
_DECOY_MARGIN_MS = 1000
SOLID_CONFIDENCE = 0.9
_SOLID_STRETCH = (0.6, 1.8)
DOUBTFUL_STRETCH = (0.5, 2.5)
_SEARCH_MS = 30_000  # how far from its first-pass place a doubtful line is looked for
_SEARCH_STEPS = Steps(up=1.0, up_silent=0.0, left=3.0, left_silent=0.0)


def solid_lines(matches: Sequence[LineMatch], scores: Sequence[float]) -> list[int]:
    """Lines matched well and at a plausible speed: fixed points for the second look."""
    return [index for index, (match, score) in enumerate(zip(matches, scores, strict=True))
            if match.start_frame >= 0 and score >= SOLID_CONFIDENCE
            and _SOLID_STRETCH[0] <= match.stretch <= _SOLID_STRETCH[1]]


@dataclass(frozen=True)
class Verdict:
    """Doubtful lines found nowhere near their place (with their best confidence), and
    lines found clearly better elsewhere than where the first pass put them (the real frame
    where their speech starts there)."""

    unspoken: dict[int, float]
    moved: dict[int, int]


def second_look(recording: Recording, reference: Reference, matches: Sequence[LineMatch],
                scores: Sequence[float], anchored: Sequence[bool], typical: float,
                unrelated: float, check: Callable[[], None]) -> Verdict:
    """Each doubtful line looked for on its own between the solid lines around it."""
    solid = solid_lines(matches, scores)
    unspoken: dict[int, float] = {}
    moved: dict[int, int] = {}
    for index, (match, score) in enumerate(zip(matches, scores, strict=True)):
        first, end = reference.line_frames[index]
        spoken = np.flatnonzero(~reference.silent[first:end]) + first
        if anchored[index] or len(spoken) == 0 or (
                match.start_frame >= 0 and score >= DOUBTFUL_CONFIDENCE
                and DOUBTFUL_STRETCH[0] <= match.stretch <= DOUBTFUL_STRETCH[1]):
            continue
        check()
        rows = _search_rows(index, solid, matches, len(recording.features))
        cost, start = best_match(recording, reference, rows,
                                  (int(spoken[0]), int(spoken[-1]) + 1))
        # Any text matches somewhat when warped freely: how well do other lines of about
        # this length, spoken elsewhere, match here? A spoken line must do clearly better.
        decoys = [best_match(recording, reference, rows, columns)[0]
                  for columns in _decoys(index, len(spoken), rows, reference, matches)]
        baseline = float(np.median(decoys)) if decoys else unrelated
        if not baseline - typical > _MIN_MARGIN:
            baseline = unrelated
        found = confidence_of(cost, typical, baseline)
        # Both must fail: a short line can lose to decoys by chance, a line said oddly can
        # match badly in absolute terms, but an unspoken line does both.
        absolute = confidence_of(cost, typical, unrelated)
        if (found < SPOKEN_CONFIDENCE and absolute < SPOKEN_ABSOLUTE_CONFIDENCE
                and len(spoken) * HOP_MS >= _UNSPOKEN_MIN_MS):
            unspoken[index] = found
        elif (absolute >= MOVED_CONFIDENCE and absolute >= score + _MOVED_GAIN
              and len(spoken) * HOP_MS >= _MOVED_MIN_MS
              and abs(start - match.start_frame) * HOP_MS >= _MOVED_MIN_MS):
            moved[index] = start
    return Verdict(unspoken, moved)


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


def best_match(recording: Recording, reference: Reference, rows: tuple[int, int],
                columns: tuple[int, int]) -> tuple[float, int]:
    """Mean distance of the line's sounding frames along its best match inside ``rows``,
    and the real frame where that match starts."""
    x = recording.features[rows[0]:rows[1]]
    y = reference.features[columns[0]:columns[1]]
    if len(x) < max(4, len(y) // 4):
        return float("inf"), -1
    path = band_path(x, y, np.zeros(len(x), np.int64), np.full(len(x), len(y), np.int64),
                     open_begin=True, open_end=True, steps=_SEARCH_STEPS,
                     y_silent=reference.pause[columns[0]:columns[1]].astype(np.float32))
    sounding = ~reference.silent[columns[0]:columns[1]][path[:, 1]]
    difference = x[path[:, 0]] - y[path[:, 1]]
    distances = np.sqrt((difference * difference).sum(axis=1))[sounding]
    if not len(distances):
        return float("inf"), -1
    return float(distances.mean()), rows[0] + int(path[np.argmax(sounding), 0])


def realigned(mapped: Mapping, recording: Recording, reference: Reference,
              verdict: Verdict, solid: Sequence[int], steps: Steps,
              check: Callable[[], None]) -> IntArray:
    """The joined path, aligned again between the solid lines around each unspoken or moved
    line: without the unspoken ones, and through each moved line's new start."""
    path = mapped.path
    columns = len(reference.features)
    keep = np.ones(columns, dtype=np.bool_)
    for index in verdict.unspoken:
        keep[reference.line_frames[index][0]:reference.line_frames[index][1]] = False
    changed = [*verdict.unspoken, *verdict.moved]
    windows = sorted({(max((index for index in solid if index < line), default=-1),
                       min((index for index in solid if index > line), default=-1))
                      for line in changed})
    for before, after in windows:
        begin_column = reference.line_frames[before][0] if before >= 0 else 0
        end_column = reference.line_frames[after][1] - 1 if after >= 0 else columns - 1
        begin = (int(mapped.first_row[begin_column]) if before >= 0 else 0, begin_column)
        end = (int(mapped.last_row[end_column]) if after >= 0 else len(recording.features) - 1,
               end_column)
        # Fixed points: the window's ends and each moved line's new start, in order.
        points = [begin]
        for line in sorted(verdict.moved):
            if (before < line < (after if after >= 0 else columns)):
                first_spoken = int(np.argmax(~reference.silent[
                    reference.line_frames[line][0]:reference.line_frames[line][1]]))
                point = (verdict.moved[line], reference.line_frames[line][0] + first_spoken)
                if points[-1][0] + 1 < point[0] < end[0] and points[-1][1] + 1 < point[1] < end[1]:
                    points.append(point)
        pieces: list[IntArray] = []
        for (row, column), (next_row, next_column) in zip(
                points, [*points[1:], (end[0] + 1, end[1] + 1)], strict=True):
            kept = np.flatnonzero(keep[column:next_column]) + column
            if next_row - row < 2 or len(kept) < 2:
                break
            piece = multiscale_path(recording.features[row:next_row],
                                    reference.features[kept], open_begin=False,
                                    open_end=False, steps=steps,
                                    y_silent=reference.pause[kept], check=check)
            pieces.append(np.column_stack((piece[:, 0] + row, kept[piece[:, 1]])))
        else:
            cells = (path[:, 0] >= begin[0]) & (path[:, 0] <= end[0]) & \
                (path[:, 1] >= begin[1]) & (path[:, 1] <= end[1])
            inside = np.flatnonzero(cells)
            if len(inside):
                path = np.concatenate((path[:inside[0]], *pieces, path[inside[-1] + 1:]))
    return path
