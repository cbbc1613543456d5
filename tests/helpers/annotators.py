"""An ``Annotator`` over a transcript imported into a real library, for annotator tests."""

from __future__ import annotations

from pathlib import Path

from meelezer.annotator import Annotator
from meelezer.store import episodes
from meelezer.store.database import Database
from meelezer.transcript.files import read_transcript


def annotator_on(database: Database, transcript: Path) -> Annotator:
    """Import ``transcript`` and return an annotator with that episode open."""
    episode_id = episodes.import_transcript(database, read_transcript(transcript), transcript,
                                            "seed", None)
    annotator = Annotator(database)
    annotator.set_episode(episode_id)
    return annotator
