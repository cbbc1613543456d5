"""Synthetic timeline content for tests and benchmarks: labelled lines and an audio analysis
with loud and silent stretches where the test puts them."""

from __future__ import annotations

import numpy as np

from meelezer.audio.analysis import AudioAnalysis, PeakLevel, SpeechRegion, Waveform
from meelezer.ui.transcript_model import LineItem

SPEAKERS = (("Milo Brandt", "#3b7dd8"), ("Wietse Hage", "#d9822b"), ("Rick Lamers", "#2e9e6a"))


def labelled_lines(count: int, line_ms: int = 4_000, gap_ms: int = 500) -> list[LineItem]:
    """``count`` lines, each ``line_ms`` long; speakers take turns of three lines."""
    lines = []
    for row in range(count):
        name, color = SPEAKERS[(row // 3) % len(SPEAKERS)]
        start = row * (line_ms + gap_ms)
        lines.append(LineItem(row + 1, start, start + line_ms, f"Regel {row}: tekst", name,
                              color))
    return lines


def analysis_with_silences(duration_ms: int, silences: list[tuple[int, int]],
                           analysed_ms: int | None = None, amplitude: float = 0.5,
                           ) -> AudioAnalysis:
    """A pyramid of 10/100/1000 ms buckets: ±``amplitude`` except in ``silences`` (ms)."""
    levels = []
    for ms_per_bucket in (10.0, 100.0, 1000.0):
        count = int(np.ceil(duration_ms / ms_per_bucket))
        maxima = np.full(count, amplitude, dtype=np.float32)
        times = np.arange(count) * ms_per_bucket
        for start, end in silences:
            maxima[(times >= start) & (times + ms_per_bucket <= end)] = 0.0
        levels.append(PeakLevel(ms_per_bucket, -maxima, maxima))
    speech = []
    cursor = 0
    for start, end in sorted(silences):
        if start > cursor:
            speech.append(SpeechRegion(cursor, start))
        cursor = end
    if cursor < duration_ms:
        speech.append(SpeechRegion(cursor, duration_ms))
    done = duration_ms if analysed_ms is None else analysed_ms
    return AudioAnalysis(duration_ms, done, Waveform(tuple(levels)), tuple(speech))
