"""The min/max peak pyramid, built block by block as the audio is decoded."""

from __future__ import annotations

import numpy as np

from meelezer.audio.analysis import FloatArray, PeakLevel, Waveform
from meelezer.audio.decode import SAMPLE_RATE

FINEST_MS = 10
SAMPLES_PER_BUCKET = SAMPLE_RATE * FINEST_MS // 1000
# Each level is this many times coarser than the one before: 10 ms … 2.56 s per bucket,
# enough for a 1280-pixel view of anything from ten seconds to two hours.
LEVEL_FACTOR = 4
LEVEL_COUNT = 5


class GrowingArray:
    """A float32 array appended to in place; views of its filled part never change later,
    so partial results can share it without copying."""

    def __init__(self, capacity: int):
        self._data = np.zeros(max(capacity, 16), dtype=np.float32)
        self.size = 0

    def extend(self, values: FloatArray) -> None:
        end = self.size + len(values)
        if end > len(self._data):
            grown = np.zeros(max(end, 2 * len(self._data)), dtype=np.float32)
            grown[: self.size] = self._data[: self.size]
            self._data = grown  # views handed out earlier keep the old buffer alive
        self._data[self.size:end] = values
        self.size = end

    def view(self) -> FloatArray:
        return self._data[: self.size]


class PeakBuilder:
    """Min and max of every 10 ms; the coarser levels are reduced from it on request."""

    def __init__(self, expected_ms: int):
        buckets = expected_ms // FINEST_MS + 1
        self.minima = GrowingArray(buckets)
        self.maxima = GrowingArray(buckets)

    def add(self, block: FloatArray) -> None:
        """Add a block whose length is a multiple of a bucket (the last block may not be)."""
        whole = len(block) // SAMPLES_PER_BUCKET * SAMPLES_PER_BUCKET
        shaped = block[:whole].reshape(-1, SAMPLES_PER_BUCKET)
        self.minima.extend(shaped.min(axis=1))
        self.maxima.extend(shaped.max(axis=1))
        if whole < len(block):
            rest = block[whole:]
            self.minima.extend(np.array([rest.min()], dtype=np.float32))
            self.maxima.extend(np.array([rest.max()], dtype=np.float32))

    def waveform(self) -> Waveform:
        return pyramid(self.minima.view(), self.maxima.view())


def pyramid(minima: FloatArray, maxima: FloatArray) -> Waveform:
    """The finest level as given and each coarser one reduced from the one before."""
    levels = [PeakLevel(float(FINEST_MS), minima, maxima)]
    for _ in range(LEVEL_COUNT - 1):
        finer = levels[-1]
        count = len(finer.minima)
        if count == 0:
            break
        starts = np.arange(0, count, LEVEL_FACTOR)
        levels.append(PeakLevel(finer.ms_per_bucket * LEVEL_FACTOR,
                                np.minimum.reduceat(finer.minima, starts),
                                np.maximum.reduceat(finer.maxima, starts)))
    return Waveform(tuple(levels))
