"""Tests for the plain-text reader: utterance lines, wrapped prose, speakers, estimated times."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.formats import ReadOptions
from meelezer.transcript.model import Transcript
from meelezer.transcript.readers.plain_text import read, sniff

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "transcripts"


def read_text(text: str, audio_duration_ms: int | None = None) -> Transcript:
    return read(text, ReadOptions(audio_duration_ms=audio_duration_ms))


def test_one_utterance_per_line_with_speakers() -> None:
    transcript = read_transcript(FIXTURES / "utterances.txt", audio_duration_ms=20_000)
    assert transcript.source_format == "plain-text"
    assert [(s.speaker, s.text) for s in transcript.segments] == [
        ("Wietse", "Welkom bij AI Report."),
        ("Alexander", "Dank je wel."),
        ("Wietse", "Vandaag hebben we het over taalmodellen."),
        ("Alexander", "Daar heb ik zin in."),
        (None, "Let op: dit is geen spreker."),
    ]
    assert transcript.duration_ms == 20_000
    assert all(s.times_estimated for s in transcript.segments)


def test_hard_wrapped_paragraph_is_rejoined_and_split() -> None:
    transcript = read_transcript(FIXTURES / "wrapped.txt")
    texts = [s.text for s in transcript.segments]
    assert texts[1].endswith("e-mails en notities.")  # a sentence crosses the editor's wrap
    assert texts[-1] == "Een tweede alinea."
    assert " ".join(texts).split() == (FIXTURES / "wrapped.txt").read_text("utf-8").split()


def test_long_line_is_split_into_readable_lines() -> None:
    words = [f"woord{i}" for i in range(120)]
    transcript = read_text(" ".join(words) + "\n")
    assert len(transcript.segments) >= 5
    assert " ".join(s.text for s in transcript.segments).split() == words
    assert max(len(s.text.split()) for s in transcript.segments) <= 25


def test_long_labelled_line_keeps_its_speaker() -> None:
    speech = " ".join(f"woord{i}" for i in range(60))
    transcript = read_text(f"Wietse: {speech}\nWietse: kort\n")
    assert {s.speaker for s in transcript.segments} == {"Wietse"}
    assert " ".join(s.text for s in transcript.segments).split() == [*speech.split(), "kort"]


def test_short_lines_ending_in_punctuation_are_kept() -> None:
    transcript = read_text("Ja.\nNee.\nmisschien!\n")
    assert [s.text for s in transcript.segments] == ["Ja.", "Nee.", "misschien!"]


def test_times_without_audio_follow_the_speaking_rate() -> None:
    segments = read_text(" ".join(["woord"] * 150)).segments
    assert 50_000 < segments[-1].end_ms < 70_000


def test_sniff_is_always_false() -> None:
    assert not sniff("Wietse: hoi\nAlexander: hoi\n")


def test_no_text_is_an_error() -> None:
    with pytest.raises(TranscriptError):
        read_text(" \n\n\t\n")


def test_cp1252_through_read_transcript() -> None:
    transcript = read_transcript(FIXTURES / "cp1252.txt")
    assert [s.text for s in transcript.segments] == [
        "Café au lait – “lekker” voor €2", "Tweede regel."]


def test_unknown_extension_with_unrecognisable_content() -> None:
    path = FIXTURES / "unknown.xyz"
    with pytest.raises(TranscriptError, match="unknown transcript format") as caught:
        read_transcript(path)
    assert str(caught.value).startswith(str(path))
    assert caught.value.line is None
