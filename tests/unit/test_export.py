"""Exporting a library episode as the user has it: corrections, speakers, times, notes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from meelezer.export import episode_transcript, export_episode
from meelezer.store import Database, file_sha256, import_transcript, load_segments, open_database
from meelezer.store.assignments import assign_speaker
from meelezer.store.corrections import set_segment_text
from meelezer.store.errors import EpisodeNotFoundError
from meelezer.store.notes import add_note
from meelezer.store.retiming import set_segment_start
from meelezer.store.speakers import add_speaker
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript, Word
from meelezer.transcript.writers.markdown_note import NoteEntry
from meelezer.transcript.writers.markdown_note import write as write_note


def _transcript() -> Transcript:
    segments = [
        Segment(0, 2000, "Welkom bij AI Report.", "Milo",
                [Word("Welkom", 0, 500), Word("bij", 500, 800)]),
        Segment(2000, 5000, "Vandaag over Grok drie.", "Wietse", [Word("Vandaag", 2000, 2600)]),
        Segment(62000, 65000, "Een regel om te citeren.", None),
        Segment(65000, 70000, "En de afsluiting.", None, times_estimated=True),
    ]
    metadata = EpisodeMetadata(title="Grok-3 daagt OpenAI uit", show="AI Report",
                               source_url="https://www.youtube.com/watch?v=xDCa0xgymMY",
                               source_id="xDCa0xgymMY", tags=["ai", "podcast"],
                               date="2025-02-20")
    return Transcript(segments, metadata, source_format="whisper-json")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[tuple[Database, int]]:
    with open_database(tmp_path / "data" / "meelezer.sqlite3") as db:
        episode_id = import_transcript(db, _transcript(), tmp_path / "e.json", "e" * 64, None)
        yield db, episode_id


def _edit(db: Database, episode_id: int) -> None:
    lines = load_segments(db, episode_id)
    set_segment_text(db, lines[0].id, "Welkom bij AI Report!")
    alexander = add_speaker(db, episode_id, "Alexander")
    assign_speaker(db, [lines[2].id], alexander.id)
    set_segment_start(db, lines[3].id, 66000)
    add_note(db, episode_id, 3000, "note", "Grok\ndrie")
    add_note(db, episode_id, 62000, "bookmark")
    add_note(db, episode_id, 62000, "highlight", "", "#ffcc00", 65000)


def test_episode_transcript_has_the_users_edits(library: tuple[Database, int]) -> None:
    db, episode_id = library
    _edit(db, episode_id)
    transcript = episode_transcript(db, episode_id)
    first, second, third, fourth = transcript.segments
    assert first.text == "Welkom bij AI Report!"
    assert first.words == []  # they spell the uncorrected text
    assert second.words == [Word("Vandaag", 2000, 2600)]
    assert (first.speaker, second.speaker, third.speaker) == ("Milo", "Wietse", "Alexander")
    assert fourth.start_ms == 66000 and not fourth.times_estimated
    metadata = transcript.metadata
    assert (metadata.title, metadata.show, metadata.source_id, metadata.tags, metadata.date) == (
        "Grok-3 daagt OpenAI uit", "AI Report", "xDCa0xgymMY", ["ai", "podcast"], "2025-02-20")


def test_unknown_episode_is_an_error(library: tuple[Database, int]) -> None:
    db, _ = library
    with pytest.raises(EpisodeNotFoundError):
        episode_transcript(db, 999)


@pytest.mark.parametrize("suffix", [".srt", ".vtt", ".json", ".txt", ".md"])
def test_every_format_has_the_edits(
        library: tuple[Database, int], tmp_path: Path, suffix: str) -> None:
    db, episode_id = library
    _edit(db, episode_id)
    output = tmp_path / f"out{suffix}"
    export_episode(db, episode_id, output)
    written = output.read_text(encoding="utf-8")
    assert "Welkom bij AI Report!" in written
    assert "Alexander" in written
    if suffix != ".txt":  # plain text has no times
        back = read_transcript(output)
        assert [s.start_ms for s in back.segments] == [0, 2000, 62000, 66000]
        assert back.segments[0].text.endswith("Welkom bij AI Report!")


def test_markdown_note_lists_notes_and_highlights(
        library: tuple[Database, int], tmp_path: Path) -> None:
    db, episode_id = library
    _edit(db, episode_id)
    output = tmp_path / "note.md"
    export_episode(db, episode_id, output)
    text = output.read_text(encoding="utf-8")
    notes = text.split("## Notes\n", 1)[1].split("## Key Takeaways", 1)[0]
    takeaways = text.split("## Key Takeaways\n", 1)[1].split("## Related", 1)[0]
    assert notes.strip().splitlines() == [
        "- [0:03](#t=3.000) Grok drie",
        "- [1:02](#t=62.000) Bookmark",
    ]
    assert takeaways.strip() == "- [1:02](#t=62.000) “Een regel om te citeren.”"
    back = read_transcript(output)
    assert len(back.segments) == 4  # the note sections are not read as transcript lines
    assert back.segments[2].speaker == "Alexander"


def test_markdown_without_notes_keeps_the_empty_sections() -> None:
    text = write_note(_transcript())
    assert text.endswith("---\n\n## Notes\n\n\n## Key Takeaways\n-\n\n## Related\n-\n")
    with_notes = write_note(_transcript(), [NoteEntry(1500, "highlight", "mooi", "Welkom")])
    assert "## Key Takeaways\n- [0:01](#t=1.500) “Welkom” — mooi\n" in with_notes


def test_podcasting_json_has_the_speakers(library: tuple[Database, int], tmp_path: Path) -> None:
    db, episode_id = library
    _edit(db, episode_id)
    output = tmp_path / "out.json"
    export_episode(db, episode_id, output)
    document = json.loads(output.read_text(encoding="utf-8"))
    assert "Alexander" in json.dumps(document, ensure_ascii=False)


def test_unknown_extension_fails_before_writing(
        library: tuple[Database, int], tmp_path: Path) -> None:
    db, episode_id = library
    with pytest.raises(TranscriptError, match="cannot write"):
        export_episode(db, episode_id, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_exports_a_seed_episode(tmp_path: Path, seeds_dir: Path) -> None:
    seed = seeds_dir / "ai-report-grok3-demo.txt"
    with open_database(tmp_path / "meelezer.sqlite3") as db:
        episode_id = import_transcript(db, read_transcript(seed), seed, file_sha256(seed), None)
        export_episode(db, episode_id, tmp_path / "out.srt")
    assert len(read_transcript(tmp_path / "out.srt").segments) == len(
        read_transcript(seed).segments)
