"""The library's episodes: import a transcript, look episodes up, load their lines, forget them."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Select, delete, insert, select, update

from meelezer.store.database import Database
from meelezer.store.errors import StoreError, episode_not_found
from meelezer.store.hashing import audio_fingerprint, file_sha256
from meelezer.store.identity import is_library_file
from meelezer.store.lines import insert_lines, line_row
from meelezer.store.rows import EpisodeRow, SegmentRow
from meelezer.store.speakers import ensure_speakers
from meelezer.store.tables import EPISODE, SEGMENT, SHOW, SPEAKER, WORD, inserted_id, utc_now
from meelezer.texts import translate
from meelezer.transcript.model import Transcript, Word

__all__ = [
    "audio_fingerprint",
    "delete_episode",
    "file_sha256",
    "find_episode_by_hash",
    "get_episode",
    "import_transcript",
    "list_episodes",
    "load_segments",
    "load_words",
    "mark_opened",
    "relocate_episode",
    "remember_audio_hash",
    "save_last_position",
]


def import_transcript(
    db: Database,
    transcript: Transcript,
    transcript_path: Path,
    transcript_hash: str,
    audio_path: Path | None,
    show_name: str | None = None,
    *,
    audio_hash: str | None = None,
) -> int:
    """Add ``transcript`` to the library in one transaction and return the episode id.

    The show is ``transcript.metadata.show``, else ``show_name``, else none. Speakers named
    in the transcript are created (per show when there is one, else for this episode) and
    assigned to their segments. If an episode with ``transcript_hash`` exists already, no
    new one is made: its transcript path (and audio path, when given) are updated and its
    id is returned. Segments and words go in with bulk inserts (executemany). Without an
    ``audio_hash`` the audio's fingerprint is taken here (when the file can be read), so a
    moved audio file can be found again by content.
    """
    if audio_path is not None and audio_hash is None:
        audio_hash = _readable_fingerprint(audio_path)
    with db.session(write=True) as session:
        connection = session.connection()
        existing = connection.execute(
            select(EPISODE.c.id).where(EPISODE.c.transcript_hash == transcript_hash)
        ).scalar_one_or_none()
        if existing is not None:
            _update_paths(connection, existing, transcript_path, audio_path, audio_hash)
            return int(existing)
        show_id = _ensure_show(connection, transcript.metadata.show or show_name)
        episode_id = _insert_episode(
            connection, transcript, transcript_path, transcript_hash, audio_path, audio_hash,
            show_id,
        )
        speaker_ids = ensure_speakers(
            connection, transcript.speakers, show_id=show_id, episode_id=episode_id
        )
        _insert_segments(connection, episode_id, transcript, speaker_ids)
        return episode_id


def find_episode_by_hash(db: Database, transcript_hash: str) -> EpisodeRow | None:
    """The episode imported from a file with this sha256, if any."""
    with db.session() as session:
        row = session.connection().execute(
            _episode_query().where(EPISODE.c.transcript_hash == transcript_hash)
        ).one_or_none()
    return None if row is None else _episode_row(row)


def refuse_library_file(db: Database, target: Path) -> None:
    """Raise ``StoreError`` when ``target`` is the library itself (its database, journal,
    WAL or a backup, by path, symlink or hard link) or an episode's own transcript or audio.

    Exports and backups call this before writing: the user's files are only ever read,
    even when they pick one in a save dialog and confirm overwriting it. A transcript is
    recognised by path and by content (a copy elsewhere holds the same text).
    """
    if is_library_file(db.path, target):
        raise StoreError(translate(
            "Store", "{file} is part of your Meelezer library (the library database, its "
            "journal or a backup of it); writing there would destroy the library. Choose "
            "another name.").format(file=target), db.path)
    if not target.is_file():
        return
    resolved = target.resolve()
    for row in list_episodes(db):
        if resolved in {row.transcript_path.resolve(),
                        row.audio_path.resolve() if row.audio_path else None}:
            break
    else:
        try:
            row_by_content = find_episode_by_hash(db, file_sha256(target))
        except OSError:
            return  # unreadable: writing it will report the problem
        if row_by_content is None:
            return
        row = row_by_content
    raise StoreError(translate(
        "Store", "{file} is a file of the episode “{title}” in your library; Meelezer never "
        "changes your files. Choose another name.").format(file=target, title=row.title), db.path)


def get_episode(db: Database, episode_id: int) -> EpisodeRow | None:
    """The episode with this id, or None when it is not in the library."""
    with db.session() as session:
        row = session.connection().execute(
            _episode_query().where(EPISODE.c.id == episode_id)
        ).one_or_none()
    return None if row is None else _episode_row(row)


def list_episodes(db: Database) -> list[EpisodeRow]:
    """Every episode, most recently opened first, then the newest imports."""
    query = _episode_query().order_by(
        EPISODE.c.last_opened_at.desc().nulls_last(),
        EPISODE.c.created_at.desc(),
        EPISODE.c.id.desc(),
    )
    with db.session() as session:
        rows = session.connection().execute(query).all()
    return [_episode_row(row) for row in rows]


def load_segments(db: Database, episode_id: int,
                  segment_ids: Collection[int] | None = None) -> list[SegmentRow]:
    """The episode's lines in order, with their speakers; one query, no ORM objects.

    With ``segment_ids``, only those lines (a refresh after an annotation changed them).
    """
    query = (
        select(
            SEGMENT.c.id,
            SEGMENT.c.position,
            SEGMENT.c.start_ms,
            SEGMENT.c.end_ms,
            SEGMENT.c.text,
            SEGMENT.c.speaker_id,
            SPEAKER.c.name,
            SPEAKER.c.color,
            SEGMENT.c.times_estimated,
            SEGMENT.c.original_text,
            SEGMENT.c.time_set_by_user,
            SEGMENT.c.found_in_audio,
        )
        .select_from(SEGMENT.outerjoin(SPEAKER, SEGMENT.c.speaker_id == SPEAKER.c.id))
        .where(SEGMENT.c.episode_id == episode_id)
        .order_by(SEGMENT.c.position)
    )
    if segment_ids is not None:
        query = query.where(SEGMENT.c.id.in_(list(segment_ids)))
    with db.session() as session:
        rows: Sequence[Sequence[Any]] = session.connection().execute(query).all()
    return [SegmentRow(*row) for row in rows]


def load_words(db: Database, episode_id: int,
               segment_ids: Collection[int] | None = None) -> dict[int, list[Word]]:
    """The episode's words by segment id, in order; segments without words are absent.

    With ``segment_ids``, only those segments' words.
    """
    query = (
        select(
            WORD.c.segment_id, WORD.c.text, WORD.c.start_ms, WORD.c.end_ms, WORD.c.estimated
        )
        .join(SEGMENT, WORD.c.segment_id == SEGMENT.c.id)
        .where(SEGMENT.c.episode_id == episode_id)
        .order_by(WORD.c.segment_id, WORD.c.position)
    )
    if segment_ids is not None:
        query = query.where(WORD.c.segment_id.in_(list(segment_ids)))
    words: dict[int, list[Word]] = {}
    with db.session() as session:
        for segment_id, text, start_ms, end_ms, estimated in session.connection().execute(query):
            words.setdefault(segment_id, []).append(Word(text, start_ms, end_ms, estimated))
    return words


def save_last_position(db: Database, episode_id: int, ms: int) -> None:
    """Remember where playback is; a negative time (players report -1 for unknown) is 0."""
    _update_episode(db, episode_id, last_position_ms=max(0, ms))


def mark_opened(db: Database, episode_id: int) -> None:
    """Record that the episode was opened now (``list_episodes`` puts it first)."""
    _update_episode(db, episode_id, last_opened_at=utc_now())


def delete_episode(db: Database, episode_id: int) -> bool:
    """Remove the episode and its lines, words, notes and own speakers from the library.

    Files on disk are never touched. Returns False when there was no such episode.
    """
    with db.session(write=True) as session:
        result = session.connection().execute(delete(EPISODE).where(EPISODE.c.id == episode_id))
    return bool(result.rowcount)


def relocate_episode(
    db: Database,
    episode_id: int,
    transcript_path: Path,
    audio_path: Path | None,
    *,
    audio_hash: str | None = None,
) -> None:
    """Note where an episode's files are now (the audio only when one is given).

    A new audio path gets its fingerprint (``audio_hash``, else taken from the file now);
    the same path keeps the one it has, so reopening an episode reads no audio.
    """
    if audio_path is not None and audio_hash is None:
        known = get_episode(db, episode_id)
        if known is not None and known.audio_path == audio_path and known.audio_hash:
            audio_hash = known.audio_hash
        else:
            audio_hash = _readable_fingerprint(audio_path)
    with db.session(write=True) as session:
        _update_paths(session.connection(), episode_id, transcript_path, audio_path, audio_hash)


def remember_audio_hash(db: Database, episode_id: int, audio_hash: str) -> None:
    """Store the fingerprint of the episode's audio (episodes imported before it was kept)."""
    _update_episode(db, episode_id, audio_hash=audio_hash)


