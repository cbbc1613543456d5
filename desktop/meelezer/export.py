"""Exporting a library episode as the user has it now (corrections, speakers, notes) to a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from meelezer.atomic_write import write_text_atomically
from meelezer.store.database import Database
from meelezer.store.episodes import get_episode, load_segments, load_words, refuse_library_file
from meelezer.store.errors import episode_not_found
from meelezer.store.notes import list_notes
from meelezer.store.rows import NoteRow, SegmentRow
from meelezer.transcript.errors import cannot_write
from meelezer.transcript.files import render_transcript, subtitle_writer
from meelezer.transcript.formats import writer_for
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript
from meelezer.transcript.writers import markdown_note
from meelezer.transcript.writers.markdown_note import NoteEntry

__all__ = ["NoteEntry", "episode_notes", "episode_transcript", "export_episode"]


def episode_transcript(db: Database, episode_id: int) -> Transcript:
    """The episode as the user has it now: corrected text, assigned speakers, current times.

    Raises ``EpisodeNotFoundError`` when there is no such episode.
    """
    episode = get_episode(db, episode_id)
    if episode is None:
        raise episode_not_found(episode_id, db.path)
    words = load_words(db, episode_id)
    segments = [
        Segment(
            start_ms=row.start_ms,
            end_ms=row.end_ms,
            text=row.text,
            speaker=row.speaker_name,
            # A corrected line's words spell the reader's text, not the user's; writing them
            # would bring the mistake back in formats that show words.
            words=[] if row.original_text is not None else list(words.get(row.id, [])),
            times_estimated=row.times_estimated and not row.time_set_by_user,
        )
        for row in load_segments(db, episode_id)
    ]
    metadata = EpisodeMetadata(
        title=episode.title,
        show=episode.show_name,
        source_url=episode.source_url,
        source_id=episode.source_id,
        tags=list(episode.tags),
        date=episode.date,
        extra=dict(episode.extra),
    )
    return Transcript(segments, metadata, source_format=episode.transcript_format)


def episode_notes(db: Database, episode_id: int) -> list[NoteEntry]:
    """The episode's notes, bookmarks and highlights, each highlight with the lines it quotes."""
    segments = load_segments(db, episode_id)
    return [
        NoteEntry(note.time_ms, note.kind, note.text,
                  _quote(note, segments) if note.kind == "highlight" else "")
        for note in list_notes(db, episode_id)
    ]


def export_episode(db: Database, episode_id: int, output: Path, subtitles: bool = False) -> None:
    """Write the episode to ``output`` in the format its extension names, atomically (as
    ``prepare_export``, at once)."""
    prepare_export(db, episode_id, output, subtitles)()


def prepare_export(db: Database, episode_id: int, output: Path,
                   subtitles: bool = False) -> Callable[[], None]:
    """Read what the export needs from the library now; the returned function makes the file
    (the slow part for long episodes: it touches no database, so any thread may run it).

    .srt, .vtt, .json (Podcasting 2.0), .txt, or .md (a note that also lists the user's
    notes and highlights); ``subtitles`` cuts .srt and .vtt into short cues. Raises
    ``TranscriptError`` for an unknown extension (or one without subtitles) or a failed
    write, ``StoreError`` when the library cannot be read or ``output`` is one of its
    episodes' own files.
    """
    writer = writer_for(output)  # an unknown extension fails before the library is read
    if subtitles:
        subtitle_writer(output)  # so does a format that has no subtitle cues
    refuse_library_file(db, output)
    transcript = episode_transcript(db, episode_id)
    notes = episode_notes(db, episode_id) if writer.name == "markdown-note" else None

    def write() -> None:
        if notes is not None:
            content = markdown_note.write(transcript, notes)
        else:
            content = render_transcript(transcript, output, subtitles)
        _write_atomically(output, content)

    return write


def _quote(note: NoteRow, segments: list[SegmentRow]) -> str:
    """The text of the lines a highlight covers: those starting in its range, else the line
    playing at its start (as the notes panel shows it)."""
    # A highlight without an end (or ending where it starts) covers the line starting there.
    end_ms = max(note.end_ms or 0, note.time_ms + 1)
    inside = [s.text for s in segments if note.time_ms <= s.start_ms < end_ms]
    if inside:
        return " ".join(inside)
    before = [s for s in segments if s.start_ms <= note.time_ms]
    return before[-1].text if before else ""


def _write_atomically(path: Path, content: str) -> None:
    try:
        write_text_atomically(path, content)
    except OSError as error:
        raise cannot_write(path, error) from None
