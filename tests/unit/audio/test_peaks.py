"""The peak pyramid: each level is the exact min/max envelope of the one below, whatever
the block sizes were."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from meelezer.audio.peaks import SAMPLES_PER_BUCKET, PeakBuilder, pyramid


@pytest.mark.parametrize("count", [1, 3, 4, 5, 1000, 1001])
def test_each_level_is_the_envelope_of_the_finer_one(count: int) -> None:
    rng = np.random.default_rng(count)
    minima = rng.uniform(-1, 0, count).astype(np.float32)
    maxima = rng.uniform(0, 1, count).astype(np.float32)
    levels = pyramid(minima, maxima).levels
    for finer, coarser in itertools.pairwise(levels):
        starts = np.arange(0, len(finer.minima), 4)
        assert coarser.ms_per_bucket == 4 * finer.ms_per_bucket
        assert np.array_equal(coarser.minima, np.minimum.reduceat(finer.minima, starts))
        assert np.array_equal(coarser.maxima, np.maximum.reduceat(finer.maxima, starts))
        assert coarser.minima.dtype == np.float32


def test_blocks_of_any_size_give_the_same_peaks_as_one_block() -> None:
    rng = np.random.default_rng(7)
    samples = rng.uniform(-1, 1, SAMPLES_PER_BUCKET * 100 + 37).astype(np.float32)
    whole = PeakBuilder(1000)
    whole.add(samples)
    split = PeakBuilder(10)  # a wrong expected length only costs a reallocation
    cut = SAMPLES_PER_BUCKET * 33
    split.add(samples[:cut])
    split.add(samples[cut:])
    a, b = whole.waveform().levels[0], split.waveform().levels[0]
    assert len(a.minima) == 101  # the 37 samples at the end make a last, short bucket
    assert np.array_equal(a.minima, b.minima) and np.array_equal(a.maxima, b.maxima)
    assert a.maxima[5] == samples[5 * SAMPLES_PER_BUCKET: 6 * SAMPLES_PER_BUCKET].max()
