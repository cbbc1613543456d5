"""Generated episodes with known speakers for the voice tests: espeak-ng voices of clearly
different variants taking turns of varying length, short interjections among them. (The
honest benchmark uses festival's voices recorded from real people; see tests/benchmarks.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from helpers.audio_files import Samples, espeak_utterance, write_wav
from meelezer.audio.decode import SAMPLE_RATE
from meelezer.audio.voices.embeddings import LineSpan

VOICES = ("en+m3", "en+f4", "en-us+klatt2", "en+m7", "en+f2")
SENTENCES = (
    "The committee met again on Tuesday morning to go over the numbers.",
    "Nobody expected the results to be quite so clear this time.",
    "Please bring the documents to the second floor before lunch.",
    "We will publish everything next week, once the lawyers have read it.",
    "That was the last question for today, thank you all.",
    "I think the model is better at code than at writing poems.",
    "Let me read you the answer it gave, it is rather long.",
    "So the question is whether anyone will pay for this every month.",
    "Honestly I did not expect it to work on the first try.",
    "The benchmark scores look great, but benchmarks are not everything.",
    "Maybe we should try the same prompt in Dutch as well.",
    "He told me the servers were running hot for the whole weekend.",
)
INTERJECTIONS = ("Yes.", "Right.", "Okay.", "Exactly.")


@dataclass(frozen=True)
class VoiceEpisode:
    audio: Path
    lines: tuple[LineSpan, ...]
    speakers: tuple[int, ...]  # the voice index of each line


def voice_episode(folder: Path, voices: int = 3, turns: int = 24, seed: int = 1,
                  interjection_share: float = 0.15) -> VoiceEpisode:
    """``turns`` lines by ``voices`` voices in a random order (never the same voice twice
    in a row), each one or two sentences or an interjection, with 0.3-1.2 s pauses."""
    rng = np.random.default_rng(seed)
    pieces: list[Samples] = [np.zeros(SAMPLE_RATE // 2, dtype=np.float32)]
    position = len(pieces[0])
    lines: list[LineSpan] = []
    speakers: list[int] = []
    previous = -1
    for turn in range(turns):
        speaker = int(rng.choice([v for v in range(voices) if v != previous]))
        previous = speaker
        if turn >= voices and rng.random() < interjection_share:
            text = str(rng.choice(INTERJECTIONS))
        else:
            count = 1 + int(rng.random() < 0.4)
            text = " ".join(str(s) for s in rng.choice(SENTENCES, size=count, replace=False))
        speech = espeak_utterance(text, VOICES[speaker], folder, f"v{speaker}-{abs(hash(text))}")
        speech = speech * np.float32(rng.uniform(0.4, 0.8))
        lines.append(LineSpan(position * 1000 // SAMPLE_RATE,
                              (position + len(speech)) * 1000 // SAMPLE_RATE))
        speakers.append(speaker)
        pieces.append(speech)
        gap = np.zeros(int(rng.uniform(0.3, 1.2) * SAMPLE_RATE), dtype=np.float32)
        pieces.append(gap)
        position += len(speech) + len(gap)
    audio = write_wav(folder / f"episode-{voices}-{seed}.wav", np.concatenate(pieces))
    return VoiceEpisode(audio, tuple(lines), tuple(speakers))
