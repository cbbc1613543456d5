"""A voice embedding per transcript line, from one decoding pass over the episode's audio.

Each line's audio is what lies within its times and inside the analysis's speech regions
(pauses and silence carry no voice), raised to Resemblyzer's loudness and cut into 1.6 s
windows; the windows of many lines go through the network in batches and a line's
embedding is the normalised mean of its windows'. The window embeddings are kept too: they
show where the voice changes within a long line. The audio is decoded block by block and
dropped once the lines over it are done, so memory stays flat however long the episode.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from meelezer.audio.analysis import SAMPLE_RATE, FloatArray, SpeechRegion
from meelezer.audio.decode import AudioDecoder
from meelezer.audio.voices.encoder import (
    BATCH_WINDOWS,
    EMBEDDING_SIZE,
    MODEL_ID,
    WINDOW_FRAMES,
    VoiceEncoder,
    window_starts,
)
from meelezer.audio.voices.frontend import HOP_SAMPLES, mel_spectrogram, normalise_volume
from meelezer.work import WorkContext

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

# Under this much speech a line's embedding is unreliable (the network wants 1.6 s).
WEAK_BELOW_MS = 1000
_WINDOW_SAMPLES = WINDOW_FRAMES * HOP_SAMPLES


@dataclass(frozen=True)
class LineSpan:
    """A transcript line's times, [start_ms, end_ms)."""

    start_ms: int
    end_ms: int


@dataclass(frozen=True, eq=False)
class EpisodeEmbeddings:
    """Voice embeddings of an episode's lines (in the order the lines were given)."""

    line_embeddings: FloatArray  # (lines, 256) unit vectors; zeros for a line with no audio
    speech_ms: IntArray  # (lines,) how much speech each line's embedding is made of
    weak: BoolArray  # (lines,) under WEAK_BELOW_MS of speech: unreliable
    window_embeddings: FloatArray  # (windows, 256) one per 1.6 s window
    window_line: IntArray  # (windows,) the line each window belongs to
    window_start_ms: IntArray  # (windows,) where each window's audio starts and ends
    window_end_ms: IntArray
    model: str = MODEL_ID

    @property
    def line_count(self) -> int:
        return len(self.line_embeddings)

    def has_voice(self) -> BoolArray:
        """Lines with an embedding at all (some speech within their times)."""
        voiced: BoolArray = self.speech_ms > 0
        return voiced

    def windows_of(self, line: int) -> IntArray:
        found: IntArray = np.flatnonzero(self.window_line == line).astype(np.int64)
        return found


def speech_parts(line: LineSpan, speech: Sequence[SpeechRegion],
                 starts: IntArray) -> list[tuple[int, int]]:
    """The parts of ``line`` inside speech regions, in ms; the whole line when the speech
    activity found nothing there (a quiet voice under the threshold is still a voice)."""
    first = max(0, int(np.searchsorted(starts, line.start_ms, side="right")) - 1)
    parts: list[tuple[int, int]] = []
    for region in speech[first:]:
        if region.start_ms >= line.end_ms:
            break
        start, end = max(region.start_ms, line.start_ms), min(region.end_ms, line.end_ms)
        if end > start:
            parts.append((start, end))
    return parts or [(line.start_ms, line.end_ms)]


class _RollingAudio:
    """Decoded samples from ``offset`` on; older ones are dropped when no line needs them."""

    def __init__(self) -> None:
        self.offset = 0
        self._blocks: list[FloatArray] = []
        self.end = 0

    def append(self, block: FloatArray) -> None:
        self._blocks.append(block)
        self.end += len(block)

    def take(self, start: int, end: int) -> FloatArray:
        start, end = max(start, self.offset), min(end, self.end)
        if end <= start:
            return np.zeros(0, dtype=np.float32)
        joined = np.concatenate(self._blocks) if len(self._blocks) > 1 else self._blocks[0]
        self._blocks = [joined]
        return joined[start - self.offset:end - self.offset]

    def drop_before(self, sample: int) -> None:
        if sample <= self.offset or not self._blocks:
            return
        joined = np.concatenate(self._blocks) if len(self._blocks) > 1 else self._blocks[0]
        cut = min(sample - self.offset, len(joined))
        self._blocks = [joined[cut:].copy()] if cut < len(joined) else []
        self.offset += cut


@dataclass
class _Windows:
    """Windows waiting for the network, and the results so far."""

    encoder: VoiceEncoder
    pending: list[FloatArray] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    starts_ms: list[int] = field(default_factory=list)
    ends_ms: list[int] = field(default_factory=list)
    embedded: list[FloatArray] = field(default_factory=list)

    def add(self, mel: FloatArray, line: int, start_ms: int, end_ms: int) -> None:
        self.pending.append(mel)
        self.lines.append(line)
        self.starts_ms.append(start_ms)
        self.ends_ms.append(end_ms)

    def run(self, everything: bool = False) -> None:
        while len(self.pending) >= BATCH_WINDOWS or (everything and self.pending):
            batch, self.pending = self.pending[:BATCH_WINDOWS], self.pending[BATCH_WINDOWS:]
            self.embedded.append(self.encoder.embed(np.stack(batch)))


