"""Readable lines from untimed text, estimated times for them, and finding the line at a time."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from meelezer.transcript.model import Segment

# A line of 15-25 words fits a reading pane and takes 6-10 s to say.
MIN_LINE_WORDS = 15
MAX_LINE_WORDS = 25
TARGET_LINE_WORDS = 20

# An ordinary speaking rate: 150 words per minute (2.5 words/s). Dutch and English words
# average about 5 letters, so with the space after them a word is ~6 characters, which
# gives 15 characters per second.
SPEAKING_RATE_WPM = 150
CHARS_PER_WORD = 6
MS_PER_CHAR = 60_000 / (SPEAKING_RATE_WPM * CHARS_PER_WORD)
LINE_PAUSE_MS = 300  # breath between lines, so short lines do not flash by
MIN_SEGMENT_MS = 400  # no line shorter than this unless the total time is too short for it

_CLOSERS = "\"'”’»)]"
_SENTENCE_ENDS = (".", "!", "?", "…")
_CLAUSE_ENDS = (",", ";", ":")
_DASHES = frozenset({"-", "–", "—", "--"})
_INITIALISM = re.compile(r"(?:\w\.){2,}")  # "o.a.", "f.c.", "e.g." do not end a sentence
CONJUNCTIONS = frozenset({
    # Dutch
    "en", "maar", "want", "dus", "of", "omdat", "terwijl", "zodat", "toen", "hoewel", "als",
    # English
    "and", "but", "so", "because", "or", "while", "although", "when",
})

# Quality of a break between two words; the best break in the allowed range wins.
_STRONG, _GOOD, _WEAK, _NONE, _BAD = 3, 2, 1, 0, -1
_PUNCTUATED_PER_WORDS = 40  # fewer sentence ends than one per 40 words: auto-captions


def split_into_lines(text: str) -> list[str]:
    """Readable lines of about 15-25 words from ``text`` (usually one long paragraph).

    Ends lines at sentence ends. Longer sentences, and text without punctuation (YouTube
    auto-captions), are broken at the best place within 15-25 words: after , ; : or a
    dash or a ``[Muziek]`` tag, then before a conjunction, or (in unpunctuated text)
    before a capitalised word. Words are never dropped, duplicated or altered:
    ``" ".join(lines).split() == text.split()``.
    """
    words = text.split()
    if not words:
        return []
    sentence_ends = [i + 1 for i, word in enumerate(words) if _ends_sentence(word)]
    punctuated = len(sentence_ends) * _PUNCTUATED_PER_WORDS >= len(words)
    scores = _break_scores(words, punctuated)

    lines: list[str] = []
    start = 0
    for end in [*sentence_ends, len(words)]:
        if end <= start:
            continue
        for line_start, line_end in _chunk(start, end, scores):
            lines.append(" ".join(words[line_start:line_end]))
        start = end
    return lines


def _ends_sentence(word: str) -> bool:
    core = word.rstrip(_CLOSERS)
    return core.endswith(_SENTENCE_ENDS) and _INITIALISM.fullmatch(core) is None


def _break_scores(words: list[str], punctuated: bool) -> list[int]:
    """``scores[b]`` rates a line break between ``words[b - 1]`` and ``words[b]``."""
    scores = [_NONE] * (len(words) + 1)
    for b in range(1, len(words)):
        before, after = words[b - 1], words[b]
        if before.startswith("[") and "]" not in before:
            scores[b] = _BAD  # inside a multi-word tag like "[Muziek speelt]"
        elif (before.endswith(_CLAUSE_ENDS) or before in _DASHES or after in _DASHES
              or before.endswith("]")):
            scores[b] = _STRONG
        elif after.startswith("[") or after.lower().strip(",.;:!?\"'") in CONJUNCTIONS:
            scores[b] = _GOOD
        elif not punctuated and after[0].isupper():
            # Auto-captions capitalise where a new sentence likely starts; in punctuated
            # text a capital mid-sentence is usually a name, so it is no reason to break.
            scores[b] = _GOOD
    return scores


def _chunk(start: int, end: int, scores: list[int]) -> list[tuple[int, int]]:
    """Spans of ``start..end`` (word indexes) of at most ``MAX_LINE_WORDS`` words each."""
    spans: list[tuple[int, int]] = []
    while end - start > MAX_LINE_WORDS:
        remaining = end - start
        low, high = MIN_LINE_WORDS, MAX_LINE_WORDS
        if remaining - high < MIN_LINE_WORDS:
            high = remaining - MIN_LINE_WORDS  # leave a full line, not a stub, for the rest
        if high < low:
            # 26-29 words: two lines, as equal as a good break allows (both stay <= 25).
            low, high = remaining // 2 - 5, remaining // 2 + 5
        target = TARGET_LINE_WORDS if low <= TARGET_LINE_WORDS <= high else (low + high) // 2
        size = _best_size(scores, start, end, low, high, target)
        spans.append((start, start + size))
        start += size
    spans.append((start, end))
    return spans


def _best_size(scores: list[int], start: int, end: int, low: int, high: int, target: int) -> int:
    """The line length in ``low..high`` with the best break after it, nearest ``target``."""
    best, best_key = low, (_BAD - 1, 0)
    for size in range(low, high + 1):
        if MAX_LINE_WORDS < end - start - size < 2 * MIN_LINE_WORDS:
            continue  # would leave 26-29 words, which can only become two short lines
        key = (scores[start + size], -abs(size - target))
        if key > best_key:
            best, best_key = size, key
    return best


def estimate_times(lines: list[str], total_ms: int | None, start_ms: int = 0) -> list[Segment]:
    """Segments for ``lines`` with times in proportion to their length.

    Each line's share is its character count (at ``MS_PER_CHAR``) plus ``LINE_PAUSE_MS``.
    With ``total_ms`` (the audio's length) the lines fill exactly ``start_ms`` to
    ``start_ms + total_ms``; without it (or when it is not positive) they run at the
    ordinary speaking rate ``SPEAKING_RATE_WPM``. Segments are contiguous, each at least
    ``MIN_SEGMENT_MS`` long unless ``total_ms`` is too short for that, and all have
    ``times_estimated=True``.
    """
    if not lines:
        return []
    natural = [len(line) * MS_PER_CHAR + LINE_PAUSE_MS for line in lines]
    count = len(lines)
    if total_ms is None or total_ms <= 0:
        # Each line lasts as long as it takes to say, and at least MIN_SEGMENT_MS.
        floor = MIN_SEGMENT_MS
        weights = [max(0.0, weight - floor) for weight in natural]
        spare = sum(weights)
    else:
        floor = MIN_SEGMENT_MS if total_ms >= count * MIN_SEGMENT_MS else 0
        spare = total_ms - count * floor
        weights = natural
    weight_sum = sum(weights) or 1.0

    segments: list[Segment] = []
    cumulative = 0.0
    previous = start_ms
    for index, (line, weight) in enumerate(zip(lines, weights, strict=True)):
        cumulative += weight
        # Boundaries from the running total, so rounding never drifts and the last is exact.
        boundary = start_ms + (index + 1) * floor + round(spare * cumulative / weight_sum)
        segments.append(Segment(previous, boundary, line, times_estimated=True))
        previous = boundary
    if total_ms is not None and total_ms > 0:
        # sum() may round differently from the running total (3.12 compensates); be exact.
        segments[-1].end_ms = start_ms + total_ms
    return segments


def segment_index_at(starts: Sequence[int], position_ms: int) -> int:
    """Index of the last segment starting at or before ``position_ms``; -1 before the first.

    ``starts`` must be sorted (as ``Transcript.sort_segments`` leaves them).
    """
    return bisect_right(starts, position_ms) - 1
