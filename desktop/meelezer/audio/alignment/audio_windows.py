"""Stretches of the real audio as 16-bit samples, for the acoustic model (``phonetic``).

The warping keeps only features, so the few stretches the verification needs are decoded
again in one pass that keeps just those stretches (merged where they overlap) and stops after
the last one: memory follows the stretches, never the length of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from meelezer.audio.decode import SAMPLE_RATE, AudioDecoder

Int16Array = npt.NDArray[np.int16]
_PER_MS = SAMPLE_RATE // 1000


class AudioWindows:
    """The samples of some stretches of a file; ``samples`` answers for any part of them."""

    def __init__(self, stretches: Sequence[tuple[int, int]], samples: Sequence[Int16Array]):
        self._stretches = list(stretches)
        self._samples = list(samples)

    def samples(self, start_ms: int, end_ms: int) -> Int16Array | None:
        """The audio [start_ms, end_ms) (cut to the file's end), or None when it is not
        inside one of the stretches read."""
        start_ms = max(0, start_ms)
        for (first, last), samples in zip(self._stretches, self._samples, strict=True):
            if first <= start_ms and end_ms <= last + 1:
                begin = (start_ms - first) * _PER_MS
                piece = samples[begin:begin + (end_ms - start_ms) * _PER_MS]
                return piece if len(piece) else None
        return None


def merged(stretches: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching stretches joined, in time order."""
    result: list[tuple[int, int]] = []
    for start, end in sorted((max(0, start), end) for start, end in stretches if end > start):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def read_windows(path: Path, stretches: Sequence[tuple[int, int]],
                 check: Callable[[], None]) -> AudioWindows:
    """Decode ``path`` once up to the end of the last stretch, keeping only the stretches."""
    wanted = merged(stretches)
    pieces: list[list[Int16Array]] = [[] for _ in wanted]
    if not wanted:
        return AudioWindows([], [])
    position = 0  # samples decoded so far
    last_sample = wanted[-1][1] * _PER_MS
    with AudioDecoder(path) as decoder:
        for block in decoder.blocks():
            check()
            block_end = position + len(block)
            for index, (start, end) in enumerate(wanted):
                first, last = max(start * _PER_MS, position), min(end * _PER_MS, block_end)
                if first < last:
                    pieces[index].append(np.clip(
                        block[first - position:last - position] * 32768.0, -32768, 32767
                    ).astype(np.int16))
            position = block_end
            if position >= last_sample:
                break
    joined = [np.concatenate(piece) if piece else np.zeros(0, np.int16) for piece in pieces]
    return AudioWindows(wanted, joined)