def _to_audio_ms(parts: list[tuple[int, int]], offset_ms: float) -> int:
    """A time in the joined speech parts -> the episode's time."""
    for start, end in parts:
        if offset_ms <= end - start:
            return int(start + offset_ms)
        offset_ms -= end - start
    return parts[-1][1]


def _line_windows(samples: FloatArray, parts: list[tuple[int, int]], line: int,
                  windows: _Windows) -> None:
    if len(samples) == 0:
        return
    starts = window_starts(len(samples))
    padded_length = max(len(samples), starts[-1] * HOP_SAMPLES + _WINDOW_SAMPLES)
    raised = normalise_volume(samples)
    if len(samples) < _WINDOW_SAMPLES:
        # A short line ("yes") repeated to fill its window: measured on the benchmark
        # episodes, its voice is told better than from a window that is mostly zeros.
        padded = np.resize(raised, padded_length)
    else:
        padded = np.pad(raised, (0, padded_length - len(samples)))
    mel = mel_spectrogram(padded)
    for start in starts:
        window = mel[start:start + WINDOW_FRAMES]
        first_ms = start * HOP_SAMPLES * 1000 / SAMPLE_RATE
        last_ms = min(len(samples), start * HOP_SAMPLES + _WINDOW_SAMPLES) * 1000 / SAMPLE_RATE
        windows.add(window, line, _to_audio_ms(parts, first_ms), _to_audio_ms(parts, last_ms))


def _samples(ms: int) -> int:
    return ms * SAMPLE_RATE // 1000


def embed_lines(audio: Path, lines: Sequence[LineSpan], speech: Sequence[SpeechRegion],
                context: WorkContext | None = None,
                encoder: VoiceEncoder | None = None) -> EpisodeEmbeddings:
    """Embeddings of every line of ``lines`` (by their index); ``speech`` is the episode's
    ``AudioAnalysis.speech``. Raises ``AudioError`` or ``Cancelled``."""
    context = context or WorkContext()
    encoder = encoder or VoiceEncoder()
    region_starts = np.array([region.start_ms for region in speech], dtype=np.int64)
    order = sorted(range(len(lines)), key=lambda i: (lines[i].start_ms, lines[i].end_ms))
    parts = [speech_parts(lines[i], speech, region_starts) for i in range(len(lines))]
    speech_ms = np.zeros(len(lines), dtype=np.int64)
    windows = _Windows(encoder)
    rolling = _RollingAudio()
    next_line = 0
    with AudioDecoder(audio) as decoder:
        expected = max(decoder.report.expected_ms, max((s.end_ms for s in lines), default=1))

        def finish_lines(until_sample: int) -> None:
            nonlocal next_line
            while (next_line < len(order)
                   and _samples(lines[order[next_line]].end_ms) <= until_sample):
                line = order[next_line]
                pieces = [rolling.take(_samples(start), _samples(end))
                          for start, end in parts[line]]
                samples = np.concatenate(pieces) if pieces else np.zeros(0, np.float32)
                speech_ms[line] = len(samples) * 1000 // SAMPLE_RATE
                _line_windows(samples, parts[line], line, windows)
                next_line += 1
            rolling.drop_before(_samples(lines[order[next_line]].start_ms)
                                if next_line < len(order) else rolling.end)

        for block in _checked(decoder.blocks(), context):
            rolling.append(block)
            finish_lines(rolling.end)
            if next_line == len(order):
                break  # the rest of the audio has no lines
            if len(windows.pending) >= BATCH_WINDOWS:
                windows.run()
                context.progress(min(0.99, rolling.end * 1000 / SAMPLE_RATE / expected))
        finish_lines(2**62)  # lines past the end of the audio get what there is
        context.check()
        windows.run(everything=True)
    context.progress(1.0)
    return _collect(len(lines), speech_ms, windows)


def _checked(blocks: Iterator[FloatArray], context: WorkContext) -> Iterator[FloatArray]:
    for block in blocks:
        context.check()
        yield block


def _collect(count: int, speech_ms: IntArray, windows: _Windows) -> EpisodeEmbeddings:
    window_embeddings = (np.concatenate(windows.embedded) if windows.embedded
                         else np.zeros((0, EMBEDDING_SIZE), dtype=np.float32))
    window_line = np.array(windows.lines, dtype=np.int64)
    sums = np.zeros((count, EMBEDDING_SIZE), dtype=np.float64)
    np.add.at(sums, window_line, window_embeddings)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    line_embeddings = np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0)
    return EpisodeEmbeddings(
        line_embeddings=line_embeddings.astype(np.float32), speech_ms=speech_ms,
        weak=speech_ms < WEAK_BELOW_MS, window_embeddings=window_embeddings,
        window_line=window_line, window_start_ms=np.array(windows.starts_ms, dtype=np.int64),
        window_end_ms=np.array(windows.ends_ms, dtype=np.int64))
