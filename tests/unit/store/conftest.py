"""Fixtures for the store tests: a fresh database file, hand-built transcripts, row counts."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import func, select

from meelezer.store import Database, open_database
from meelezer.store.tables import METADATA
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript, Word

TranscriptFactory = Callable[..., Transcript]
RowCounter = Callable[[Database], dict[str, int]]

_TEXT = (
    "Welkom", "bij", "AI", "Report,", "de", "Nederlandse", "podcast", "over", "kunstmatige",
    "intelligentie,", "waar", "we", "uitzoeken", "welke", "invloed", "AI", "heeft", "op",
)


def build_transcript(
    segments: int,
    *,
    words_per_segment: int = 0,
    speakers: Sequence[str | None] = ("Milo", "Wietse", None),
    show: str | None = None,
    title: str | None = "Grok-3 daagt OpenAI uit",
) -> Transcript:
    """``segments`` lines of ~12 words, 3 s apart, speakers in turn, optional timed words."""
    lines = []
    for index in range(segments):
        start = index * 3000
        words = [_TEXT[(index + k) % len(_TEXT)] for k in range(12)]
        timed = [
            Word(f"w{index}.{k}", start + k * 100, start + k * 100 + 90, estimated=k % 2 == 1)
            for k in range(words_per_segment)
        ]
        lines.append(
            Segment(
                start_ms=start,
                end_ms=start + 2500,
                text=f"{index}: " + " ".join(words),
                speaker=speakers[index % len(speakers)] if speakers else None,
                words=timed,
                times_estimated=index % 5 == 0,
            )
        )
    metadata = EpisodeMetadata(
        title=title,
        show=show,
        source_url="https://www.youtube.com/watch?v=xDCa0xgymMY",
        source_id="xDCa0xgymMY",
        tags=["ai", "podcast"],
        date="2025-02-20T06:59:25",
        extra={"Last modified time": "2025-02-20 06:59:25"},
    )
    return Transcript(lines, metadata, source_format="whisper-text")


@pytest.fixture
def make_transcript() -> TranscriptFactory:
    return build_transcript


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "meelezer.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    with open_database(db_path) as database:
        yield database


def _count_rows(database: Database) -> dict[str, int]:
    with database.session() as session:
        connection = session.connection()
        return {
            name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in METADATA.tables.items()
        }


@pytest.fixture
def count_rows() -> RowCounter:
    """Rows per table, e.g. ``{"episode": 1, "segment": 2233, ...}``."""
    return _count_rows

