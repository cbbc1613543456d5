"""Tests for the Markdown note reader: the YouTube note seed, timed notes, metadata, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.formats import ReadOptions
from meelezer.transcript.model import Transcript
from meelezer.transcript.readers.markdown_note import read, sniff

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "ai-report-gpt-nl-youtube-note.md"
FIXTURES = REPO / "tests" / "fixtures" / "transcripts"


def read_text(text: str, audio_duration_ms: int | None = None) -> Transcript:
    return read(text, ReadOptions(audio_duration_ms=audio_duration_ms))


def seed_section_words() -> list[str]:
    """The words between "## Transcript" and the next "---", found independently of the reader."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = lines.index("## Transcript") + 1
    end = lines.index("---", start)
    return " ".join(lines[start:end]).split()


# --- the seed ----------------------------------------------------------------------------

def test_seed_metadata() -> None:
    metadata = read_transcript(SEED).metadata
    assert metadata.title == "Een taalmodel uit de polder, GPT-NL | ✨ Poki"
    assert metadata.source_url == "https://www.youtube.com/watch?v=Q6ISUYLpI4A"
    assert metadata.source_id == "Q6ISUYLpI4A"
    assert metadata.tags == ["youtube", "transcript", "ai-report"]


def test_seed_words_are_preserved_in_order() -> None:
    transcript = read_transcript(SEED)
    words = seed_section_words()
    assert len(words) > 12_000
    assert " ".join(s.text for s in transcript.segments).split() == words
    assert "Notes" not in transcript.segments[-1].text


def test_seed_lines_are_estimated_and_readable() -> None:
    transcript = read_transcript(SEED)
    assert transcript.source_format == "markdown-note"
    assert len(transcript.segments) > 400
    assert all(s.times_estimated for s in transcript.segments)
    assert max(len(s.text.split()) for s in transcript.segments) <= 25


def test_seed_is_spread_over_the_audio_duration() -> None:
    transcript = read_transcript(SEED, audio_duration_ms=3_000_000)
    assert transcript.segments[0].start_ms == 0
    assert transcript.duration_ms == 3_000_000


# --- timed notes -------------------------------------------------------------------------

def test_timed_note_as_our_writer_writes_it() -> None:
    transcript = read_transcript(FIXTURES / "timed_note.md")
    assert [(s.start_ms, s.end_ms, s.speaker, s.text) for s in transcript.segments] == [
        (0, 9060, "Alexander", "Welkom bij AI Report."),
        (9060, 13060, "Wietse", "Dank je wel."),
        (13060, 3_723_123, None, "Een regel zonder spreker en zonder eind."),
        (3_723_123, 3_725_500, "Wietse", "Doeg."),
    ]
    assert not transcript.times_estimated


def test_timed_note_metadata_and_notes_are_not_metadata() -> None:
    metadata = read_transcript(FIXTURES / "timed_note.md").metadata
    assert metadata.title == "AI Report: GPT-NL"
    assert metadata.date == "2024-06-01"
    assert metadata.show == "AI Report"
    assert metadata.tags == ["podcast", "ai"]
    assert metadata.source_id == "Q6ISUYLpI4A"  # from the link, as there is no Video ID line
    assert metadata.extra == {"Guest": "Wietse Hagen"}


def test_last_timed_line_without_end_gets_a_speaking_time() -> None:
    segment = read_text("## Transcript\n\n[0:05](#t=5) Een paar woorden hier.\n").segments[0]
    assert segment.start_ms == 5000
    assert 5000 < segment.end_ms < 10_000


def test_timed_end_before_start_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "notitie.md"
    path.write_text("# T\n\n## Transcript\n\n[0:01](#t=1.000,2.000) goed\n\n"
                    "[0:09](#t=9.000,4.500) **Wietse:** fout\n", encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert str(caught.value).startswith(f"{path}:7: end 4.500 s is before start 9.000 s")


# --- untimed variations ------------------------------------------------------------------

def test_paragraph_speakers_and_section_end_at_heading() -> None:
    text = ("# Titel\n\n## transcript\n\n**Wietse:** Hallo allemaal.\n\n"
            "**Alexander:** Hoi.\nTweede regel.\n\n## Notes\nniet dit\n")
    transcript = read_text(text, audio_duration_ms=10_000)
    assert [(s.speaker, s.text) for s in transcript.segments] == [
        ("Wietse", "Hallo allemaal."), ("Alexander", "Hoi."), ("Alexander", "Tweede regel.")]
    assert transcript.duration_ms == 10_000


def test_note_without_transcript_heading() -> None:
    text = ("# Titel\n**Video ID:** abc123\n---\nDe tekst zelf.\n\n---\n## Notes\nx\n")
    transcript = read_text(text)
    assert transcript.metadata.source_id == "abc123"
    assert [s.text for s in transcript.segments] == ["De tekst zelf."]


def test_sniff() -> None:
    assert sniff(SEED.read_text(encoding="utf-8"))
    assert sniff("# x\n\n## TRANSCRIPT\n\ntekst")
    assert sniff("**Video ID:** abc")
    assert not sniff("# Gewoon een document\n\nMet tekst over een transcript.\n")


def test_empty_transcript_section_is_an_error() -> None:
    with pytest.raises(TranscriptError, match="no transcript text") as caught:
        read_text("# Titel\n\n## Transcript\n\n---\n\n## Notes\n")
    assert caught.value.line == 3
