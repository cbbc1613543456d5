"""The real audio's features: decoded block by block (16 kHz mono, PyAV), so only the
features of a two-hour file are ever in memory (~35 MB), never its samples (~460 MB)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from meelezer.audio.alignment.features import (
    HOP_MS,
    FeatureStream,
    FloatArray,
    normalised,
)
from meelezer.audio.analysis import SpeechRegion
from meelezer.audio.decode import SAMPLE_RATE, AudioDecoder
from meelezer.audio.speech import speech_regions
from meelezer.work import WorkContext

_GROWTH = 1.5


@dataclass(frozen=True)
class Recording:
    """Normalised features (frames, 13) every ``HOP_MS``; frame levels in dBFS; speech."""

    features: FloatArray
    levels: FloatArray
    speech: tuple[SpeechRegion, ...]
    duration_ms: int

    def speaking(self) -> npt.NDArray[np.bool_]:
        """Per frame: inside a speech region."""
        flags = np.zeros(len(self.levels), dtype=np.bool_)
        for region in self.speech:
            flags[region.start_ms // HOP_MS:region.end_ms // HOP_MS] = True
        return flags


class _Growing:
    def __init__(self, rows: int, columns: int):
        self.data = np.zeros((max(rows, 16), columns), dtype=np.float32)
        self.size = 0

    def extend(self, values: FloatArray) -> None:
        if self.size + len(values) > len(self.data):
            grown = np.zeros((int((self.size + len(values)) * _GROWTH), self.data.shape[1]),
                             dtype=np.float32)
            grown[:self.size] = self.data[:self.size]
            self.data = grown
        self.data[self.size:self.size + len(values)] = values
        self.size += len(values)

    def view(self) -> FloatArray:
        return self.data[:self.size]


def read_recording(path: Path, speech: Sequence[SpeechRegion] | None,
                   context: WorkContext, progress_share: float,
                   keep: Callable[[FloatArray], None] | None = None) -> Recording:
    """Features of the whole file; progress goes from 0 to ``progress_share``. ``keep``
    gets every decoded block (16 kHz mono), e.g. to store the samples (``SampleFile``)."""
    with AudioDecoder(path) as decoder:
        expected_frames = decoder.report.expected_ms // HOP_MS + 1
        stream = FeatureStream(SAMPLE_RATE)
        cepstra = _Growing(expected_frames, 12)
        levels = _Growing(expected_frames, 1)
        for block in decoder.blocks():
            context.check()
            if keep is not None:
                keep(block)
            block_cepstra, block_levels = stream.push(block)
            cepstra.extend(block_cepstra)
            levels.extend(block_levels[:, None])
            if decoder.report.expected_ms:
                context.progress(progress_share * min(
                    1.0, decoder.report.decoded_ms / decoder.report.expected_ms))
        duration_ms = decoder.report.decoded_ms
    frame_levels = levels.view()[:, 0].copy()
    regions = (tuple(speech) if speech is not None
               else speech_regions(frame_levels, frame_ms=HOP_MS))
    recording = Recording(np.zeros((0, 13), np.float32), frame_levels, regions, duration_ms)
    features = normalised(cepstra.view(), frame_levels, recording.speaking())
    return Recording(features, frame_levels, regions, duration_ms)
