"""Synthetic transcripts of any size, built from the vocabulary of the real seed episode."""

from __future__ import annotations

import random
from pathlib import Path

SEED_003 = Path(__file__).resolve().parents[2] / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"


def seed_vocabulary() -> list[str]:
    words: list[str] = []
    for line in SEED_003.read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and "]" in line:
            words.extend(line.split("]", 1)[1].split())
    return words


def write_whisper_text(path: Path, lines: int, seed: int = 3) -> Path:
    """A Whisper-text file of ``lines`` lines, 3–25 words each, with realistic timing."""
    rng = random.Random(seed)
    vocabulary = seed_vocabulary()
    start = 0.0
    parts = ["Video title: Generated episode | Benchmark Show", ""]
    for _ in range(lines):
        count = rng.randint(3, 25)
        duration = count / 2.5 + rng.random()
        text = " ".join(rng.choices(vocabulary, k=count))
        parts.append(f"[{start:.2f} --> {start + duration:.2f}]  {text}")
        start += duration + rng.random() * 0.5
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def write_whisperx_json(path: Path, max_bytes: int, seed: int = 3) -> Path:
    """WhisperX JSON with word times and speakers, as long as fits in ``max_bytes``."""
    import json

    rng = random.Random(seed)
    vocabulary = seed_vocabulary()
    # One segment of 20 words is ~3.4 kB indented; stop a margin below the limit.
    segments: list[dict[str, object]] = []
    at = 0.0
    for _ in range(max_bytes // 3_600):
        speaker = f"SPEAKER_0{rng.randint(0, 2)}"
        words = []
        for _ in range(20):
            words.append({"word": rng.choice(vocabulary), "start": round(at, 3),
                          "end": round(at + 0.3, 3), "score": 0.9, "speaker": speaker})
            at += 0.35
        segments.append({"start": words[0]["start"], "end": words[-1]["end"],
                         "text": " ".join(str(word["word"]) for word in words),
                         "words": words, "speaker": speaker})
    path.write_text(json.dumps({"segments": segments, "language": "nl"}, indent=2),
                    encoding="utf-8")
    if path.stat().st_size > max_bytes:
        raise ValueError(f"{path} came out larger than {max_bytes} bytes")
    return path
