"""What the aligner takes and gives: lines with their current times in, line and word times
found in the audio out. Frozen, picklable dataclasses, so the work can run in a child process."""

from __future__ import annotations

from dataclasses import dataclass


class AlignmentError(Exception):
    """The text cannot be aligned (the message says why and what to do)."""


@dataclass(frozen=True, slots=True)
class LineToAlign:
    """A transcript line and its current (maybe estimated) time; ``anchored``: set by hand,
    so kept exactly and used as a fixed point."""

    text: str
    start_ms: int
    end_ms: int
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class AlignedWord:
    """One ``text.split()`` token of a line and where it is spoken."""

    text: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True, slots=True)
class AlignedLine:
    """A line's times in the audio. ``found`` False: not in the audio, the input times kept
    (and the words spread over them); ``confidence`` 0..1, 1 as good as a typical line."""

    start_ms: int
    end_ms: int
    words: tuple[AlignedWord, ...]
    confidence: float
    found: bool


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result for every input line (same order), the stretches of audio the text does
    not cover, and how the new times relate to the old ones (new ≈ offset + (1 + drift) · old)."""

    lines: tuple[AlignedLine, ...]
    language: str
    unmatched_audio: tuple[tuple[int, int], ...]
    offset_ms: int
    drift: float
    duration_ms: int
