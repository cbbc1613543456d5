"""A library with the demo seed in MEELEZER_DATA_DIR, for the commands that read the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.store import file_sha256, import_transcript, load_segments, open_database
from meelezer.store.corrections import set_segment_text
from meelezer.store.notes import add_note
from meelezer.store.paths import database_path
from meelezer.transcript.files import read_transcript

SEED = "ai-report-grok3-demo.txt"


@pytest.fixture
def library(isolated_data_dir: Path, seeds_dir: Path) -> int:
    """The demo seed in the library of MEELEZER_DATA_DIR, one line corrected, one note."""
    seed = seeds_dir / SEED
    with open_database(database_path(isolated_data_dir)) as db:
        episode_id = import_transcript(db, read_transcript(seed), seed, file_sha256(seed), None)
        set_segment_text(db, load_segments(db, episode_id)[0].id, "Verbeterde eerste regel")
        add_note(db, episode_id, 61_000, "note", "Kijk hier")
    return episode_id
