"""The seed transcript read from disk, stored in a library found via MEELEZER_DATA_DIR."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from meelezer.store import (
    database_path,
    file_sha256,
    find_episode_by_hash,
    get_episode,
    import_transcript,
    list_episodes,
    load_segments,
    load_words,
    open_database,
    resolve_data_dir,
)

files = pytest.importorskip("meelezer.transcript.files")

SEED = "ai-report-2025-02-20-grok3-whisper.txt"


def test_seed_import_survives_reopen_and_reimport(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEELEZER_DATA_DIR", str(tmp_path / "library"))
    data_dir = resolve_data_dir(None)
    assert data_dir == tmp_path / "library"
    source = seeds_dir / SEED
    transcript = files.read_transcript(source)
    digest = file_sha256(source)

    with open_database(database_path(data_dir)) as db:
        episode_id = import_transcript(db, transcript, source, digest, None)

    moved = tmp_path / "elsewhere" / SEED
    moved.parent.mkdir()
    shutil.copyfile(source, moved)
    with open_database(database_path(data_dir)) as db:
        assert import_transcript(db, files.read_transcript(moved), moved, digest, None) == (
            episode_id
        )
        assert [e.id for e in list_episodes(db)] == [episode_id]
        episode = get_episode(db, episode_id)
        rows = load_segments(db, episode_id)
        assert load_words(db, episode_id) == {}
        assert find_episode_by_hash(db, digest) == episode

    assert episode is not None
    assert episode.show_name == "AI Report"
    assert episode.title.startswith("Grok-3 daagt OpenAI uit")
    assert episode.transcript_path == moved
    assert episode.duration_ms == transcript.duration_ms
    assert len(rows) == len(transcript.segments) == 2233
    assert [(r.start_ms, r.end_ms, r.text) for r in rows] == [
        (s.start_ms, s.end_ms, s.text) for s in transcript.segments
    ]
    assert rows[0].text.startswith("Welkom bij AI Report")
