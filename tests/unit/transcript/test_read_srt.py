"""Tests for the SRT reader: messy real-world files, speaker labels and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.formats import ReadOptions
from meelezer.transcript.model import Transcript
from meelezer.transcript.readers.speaker_labels import split_speaker_labels
from meelezer.transcript.readers.srt import clean_cue_text, read, sniff

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "transcripts"


def read_text(text: str) -> Transcript:
    return read(text, ReadOptions())


def rows(transcript: Transcript) -> list[tuple[int, int, str | None, str]]:
    return [(s.start_ms, s.end_ms, s.speaker, s.text) for s in transcript.segments]


def test_messy_file() -> None:
    transcript = read_transcript(FIXTURES / "messy.srt")
    assert transcript.source_format == "srt"
    assert rows(transcript) == [
        (1000, 3500, "Wietse", "Welkom bij AI Report."),  # dot before ms, <i> around the label
        (3500, 6000, "Alexander", "Dank je & fijn dat ik er weer ben."),  # {\an8}, <font>
        (6000, 8250, None, "Dus: dit is geen spreker."),  # a one-off label is text
        (8250, 10000, "Wietse", "En de <b> blijft gewoon staan."),  # escaped tag stays
        (12000, 15000, "Alexander", "Tot volgende week."),  # the empty cue is skipped
        (15000, 16500, None, "Doeg!"),  # no final newline
    ]
    assert transcript.speakers == ["Wietse", "Alexander"]


def test_unnumbered_cues_and_a_number_as_text() -> None:
    text = ("00:00:01,000 --> 00:00:02,000\n42\n\n"
            "00:00:02,000 --> 00:00:03,000\nNog een regel\n")
    assert rows(read_text(text)) == [(1000, 2000, None, "42"), (2000, 3000, None, "Nog een regel")]


def test_wrong_numbers_and_no_blank_lines_between_cues() -> None:
    text = ("5\n00:00:01,000 --> 00:00:02,000\nEen\n5\n"
            "00:00:02,000 --> 00:00:03,000\nTwee\n\n\n\n1\n00:00:03,000 --> 00:00:04,000\nDrie")
    assert [s.text for s in read_text(text).segments] == ["Een", "Twee", "Drie"]


def test_blank_line_inside_a_cue_and_trailing_text_are_kept() -> None:
    text = ("1\n00:00:01,000 --> 00:00:02,000\nEerste deel\n\ntweede deel\n\n"
            "2\n00:00:02,000 --> 00:00:03,000\nLaatste\n\nOndertiteling: iemand\n")
    assert [s.text for s in read_text(text).segments] == [
        "Eerste deel tweede deel", "Laatste Ondertiteling: iemand"]


def test_stray_number_after_the_last_cue_is_dropped() -> None:
    text = ("1\n00:00:01,000 --> 00:00:02,000\nEen\n\n"
            "2\n00:00:02,000 --> 00:00:03,000\nTwee\n\n3\n")
    assert [s.text for s in read_text(text).segments] == ["Een", "Twee"]


def test_short_times_without_hours() -> None:
    text = "1\n01:02.500 --> 01:04,250\nKort\n"
    assert rows(read_text(text)) == [(62_500, 64_250, None, "Kort")]


def test_bom_and_crlf_through_read_transcript() -> None:
    transcript = read_transcript(FIXTURES / "crlf_bom.srt")
    assert rows(transcript) == [(1000, 2000, None, "Café één"),
                                (2000, 3500, None, "Tweede regel met oude Mac-regeleinde")]


def test_clean_cue_text() -> None:
    assert clean_cue_text('{\\an8}<i>Hallo</i>  <font color="red">daar</font> &amp; a < b') == (
        "Hallo daar & a < b")
    assert clean_cue_text("&lt;i&gt;zichtbaar&lt;/i&gt; &nbsp;x") == "<i>zichtbaar</i> x"


# --- speakers ----------------------------------------------------------------------------

def test_speaker_labels_need_two_uses() -> None:
    assert split_speaker_labels(["Wietse: hoi", "Dus: nou", "Wietse: ja"]) == [
        ("Wietse", "hoi"), (None, "Dus: nou"), ("Wietse", "ja")]


@pytest.mark.parametrize("label", [
    "SPEAKER_00", "speaker_01", "Dr. A. de Vries", "Anne-Marie", ">> Wietse", ">>Wietse"])
def test_label_shapes_that_are_speakers(label: str) -> None:
    name = label.lstrip("> ")
    assert split_speaker_labels([f"{label}: een", f"{label}: twee"]) == [
        (name, "een"), (name, "twee")]


@pytest.mark.parametrize("label", [
    "dus", "Dit zijn echt veel te veel woorden", "Een" + "x" * 40, "12", "Wie?"])
def test_label_shapes_that_are_not_speakers(label: str) -> None:
    texts = [f"{label}: een", f"{label}: twee"]
    assert split_speaker_labels(texts) == [(None, text) for text in texts]


def test_url_and_clock_times_are_not_labels() -> None:
    texts = ["Kijk op https://ai-report.nl", "Om 10:30 begint het", "Kijk op https://x.nl"]
    assert split_speaker_labels(texts) == [(None, text) for text in texts]


# --- sniff and errors --------------------------------------------------------------------

def test_sniff() -> None:
    assert sniff("1\n00:00:01,000 --> 00:00:02,000\nHoi\n")
    assert sniff("\n\n00:00:01.000 --> 00:00:02.000 X1:1\nHoi\n")
    assert not sniff("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHoi\n")
    assert not sniff("[00:00:01.000 --> 00:00:02.000] whisper.cpp\n")
    assert not sniff("Gewone tekst.\n")


def test_a_cue_ending_before_its_start_is_skipped_and_named() -> None:
    transcript = read_transcript(FIXTURES / "end_before_start.srt")
    assert [s.text for s in transcript.segments] == ["Goed."]
    (warning,) = transcript.warnings
    assert warning.startswith("line 6: end 00:00:04,000 is before start")


def test_impossible_time_skips_that_cue_and_names_the_line() -> None:
    transcript = read_text(
        "1\n00:00:01,000 --> 00:00:02,000\nGoed\n\n2\n00:61:00,000 --> 00:62:00,000\nx\n")
    assert [s.text for s in transcript.segments] == ["Goed"]
    assert [w.split(":")[0] for w in transcript.warnings] == ["line 6"]


def test_when_every_cue_is_bad_the_first_is_the_error() -> None:
    with pytest.raises(TranscriptError) as caught:
        read_text("1\n00:00:05,000 --> 00:00:04,000\nFout\n\n2\n00:61:00,000 --> 00:62:00,000\nx\n")
    assert caught.value.line == 2


def test_a_negative_time_skips_the_cue_with_a_warning() -> None:
    transcript = read_text("1\n-00:00:01,000 --> 00:00:02,000\nTerug\n\n"
                           "2\n00:00:03,000 --> 00:00:04,000\nVooruit\n")
    assert [s.text for s in transcript.segments] == ["Vooruit"]
    (warning,) = transcript.warnings
    assert warning.startswith("line 2: a negative time")


def test_no_cues_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "leeg.srt"
    path.write_text("Dit is geen ondertitelbestand.\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="no subtitle cues") as caught:
        read_transcript(path)
    assert caught.value.path == path
