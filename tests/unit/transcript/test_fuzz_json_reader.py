"""Fuzzing the JSON reader: whatever the input, only TranscriptError escapes."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzzing import FUZZ, FUZZ_LONG
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.formats import ReadOptions
from meelezer.transcript.readers.json_transcripts import read, sniff

FIXTURES = Path(__file__).parents[2] / "fixtures" / "transcripts"
FIXTURE_NAMES = ["whisper.json", "whisperx.json", "podcasting20.json", "podcasting20_lines.json"]

# Keys the reader looks at, so that generated objects reach past the first check.
TRANSCRIPT_KEYS = ["segments", "text", "start", "end", "words", "word", "speaker", "score",
                   "startTime", "endTime", "body", "version", "word_segments", "language"]

leaves = (st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats()
          | st.text(max_size=12))
keys = st.sampled_from(TRANSCRIPT_KEYS) | st.text(max_size=6)
json_values = st.recursive(
    leaves,
    lambda children: st.lists(children, max_size=6) | st.dictionaries(keys, children, max_size=6),
    max_leaves=40,
)
# Mostly plausible seconds, sometimes anything; leaves, not nested values, keep it fast.
times = st.floats(0, 100) | st.integers(0, 100) | leaves
word = st.dictionaries(st.sampled_from(["word", "start", "end", "score", "speaker"]),
                       st.text(max_size=8) | times, max_size=5)
segment = st.dictionaries(
    st.sampled_from(TRANSCRIPT_KEYS),
    st.text(max_size=20) | times | st.lists(word, max_size=6) | leaves,
    max_size=8,
)
transcript_like = st.fixed_dictionaries(
    {"segments": st.lists(segment, max_size=8)},
    optional={"version": st.just("1.0.0"), "word_segments": st.lists(word, max_size=3),
              "text": leaves, "language": leaves},
)

# Well-formed documents of each shape, to corrupt one value at a time.
seconds = st.floats(0, 5000, allow_nan=False)
speakers = st.sampled_from(["Wietse", "Alexander", "SPEAKER_00", ""])
whisper_word = st.fixed_dictionaries(
    {"word": st.text(max_size=8)},
    optional={"start": seconds, "end": seconds, "score": st.floats(0, 1), "speaker": speakers},
)
whisper_segment = st.builds(
    lambda start, length, rest: {"start": start, "end": start + length, **rest},
    seconds, st.floats(0, 30),
    st.fixed_dictionaries({"text": st.text(max_size=30)},
                          optional={"words": st.lists(whisper_word, max_size=6),
                                    "speaker": speakers}),
)
podcasting_segment = st.builds(
    lambda start, length, rest: {"startTime": start, "endTime": start + length, **rest},
    seconds, st.floats(0, 30),
    st.fixed_dictionaries({"body": st.text(max_size=12)}, optional={"speaker": speakers}),
)
well_formed = (
    st.fixed_dictionaries({"segments": st.lists(whisper_segment, min_size=1, max_size=8)},
                          optional={"text": st.text(max_size=10), "language": st.just("nl")})
    | st.fixed_dictionaries({"version": st.just("1.0.0"),
                             "segments": st.lists(podcasting_segment, min_size=1, max_size=12)})
)


def check(text: str) -> None:
    """sniff answers a bool; read gives a sane transcript or a TranscriptError, nothing else."""
    assert isinstance(sniff(text), bool)
    try:
        transcript = read(text, ReadOptions())
    except TranscriptError as error:
        assert error.reason
        return
    for segment in transcript.segments:
        assert 0 <= segment.start_ms <= segment.end_ms
        assert isinstance(segment.text, str)
        for previous, current in pairwise(segment.words):
            assert previous.end_ms <= current.start_ms <= current.end_ms


@FUZZ
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    check(text)


@FUZZ
@given(json_values)
def test_arbitrary_json_values(value: object) -> None:
    check(json.dumps(value))


@FUZZ
@given(transcript_like)
def test_transcript_shaped_json_with_wrong_values(value: object) -> None:
    check(json.dumps(value))


@FUZZ
@given(st.sampled_from(FIXTURE_NAMES), st.data())
def test_cut_off_fixtures_name_the_line_of_the_cut(name: str, data: st.DataObject) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8").rstrip()
    cut = data.draw(st.integers(0, len(text) - 1), label="cut")
    try:
        read(text[:cut], ReadOptions())
    except TranscriptError as error:
        assert error.line is not None
        assert 1 <= error.line <= text[:cut].count("\n") + 1
    else:
        raise AssertionError("a cut-off JSON file was read without an error")


@FUZZ
@given(st.sampled_from(FIXTURE_NAMES), st.data())
def test_fixtures_with_a_character_replaced(name: str, data: st.DataObject) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    position = data.draw(st.integers(0, len(text) - 1), label="position")
    replacement = data.draw(st.sampled_from(['"', "{", "]", ",", "-", "1", "x", "n"]))
    check(text[:position] + replacement + text[position + 1:])


@FUZZ
@given(well_formed)
def test_well_formed_documents_are_read(value: dict[str, list[dict[str, object]]]) -> None:
    text = json.dumps(value)
    assert sniff(text)
    transcript = read(text, ReadOptions())
    bodies = [entry.get("text", entry.get("body")) for entry in value["segments"]]
    words = " ".join(str(body) for body in bodies).split()
    assert " ".join(segment.text for segment in transcript.segments).split() == words


@FUZZ
@given(well_formed, st.data())
def test_well_formed_documents_with_one_value_replaced(
    value: dict[str, list[dict[str, object]]], data: st.DataObject,
) -> None:
    entry = data.draw(st.sampled_from(value["segments"]), label="segment")
    if entry:
        key = data.draw(st.sampled_from(sorted(entry)), label="key")
        entry[key] = data.draw(leaves, label="replacement")
    check(json.dumps(value))


@pytest.mark.fuzz_long
@FUZZ_LONG
@given(st.text(max_size=2000) | json_values.map(json.dumps) | transcript_like.map(json.dumps)
       | well_formed.map(json.dumps))
def test_long_run(text: str) -> None:
    check(text)
