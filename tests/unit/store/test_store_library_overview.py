"""The library overview: counts per episode from grouped queries."""

from __future__ import annotations

from pathlib import Path

from meelezer.store import episodes
from meelezer.store.assignments import assign_speaker
from meelezer.store.database import open_database
from meelezer.store.library_overview import library_overview
from meelezer.store.notes import add_note
from meelezer.store.speakers import add_speaker
from meelezer.transcript.model import Segment, Transcript


def test_overview_counts_labels_notes_and_progress(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    lines = [Segment(i * 1000, i * 1000 + 900, f"regel {i}") for i in range(10)]
    first = episodes.import_transcript(db, Transcript(lines), tmp_path / "a.srt", "a", None)
    second = episodes.import_transcript(db, Transcript(lines[:3]), tmp_path / "b.srt", "b",
                                        tmp_path / "b.mp3")
    rows = episodes.load_segments(db, first)
    wietse = add_speaker(db, first, "Wietse")
    alexander = add_speaker(db, first, "Alexander")
    assign_speaker(db, [r.id for r in rows[:4]], wietse.id)
    assign_speaker(db, [rows[5].id], alexander.id)
    add_note(db, first, 1000, text="x")
    add_note(db, first, 2000, kind="bookmark")
    episodes.save_last_position(db, first, 5000)
    episodes.mark_opened(db, first)

    overview = library_overview(db)
    assert [s.id for s in overview] == [first, second]  # opened first
    summary = overview[0]
    assert (summary.line_count, summary.lines_labelled, summary.speakers_labelled) == (10, 5, 2)
    assert summary.note_count == 2
    assert summary.listened_fraction == 5000 / 9900
    assert overview[1].audio_path == tmp_path / "b.mp3"
    assert overview[1].note_count == 0 and overview[1].speakers_labelled == 0
    db.close()
