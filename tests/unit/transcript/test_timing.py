"""Tests for line splitting, estimated times and finding the current line."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meelezer.transcript.timing import (
    MAX_LINE_WORDS,
    MIN_LINE_WORDS,
    MIN_SEGMENT_MS,
    SPEAKING_RATE_WPM,
    estimate_times,
    segment_index_at,
    split_into_lines,
)

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed_transcript_words() -> str:
    note = (SEEDS / "ai-report-gpt-nl-youtube-note.md").read_text(encoding="utf-8")
    return note.split("## Transcript", 1)[1].split("\n---", 1)[0]


def word_counts(lines: list[str]) -> list[int]:
    return [len(line.split()) for line in lines]


# --- split_into_lines ------------------------------------------------------------------

def test_lines_end_at_sentence_ends() -> None:
    text = "Welkom bij AI Report. Tegenover mij Wietse!  Hoe gaat het? Goed…  dank je."
    assert split_into_lines(text) == [
        "Welkom bij AI Report.", "Tegenover mij Wietse!", "Hoe gaat het?", "Goed…", "dank je."]


def test_initialisms_and_closing_quotes() -> None:
    text = 'Hij zei "klaar." Daarna o.a. koffie bij f.c. Utrecht. Einde'
    assert split_into_lines(text) == [
        'Hij zei "klaar."', "Daarna o.a. koffie bij f.c. Utrecht.", "Einde"]


def test_empty_text_gives_no_lines() -> None:
    assert split_into_lines("") == []
    assert split_into_lines(" \n\t ") == []


def test_long_sentence_breaks_at_a_comma() -> None:
    first = " ".join(f"woord{i}" for i in range(16)) + ","
    second = " ".join(f"ander{i}" for i in range(15)) + "."
    assert split_into_lines(f"{first} {second}") == [first, second]


def test_long_sentence_breaks_before_a_conjunction() -> None:
    first = " ".join(f"woord{i}" for i in range(18))
    second = "maar " + " ".join(f"ander{i}" for i in range(14)) + "."
    assert split_into_lines(f"{first} {second}") == [first, second]


def test_unpunctuated_text_breaks_before_capitals_and_after_tags() -> None:
    words = [f"w{i}" for i in range(60)]
    words[17] = "Welke"  # a capital: where auto-captions start a new sentence
    words[38] = "[Muziek]"
    lines = split_into_lines(" ".join(words))
    assert lines[0].split() == words[:17]
    assert lines[1].split() == words[17:39]  # ends after the tag
    assert " ".join(lines).split() == words


def test_multi_word_tag_is_not_split() -> None:
    words = [f"w{i}" for i in range(40)]
    words[19:21] = ["[Muziek", "speelt]"]
    lines = split_into_lines(" ".join(words))
    assert all(not line.endswith("[Muziek") for line in lines)


@pytest.mark.parametrize("count", [26, 29, 30, 44, 100, 1001])
def test_unpunctuated_runs_get_lines_within_limits(count: int) -> None:
    lines = split_into_lines(" ".join(f"w{i}" for i in range(count)))
    counts = word_counts(lines)
    assert sum(counts) == count
    assert max(counts) <= MAX_LINE_WORDS
    assert min(counts) >= (8 if count < 2 * MIN_LINE_WORDS else MIN_LINE_WORDS)


def test_seed_auto_captions_keep_every_word_in_readable_lines() -> None:
    text = seed_transcript_words()
    lines = split_into_lines(text)
    assert " ".join(lines).split() == text.split()
    counts = word_counts(lines)
    assert max(counts) <= MAX_LINE_WORDS
    # Nearly all lines are full; only lines cut short by a stray "." may be shorter.
    assert sum(1 for n in counts if n >= MIN_LINE_WORDS) >= 0.95 * len(lines)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_split_never_drops_or_duplicates_a_word(text: str) -> None:
    lines = split_into_lines(text)
    assert " ".join(lines).split() == text.split()
    assert all(line.strip() == line and line for line in lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["en", "Maar", "woord", "zin.", "komma,", "[Muziek]", "-",
                                 "Ik", "eh", "f.c.", "?", "…"]), max_size=300))
def test_split_words_property_on_word_soup(words: list[str]) -> None:
    lines = split_into_lines(" ".join(words))
    assert " ".join(lines).split() == words
    assert all(len(line.split()) <= MAX_LINE_WORDS for line in lines)


# --- estimate_times --------------------------------------------------------------------

def test_times_fill_the_total_exactly() -> None:
    lines = ["kort", "een wat langere regel met meer woorden erin", "middel lang"]
    segments = estimate_times(lines, 60_000, start_ms=1_000)
    assert segments[0].start_ms == 1_000
    assert segments[-1].end_ms == 61_000
    assert all(a.end_ms == b.start_ms for a, b in pairwise(segments))
    assert all(s.times_estimated for s in segments)
    assert [s.text for s in segments] == lines
    durations = [s.duration_ms for s in segments]
    assert durations[1] > durations[2] > durations[0] >= MIN_SEGMENT_MS


def test_times_without_total_follow_the_speaking_rate() -> None:
    lines = [" ".join(["woord"] * 15)] * 10  # 150 words
    segments = estimate_times(lines, None)
    minute = 60_000 * 150 / SPEAKING_RATE_WPM
    assert 0.9 * minute <= segments[-1].end_ms <= 1.15 * minute
    assert all(a.end_ms == b.start_ms for a, b in pairwise(segments))


def test_non_positive_total_falls_back_to_speaking_rate() -> None:
    by_rate = estimate_times(["hallo daar"], None)[0].end_ms
    assert estimate_times(["hallo daar"], 0)[0].end_ms == by_rate


def test_every_line_gets_a_minimum_duration() -> None:
    segments = estimate_times(["a", "b", "", " ".join(["lang"] * 200)], None)
    assert min(s.duration_ms for s in segments) >= MIN_SEGMENT_MS


def test_too_short_total_still_ends_exactly() -> None:
    segments = estimate_times(["een", "twee", "drie"], 100)
    assert segments[-1].end_ms == 100
    assert all(s.duration_ms >= 0 for s in segments)


def test_no_lines_no_segments() -> None:
    assert estimate_times([], 1000) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=50),
       st.none() | st.integers(1, 10**8), st.integers(0, 10**7))
def test_estimated_times_are_contiguous(lines: list[str], total: int | None, start: int) -> None:
    segments = estimate_times(lines, total, start)
    assert segments[0].start_ms == start
    assert all(a.end_ms == b.start_ms for a, b in pairwise(segments))
    assert all(s.end_ms >= s.start_ms for s in segments)
    if total is not None:
        assert segments[-1].end_ms == start + total
        if total >= len(lines) * MIN_SEGMENT_MS:
            assert min(s.duration_ms for s in segments) >= MIN_SEGMENT_MS


# --- segment_index_at ------------------------------------------------------------------

@pytest.mark.parametrize(("position", "expected"), [
    (-5, -1), (0, -1), (999, -1), (1000, 0), (1500, 0), (2000, 1), (2999, 1),
    (3000, 3), (10**9, 3),
])
def test_segment_index_at(position: int, expected: int) -> None:
    assert segment_index_at([1000, 2000, 3000, 3000], position) == expected


def test_segment_index_at_with_no_segments() -> None:
    assert segment_index_at([], 5000) == -1
