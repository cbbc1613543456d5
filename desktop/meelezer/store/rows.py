"""Plain, frozen results of store queries, so callers never hold ORM objects or sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SegmentRow:
    """One transcript line as stored; ``position`` is its index in the episode."""

    id: int
    position: int
    start_ms: int
    end_ms: int
    text: str
    speaker_id: int | None
    speaker_name: str | None
    speaker_color: str | None  # "#rrggbb"
    times_estimated: bool
    original_text: str | None  # the reader's text, set once the user corrected the line
    time_set_by_user: bool
    found_in_audio: bool | None = None  # None: never synced to the audio; False: flagged


@dataclass(frozen=True, slots=True)
class EpisodeRow:
    """One episode of the library, with its show's name. Datetimes are aware, in UTC."""

    id: int
    show_id: int | None
    show_name: str | None
    title: str
    source_url: str | None
    source_id: str | None
    tags: tuple[str, ...]
    date: str | None
    extra: dict[str, str]
    transcript_path: Path
    transcript_hash: str
    transcript_format: str
    audio_path: Path | None
    audio_hash: str | None
    duration_ms: int
    times_estimated: bool
    last_position_ms: int
    created_at: datetime
    last_opened_at: datetime | None


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker the user can assign in an episode: the show's, or the episode's own."""

    id: int
    name: str
    color: str  # "#rrggbb"
    hotkey: int | None  # 1–9, the key that assigns this speaker
    show_id: int | None
    episode_id: int | None


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A note, a bookmark (a note without text) or a highlight (a quote over a time range)."""

    id: int
    episode_id: int
    time_ms: int
    kind: str  # "note" | "bookmark" | "highlight"
    text: str
    color: str | None
    end_ms: int | None  # highlights cover time_ms..end_ms
    created_at: datetime
    updated_at: datetime
