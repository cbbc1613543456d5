"""One decoding pass over an episode's audio: peaks, speech activity and loudness together."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from meelezer.audio.analysis import AudioAnalysis, FloatArray, Loudness, SpeechRegion
from meelezer.audio.decode import SAMPLE_RATE, AudioDecoder, DecodeReport
from meelezer.audio.peaks import GrowingArray, PeakBuilder
from meelezer.audio.speech import FRAME_MS, frame_energies_db, speech_regions
from meelezer.work import WorkContext

LOUDNESS_WINDOW_MS = 100
_SAMPLES_PER_FRAME = SAMPLE_RATE * FRAME_MS // 1000
METHOD = {"decoder": f"PyAV (FFmpeg), {SAMPLE_RATE} Hz mono",
          "vad": "energy, local floor and level, 10 ms frames",
          "loudness": f"RMS dBFS per {LOUDNESS_WINDOW_MS} ms"}


class Analyser:
    """Feeds decoded blocks to the peak, energy and loudness builders; ``snapshot`` gives
    the analysis so far (sharing the arrays, cheap enough to hand out a few times a second;
    speech regions only when asked, else the last ones found)."""

    def __init__(self, expected_ms: int):
        self.expected_ms = expected_ms
        self.peaks = PeakBuilder(expected_ms)
        self.energies = GrowingArray(expected_ms // FRAME_MS + 1)
        self.samples = 0
        self._speech: tuple[SpeechRegion, ...] = ()

    def add(self, block: FloatArray) -> None:
        self.peaks.add(block)
        self.energies.extend(frame_energies_db(block, _SAMPLES_PER_FRAME))
        self.samples += len(block)

    @property
    def analysed_ms(self) -> int:
        return self.samples * 1000 // SAMPLE_RATE

    def snapshot(self, final: bool, with_speech: bool = True) -> AudioAnalysis:
        analysed = self.analysed_ms
        energies = self.energies.view()
        if with_speech or final:
            self._speech = speech_regions(energies)
        return AudioAnalysis(
            duration_ms=analysed if final else max(self.expected_ms, analysed),
            analysed_ms=analysed,
            waveform=self.peaks.waveform(),
            speech=self._speech,
            loudness=loudness(energies),
            method=dict(METHOD))


def loudness(energies_db: FloatArray) -> Loudness:
    """Mean power of each 100 ms window, in dBFS, from the 10 ms frame levels."""
    per_window = LOUDNESS_WINDOW_MS // FRAME_MS
    whole = len(energies_db) // per_window * per_window
    power = np.power(10.0, energies_db[:whole].reshape(-1, per_window) / 10.0).mean(axis=1)
    return Loudness(LOUDNESS_WINDOW_MS, (10.0 * np.log10(power + 1e-12)).astype(np.float32))


def analyse(path: Path, context: WorkContext | None = None,
            partial_every_s: float = 0.4) -> tuple[AudioAnalysis, DecodeReport]:
    """Decode ``path`` once and analyse it; partial analyses go to ``context.progress``.

    Raises ``AudioError`` when the file cannot be read at all and ``Cancelled`` when the
    context is cancelled; a file that stops early gives the analysis of what it has, and
    the report says so.
    """
    context = context or WorkContext()
    with AudioDecoder(path) as decoder:
        analyser = Analyser(decoder.report.expected_ms)
        started = time.monotonic()
        last_partial = float("-inf")  # the first block shows at once
        last_speech = time.monotonic()
        for block in decoder.blocks():
            context.check()
            analyser.add(block)
            now = time.monotonic()
            # Each partial is a repaint for the views (and a copy across the pipe): spaced
            # out as the pass goes on, ~30 for a long file, the first one at once.
            if now - last_partial >= max(partial_every_s, 0.1 * (now - started)):
                # Speech regions look at 15 s around each frame: recomputing them for the
                # whole prefix each time would add up, so partials carry them now and then.
                with_speech = now - last_speech >= 10 * partial_every_s
                partial = analyser.snapshot(final=False, with_speech=with_speech)
                last_partial = now
                last_speech = now if with_speech else last_speech
                expected = max(decoder.report.expected_ms, 1)
                context.progress(min(0.99, partial.analysed_ms / expected), partial)
        context.check()
        result = analyser.snapshot(final=True)
        context.progress(1.0, None)
        return result, decoder.report
