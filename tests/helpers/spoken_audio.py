"""Test recordings for the aligner with known truth: lines spoken by an espeak-ng voice other
than the aligner's reference (another variant and rate), with pauses, optional noise and
stretches the text does not have, written as a WAV file."""

from __future__ import annotations

import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from meelezer.audio.alignment.synthesis import Speaker


@dataclass(frozen=True)
class SpokenTruth:
    line_starts_ms: list[int]  # where each spoken line's first word starts
    line_ends_ms: list[int]
    word_starts_ms: list[list[int]]  # per line, per token (-1: not spoken)
    duration_ms: int


def write_recording(path: Path, lines: Sequence[str], *, voice: str, rate: int,
                    pauses_ms: Sequence[int], intro: Sequence[str] = (), intro_ms: int = 0,
                    noise_db: float | None = None, seed: int = 0) -> SpokenTruth:
    """Speak ``lines`` with ``voice`` at ``rate`` wpm, ``pauses_ms[k]`` of silence before line
    k; ``intro`` (lines the transcript does not have) first, padded to ``intro_ms``."""
    speaker = Speaker(voice, rate)
    generator = np.random.default_rng(seed)
    pieces: list[np.ndarray] = []
    sample_rate = 22050
    position = 0

    def add(samples: np.ndarray) -> None:
        nonlocal position
        pieces.append(samples.astype(np.float32))
        position += len(samples)

    for text in intro:
        add(speaker.speak(text).samples)
    if intro_ms:
        add(np.zeros(max(0, intro_ms * sample_rate // 1000 - position), np.float32))
    starts, ends, words = [], [], []
    for text, pause in zip(lines, pauses_ms, strict=True):
        add(np.zeros(pause * sample_rate // 1000, np.float32))
        spoken = speaker.speak(text)
        voiced = np.flatnonzero(np.abs(spoken.samples) > 300)
        first = int(voiced[0]) if len(voiced) else 0
        last = int(voiced[-1]) + 1 if len(voiced) else 0
        starts.append((position + first) * 1000 // sample_rate)
        ends.append((position + last) * 1000 // sample_rate)
        words.append([-1 if start < 0 else (position + max(start, first)) * 1000 // sample_rate
                      for start in spoken.word_starts])
        add(spoken.samples)
    add(np.zeros(sample_rate // 2, np.float32))
    audio = np.concatenate(pieces) / 32768.0
    if noise_db is not None:
        loud = np.sqrt(np.mean(audio[np.abs(audio) > 0.01] ** 2))
        audio = audio + generator.normal(0, loud * 10 ** (-noise_db / 20), len(audio))
    pcm = np.clip(audio * 32767, -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(sample_rate)
        handle.writeframes(pcm.tobytes())
    return SpokenTruth(starts, ends, words, len(pcm) * 1000 // sample_rate)
