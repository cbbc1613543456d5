"""Tests for word_timing: interpolating untimed WhisperX words and spreading a line's words."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from meelezer.transcript.model import Word
from meelezer.transcript.word_timing import estimate_word_spans, interpolate_word_times


def test_timed_words_keep_their_times() -> None:
    words = interpolate_word_times([("Welkom", 0, 520), ("bij", 520, 740)], 0, 900)
    assert words == [Word("Welkom", 0, 520), Word("bij", 520, 740)]


def test_untimed_word_fills_the_gap_between_its_neighbours() -> None:
    words = interpolate_word_times(
        [("In", 31, 191), ("2025", None, None), ("groeit", 1012, 1352)], 31, 3874)
    assert words[1] == Word("2025", 191, 1012, estimated=True)
    assert not words[0].estimated and not words[2].estimated


def test_a_run_of_untimed_words_shares_the_gap_by_characters() -> None:
    # "€" has 1 character and "3,5" has 3: a quarter and three quarters of 7197..8301.
    words = interpolate_word_times(
        [("Dus", 6917, 7197), ("€", None, None), ("3,5", None, None), ("miljard?", 8301, 9500)],
        6917, 9500)
    assert words[1:3] == [Word("€", 7197, 7473, estimated=True),
                          Word("3,5", 7473, 8301, estimated=True)]


def test_leading_and_trailing_untimed_words_use_the_segment_bounds() -> None:
    words = interpolate_word_times(
        [("40%", None, None), ("van", 1000, 1200), ("2025", None, None)], 400, 2000)
    assert words == [Word("40%", 400, 1000, estimated=True), Word("van", 1000, 1200),
                     Word("2025", 1200, 2000, estimated=True)]


def test_words_without_any_times_spread_over_the_segment() -> None:
    words = interpolate_word_times([("ab", None, None), ("cd", None, None)], 1000, 2000)
    assert words == [Word("ab", 1000, 1500, estimated=True), Word("cd", 1500, 2000, estimated=True)]


def test_a_word_with_only_one_time_counts_as_untimed() -> None:
    words = interpolate_word_times([("a", 0, 100), ("b", 150, None), ("c", None, 900)], 0, 1000)
    assert [word.estimated for word in words] == [False, True, True]
    assert (words[1].start_ms, words[2].end_ms) == (100, 1000)


def test_overlapping_timed_words_are_moved_forward_so_times_never_decrease() -> None:
    words = interpolate_word_times(
        [("een", 0, 600), ("twee", 400, 900), ("drie", 950, 800)], 0, 1000)
    assert words == [Word("een", 0, 600), Word("twee", 600, 900), Word("drie", 950, 950)]


def test_a_timed_word_before_the_segment_start_is_not_moved() -> None:
    words = interpolate_word_times([("%", None, None), ("ja", 100, 300)], 500, 900)
    assert words == [Word("%", 100, 100, estimated=True), Word("ja", 100, 300)]


def test_untimed_words_after_a_word_past_the_segment_end_get_no_time_span() -> None:
    words = interpolate_word_times([("ja", 100, 1300), ("2025", None, None)], 0, 1000)
    assert words[1] == Word("2025", 1300, 1300, estimated=True)


def test_no_words_give_no_words() -> None:
    assert interpolate_word_times([], 0, 1000) == []


_optional_ms = st.none() | st.integers(0, 20_000)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.tuples(st.text(min_size=0, max_size=6), _optional_ms, _optional_ms),
                   max_size=12),
    segment_start=st.integers(0, 20_000),
    segment_length=st.integers(-500, 20_000),
)
def test_interpolated_times_never_decrease_and_keep_every_word(
    words: list[tuple[str, int | None, int | None]], segment_start: int, segment_length: int,
) -> None:
    result = interpolate_word_times(words, segment_start, segment_start + segment_length)

    assert [word.text for word in result] == [text for text, _, _ in words]
    assert [word.estimated for word in result] == [s is None or e is None for _, s, e in words]
    assert all(word.start_ms <= word.end_ms for word in result)
    assert all(previous.end_ms <= word.start_ms for previous, word in pairwise(result))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 500), st.integers(0, 800)), max_size=10))
def test_non_overlapping_timed_words_are_never_changed(
    gaps_and_lengths: list[tuple[int, int]],
) -> None:
    words: list[tuple[str, int | None, int | None]] = []
    cursor = 0
    for gap, length in gaps_and_lengths:
        words.append(("woord", cursor + gap, cursor + gap + length))
        cursor += gap + length
    result = interpolate_word_times(words, 0, cursor)
    assert [(w.start_ms, w.end_ms) for w in result] == [(s, e) for _, s, e in words]


def test_estimate_word_spans_splits_in_proportion_to_characters() -> None:
    # 5 + 7 + 3 = 15 characters over 1700 ms; punctuation stays with its word.
    assert estimate_word_spans("Hallo wereld, ja.", 0, 1700) == [
        Word("Hallo", 0, 566, estimated=True),
        Word("wereld,", 566, 1360, estimated=True),
        Word("ja.", 1360, 1700, estimated=True),
    ]


def test_estimate_word_spans_of_an_empty_line_is_empty() -> None:
    assert estimate_word_spans("  \n ", 0, 1000) == []


def test_estimate_word_spans_with_end_before_start_gives_zero_length_words() -> None:
    assert estimate_word_spans("ja nee", 500, 400) == [
        Word("ja", 500, 500, estimated=True), Word("nee", 500, 500, estimated=True)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(0, 10_000_000), st.integers(0, 60_000))
def test_estimated_spans_cover_the_line_without_gaps(text: str, start: int, length: int) -> None:
    words = estimate_word_spans(text, start, start + length)

    assert [word.text for word in words] == text.split()
    assert all(word.estimated for word in words)
    if words:
        assert words[0].start_ms == start and words[-1].end_ms == start + length
    for previous, word in pairwise(words):
        assert previous.end_ms == word.start_ms <= word.end_ms
