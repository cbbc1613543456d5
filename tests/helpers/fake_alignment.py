"""Aligner results built by hand, shaped as ``meelezer.audio.alignment``'s (which is all the
plan reads), for deterministic tests of what the window and the store do with them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FakeWord:
    text: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class FakeLine:
    start_ms: int
    end_ms: int
    words: tuple[FakeWord, ...]
    found: bool
    confidence: float = 1.0


@dataclass(frozen=True)
class FakeAlignment:
    lines: tuple[FakeLine, ...]
    language: str
