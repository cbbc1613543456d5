"""Tests for the WebVTT reader: voices, skipped blocks, YouTube rolling auto-captions, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.formats import ReadOptions
from meelezer.transcript.model import Transcript
from meelezer.transcript.readers.webvtt import read, sniff

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "transcripts"

YOUTUBE_TEXT = ("[Muziek] zet jij je verwarming nog aan met zo'n ouderwetse thermostaatknop "
                "ja ja ja ja & doeg")


def read_text(text: str) -> Transcript:
    return read(text, ReadOptions())


def rows(transcript: Transcript) -> list[tuple[int, int, str | None, str]]:
    return [(s.start_ms, s.end_ms, s.speaker, s.text) for s in transcript.segments]


def test_voices_notes_styles_settings_entities_and_tags() -> None:
    transcript = read_transcript(FIXTURES / "voices.vtt")
    assert transcript.source_format == "webvtt"
    assert rows(transcript) == [
        (1000, 4000, "Wietse", "Welkom bij AI Report & fijn dat je luistert."),
        (4000, 7500, "Alexander Klöpping", "Dank je, <echt> waar."),
        (7500, 10000, None, "Dit is een zin in het English en een tweede regel met 漢 ruby."),
        (3_600_000, 3_602_000, "Wietse", "Doeg!"),
    ]


def test_youtube_auto_captions_give_each_word_once() -> None:
    transcript = read_transcript(FIXTURES / "youtube_auto.nl.vtt")
    assert transcript.metadata.extra == {"Kind": "captions", "Language": "nl"}
    assert " ".join(s.text for s in transcript.segments).split() == YOUTUBE_TEXT.split()
    assert [s.text for s in transcript.segments] == [
        "[Muziek]", "zet jij je verwarming nog aan", "met zo'n ouderwetse thermostaatknop",
        "ja ja", "ja ja & doeg"]
    assert not transcript.times_estimated


def test_youtube_word_times_come_from_the_inline_timestamps() -> None:
    segment = read_transcript(FIXTURES / "youtube_auto.nl.vtt").segments[1]
    assert (segment.start_ms, segment.end_ms) == (2360, 5030)
    assert [(w.text, w.start_ms, w.end_ms) for w in segment.words] == [
        ("zet", 2360, 2680), ("jij", 2680, 2840), ("je", 2840, 3000),
        ("verwarming", 3000, 3519), ("nog", 3519, 3800), ("aan", 3800, 5030)]
    assert not any(w.estimated for w in segment.words)


def test_youtube_segments_words_match_their_text() -> None:
    for segment in read_transcript(FIXTURES / "youtube_auto.nl.vtt").segments:
        if segment.words:
            assert " ".join(w.text for w in segment.words) == segment.text
            assert segment.words[0].start_ms == segment.start_ms
            assert segment.words[-1].end_ms == segment.end_ms


def test_inline_times_out_of_order_are_clamped() -> None:
    text = ("WEBVTT\n\n00:00:10.000 --> 00:00:12.000\n"
            "a<00:00:11.000><c> b</c><00:00:09.000><c> c</c><00:00:30.000><c> d</c>\n")
    words = read_text(text).segments[0].words
    assert [(w.text, w.start_ms, w.end_ms) for w in words] == [
        ("a", 10_000, 11_000), ("b", 11_000, 11_000), ("c", 11_000, 12_000),
        ("d", 12_000, 12_000)]


def test_ordinary_file_keeps_repeated_cues() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nJa.\n\n00:02.000 --> 00:03.000\nJa.\n"
    assert [s.text for s in read_text(text).segments] == ["Ja.", "Ja."]


def test_cue_ids_missing_blank_lines_and_no_header() -> None:
    text = ("00:01.000 --> 00:02.000\nEen\n00:02.000 --> 00:03.000\nTwee\n\n"
            "cue-3\n00:03.000 --> 00:04.000\nDrie\n")
    assert rows(read_text(text)) == [
        (1000, 2000, None, "Een"), (2000, 3000, None, "Twee"), (3000, 4000, None, "Drie")]


def test_name_labels_when_there_are_no_voices() -> None:
    text = ("WEBVTT\n\n00:01.000 --> 00:02.000\nWietse: hoi\n\n"
            "00:02.000 --> 00:03.000\nWietse: doei\n")
    assert [s.speaker for s in read_text(text).segments] == ["Wietse", "Wietse"]


def test_sniff() -> None:
    assert sniff("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n")
    assert sniff("WEBVTT - titel\n")
    assert sniff("\ufeffWEBVTT")
    assert not sniff("WEBVTTX\n")
    assert not sniff("1\n00:00:01,000 --> 00:00:02,000\nSRT\n")


def test_end_before_start_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "fout.vtt"
    path.write_text("WEBVTT\n\nNOTE x\n\n00:05.000 --> 00:04.000\nFout\n", encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert str(caught.value).startswith(f"{path}:5: end 00:04.000 is before start")


def test_unreadable_timing_names_the_line() -> None:
    with pytest.raises(TranscriptError, match="cue timing") as caught:
        read_text("WEBVTT\n\n00:01.000 --> straks\nx\n")
    assert caught.value.line == 3


def test_no_cues_is_an_error() -> None:
    with pytest.raises(TranscriptError, match="no cues"):
        read_text("WEBVTT\n\nNOTE alleen een opmerking\n")


def test_voice_names_with_escaped_characters_are_decoded() -> None:
    from meelezer.transcript.formats import ReadOptions
    from meelezer.transcript.readers import webvtt

    text = "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Q&amp;A &lt;team&gt;>Vragen?\n"
    transcript = webvtt.read(text, ReadOptions())
    assert transcript.segments[0].speaker == "Q&A <team>"
    assert transcript.segments[0].text == "Vragen?"
