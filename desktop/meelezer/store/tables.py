"""The SQLModel tables of the library database; the schema that migrations must produce."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Final, cast

from sqlalchemy import (
    CheckConstraint,
    CursorResult,
    Index,
    MetaData,
    Table,
    UniqueConstraint,
    column,
)
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

# Every constraint and index gets a predictable name, so a migration can refer to it (and
# batch mode on SQLite can drop and recreate it).
NAMING_CONVENTION: Final = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NOTE_KINDS: Final = ("note", "bookmark", "highlight")


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC (SQLModel's datetime columns require aware
    values; SQLite stores them as UTC text and they come back aware in UTC)."""
    return datetime.now(UTC)


_REGISTRY: Final = registry(metadata=MetaData(naming_convention=NAMING_CONVENTION))


class StoreModel(SQLModel, registry=_REGISTRY):
    """Base of the store's tables; they share one ``MetaData``, separate from SQLModel's own."""


class Show(StoreModel, table=True):
    """A podcast. Speakers are remembered per show, so a new episode knows its voices."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class Episode(StoreModel, table=True):
    """One transcript in the library, with the audio that goes with it, if known.

    ``tags`` is a JSON list of strings and ``extra`` a JSON object of strings (header lines
    the reader kept). ``transcript_hash`` is the sha256 of the transcript file's bytes; it
    identifies the episode when the same file is imported again.
    """

    id: int | None = Field(default=None, primary_key=True)
    show_id: int | None = Field(
        default=None, foreign_key="show.id", ondelete="SET NULL", index=True
    )
    title: str
    source_url: str | None = None
    source_id: str | None = None
    tags: str = "[]"
    date: str | None = None
    extra: str = "{}"
    transcript_path: str
    transcript_hash: str = Field(unique=True)
    transcript_format: str = ""
    audio_path: str | None = None
    audio_hash: str | None = None
    duration_ms: int = 0
    times_estimated: bool = False
    last_position_ms: int = 0
    created_at: datetime = Field(default_factory=utc_now)
    last_opened_at: datetime | None = None


class Speaker(StoreModel, table=True):
    """A voice: shared by a show's episodes (``show_id``), or known in one episode only."""

    __table_args__ = (
        UniqueConstraint("show_id", "name"),
        UniqueConstraint("episode_id", "name"),
        CheckConstraint(column("hotkey").between(1, 9), name="hotkey_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    show_id: int | None = Field(default=None, foreign_key="show.id", ondelete="CASCADE")
    episode_id: int | None = Field(default=None, foreign_key="episode.id", ondelete="CASCADE")
    name: str
    color: str  # "#rrggbb"
    hotkey: int | None = None  # 1–9


class Segment(StoreModel, table=True):
    """One transcript line. ``original_text`` holds the reader's text once the user edits it.

    ``found_in_audio`` is None until the episode is synced to its audio, then whether this
    line was found there (False: it kept its times and is flagged for review).
    """

    __table_args__ = (UniqueConstraint("episode_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    episode_id: int = Field(foreign_key="episode.id", ondelete="CASCADE")
    position: int
    start_ms: int
    end_ms: int
    text: str
    original_text: str | None = None
    speaker_id: int | None = Field(
        default=None, foreign_key="speaker.id", ondelete="SET NULL", index=True
    )
    times_estimated: bool = False
    time_set_by_user: bool = False
    found_in_audio: bool | None = None


class Word(StoreModel, table=True):
    """One word of a segment with its own times; ``position`` orders the words in the line."""

    __table_args__ = (UniqueConstraint("segment_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    segment_id: int = Field(foreign_key="segment.id", ondelete="CASCADE")
    position: int
    start_ms: int
    end_ms: int
    text: str
    estimated: bool = False


class Note(StoreModel, table=True):
    """A note, bookmark or highlight, anchored to a time so it survives a re-import.

    ``end_ms`` is set for a highlight, which covers ``time_ms`` to ``end_ms``.
    """

    __table_args__ = (
        Index(None, "episode_id", "time_ms"),
        CheckConstraint(column("kind").in_(NOTE_KINDS), name="kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    episode_id: int = Field(foreign_key="episode.id", ondelete="CASCADE")
    time_ms: int
    kind: str = "note"
    text: str = ""
    color: str | None = None
    end_ms: int | None = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class VoiceProfile(StoreModel, table=True):
    """What a speaker's voice sounds like: the mean of their lines' voice embeddings
    (float32, unit length), remembered so the show's next episode comes already named.

    Derived data: rebuilt from labelled lines and their audio, so it stays on this machine
    (not in annotation archives) and goes with its speaker.
    """

    __tablename__ = "voice_profile"

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="CASCADE", unique=True)
    embedding: bytes
    model: str  # the embedding model's id: a profile of another model is not compared
    line_count: int = 0
    updated_at: datetime = Field(default_factory=utc_now)


def _table(model: type[StoreModel]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


# The Core tables, for bulk inserts and plain-tuple selects (no ORM overhead per row).
SHOW: Final = _table(Show)
EPISODE: Final = _table(Episode)
SPEAKER: Final = _table(Speaker)
SEGMENT: Final = _table(Segment)
WORD: Final = _table(Word)
NOTE: Final = _table(Note)
VOICE_PROFILE: Final = _table(VoiceProfile)

METADATA: Final = StoreModel.metadata

# The full-text index (store/search.py), made by migration 0002 with raw SQL: an FTS5
# virtual table, its shadow tables (search_index_data, ...) and triggers. SQLModel cannot
# describe them, so schema comparisons must leave them out (see ``in_metadata``).
SEARCH_INDEX: Final = "search_index"


def in_metadata(name: str | None, type_: str, _parent_names: Mapping[Any, str | None]) -> bool:
    """alembic's ``include_name`` hook: False for the search index's tables, which
    ``METADATA`` does not describe, so comparing it with a database ignores them."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_INDEX))


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key of the row a single-row Core ``insert`` just added."""
    key = result.inserted_primary_key
    assert key is not None, "not the result of a single-row insert"
    return int(key[0])
