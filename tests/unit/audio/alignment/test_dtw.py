"""The banded, vectorised DTW gives the same cost as a plain cell-by-cell DTW."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from meelezer.audio.alignment.dtw import Steps, band_path, distances, multiscale_path

SKIP = 4.0


def _step_cost(cost: np.ndarray, steps: Steps, silent: np.ndarray, i: int, j: int,
               kind: str) -> float:
    """What entering cell (i, j) by a diagonal, up or left step costs, written plainly."""
    if kind == "diagonal":
        return float(cost[i, j])
    if kind == "up":
        value = cost[i, j] + steps.up + (steps.up_silent - steps.up) * silent[j]
        return float(min(value, SKIP) if silent[j] >= 0.5 else value)
    return float(min(cost[i, j] + steps.left + (steps.left_silent - steps.left) * silent[j],
                     SKIP))


def _plain_cost(cost: np.ndarray, steps: Steps, silent: np.ndarray, open_begin: bool,
                open_end: bool) -> float:
    rows, columns = cost.shape
    total = np.full((rows, columns), np.inf)
    for i in range(rows):
        for j in range(columns):
            best = np.inf
            if j == 0 and (i == 0 or open_begin):
                best = float(cost[i, j])
            if i > 0 and j > 0:
                best = min(best, total[i - 1, j - 1] + _step_cost(cost, steps, silent, i, j,
                                                                  "diagonal"))
            if i > 0:
                best = min(best, total[i - 1, j] + _step_cost(cost, steps, silent, i, j, "up"))
            if j > 0:
                best = min(best, total[i, j - 1] + _step_cost(cost, steps, silent, i, j, "left"))
            total[i, j] = best
    return float(total[:, -1].min() if open_end else total[-1, -1])


def _path_cost(path: np.ndarray, cost: np.ndarray, steps: Steps, silent: np.ndarray) -> float:
    total = float(cost[path[0, 0], path[0, 1]])
    kinds = {(1, 1): "diagonal", (1, 0): "up", (0, 1): "left"}
    for (i0, j0), (i1, j1) in itertools.pairwise(path):
        total += _step_cost(cost, steps, silent, i1, j1, kinds[(i1 - i0, j1 - j0)])
    return total


@pytest.mark.parametrize("open_ends", [False, True])
def test_full_band_matches_plain_dtw(open_ends: bool) -> None:
    generator = np.random.default_rng(3)
    x = generator.normal(size=(37, 4)).astype(np.float32)
    y = generator.normal(size=(29, 4)).astype(np.float32)
    silent = (generator.random(29) < 0.3).astype(np.float32)
    steps = Steps(up=0.7, up_silent=0.1, left=2.0, left_silent=0.2)
    cost = distances(x, y)
    path = band_path(x, y, np.zeros(37, np.int64), np.full(37, 29, np.int64),
                     open_begin=open_ends, open_end=open_ends, steps=steps, y_silent=silent,
                     skip_cost=SKIP)
    assert path[-1, 1] == 28 and path[0, 1] == 0
    if not open_ends:
        assert tuple(path[0]) == (0, 0) and tuple(path[-1]) == (36, 28)
    assert _path_cost(path, cost, steps, silent) == pytest.approx(
        _plain_cost(cost, steps, silent, open_ends, open_ends), rel=1e-9)


def test_coarse_to_fine_finds_a_known_warp() -> None:
    generator = np.random.default_rng(5)
    y = generator.normal(size=(3000, 6)).astype(np.float32)
    # x: y slowed down by half, with noise and 400 frames of something else first.
    warp = np.arange(4500) * 2 // 3
    x = np.concatenate((generator.normal(size=(400, 6)),
                        y[warp] + 0.3 * generator.normal(size=(4500, 6)))).astype(np.float32)
    path = multiscale_path(x, y, open_begin=True, open_end=True, radius=8,
                           steps=Steps(up=0.5, left=3.0))
    rows_of = {int(j): int(i) for i, j in path[::-1]}  # first row per column
    errors = [abs(rows_of[j] - (400 + (3 * j + 1) // 2)) for j in range(0, 3000, 50)]
    assert max(errors) <= 2
