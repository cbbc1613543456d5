"""Dynamic time warping in a band, coarse to fine, with memory that grows with the length
of the audio and never with its square.

Rows are real-audio frames, columns synthetic frames. Each row may only use the columns
[lo, hi) of its band; a row is computed in a handful of numpy operations, because with
A[j] = min(D[i-1, j], D[i-1, j-1]) the recurrence D[i, j] = c[i, j] + min(A[j], D[i, j-1])
unrolls to D[i, j] = S[j] + min over k <= j of (A[k] - S[k-1]), S the running sum of the
row's costs: a cumulative sum and a running minimum. Only the step taken into each cell
(one byte) is kept for the way back. The coarsest level runs over everything; each finer
level runs in a tube around the coarser path (as FastDTW, Salvador & Chan 2007), each
level four times finer than the one above: fewer rows in all than halving each time.

``open_begin``/``open_end``: the path may start/end at any row, so audio before the text's
first frame or after its last costs nothing (an intro, an outro).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from meelezer.audio.alignment.features import FloatArray

IntArray = npt.NDArray[np.int64]
_INFINITY = 1e30
_DIAGONAL, _UP, _LEFT, _START = 0, 1, 2, 4
_ROWS_PER_BLOCK = 128
TOP_CELLS = 32_000_000  # the coarsest level is computed whole up to this many cells
FACTOR = 4  # frames per frame of the next coarser level
RADIUS = 12  # cells of slack on each side of the coarser path


def distances(x: FloatArray, y: FloatArray) -> npt.NDArray[np.float64]:
    """Euclidean distance between every row of ``x`` and every row of ``y``."""
    squared = ((x * x).sum(axis=1)[:, None] + (y * y).sum(axis=1)[None, :]
               - 2.0 * (x @ y.T))
    result: npt.NDArray[np.float64] = np.sqrt(np.maximum(squared, 0.0)).astype(np.float64)
    return result


@dataclass(frozen=True)
class Steps:
    """What each kind of step costs besides the cell's own distance.

    ``up`` advances only the real audio (the reference holds its frame): cheap on a silent
    reference frame (``up_silent``), so the path waits in pauses, not in a quiet consonant.
    ``left`` advances only the reference (text said in no time; ``left_silent``: a pause of
    the reference dropped). ``skip``: a left step, or an up step on a silent reference
    frame, never costs more than this many times the level's unrelated-match distance, so
    skipping a line the audio does not have, or audio the text does not have (an intro, an
    ad: waiting over it in a pause), costs a fixed price per frame instead of smearing the
    neighbours over it. Skipping a line that is there costs that price twice (its text and
    its audio), far more than matching it."""

    up: float = 0.0
    up_silent: float = 0.0
    left: float = 0.0
    left_silent: float = 0.0
    skip: float = np.inf


def band_path(x: FloatArray, y: FloatArray, lo: IntArray, hi: IntArray, *,
              open_begin: bool, open_end: bool, steps: Steps = Steps(),
              y_silent: FloatArray | None = None, skip_cost: float = np.inf,
              check: Callable[[], None] = lambda: None,
              progress: Callable[[float], None] = lambda fraction: None) -> IntArray:
    """The cheapest monotone path (rows of (i, j)) through the band; ``lo``/``hi`` must be
    non-decreasing, with lo[i] <= hi[i - 1], hi[-1] == len(y) and lo[0] == 0.
    ``y_silent``: per column, the share of silent reference frames in it (0..1);
    ``skip_cost``: the most a skipping step costs (see ``Steps``)."""
    rows, columns = len(x), len(y)
    silent_share = np.zeros(columns) if y_silent is None else y_silent.astype(np.float64)
    up_penalty = steps.up + (steps.up_silent - steps.up) * silent_share
    up_cap = np.where(silent_share >= 0.5, skip_cost, np.inf)
    left_penalty = steps.left + (steps.left_silent - steps.left) * silent_share
    widths = hi - lo
    offsets = np.concatenate(([0], np.cumsum(widths)))
    taken = np.empty(int(offsets[-1]), dtype=np.int8)
    previous = np.zeros(0)
    previous_lo = previous_hi = 0
    best_end, end_row = _INFINITY, rows - 1
    block = up_block = left_block = np.zeros((0, 0))
    block_start = block_lo = 0
    for i in range(rows):
        if i % _ROWS_PER_BLOCK == 0:
            check()
            progress(i / rows)
            stop = min(rows, i + _ROWS_PER_BLOCK)
            block_lo, block_hi = int(lo[i]), int(hi[stop - 1])
            block = distances(x[i:stop], y[block_lo:block_hi])
            # What entering each cell costs by each kind of step, for the whole block.
            up_block = np.minimum(block + up_penalty[block_lo:block_hi],
                                  up_cap[block_lo:block_hi])
            left_block = np.minimum(block + left_penalty[block_lo:block_hi], skip_cost)
            block_start = i
        low, high = int(lo[i]), int(hi[i])
        row, first_column = i - block_start, low - block_lo
        cost = block[row, first_column:first_column + high - low]
        # Row above over columns low-1 .. high-1 (infinite outside its band).
        above = np.full(high - low + 1, _INFINITY)
        first, last = max(low - 1, previous_lo), min(high, previous_hi)
        if last > first:
            above[first - low + 1:last - low + 1] = previous[first - previous_lo:last - previous_lo]
        up = above[1:] + up_block[row, first_column:first_column + high - low]
        diagonal = above[:-1] + cost
        arrive = np.minimum(up, diagonal)
        starts_here = low == 0 and (i == 0 or open_begin)
        if starts_here:
            arrive[0] = min(arrive[0], cost[0])
        # Left steps: D[j] = min(arrive[j], D[j-1] + g[j]), g the left-step cost, unrolls to
        # D[j] = G[j] + min over k <= j of (arrive[k] - G[k]), G the running sum of g.
        running = np.cumsum(left_block[row, first_column:first_column + high - low])
        running -= running[0]
        current = running + np.minimum.accumulate(arrive - running)
        # The step into each cell: 2 or 3 from the left, else 0 diagonal, 1 from above.
        step = (diagonal > up).view(np.int8)
        step[1:] += 2 * (current[1:] < arrive[1:])
        if starts_here and step[0] < _LEFT and arrive[0] == cost[0]:
            step[0] = _START
        taken[offsets[i]:offsets[i + 1]] = step
        if high == columns and open_end and current[-1] < best_end:
            best_end, end_row = float(current[-1]), i
        previous, previous_lo, previous_hi = current, low, high
    return _trace_back(taken, offsets, lo, end_row, columns - 1)


def _trace_back(steps: npt.NDArray[np.int8], offsets: IntArray, lo: IntArray,
                row: int, column: int) -> IntArray:
    # Filled from the end into one array: a list of tuples of a two-hour path took ~160 MB.
    path = np.empty((row + column + 2, 2), dtype=np.int64)
    at = len(path)
    while True:
        at -= 1
        path[at] = row, column
        step = steps[offsets[row] + column - lo[row]]
        if step == _START or (row == 0 and column == 0):
            break
        if step == _DIAGONAL:
            row, column = row - 1, column - 1
        elif step == _UP:
            row -= 1
        else:  # _LEFT, or _LEFT + _UP: the left step was taken
            column -= 1
    return path[at:]


def coarser(features: FloatArray) -> FloatArray:
    """Each ``FACTOR`` frames averaged (a trailing partial group too)."""
    whole = len(features) // FACTOR * FACTOR
    groups = features[:whole].reshape(-1, FACTOR, features.shape[1]).mean(axis=1)
    if whole < len(features):
        groups = np.concatenate((groups, features[whole:].mean(axis=0, keepdims=True)))
    result: FloatArray = groups.astype(np.float32)
    return result


def tube(path: IntArray, rows: int, columns: int, radius: int) -> tuple[IntArray, IntArray]:
    """The band at ``FACTOR`` times the resolution of ``path``'s level: every fine cell under
    a coarse path cell, widened by ``radius`` cells in both directions."""
    coarse_rows, coarse_columns = -(-rows // FACTOR), -(-columns // FACTOR)
    coarse_lo = np.full(coarse_rows, np.iinfo(np.int64).max)
    coarse_hi = np.full(coarse_rows, -1, dtype=np.int64)
    np.minimum.at(coarse_lo, path[:, 0], path[:, 1])
    np.maximum.at(coarse_hi, path[:, 0], path[:, 1])
    # Rows before an open beginning or after an open end: anything up to / from the path.
    first, last = int(path[0, 0]), int(path[-1, 0])
    coarse_lo[:first], coarse_hi[:first] = 0, path[0, 1]
    coarse_lo[last + 1:], coarse_hi[last + 1:] = path[-1, 1], coarse_columns - 1
    fine = np.arange(rows) // FACTOR
    lo = np.maximum.accumulate(FACTOR * coarse_lo[fine])
    hi = np.maximum.accumulate(FACTOR * coarse_hi[fine] + FACTOR)
    # Widen: a row may use what its neighbours within ``radius`` rows use, plus ``radius``.
    shifted_lo = np.concatenate((np.full(radius, lo[0]), lo))[:rows]
    shifted_hi = np.concatenate((hi, np.full(radius, hi[-1])))[radius:]
    band_lo = np.clip(shifted_lo - radius, 0, columns - 1)
    band_hi = np.clip(shifted_hi + radius, 1, columns)
    band_lo[0] = 0
    band_hi[-1] = columns
    band_hi = np.maximum.accumulate(band_hi)
    return band_lo.astype(np.int64), band_hi.astype(np.int64)


def multiscale_path(x: FloatArray, y: FloatArray, *, open_begin: bool, open_end: bool,
                    steps: Steps = Steps(), y_silent: npt.NDArray[np.bool_] | None = None,
                    radius: int = RADIUS, check: Callable[[], None] = lambda: None,
                    progress: Callable[[float], None] = lambda fraction: None) -> IntArray:
    """The warping path of ``x`` (rows) against ``y`` (columns) at full resolution."""
    share = (np.zeros(len(y), np.float32) if y_silent is None
             else y_silent.astype(np.float32))[:, None]
    pyramid = [(x, y, share)]
    while len(pyramid[-1][0]) * len(pyramid[-1][1]) > TOP_CELLS and min(
            len(pyramid[-1][0]), len(pyramid[-1][1])) > 4 * radius:
        coarse_x, coarse_y, coarse_share = pyramid[-1]
        pyramid.append((coarser(coarse_x), coarser(coarse_y), coarser(coarse_share)))
    top_x, top_y, top_share = pyramid[-1]
    # Work per level ~ its cells: the top level whole, the others in their tube.
    work = [len(level[0]) * (2 * radius + 4) for level in pyramid[:-1]]
    work.append(len(top_x) * len(top_y))
    total, done = float(sum(work)), 0.0

    def level_progress(fraction: float, level: int) -> None:
        progress((done + fraction * work[level]) / total)

    path = band_path(top_x, top_y, np.zeros(len(top_x), np.int64),
                     np.full(len(top_x), len(top_y), np.int64),
                     open_begin=open_begin, open_end=open_end, steps=steps,
                     y_silent=top_share[:, 0],
                     skip_cost=steps.skip * unrelated_distance(top_x, top_y, top_share[:, 0]),
                     check=check, progress=lambda fraction: level_progress(fraction, -1))
    done += work[-1]
    for level in range(len(pyramid) - 2, -1, -1):
        level_x, level_y, level_share = pyramid[level]
        lo, hi = tube(path, len(level_x), len(level_y), radius)
        path = band_path(level_x, level_y, lo, hi, open_begin=open_begin, open_end=open_end,
                         steps=steps, y_silent=level_share[:, 0],
                         skip_cost=steps.skip * unrelated_distance(
                             level_x, level_y, level_share[:, 0]),
                         check=check, progress=functools.partial(level_progress, level=level))
        done += work[level]
    progress(1.0)
    return path


def unrelated_distance(x: FloatArray, y: FloatArray, y_silent: FloatArray,
                       pairs: int = 4000) -> float:
    """The mean distance between random frames of ``x`` and random sounding frames of
    ``y``: what matching to the wrong speech costs at this level."""
    sounding = np.flatnonzero(y_silent < 0.5)
    if len(x) == 0 or len(sounding) == 0:
        return 1.0
    generator = np.random.default_rng(len(x) * 7919 + len(y))
    picked_x = x[generator.integers(0, len(x), pairs)]
    picked_y = y[sounding[generator.integers(0, len(sounding), pairs)]]
    return float(np.sqrt(((picked_x - picked_y) ** 2).sum(axis=1)).mean())
