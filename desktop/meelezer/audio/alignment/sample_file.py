"""The decoded audio kept as 16-bit samples in a nameless temporary file, for the acoustic
model (``phonetic``), which needs the samples of most of the file after the warping.

The warping keeps only features, so memory stays flat. Decoding the file a second time would
cost as much as the first (25 s of CPU for the two-hour demo track on this machine, a quarter
of the whole budget); writing the samples while the first decode runs and reading windows back
costs almost nothing (115 MB of disk per hour of audio). The file has no name (``TemporaryFile``),
so nothing is left behind however the process ends.
"""

from __future__ import annotations

import os
import tempfile
from types import TracebackType

import numpy as np
import numpy.typing as npt

from meelezer.audio.decode import SAMPLE_RATE

Int16Array = npt.NDArray[np.int16]
_BYTES = 2


class SampleFile:
    """16 kHz mono samples appended block by block, read back by time."""

    def __init__(self) -> None:
        # Kept open across calls; closed by close() (or when the process ends).
        self._file = tempfile.TemporaryFile(prefix="meelezer-samples-")  # noqa: SIM115
        self.length = 0  # samples written

    @property
    def duration_ms(self) -> int:
        return self.length * 1000 // SAMPLE_RATE

    def append(self, block: npt.NDArray[np.float32]) -> None:
        """Decoded float samples (-1..1) added at the end."""
        pcm = (np.clip(block, -1.0, 1.0) * 32767).astype("<i2")
        self._file.seek(0, os.SEEK_END)
        self._file.write(pcm.tobytes())
        self.length += len(pcm)

    def samples(self, start_ms: int, end_ms: int) -> Int16Array:
        """The audio [start_ms, end_ms), cut to what the file has."""
        start = min(self.length, max(0, start_ms * SAMPLE_RATE // 1000))
        end = min(self.length, max(start, end_ms * SAMPLE_RATE // 1000))
        self._file.seek(start * _BYTES)
        data = self._file.read((end - start) * _BYTES)
        return np.frombuffer(data, dtype="<i2").astype(np.int16)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SampleFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
