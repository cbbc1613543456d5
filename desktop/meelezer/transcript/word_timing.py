"""Word times for highlighting: fill in untimed words, or spread a line's words over it."""

from __future__ import annotations

from meelezer.transcript.model import Word


def interpolate_word_times(
    words: list[tuple[str, int | None, int | None]],
    segment_start_ms: int,
    segment_end_ms: int,
) -> list[Word]:
    """Every word of a segment with times; untimed ones get times from their neighbours.

    ``words`` are ``(text, start_ms, end_ms)``; a word with either time missing counts as
    untimed (WhisperX leaves numbers and symbols such as "2025" or "%" without times). A run
    of untimed words shares the gap between the timed words around it (or the segment's
    bounds), in proportion to their characters, and is marked ``estimated``.

    The result never goes back in time: each word starts at or after the previous word's
    end and ends at or after its own start. Timed words that overlap their predecessor are
    moved forward for that, so the UI always has exactly one current word.
    """
    timed_starts = [start for _, start, end in words if start is not None and end is not None]
    # A timed word before the segment start is trusted over the segment's own bound.
    cursor = min([segment_start_ms, *timed_starts])
    result: list[Word] = []
    pending: list[str] = []  # untimed words waiting for the next known time
    for text, start, end in words:
        if start is None or end is None:
            pending.append(text)
            continue
        start = max(start, cursor)
        result.extend(_estimated_words(pending, cursor, start))
        pending = []
        end = max(end, start)
        result.append(Word(text, start, end))
        cursor = end
    result.extend(_estimated_words(pending, cursor, max(segment_end_ms, cursor)))
    return result


def estimate_word_spans(text: str, start_ms: int, end_ms: int) -> list[Word]:
    """The words of ``text`` (split on whitespace, punctuation attached) spread over the line.

    Each word gets a share of ``start_ms``..``end_ms`` in proportion to its characters, so
    the UI can highlight a word even in transcripts without word times.
    """
    return _estimated_words(text.split(), start_ms, end_ms)


def _estimated_words(texts: list[str], start_ms: int, end_ms: int) -> list[Word]:
    return [
        Word(text, start, end, estimated=True)
        for text, (start, end) in zip(texts, _spread(texts, start_ms, end_ms), strict=True)
    ]


def _spread(texts: list[str], start_ms: int, end_ms: int) -> list[tuple[int, int]]:
    """Consecutive spans covering ``start_ms``..``end_ms``, one per text, sized by length."""
    end_ms = max(end_ms, start_ms)
    weights = [max(1, len(text)) for text in texts]  # an empty text still gets a place
    total = sum(weights)
    spans: list[tuple[int, int]] = []
    done = 0
    previous = start_ms
    for weight in weights:
        done += weight
        # Integer arithmetic from the cumulative weight: no drift, last span ends at end_ms.
        boundary = start_ms + (end_ms - start_ms) * done // total
        spans.append((previous, boundary))
        previous = boundary
    return spans
