"""Decoding any podcast audio to 16 kHz mono float32, in fixed-size blocks, for analysis.

PyAV (the ``av`` wheel bundles FFmpeg's decoders: MP3, AAC/M4A, Opus, Vorbis, FLAC, WAV,
ALAC…) reads the file packet by packet, so memory stays flat however long the episode is.
libvlc stays the player; this is only for listening to the audio.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import av.error
import numpy as np

from meelezer.audio.analysis import FloatArray
from meelezer.audio.resample import TARGET_RATE, ToTargetRate
from meelezer.texts import translate

SAMPLE_RATE = TARGET_RATE
# 1.92 s: a whole number of 10 ms peak buckets, 30 ms VAD frames and 32 ms model windows.
BLOCK_SAMPLES = 30_720


class AudioError(Exception):
    """The audio cannot be read (the message says why and what to do)."""


@dataclass
class DecodeReport:
    """What the decoder noticed on the way: filled in while ``blocks`` runs."""

    expected_ms: int  # the length the container claims (0: it does not say)
    decoded_samples: int = 0
    damaged_packets: int = 0
    ended_early: bool = False  # the file stopped before its claimed end (truncated?)

    @property
    def decoded_ms(self) -> int:
        return self.decoded_samples * 1000 // SAMPLE_RATE


class AudioDecoder:
    """One audio file opened for decoding; ``blocks()`` yields it once, block by block."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._container = av.open(str(path), mode="r", metadata_errors="ignore")
        except FileNotFoundError as error:
            raise AudioError(translate("Audio", "The audio file is missing: {path}").format(
                path=path)) from error
        except (av.error.FFmpegError, OSError, UnicodeDecodeError) as error:
            raise AudioError(translate(
                "Audio", "This file cannot be read as audio ({reason}): {path}. Check that it "
                "is a complete audio file (MP3, M4A, Opus, Ogg, FLAC or WAV).").format(
                    reason=_reason(error), path=path)) from error
        if not self._container.streams.audio:
            self._container.close()
            raise AudioError(translate(
                "Audio", "This file has no audio stream: {path}").format(path=path))
        self._stream = self._container.streams.audio[0]
        self.report = DecodeReport(expected_ms=self._claimed_ms())

    def _claimed_ms(self) -> int:
        stream = self._stream
        if stream.duration is not None and stream.time_base is not None:
            return int(stream.duration * stream.time_base * 1000)
        if self._container.duration is not None:
            return int(self._container.duration // 1000)  # microseconds
        return 0

    def close(self) -> None:
        self._container.close()

    def __enter__(self) -> AudioDecoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def blocks(self) -> Iterator[FloatArray]:
        """The audio as 16 kHz mono float32 blocks of ``BLOCK_SAMPLES`` (the last shorter).

        A damaged packet is skipped (counted in ``report``); a file that stops being
        readable ends the stream there (``report.ended_early``) rather than failing, so a
        truncated download still shows what it has.
        """
        pending: list[FloatArray] = []
        pending_samples = 0
        graph = ToTargetRate(self._stream)
        try:
            for frames in self._decoded_frames():
                for frame in frames:
                    for samples in graph.push(frame):
                        pending.append(samples)
                        pending_samples += len(samples)
                while pending_samples >= BLOCK_SAMPLES:
                    joined = np.concatenate(pending) if len(pending) > 1 else pending[0]
                    yield joined[:BLOCK_SAMPLES]
                    self.report.decoded_samples += BLOCK_SAMPLES
                    rest = joined[BLOCK_SAMPLES:]
                    pending, pending_samples = ([rest], len(rest)) if len(rest) else ([], 0)
            pending.extend(graph.push(None))
        except av.error.FFmpegError:
            self.report.ended_early = True
        if pending:
            tail = np.concatenate(pending)
            while len(tail):
                yield tail[:BLOCK_SAMPLES]
                self.report.decoded_samples += min(len(tail), BLOCK_SAMPLES)
                tail = tail[BLOCK_SAMPLES:]
        # Half a second of slack: encoders pad and containers round.
        if self.report.expected_ms and self.report.decoded_ms < self.report.expected_ms - 500:
            self.report.ended_early = True

    def _decoded_frames(self) -> Iterator[list[av.AudioFrame]]:
        for packet in self._container.demux(self._stream):
            try:
                yield packet.decode()
            except av.error.FFmpegError:
                self.report.damaged_packets += 1


def _reason(error: BaseException) -> str:
    if isinstance(error, av.error.FFmpegError) and error.strerror:
        return str(error.strerror)
    return str(error) or type(error).__name__
