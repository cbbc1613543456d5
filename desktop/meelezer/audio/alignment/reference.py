"""The text spoken by espeak-ng, line after line, as features with known line and word
frames: the side of the alignment whose timing is known."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from meelezer.audio.alignment.features import (
    HOP_MS,
    FloatArray,
    hop_samples,
    normalised,
    raw_features,
    silent,
)
from meelezer.audio.alignment.synthesis import Speaker

IntArray = npt.NDArray[np.int64]
LINE_PAUSE_MS = 250
PAUSE_MIN_MS = 120  # shorter silences are closures of plosives, not pauses


@dataclass(frozen=True)
class Reference:
    """Normalised features (frames, 13) of all lines spoken one after another.

    ``line_frames[k]`` = (first, end) frame of line k; ``word_frames[k]`` the start frame of
    each of its tokens (-1: not spoken); ``silent`` per frame; ``pause`` per frame: inside
    a silence long enough to be a pause (not a consonant's closure)."""

    features: FloatArray
    silent: npt.NDArray[np.bool_]
    pause: npt.NDArray[np.bool_]
    line_frames: tuple[tuple[int, int], ...]
    word_frames: tuple[tuple[int, ...], ...]


def speak_lines(texts: Sequence[str], language: str, words_per_minute: int,
                check: Callable[[], None]) -> Reference:
    """Speak every line; ``check`` raises to stop (see ``WorkContext.check``)."""
    speaker = Speaker(language, words_per_minute)
    cepstra: list[FloatArray] = []
    levels: list[FloatArray] = []
    line_frames: list[tuple[int, int]] = []
    word_frames: list[tuple[int, ...]] = []
    # A pause before the first line too: the path waits there over audio before the text.
    lead = raw_features(np.zeros(22050 * (LINE_PAUSE_MS + 30) // 1000, np.float32), 22050)
    cepstra.append(lead[0])
    levels.append(lead[1])
    frame = len(lead[1])
    for index, text in enumerate(texts):
        if index % 20 == 0:
            check()
        spoken = speaker.speak(text) if text.strip() else None
        if spoken is None or len(spoken.samples) == 0:
            line_frames.append((frame, frame))
            word_frames.append(tuple(-1 for _ in text.split()))
            continue
        # espeak-ng leaves almost no silence around a line: add a pause, where the path
        # can wait while the real speaker pauses between lines.
        samples = np.concatenate((spoken.samples.astype(np.float32) / 32768.0,
                                  np.zeros(spoken.rate * LINE_PAUSE_MS // 1000, np.float32)))
        line_cepstra, line_levels = raw_features(samples, spoken.rate)
        hop = hop_samples(spoken.rate)
        count = len(line_levels)
        word_frames.append(tuple(
            -1 if start < 0 else frame + min(count - 1, round(start / hop))
            for start in spoken.word_starts))
        line_frames.append((frame, frame + count))
        cepstra.append(line_cepstra)
        levels.append(line_levels)
        frame += count
    all_levels = np.concatenate(levels) if levels else np.zeros(0, np.float32)
    all_cepstra = np.concatenate(cepstra) if cepstra else np.zeros((0, 12), np.float32)
    features = normalised(all_cepstra, all_levels)
    quiet = silent(features)
    return Reference(features, quiet, _long_runs(quiet, PAUSE_MIN_MS // HOP_MS),
                     tuple(line_frames), tuple(word_frames))



def _long_runs(flags: npt.NDArray[np.bool_], shortest: int) -> npt.NDArray[np.bool_]:
    """``flags`` with its True runs shorter than ``shortest`` cleared."""
    result = np.zeros_like(flags)
    changes = np.flatnonzero(np.diff(np.concatenate(([0], flags.view(np.int8), [0]))))
    for start, end in zip(changes[0::2], changes[1::2], strict=True):
        if end - start >= shortest:
            result[start:end] = True
    return result
