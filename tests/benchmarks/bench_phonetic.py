"""PocketSphinx word times when the structure is known: every spoken line of each truth
recording aligned alone in a window of its true span ± 1 s (the window's edges hold the ends
of the neighbouring lines). What refining can reach at best, per language; the speed is CPU
time of ``align_chunk`` against the windows' audio."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from registry import Result

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "tests") not in sys.path:
    sys.path.insert(0, str(REPO / "tests"))  # for helpers/

from helpers.alignment_truth import CONDITIONS, TruthRecording, truth_recording  # noqa: E402

NAME = "phonetic-oracle"
MARGIN_MS = 1000


def _samples(path: Path) -> np.ndarray:
    from meelezer.audio.decode import AudioDecoder

    with AudioDecoder(path) as decoder:
        audio = np.concatenate(list(decoder.blocks()))
    return (np.clip(audio, -1.0, 1.0) * 32767).astype(np.int16)


def _errors(recording: TruthRecording, aligner: object) -> tuple[list[int], int, int, float, float]:
    """Word start errors (ms), lines, lines without a path, window seconds, CPU seconds."""
    from meelezer.audio.alignment.phonetic import PHONETIC_RATE, PhoneticAligner

    assert isinstance(aligner, PhoneticAligner)
    samples = _samples(recording.audio)
    per_ms = PHONETIC_RATE // 1000
    errors: list[int] = []
    lines = failed = 0
    audio_s = cpu_s = 0.0
    for line in recording.lines:
        if not line.in_audio:
            continue
        start = max(0, line.start_ms - MARGIN_MS)
        window = samples[start * per_ms:(line.end_ms + MARGIN_MS) * per_ms]
        began = time.process_time()
        result = aligner.align_chunk(window, [line.text])
        cpu_s += time.process_time() - began
        audio_s += len(window) / PHONETIC_RATE
        lines += 1
        if result is None:
            failed += 1
            continue
        errors += [abs(start + timing.start_ms - truth)
                   for timing, truth in zip(result.words[0], line.word_starts_ms, strict=True)
                   if timing is not None and truth is not None]
    return errors, lines, failed, audio_s, cpu_s


def bench_phonetic_oracle() -> list[Result]:
    from meelezer.audio.alignment.phonetic import PhoneticAligner

    rows: list[Result] = []
    for language in ("en", "nl"):
        aligner = PhoneticAligner(language)
        errors: list[int] = []
        lines = failed = 0
        audio_s = cpu_s = 0.0
        for condition in CONDITIONS:
            if condition.language != language:
                continue
            found, count, lost, seconds, cpu = _errors(truth_recording(condition), aligner)
            errors += found
            lines, failed, audio_s, cpu_s = (lines + count, failed + lost, audio_s + seconds,
                                             cpu_s + cpu)
        values = np.array(errors, dtype=float)
        label = f"{NAME} {language}"
        rows += [
            Result(label, "word start error median", float(np.median(values)), "ms"),
            Result(label, "word start error p95", float(np.percentile(values, 95)), "ms"),
            Result(label, "words > 0.5 s off", float(np.mean(values > 500) * 100), "%"),
            Result(label, "lines without a path", failed / max(lines, 1) * 100, "%"),
            Result(label, "speed (CPU, one core)", audio_s / max(cpu_s, 1e-9), "x real time"),
        ]
    return rows
