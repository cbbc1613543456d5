"""Accent- and case-insensitive text search that reports offsets in the original text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

# Joins folded lines for one C-speed scan; a folded query never contains it.
_SEPARATOR = "\x00"


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """One character folded: decomposed, without nonspacing marks, case-folded.

    Folding is per character, so the fold of any slice is the matching slice of the fold.
    """
    kept = "".join(c for c in unicodedata.normalize("NFD", char)
                   if unicodedata.category(c) != "Mn")
    folded = kept.casefold()
    if folded != kept:  # case folding can bring marks back ("İ" and a few others)
        folded = "".join(c for c in unicodedata.normalize("NFD", folded)
                         if unicodedata.category(c) != "Mn")
    return folded


def fold(text: str) -> str:
    """``text`` without accents and case: "Één café" -> "een cafe" (may change the length)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """The fold of ``text`` and, per folded character, the index of its original character.

    The list is None when every character folds to exactly one (the offsets are the same),
    which is the case for ASCII and for most accented text.
    """
    if text.isascii():
        return text.lower(), None
    pieces = [_fold_char(char) for char in text]
    folded = "".join(pieces)
    if len(folded) == len(text) and all(len(piece) == 1 for piece in pieces):
        return folded, None
    offsets = [index for index, piece in enumerate(pieces) for _ in piece]
    return folded, offsets


def _original_span(text: str, offsets: list[int], start: int, end: int) -> tuple[int, int] | None:
    """Original offsets of folded ``start``..``end``; None if it cuts a character's fold."""
    if start > 0 and offsets[start - 1] == offsets[start]:
        return None  # starts inside "ß" -> "ss", say
    if end < len(offsets) and offsets[end] == offsets[end - 1]:
        return None
    # Characters the offsets skip fold to nothing (marks such as a combining U+0301): the
    # ones right after the match are taken along, so "cafe" lights all of "cafe\u0301".
    return offsets[start], offsets[end] if end < len(offsets) else len(text)


def _find_folded(text: str, folded: str, offsets: list[int] | None,
                 needle: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = folded.find(needle)
    while position >= 0:
        end = position + len(needle)
        if offsets is None:
            spans.append((position, end))
            position = folded.find(needle, end)
            continue
        span = _original_span(text, offsets, position, end)
        if span is None:
            position = folded.find(needle, position + 1)
        else:
            spans.append(span)
            position = folded.find(needle, end)
    return spans


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` offsets in ``text`` where ``query`` occurs, folded.

    "een" finds "één" and "Een"; "cafe" finds "Café". An empty query finds nothing.
    """
    needle = fold(query)
    if not needle:
        return []
    folded, offsets = fold_with_offsets(text)
    return _find_folded(text, folded, offsets, needle)


class EpisodeSearch:
    """All lines of an episode folded once, searched per keystroke.

    Lines whose fold keeps their offsets (nearly all) are scanned together as one joined
    string with a compiled pattern; the rest are searched one by one.
    """

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = list(lines)
        folded: list[str] = []
        self._offsets: dict[int, list[int]] = {}
        for row, text in enumerate(self._lines):
            line, offsets = fold_with_offsets(text)
            if offsets is not None:
                self._offsets[row] = offsets
            folded.append(line)
        self._folded = folded
        self._joined = _SEPARATOR.join(folded)
        starts: list[int] = []
        position = 0
        for line in folded:
            starts.append(position)
            position += len(line) + 1
        self._starts = starts

    def __len__(self) -> int:
        return len(self._lines)

    def matches(self, query: str) -> list[tuple[int, int, int]]:
        """``(row, start, end)`` of every match, in reading order; offsets in the original."""
        needle = fold(query)
        if not needle or _SEPARATOR in needle:
            return []
        starts, irregular = self._starts, self._offsets
        found: list[tuple[int, int, int]] = []
        append = found.append
        for match in re.finditer(re.escape(needle), self._joined):
            position = match.start()
            row = bisect_right(starts, position) - 1
            if irregular and row in irregular:
                continue
            offset = starts[row]
            append((row, position - offset, position - offset + len(needle)))
        if irregular:
            for row, offsets in irregular.items():
                for start, end in _find_folded(self._lines[row], self._folded[row], offsets,
                                               needle):
                    found.append((row, start, end))
            found.sort()
        return found


def group_by_row(matches: Sequence[tuple[int, int, int]]) -> dict[int, list[tuple[int, int]]]:
    """``(row, start, end)`` matches as ``{row: [(start, end), ...]}``."""
    by_row: dict[int, list[tuple[int, int]]] = {}
    for row, start, end in matches:
        spans = by_row.get(row)
        if spans is None:
            by_row[row] = [(start, end)]
        else:
            spans.append((start, end))
    return by_row


class SearchResults:
    """One query's matches, grouped by row, and the one the reader has stepped to."""

    def __init__(self, matches: Sequence[tuple[int, int, int]] = ()) -> None:
        self.matches = list(matches)  # (row, start, end), in reading order
        self.by_row = group_by_row(self.matches)
        self.index = -1  # the match stepped to; -1 before the first step

    def __len__(self) -> int:
        return len(self.matches)

    def current(self) -> tuple[int, int, int] | None:
        return self.matches[self.index] if self.index >= 0 else None

    def step(self, forward: bool, from_row: int) -> int | None:
        """Move to the next (or previous) match, wrapping; its index, or None without any.

        The first step goes to the first match in ``from_row`` or below it (or, backwards,
        to the last match above ``from_row``).
        """
        if not self.matches:
            return None
        if self.index < 0:
            index = bisect_left(self.matches, (from_row, -1, -1)) - (0 if forward else 1)
        else:
            index = self.index + (1 if forward else -1)
        self.index = index % len(self.matches)
        return self.index

    def keep(self, match: tuple[int, int, int] | None) -> None:
        """Stay on ``match`` if it is still one of these (after the lines changed)."""
        index = bisect_left(self.matches, match) if match is not None else -1
        found = 0 <= index < len(self.matches) and self.matches[index] == match
        self.index = index if found else -1
