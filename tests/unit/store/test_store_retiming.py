"""Fitting estimated times to the audio's length once libvlc knows it."""

from __future__ import annotations

from pathlib import Path

from meelezer.store import episodes
from meelezer.store.database import Database, open_database
from meelezer.store.retiming import fit_estimated_times
from meelezer.transcript.model import Segment, Transcript


def _import(db: Database, tmp_path: Path, segments: list[Segment], name: str) -> int:
    return episodes.import_transcript(db, Transcript(segments), tmp_path / name, name, None)


def test_untimed_transcript_is_stretched_over_the_audio(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    segments = [Segment(0, 4_000, "Een", times_estimated=True),
                Segment(4_000, 10_000, "Twee", times_estimated=True)]
    episode_id = _import(db, tmp_path, segments, "a")
    assert fit_estimated_times(db, episode_id, 20_000)
    rows = episodes.load_segments(db, episode_id)
    assert [(r.start_ms, r.end_ms) for r in rows] == [(0, 8_000), (8_000, 20_000)]
    episode = episodes.get_episode(db, episode_id)
    assert episode is not None and episode.duration_ms == 20_000
    assert not fit_estimated_times(db, episode_id, 20_200)  # fits already: nothing rewritten
    db.close()


def test_timed_transcripts_are_never_changed(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    episode_id = _import(db, tmp_path, [Segment(0, 4_000, "Een")], "b")
    assert not fit_estimated_times(db, episode_id, 20_000)
    assert episodes.load_segments(db, episode_id)[0].end_ms == 4_000
    db.close()
