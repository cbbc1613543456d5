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