def _readable_fingerprint(audio_path: Path) -> str | None:
    # A missing or unreadable audio file is allowed (the transcript opens for reading);
    # it just has no fingerprint until it is found or relinked.
    try:
        return audio_fingerprint(audio_path)
    except OSError:
        return None


def _update_episode(db: Database, episode_id: int, **values: Any) -> None:
    with db.session(write=True) as session:
        result = session.connection().execute(
            update(EPISODE).where(EPISODE.c.id == episode_id).values(**values)
        )
        if not result.rowcount:
            raise episode_not_found(episode_id, db.path)


def _update_paths(
    connection: Connection,
    episode_id: int,
    transcript_path: Path,
    audio_path: Path | None,
    audio_hash: str | None,
) -> None:
    values: dict[str, Any] = {"transcript_path": str(transcript_path)}
    if audio_path is not None:
        values.update(audio_path=str(audio_path), audio_hash=audio_hash)
    connection.execute(update(EPISODE).where(EPISODE.c.id == episode_id).values(values))


def _ensure_show(connection: Connection, name: str | None) -> int | None:
    name = (name or "").strip()
    if not name:
        return None
    show_id = connection.execute(select(SHOW.c.id).where(SHOW.c.name == name)).scalar()
    if show_id is None:
        show_id = inserted_id(connection.execute(insert(SHOW).values(name=name)))
    return int(show_id)


