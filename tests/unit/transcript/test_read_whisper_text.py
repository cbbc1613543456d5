"""Tests for the Whisper text reader: openai-whisper and whisper.cpp output, headers, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.formats import ReadOptions, detect_reader
from meelezer.transcript.model import Transcript
from meelezer.transcript.readers.whisper_text import read, sniff

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"
FIXTURES = REPO / "tests" / "fixtures" / "transcripts"


def read_text(text: str) -> Transcript:
    return read(text, ReadOptions())


def error_of(text: str) -> TranscriptError:
    with pytest.raises(TranscriptError) as caught:
        read_text(text)
    return caught.value


# --- the seed ----------------------------------------------------------------------------

def test_seed_lines_and_duration() -> None:
    transcript = read_transcript(SEED)
    assert transcript.source_format == "whisper-text"
    assert len(transcript.segments) == 2233
    assert transcript.duration_ms == 6_781_500
    first = transcript.segments[0]
    assert (first.start_ms, first.end_ms) == (0, 8660)
    assert first.text.startswith("Welkom bij AI Report, de Nederlandse podcast")
    assert not transcript.times_estimated


def test_seed_keeps_the_hallucinated_last_lines() -> None:
    segments = read_transcript(SEED).segments
    assert (segments[-2].start_ms, segments[-2].end_ms, segments[-2].text) == (
        6_742_680, 6_751_520, "ợper needed met bikers.")
    assert segments[-1].text == "TV Gelderland 2021"


def test_seed_header_becomes_metadata() -> None:
    metadata = read_transcript(SEED).metadata
    assert metadata.title == ("Grok-3 daagt OpenAI uit + NYT omarmt AI + exclusief interview "
                              "met Rick Lamers (Groq)")
    assert metadata.show == "AI Report"
    assert metadata.source_id == "xDCa0xgymMY"
    assert metadata.source_url == "https://www.youtube.com/watch?v=xDCa0xgymMY"
    assert metadata.date == "2025-02-20T06:59:25"
    assert metadata.extra == {}


# --- variants ----------------------------------------------------------------------------

def test_whisper_cpp_variant() -> None:
    transcript = read_transcript(FIXTURES / "whisper_cpp.txt")
    assert transcript.source_format == "whisper-text"
    assert [(s.start_ms, s.end_ms) for s in transcript.segments] == [
        (0, 4200), (4200, 9060), (9060, 13500), (13500, 62125), (3_600_000, 3_601_999)]
    assert transcript.segments[0].text == (
        "Welkom bij AI Report, de podcast over kunstmatige intelligentie.")


def test_header_with_ascii_bar_unknown_keys_and_wrapped_line() -> None:
    transcript = read_transcript(FIXTURES / "whisper_header.txt")
    assert transcript.metadata.title == "Een taalmodel uit de polder"
    assert transcript.metadata.show == "Poki"
    assert transcript.metadata.date == "2024-06-01T12:00:00"
    assert transcript.metadata.extra == {"Channel language": "nl"}
    assert [s.text for s in transcript.segments] == [
        "Hallo en welkom.",
        "Dit is een lange regel die een editor heeft afgebroken op twee regels.",
        "Doeg."]


def test_title_without_show_suffix_is_kept_whole() -> None:
    transcript = read_text("Video title: Gewoon een titel\n[0.00 --> 1.00] Hoi.\n")
    assert transcript.metadata.title == "Gewoon een titel"
    assert transcript.metadata.show is None


def test_single_space_and_missing_text() -> None:
    transcript = read_text("[1.5 --> 2.25] Eén spatie.\n[2.25 --> 3.00]\n")
    assert [(s.start_ms, s.end_ms, s.text) for s in transcript.segments] == [
        (1500, 2250, "Eén spatie."), (2250, 3000, "")]


def test_sniff() -> None:
    assert sniff(SEED.read_text(encoding="utf-8"))
    assert sniff("[00:00:00.000 --> 00:00:04.200]   hallo")
    assert not sniff("1\n00:00:01,000 --> 00:00:02,000\nSRT\n")
    assert not sniff("Gewone tekst [met haken] en --> pijlen.")


def test_detected_without_an_extension_hint() -> None:
    assert detect_reader("[0.00 --> 8.66]  Welkom.").name == "whisper-text"


# --- errors ------------------------------------------------------------------------------

def test_a_line_ending_before_its_start_is_skipped_and_named() -> None:
    transcript = read_text("Video title: x\n\n[0.00 --> 1.00] goed\n[5.00 --> 4.00] fout\n"
                           "  nog fout\n[6.00 --> 7.00] ook goed\n")
    assert [s.text for s in transcript.segments] == ["goed", "ook goed"]
    (warning,) = transcript.warnings
    assert warning.startswith("line 4: end 4.00 is before start 5.00")


def test_end_before_start_through_read_transcript_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "aflevering.txt"
    path.write_text("[9.00 --> 4.00] fout\n", encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert str(caught.value).startswith(f"{path}:1: ")


def test_impossible_clock_time_skips_that_line() -> None:
    transcript = read_text(
        "[00:00:00.000 --> 00:00:01.000] a\n[00:75:00.000 --> 00:76:00.000] b\n")
    assert [s.text for s in transcript.segments] == ["a"]
    assert [w.split(":")[0] for w in transcript.warnings] == ["line 2"]


def test_a_negative_time_is_named_not_read_as_text() -> None:
    transcript = read_text("[0.00 --> 1.00] a\n[-2.00 --> 3.00] b\n")
    assert [s.text for s in transcript.segments] == ["a"]
    assert [w.split(":")[0] for w in transcript.warnings] == ["line 2"]


def test_no_timed_lines_is_an_error() -> None:
    assert "no Whisper lines" in error_of("Video title: x\n\nalleen tekst\n").reason
