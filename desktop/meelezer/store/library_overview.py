"""One row per episode for the library view: what it is, how far listened, how annotated."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import distinct, func, select

from meelezer.store.database import Database
from meelezer.store.tables import EPISODE, NOTE, SEGMENT, SHOW


@dataclass(frozen=True, slots=True)
class EpisodeSummary:
    id: int
    title: str
    show_name: str | None
    duration_ms: int
    last_position_ms: int
    speakers_labelled: int  # distinct speakers assigned to at least one line
    lines_labelled: int
    line_count: int
    note_count: int  # notes, bookmarks and highlights
    last_opened_at: datetime | None
    transcript_path: Path
    audio_path: Path | None
    # No file at the stored path (moved, renamed, or its drive not mounted); checked when
    # the overview is made, not on every repaint.
    transcript_missing: bool = False
    audio_missing: bool = False

    @property
    def files_missing(self) -> bool:
        return self.transcript_missing or self.audio_missing

    @property
    def listened_fraction(self) -> float:
        if self.duration_ms <= 0:
            return 0.0
        return max(0.0, min(1.0, self.last_position_ms / self.duration_ms))


def library_overview(db: Database) -> list[EpisodeSummary]:
    """Every episode, most recently opened first; three grouped queries, not one per episode."""
    with db.session() as session:
        connection = session.connection()
        episodes = connection.execute(
            select(EPISODE.c.id, EPISODE.c.title, SHOW.c.name, EPISODE.c.duration_ms,
                   EPISODE.c.last_position_ms, EPISODE.c.last_opened_at,
                   EPISODE.c.transcript_path, EPISODE.c.audio_path, EPISODE.c.created_at)
            .select_from(EPISODE.outerjoin(SHOW, EPISODE.c.show_id == SHOW.c.id))
        ).all()
        line_stats = {
            row.episode_id: row
            for row in connection.execute(
                select(SEGMENT.c.episode_id,
                       func.count().label("lines"),
                       func.count(SEGMENT.c.speaker_id).label("labelled"),
                       func.count(distinct(SEGMENT.c.speaker_id)).label("speakers"))
                .group_by(SEGMENT.c.episode_id)
            )
        }
        note_counts: dict[int, int] = {
            episode_id: count
            for episode_id, count in connection.execute(
                select(NOTE.c.episode_id, func.count()).group_by(NOTE.c.episode_id))
        }
    keyed: list[tuple[tuple[bool, datetime], EpisodeSummary]] = []
    for row in episodes:
        stats = line_stats.get(row.id)
        audio = Path(row.audio_path) if row.audio_path else None
        summary = EpisodeSummary(
            id=row.id, title=row.title, show_name=row.name, duration_ms=row.duration_ms,
            last_position_ms=row.last_position_ms,
            speakers_labelled=stats.speakers if stats else 0,
            lines_labelled=stats.labelled if stats else 0,
            line_count=stats.lines if stats else 0,
            note_count=note_counts.get(row.id, 0),
            last_opened_at=row.last_opened_at,
            transcript_path=Path(row.transcript_path),
            audio_path=audio,
            transcript_missing=not Path(row.transcript_path).is_file(),
            audio_missing=audio is not None and not audio.is_file(),
        )
        # Never-opened episodes after the opened ones, newest import first among them.
        opened = row.last_opened_at is not None
        keyed.append(((opened, row.last_opened_at if opened else row.created_at), summary))
    keyed.sort(key=lambda pair: pair[0], reverse=True)
    return [summary for _, summary in keyed]


def distinct_titles(rows: list[EpisodeSummary]) -> dict[int, str]:
    """Each episode's title; one that others share gets its transcript's file name after it
    (and its folder too when the file names are the same), so a rerun is not a twin."""
    by_title: dict[str, list[EpisodeSummary]] = {}
    for row in rows:
        by_title.setdefault(row.title, []).append(row)
    titles = {}
    for title, namesakes in by_title.items():
        names = [row.transcript_path.name for row in namesakes]
        for row in namesakes:
            if len(namesakes) == 1:
                titles[row.id] = title
                continue
            where = row.transcript_path.name
            if names.count(where) > 1:
                where = f"{row.transcript_path.parent.name}/{where}"
            titles[row.id] = f"{title} — {where}"
    return titles