def _insert_episode(
    connection: Connection,
    transcript: Transcript,
    transcript_path: Path,
    transcript_hash: str,
    audio_path: Path | None,
    audio_hash: str | None,
    show_id: int | None,
) -> int:
    metadata = transcript.metadata
    values = {
        "show_id": show_id,
        "title": (metadata.title or "").strip() or transcript_path.stem,
        "source_url": metadata.source_url,
        "source_id": metadata.source_id,
        "tags": json.dumps(list(metadata.tags), ensure_ascii=False),
        "date": metadata.date,
        "extra": json.dumps(dict(metadata.extra), ensure_ascii=False),
        "transcript_path": str(transcript_path),
        "transcript_hash": transcript_hash,
        "transcript_format": transcript.source_format,
        "audio_path": None if audio_path is None else str(audio_path),
        "audio_hash": audio_hash if audio_path is not None else None,
        "duration_ms": transcript.duration_ms,
        "times_estimated": transcript.times_estimated,
        "last_position_ms": 0,
        "created_at": utc_now(),
    }
    return inserted_id(connection.execute(insert(EPISODE).values(values)))


def _insert_segments(
    connection: Connection,
    episode_id: int,
    transcript: Transcript,
    speaker_ids: Mapping[str, int],
) -> None:
    rows = [line_row(episode_id, position, segment,
                     speaker_ids.get(segment.speaker) if segment.speaker else None)
            for position, segment in enumerate(transcript.segments)]
    insert_lines(connection, episode_id, rows, transcript.segments)


_EPISODE_COLUMNS = (
    EPISODE.c.id,
    EPISODE.c.show_id,
    SHOW.c.name,
    EPISODE.c.title,
    EPISODE.c.source_url,
    EPISODE.c.source_id,
    EPISODE.c.tags,
    EPISODE.c.date,
    EPISODE.c.extra,
    EPISODE.c.transcript_path,
    EPISODE.c.transcript_hash,
    EPISODE.c.transcript_format,
    EPISODE.c.audio_path,
    EPISODE.c.audio_hash,
    EPISODE.c.duration_ms,
    EPISODE.c.times_estimated,
    EPISODE.c.last_position_ms,
    EPISODE.c.created_at,
    EPISODE.c.last_opened_at,
)


def _episode_query() -> Select[Any]:
    return select(*_EPISODE_COLUMNS).select_from(
        EPISODE.outerjoin(SHOW, EPISODE.c.show_id == SHOW.c.id)
    )


def _episode_row(row: Sequence[Any]) -> EpisodeRow:
    (
        episode_id, show_id, show_name, title, source_url, source_id, tags, date, extra,
        transcript_path, transcript_hash, transcript_format, audio_path, audio_hash,
        duration_ms, times_estimated, last_position_ms, created_at, last_opened_at,
    ) = row
    return EpisodeRow(
        id=episode_id,
        show_id=show_id,
        show_name=show_name,
        title=title,
        source_url=source_url,
        source_id=source_id,
        tags=tuple(json.loads(tags)),
        date=date,
        extra=dict(json.loads(extra)),
        transcript_path=Path(transcript_path),
        transcript_hash=transcript_hash,
        transcript_format=transcript_format,
        audio_path=None if audio_path is None else Path(audio_path),
        audio_hash=audio_hash,
        duration_ms=duration_ms,
        times_estimated=times_estimated,
        last_position_ms=last_position_ms,
        created_at=created_at,
        last_opened_at=last_opened_at,
    )
