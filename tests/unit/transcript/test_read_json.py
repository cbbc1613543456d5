"""Tests for the JSON reader: Whisper, WhisperX and Podcasting 2.0 files, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.formats import ReadOptions
from meelezer.transcript.model import Transcript, Word
from meelezer.transcript.readers.json_transcripts import read, sniff

FIXTURES = Path(__file__).parents[2] / "fixtures" / "transcripts"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def read_text(text: str) -> Transcript:
    return read(text, ReadOptions())


def read_value(value: object) -> Transcript:
    return read_text(json.dumps(value))


def lines(transcript: Transcript) -> list[tuple[int, int, str, str | None]]:
    return [(s.start_ms, s.end_ms, s.text, s.speaker) for s in transcript.segments]


def error_of(value: object) -> TranscriptError:
    with pytest.raises(TranscriptError) as caught:
        read_text(value if isinstance(value, str) else json.dumps(value))
    return caught.value


def problem_of(value: object) -> str:
    """The error, or when other segments could be read, the warning for the skipped one."""
    try:
        transcript = read_text(json.dumps(value))
    except TranscriptError as error:
        return error.reason
    (warning,) = transcript.warnings
    return warning


# --- sniff ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["whisper.json", "whisperx.json", "podcasting20.json", "podcasting20_lines.json"])
def test_sniff_recognises_each_transcript_fixture(name: str) -> None:
    assert sniff(fixture_text(name))


@pytest.mark.parametrize("text", [
    fixture_text("not_a_transcript.json"),
    fixture_text("truncated.json"),
    "", "[]", "[1, 2]", "{}", '{"segments": 3}', '"segments"', "null",
    '{"segments": [{"foo": 1}]}',
    "1\n00:00:00,000 --> 00:00:01,000\nHallo\n",
    "WEBVTT\n\n00:00.000 --> 00:01.000\n{ niet json }\n",
    "[0.00 --> 8.66]  Welkom bij AI Report",
])
def test_sniff_rejects_what_is_not_a_json_transcript(text: str) -> None:
    assert not sniff(text)


def test_sniff_allows_leading_whitespace_and_a_byte_order_mark() -> None:
    assert sniff("\ufeff\n  " + fixture_text("whisper.json"))


# --- OpenAI Whisper -------------------------------------------------------------------


def test_whisper_json_segments_have_stripped_text_and_exact_times() -> None:
    transcript = read_text(fixture_text("whisper.json"))

    assert transcript.source_format == "whisper-json"
    assert lines(transcript) == [
        (0, 8660, "Welkom bij AI Report, de Nederlandse podcast over kunstmatige intelligentie.",
         None),
        (9060, 13060, "Tegenover mij Wietse Hagen.", None),
        (19080, 20880, "Toch wel opvallend nieuws, gaan we bespreken.", None),
    ]
    assert transcript.metadata.extra == {"language": "nl"}


def test_whisper_json_words_keep_their_times() -> None:
    transcript = read_text(fixture_text("whisper.json"))

    first, second, third = transcript.segments
    assert first.words[0] == Word("Welkom", 0, 520)
    assert first.words[-1] == Word("intelligentie.", 4260, 8660)
    assert [word.text for word in first.words] == first.text.split()
    assert not any(word.estimated for word in first.words + second.words)
    assert third.words == []  # a segment without "words" has none


def test_a_bare_list_of_whisper_segments_is_read() -> None:
    transcript = read_value([{"start": 1.5, "end": 2.25, "text": " Hallo."}])
    assert lines(transcript) == [(1500, 2250, "Hallo.", None)]
    assert transcript.source_format == "whisper-json"


def test_an_empty_whisper_result_is_an_empty_transcript() -> None:
    transcript = read_value({"text": "", "segments": [], "language": "nl"})
    assert transcript.segments == []
    assert transcript.source_format == "whisper-json"


# --- WhisperX -------------------------------------------------------------------------


def test_whisperx_json_keeps_speakers_and_takes_the_majority_when_only_words_have_one() -> None:
    transcript = read_text(fixture_text("whisperx.json"))

    assert transcript.source_format == "whisperx-json"
    assert lines(transcript) == [
        (31, 3874, "In 2025 groeit het gebruik met 40% volgens Wietse.", "SPEAKER_00"),
        # No segment speaker; four of five words are SPEAKER_01.
        (4215, 6477, "Klopt, dat zag ik ook.", "SPEAKER_01"),
        (6917, 9500, "Dus € 3,5 miljard?", "SPEAKER_00"),
    ]


def test_whisperx_words_without_times_are_kept_and_interpolated() -> None:
    transcript = read_text(fixture_text("whisperx.json"))

    first, _, third = transcript.segments
    assert [word.text for word in first.words] == first.text.split()
    assert first.words[1] == Word("2025", 191, 1012, estimated=True)
    assert first.words[6] == Word("40%", 2073, 2894, estimated=True)
    # "€" and "3,5" share 7197..8300 as 1 : 3 characters.
    assert third.words[1:3] == [Word("€", 7197, 7472, estimated=True),
                                Word("3,5", 7472, 8300, estimated=True)]
    assert [word.estimated for word in third.words] == [False, True, True, False]


def test_whisperx_majority_speaker_tie_goes_to_the_first_seen() -> None:
    words = [{"word": "a", "start": 0, "end": 1, "speaker": "SPEAKER_01"},
             {"word": "b", "start": 1, "end": 2, "speaker": "SPEAKER_00"}]
    transcript = read_value({"segments": [{"start": 0, "end": 2, "text": "a b", "words": words}]})
    assert transcript.segments[0].speaker == "SPEAKER_01"


# --- Podcasting 2.0 -------------------------------------------------------------------


def test_word_level_podcasting20_is_merged_into_lines() -> None:
    transcript = read_text(fixture_text("podcasting20.json"))

    assert transcript.source_format == "podcasting20-json"
    assert lines(transcript) == [
        (240, 1500, "Welkom bij AI Report.", "Wietse"),  # sentence end
        (1620, 5040, "Vandaag met Alexander over Grok 3 en de New York Times", "Wietse"),
        (7140, 7860, "eigenlijk allebei.", "Wietse"),  # after a 2.1 s pause
        (8220, 9900, "Ja, en dat wordt spannend!", "Alexander"),  # speaker change
        (10200, 10860, "Zeker weten?", "Wietse"),
    ]


def test_word_level_podcasting20_keeps_each_word_with_its_times() -> None:
    transcript = read_text(fixture_text("podcasting20.json"))

    first = transcript.segments[0]
    assert first.words == [Word("Welkom", 240, 600), Word("bij", 600, 780),
                           Word("AI", 780, 1020), Word("Report.", 1020, 1500)]
    assert sum(len(segment.words) for segment in transcript.segments) == 24


def test_the_spec_example_becomes_two_lines() -> None:
    entries = [("Darth Vader", 0.5, 0.75, "I"), ("Darth Vader", 1, 1.25, "am"),
               ("Darth Vader", 1.5, 2.0, "your"), ("Darth Vader", 2.25, 2.50, "father.\n"),
               ("Luke", 2.75, 3.0, "Nooooo")]
    transcript = read_value({"version": "1.0.0", "segments": [
        {"speaker": s, "startTime": a, "endTime": b, "body": body} for s, a, b, body in entries]})
    assert lines(transcript) == [(500, 2500, "I am your father.", "Darth Vader"),
                                 (2750, 3000, "Nooooo", "Luke")]


def test_word_level_lines_break_after_twenty_words_and_at_a_newline() -> None:
    entries = [{"startTime": i / 4, "endTime": i / 4 + 0.2, "body": f" woord{i}"}
               for i in range(45)]
    entries[2]["body"] = " hier\n"  # a body ending in a newline ends its line
    transcript = read_value({"version": "1.0.0", "segments": entries})
    assert [len(segment.words) for segment in transcript.segments] == [3, 20, 20, 2]


def test_line_level_podcasting20_stays_one_segment_per_entry() -> None:
    transcript = read_text(fixture_text("podcasting20_lines.json"))

    assert lines(transcript) == [
        (0, 8660,
         "Welkom bij AI Report, de Nederlandse podcast over kunstmatige intelligentie.", "Wietse"),
        (9060, 13060, "Tegenover mij Alexander Klöpping.", "Wietse"),
        (13180, 18660, "Die gaat ondanks hun rechtszaak tegen OpenAI zelf AI-tools inzetten.",
         "Alexander"),
        (19080, 20880, "[Muziek]", None),
        (20880, 22500, "Doeg.", "Alexander"),  # no endTime: it lasts until the next entry
        (22500, 24000, "Tot volgende week & tot ziens.", "Wietse"),
    ]
    assert all(segment.words == [] for segment in transcript.segments)


def test_a_last_entry_without_end_time_ends_where_it_starts() -> None:
    transcript = read_value({"version": "1.0.0", "segments": [
        {"startTime": 1, "body": "Een hele zin hier."}]})
    assert lines(transcript) == [(1000, 1000, "Een hele zin hier.", None)]


# --- bad input ------------------------------------------------------------------------


def test_truncated_json_names_the_line_of_the_json_error() -> None:
    error = error_of(fixture_text("truncated.json"))
    assert error.line == 17
    assert "not valid JSON" in error.reason
    assert str(error).startswith("<text>:17: ")


def test_read_transcript_names_the_file_and_line_of_truncated_json() -> None:
    # The sniffer says no to broken JSON; the .json extension still picks this reader.
    with pytest.raises(TranscriptError) as caught:
        read_transcript(FIXTURES / "truncated.json")
    assert caught.value.path == FIXTURES / "truncated.json"
    assert caught.value.line == 17


def test_read_transcript_of_other_json_says_which_shapes_are_read() -> None:
    with pytest.raises(TranscriptError, match=r"Podcasting 2\.0 JSON") as caught:
        read_transcript(FIXTURES / "not_a_transcript.json")
    assert caught.value.path == FIXTURES / "not_a_transcript.json"


def test_read_transcript_detects_each_json_fixture() -> None:
    formats = {name: read_transcript(FIXTURES / name).source_format
               for name in ("whisper.json", "whisperx.json", "podcasting20.json")}
    assert formats == {"whisper.json": "whisper-json", "whisperx.json": "whisperx-json",
                       "podcasting20.json": "podcasting20-json"}


def test_json_that_is_no_transcript_says_which_shapes_are_read() -> None:
    error = error_of(fixture_text("not_a_transcript.json"))
    assert error.line is None
    for shape in ("Whisper JSON", "WhisperX JSON", "Podcasting 2.0 JSON"):
        assert shape in error.reason


def test_end_before_start_names_the_segment_number() -> None:
    segments = [{"start": i, "end": i + 1, "text": "ja"} for i in range(11)]
    segments.append({"start": 30.0, "end": 29.5, "text": "nee"})
    assert problem_of({"segments": segments}).startswith(
        "segment 12: end 29.500 s is before start 30.000 s")


def test_podcasting20_end_before_start_names_the_segment_number() -> None:
    problem = problem_of({"version": "1.0.0", "segments": [
        {"startTime": 0, "endTime": 1, "body": "ja"}, {"startTime": 5, "endTime": 4, "body": "x"}]})
    assert problem.startswith("segment 2: ")


@pytest.mark.parametrize(("value", "expected"), [
    ({"segments": [{"start": "1.5", "end": 2, "text": "x"}]}, 'start is the text "1.5"'),
    ({"segments": [{"start": 1, "end": 2, "text": None}]}, "text is null"),
    ({"segments": [{"start": 1, "end": 2}]}, "segment 1 has no text"),
    ({"segments": [{"end": 2, "text": "x"}]}, "segment 1 has no start"),
    ({"segments": [{"start": True, "end": 2, "text": "x"}]}, "start is true"),
    ({"segments": [{"start": -1, "end": 2, "text": "x"}]}, "not a time"),
    ({"segments": [{"start": 1e300, "end": 2, "text": "x"}]}, "not a time"),
    ({"segments": [{"start": 1, "end": 2, "text": "x"}, "nee"]}, "segment 2 is the text"),
    ({"segments": [{"start": 1, "end": 2, "text": "x", "words": "ja"}]}, "words is the text"),
    ({"segments": [{"start": 1, "end": 2, "text": "x", "words": [3]}]}, "word 1 is the number"),
    ({"segments": [{"start": 1, "end": 2, "text": "x", "words": [{"word": None}]}]},
     "segment 1, word 1: word is null"),
    ({"segments": [{"start": 1, "end": 2, "text": "x", "words": [{"word": "x", "start": "0"}]}]},
     "segment 1, word 1: start is the text"),
    ({"segments": [{"start": 1, "end": 2, "text": "x", "speaker": 7}]}, "speaker is the number 7"),
    ({"version": "1.0.0", "segments": [{"startTime": 1, "endTime": 2, "body": [1]}]},
     "body is a list"),
    ({"version": "1.0.0", "segments": [{"endTime": 2, "body": "x"}]}, "has no startTime"),
    ({"version": "1.0.0", "segments": [{"startTime": 0, "body": "x"}, {"startTime": "later"}]},
     "segment 2: startTime is the text"),
])
def test_wrong_types_raise_a_transcript_error_naming_the_field(value: object,
                                                               expected: str) -> None:
    assert expected in problem_of(value)


@pytest.mark.parametrize("text", [
    '{"segments": [{"start": NaN, "end": 1, "text": "x"}]}',
    '{"segments": [{"start": 0, "end": Infinity, "text": "x"}]}',
    '{"segments": [{"start": 0, "end": 1' + "0" * 5000 + ', "text": "x"}]}',
    "[" * 100_000 + "]" * 100_000,
    "",
    "{",
])
def test_json_edge_cases_raise_a_transcript_error(text: str) -> None:
    error_of(text)
