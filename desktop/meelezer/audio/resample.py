"""Decoded frames to 16 kHz mono float32, as cheaply as the source allows.

Decoding a two-hour episode is most of the analysis's budget, and FFmpeg's general
resampler added ~60 % on top of decoding 48 kHz Opus (measured: 1.65 s decoding, +1.0 s
resampling per 10 min of the demo, CPU time). Opus is always 48 kHz and most other podcast
audio 48 or 32 kHz: a whole-number ratio, where a short polyphase low-pass (one matrix
product per block) does the same job for a fraction of that. Other rates (44.1 kHz MP3)
go through FFmpeg's ``aresample``; sample formats other than planar float through its
``aformat``. Channels are averaged here (FFmpeg's down-mix would weigh stereo 3 dB louder
than the same sound in mono).
"""

from __future__ import annotations

import itertools

import av
import av.error
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from meelezer.audio.analysis import SAMPLE_RATE, FloatArray

TARGET_RATE = SAMPLE_RATE
_TAPS = 49  # odd: the filter's centre is a sample, so the output is not shifted in time
_BATCH = 48_000  # input samples filtered at once


class ToTargetRate:
    """Feed decoded frames, get 16 kHz mono float32 arrays back."""

    def __init__(self, stream: av.audio.stream.AudioStream):
        rate = stream.rate or TARGET_RATE
        self._decimator = (_Decimator(rate // TARGET_RATE)
                           if rate % TARGET_RATE == 0 and rate > TARGET_RATE else None)
        self._direct = rate % TARGET_RATE == 0
        self._graph = _FilterGraph(stream, resample=not self._direct)

    def push(self, frame: av.AudioFrame | None) -> list[FloatArray]:
        """A frame (None at the end) in; whatever output is ready out."""
        if frame is not None and self._direct and frame.format.name == "fltp":
            chunks = [_mean_of_channels(frame)]
        else:
            chunks = self._graph.push(frame)
        if self._decimator is None:
            return chunks
        out = [self._decimator.push(chunk) for chunk in chunks]
        if frame is None:
            out.append(self._decimator.finish())
        return [chunk for chunk in out if len(chunk)]


class _Decimator:
    """Low-pass (windowed sinc, cut at 7.2 kHz) and keep every ``factor``-th sample, with
    the filter centred on each kept sample, across chunk boundaries."""

    def __init__(self, factor: int):
        self.factor = factor
        middle = (_TAPS - 1) // 2
        n = np.arange(_TAPS) - middle
        cutoff = 0.45 / factor  # of the input rate: 7.2 kHz of 16 kHz's 8 kHz Nyquist
        taps = 2 * cutoff * np.sinc(2 * cutoff * n) * np.blackman(_TAPS)
        self._taps = (taps / taps.sum()).astype(np.float32)
        # The stream as the filter sees it: half a filter of silence before the first sample.
        self._buffer: FloatArray = np.zeros(middle, dtype=np.float32)
        # Frames are 20 ms; filtering each alone would cost more in calls than in arithmetic.
        self._waiting: list[FloatArray] = []
        self._waiting_samples = 0

    def push(self, samples: FloatArray) -> FloatArray:
        self._waiting.append(samples)
        self._waiting_samples += len(samples)
        if self._waiting_samples < _BATCH:
            return np.zeros(0, dtype=np.float32)
        return self._filter()

    def _filter(self) -> FloatArray:
        buffer = np.concatenate((self._buffer, *self._waiting))
        self._waiting, self._waiting_samples = [], 0
        count = (len(buffer) - _TAPS) // self.factor + 1 if len(buffer) >= _TAPS else 0
        if count <= 0:
            self._buffer = buffer
            return np.zeros(0, dtype=np.float32)
        windows = sliding_window_view(buffer, _TAPS)[: count * self.factor: self.factor]
        out: FloatArray = windows @ self._taps
        self._buffer = buffer[count * self.factor:]
        return out

    def finish(self) -> FloatArray:
        """The last samples, with half a filter of silence after them."""
        self._waiting.append(np.zeros((_TAPS - 1) // 2, dtype=np.float32))
        return self._filter()


class _FilterGraph:
    """FFmpeg's ``aresample`` (when asked) and ``aformat`` to planar float."""

    def __init__(self, stream: av.audio.stream.AudioStream, resample: bool):
        self._graph = av.filter.Graph()
        chain = [self._graph.add_abuffer(template=stream)]
        if resample:
            chain.append(self._graph.add("aresample", str(TARGET_RATE)))
        chain.append(self._graph.add("aformat", "sample_fmts=fltp"))
        self._sink = self._graph.add("abuffersink")
        chain.append(self._sink)
        for source, target in itertools.pairwise(chain):
            source.link_to(target)
        self._graph.configure()

    def push(self, frame: av.AudioFrame | None) -> list[FloatArray]:
        self._graph.push(frame)
        out: list[FloatArray] = []
        while True:
            try:
                converted = self._sink.pull()
            except (av.error.BlockingIOError, av.error.EOFError):
                return out
            assert isinstance(converted, av.AudioFrame)
            out.append(_mean_of_channels(converted))


def _mean_of_channels(frame: av.AudioFrame) -> FloatArray:
    # Planar float32 ("fltp"): one plane per channel.
    if len(frame.planes) == 1:  # read in place: to_ndarray stacks planes, 3x the cost
        mono_plane: FloatArray = np.frombuffer(memoryview(frame.planes[0]), dtype=np.float32,
                                               count=frame.samples).copy()
        return mono_plane
    planes = np.asarray(frame.to_ndarray(), dtype=np.float32)
    mono: FloatArray = planes[0] if planes.shape[0] == 1 else planes.mean(axis=0, dtype=np.float32)
    return mono
