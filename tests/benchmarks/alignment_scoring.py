"""How far an alignment is from the truth of a recording: start errors of lines and words,
what it said is not in the audio against what was cut, and the audio it left unmatched."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


class _Word(Protocol):
    @property
    def start_ms(self) -> int: ...


class _Line(Protocol):
    @property
    def start_ms(self) -> int: ...
    @property
    def found(self) -> bool: ...
    @property
    def words(self) -> Sequence[_Word]: ...


class _TruthLine(Protocol):
    @property
    def in_audio(self) -> bool: ...
    @property
    def start_ms(self) -> int: ...
    @property
    def word_starts_ms(self) -> list[int | None]: ...


@dataclass
class Score:
    """Errors in ms, and detection counts, of one or more recordings."""

    line_errors: list[int] = field(default_factory=list)  # lines that are in the audio
    word_errors: list[int] = field(default_factory=list)
    flagged_and_cut: int = 0  # said "not found in the audio", and indeed not spoken
    flagged_but_spoken: int = 0
    cut_not_flagged: int = 0
    unmatched_truth_ms: int = 0  # audio the text does not contain (the intro)
    unmatched_found_ms: int = 0  # of that, reported as unmatched by the aligner
    unmatched_elsewhere_ms: int = 0  # reported as unmatched, but the text has it

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            mine = getattr(self, name)
            setattr(self, name, mine + getattr(other, name))


def score_lines(truth: Sequence[_TruthLine], aligned: Sequence[_Line]) -> Score:
    """Start errors of the spoken lines and their words (every spoken line counts, also one
    the aligner did not find: it keeps a wrong time), and the not-found flags."""
    if len(truth) != len(aligned):
        raise ValueError(f"{len(aligned)} aligned lines for {len(truth)} lines of truth")
    score = Score()
    for real, placed in zip(truth, aligned, strict=True):
        if not real.in_audio:
            if placed.found:
                score.cut_not_flagged += 1
            else:
                score.flagged_and_cut += 1
            continue
        if not placed.found:
            score.flagged_but_spoken += 1
        score.line_errors.append(abs(placed.start_ms - real.start_ms))
        if len(placed.words) == len(real.word_starts_ms):
            score.word_errors += [abs(word.start_ms - start) for word, start
                                  in zip(placed.words, real.word_starts_ms, strict=True)
                                  if start is not None]
    return score


def score_unmatched(truth: Sequence[tuple[int, int]], reported: Sequence[tuple[int, int]],
                    duration_ms: int) -> Score:
    """How much of the audio the text lacks was reported as unmatched, and how much that
    the text has was reported too."""
    covered = sum(_overlap(span, other) for span in truth for other in reported)
    reported_ms = sum(min(end, duration_ms) - start for start, end in reported)
    return Score(unmatched_truth_ms=sum(end - start for start, end in truth),
                 unmatched_found_ms=covered, unmatched_elsewhere_ms=reported_ms - covered)


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> int:
    return max(0, min(one[1], other[1]) - max(one[0], other[0]))


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (p95: the value 95 % of them are at or below)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-round(share * len(ordered) * 1000) // 1000))  # ceil, float-safe
    return float(ordered[min(len(ordered), rank) - 1])


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def share_over(values: Sequence[float], limit: float) -> float:
    """Percentage of ``values`` above ``limit``."""
    return 100 * sum(value > limit for value in values) / len(values) if values else float("nan")


def precision_recall(score: Score) -> tuple[float, float]:
    """Of the not-found flags: the share that were right, and the share of cut lines found."""
    flagged = score.flagged_and_cut + score.flagged_but_spoken
    cut = score.flagged_and_cut + score.cut_not_flagged
    precision = 100 * score.flagged_and_cut / flagged if flagged else float("nan")
    recall = 100 * score.flagged_and_cut / cut if cut else float("nan")
    return precision, recall
