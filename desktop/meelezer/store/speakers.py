"""The speakers of episodes (per show, else per episode): create, edit, merge, undo."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Connection,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from meelezer.store.database import Database
from meelezer.store.errors import StoreError, episode_not_found
from meelezer.store.rows import SpeakerRow
from meelezer.store.tables import EPISODE, SEGMENT, SHOW, SPEAKER, VOICE_PROFILE, inserted_id
from meelezer.texts import translate

# Ids per "IN (...)" list: well under SQLite's bound-parameter limit on any version.
IN_CHUNK: Final = 900

# Distinct on light and dark backgrounds (Okabe–Ito, then Tableau), used in this order.
SPEAKER_COLORS: Final = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#9c755f",
)


def ensure_speakers(
    connection: Connection,
    names: Iterable[str],
    *,
    show_id: int | None,
    episode_id: int,
) -> dict[str, int]:
    """Speaker id by name for ``names``, creating the ones not yet known.

    With a show, speakers belong to the show and are reused by its later episodes; without
    one they belong to this episode only. New speakers get the first colour not yet used
    in that scope, and no hotkey. Runs inside the caller's transaction.
    """
    if show_id is not None:
        scope = SPEAKER.c.show_id == show_id
    else:
        scope = SPEAKER.c.episode_id == episode_id
    existing = connection.execute(
        select(SPEAKER.c.name, SPEAKER.c.id, SPEAKER.c.color).where(scope)
    )
    ids: dict[str, int] = {}
    used_colors: set[str] = set()
    for name, speaker_id, color in existing:
        ids[name] = speaker_id
        used_colors.add(color)
    for name in dict.fromkeys(names):  # a handful per episode; one insert each for the id
        if name in ids:
            continue
        color = next_color(used_colors)
        used_colors.add(color)
        values = {
            "show_id": show_id,
            "episode_id": None if show_id is not None else episode_id,
            "name": name,
            "color": color,
            "hotkey": None,
        }
        ids[name] = inserted_id(connection.execute(insert(SPEAKER).values(values)))
    return ids


def next_color(used: set[str]) -> str:
    """The first palette colour not in ``used``; cycles through the palette when all are."""
    for color in SPEAKER_COLORS:
        if color not in used:
            return color
    return SPEAKER_COLORS[len(used) % len(SPEAKER_COLORS)]


@dataclass(frozen=True, slots=True)
class DeletedSpeaker:
    """A removed speaker and the lines that had it, everything needed to put it back."""

    speaker: SpeakerRow
    segment_ids: tuple[int, ...]
    voice_profile: dict[str, Any] | None = None  # its remembered voice, as stored


@dataclass(frozen=True, slots=True)
class ShowChange:
    """What ``set_episode_show`` changed: the episode's old show, and the speakers it moved."""

    episode_id: int
    old_show_id: int | None
    new_show_id: int | None
    moved_speaker_ids: tuple[int, ...]  # were the episode's own, now the new show's
    created_show_id: int | None  # the show made for this change, removed again on undo


_SPEAKER_COLUMNS: Final = (
    SPEAKER.c.id,
    SPEAKER.c.name,
    SPEAKER.c.color,
    SPEAKER.c.hotkey,
    SPEAKER.c.show_id,
    SPEAKER.c.episode_id,
)


def list_speakers(db: Database, episode_id: int) -> list[SpeakerRow]:
    """The speakers usable in the episode: its show's and its own, by hotkey (none last), name."""
    with db.session() as session:
        connection = session.connection()
        show_id = _episode_show_id(db, connection, episode_id)
        scope = SPEAKER.c.episode_id == episode_id
        if show_id is not None:
            scope = or_(scope, SPEAKER.c.show_id == show_id)
        rows = connection.execute(
            select(*_SPEAKER_COLUMNS)
            .where(scope)
            .order_by(SPEAKER.c.hotkey.is_(None), SPEAKER.c.hotkey, SPEAKER.c.name, SPEAKER.c.id)
        ).all()
    return [SpeakerRow(*row) for row in rows]


def add_speaker(
    db: Database, episode_id: int, name: str, color: str | None = None
) -> SpeakerRow:
    """A new speaker for the episode's show (or the episode itself when it has no show).

    It gets the first hotkey 1–9 free in that scope (None when all are taken) and, unless
    ``color`` is given, the first palette colour not used there. Undo with ``delete_speaker``.
    """
    with db.session(write=True) as session:
        return insert_speaker(db, session.connection(), episode_id, name, color)


def insert_speaker(db: Database, connection: Connection, episode_id: int, name: str,
                   color: str | None = None) -> SpeakerRow:
    """``add_speaker`` inside the caller's transaction."""
    name = _clean_name(db, name)
    show_id = _episode_show_id(db, connection, episode_id)
    scope_episode_id = None if show_id is not None else episode_id
    scope = _scope_clause(show_id, scope_episode_id)
    existing = connection.execute(
        select(SPEAKER.c.name, SPEAKER.c.color, SPEAKER.c.hotkey).where(scope)
    ).all()
    if any(row.name == name for row in existing):
        raise _name_taken(db, name)
    used_keys = {row.hotkey for row in existing}
    hotkey = next((key for key in range(1, 10) if key not in used_keys), None)
    color = color or next_color({row.color for row in existing})
    speaker_id = inserted_id(connection.execute(insert(SPEAKER).values(
        show_id=show_id, episode_id=scope_episode_id, name=name, color=color, hotkey=hotkey,
    )))
    return SpeakerRow(speaker_id, name, color, hotkey, show_id, scope_episode_id)


def rename_speaker(db: Database, speaker_id: int, name: str) -> str:
    """Give the speaker a new name; returns the old one. A name taken in its scope is refused."""
    name = _clean_name(db, name)
    with db.session(write=True) as session:
        connection = session.connection()
        speaker = _get_speaker(db, connection, speaker_id)
        clash = connection.execute(
            select(SPEAKER.c.id).where(
                _scope_clause(speaker.show_id, speaker.episode_id),
                SPEAKER.c.name == name,
                SPEAKER.c.id != speaker_id,
            )
        ).first()
        if clash is not None:
            raise _name_taken(db, name)
        connection.execute(update(SPEAKER).where(SPEAKER.c.id == speaker_id).values(name=name))
    return speaker.name


def set_speaker_color(db: Database, speaker_id: int, color: str) -> str:
    """Give the speaker a new colour ("#rrggbb"); returns the old one."""
    with db.session(write=True) as session:
        connection = session.connection()
        speaker = _get_speaker(db, connection, speaker_id)
        connection.execute(update(SPEAKER).where(SPEAKER.c.id == speaker_id).values(color=color))
    return speaker.color


def set_speaker_hotkey(db: Database, speaker_id: int, hotkey: int | None) -> dict[int, int | None]:
    """Give the speaker ``hotkey`` (1–9, or None for none), taking it from whoever had it.

    Returns the previous hotkey of every speaker changed, for ``restore_hotkeys``.
    """
    if hotkey is not None and not 1 <= hotkey <= 9:
        raise StoreError(translate("Store", "A speaker's hotkey must be 1 to 9, not {hotkey}.")
                         .format(hotkey=hotkey), db.path)
    with db.session(write=True) as session:
        connection = session.connection()
        speaker = _get_speaker(db, connection, speaker_id)
        previous: dict[int, int | None] = {}
        if hotkey is not None:
            # Hotkeys must be unique among the speakers offered together, i.e. in one scope.
            holders = connection.execute(
                select(SPEAKER.c.id).where(
                    _scope_clause(speaker.show_id, speaker.episode_id),
                    SPEAKER.c.hotkey == hotkey,
                    SPEAKER.c.id != speaker_id,
                )
            ).scalars().all()
            previous.update(dict.fromkeys(holders, hotkey))
        if speaker.hotkey != hotkey:
            previous[speaker_id] = speaker.hotkey
        changes: dict[int, int | None] = {h: None for h in previous if h != speaker_id}
        if speaker_id in previous:
            changes[speaker_id] = hotkey
        _write_hotkeys(connection, changes)
    return previous


def restore_hotkeys(db: Database, previous: Mapping[int, int | None]) -> None:
    """Put hotkeys back as ``set_speaker_hotkey`` reported them (undo)."""
    with db.session(write=True) as session:
        connection = session.connection()
        # Clear first, so no moment has two speakers sharing a key mid-update.
        _write_hotkeys(connection, dict.fromkeys(previous))
        _write_hotkeys(connection, {key: value for key, value in previous.items()
                                    if value is not None})


def delete_speaker(db: Database, speaker_id: int) -> DeletedSpeaker:
    """Remove the speaker; its lines become unlabelled. Undo with ``restore_speaker``."""
    with db.session(write=True) as session:
        connection = session.connection()
        speaker = _get_speaker(db, connection, speaker_id)
        segment_ids = _segments_of(connection, speaker_id)
        profile = _voice_profile(connection, speaker_id)
        # The foreign key is ON DELETE SET NULL; clearing explicitly as well keeps the lines
        # right on a connection where enforcement happens to be off.
        connection.execute(
            update(SEGMENT).where(SEGMENT.c.speaker_id == speaker_id).values(speaker_id=None)
        )
        connection.execute(delete(SPEAKER).where(SPEAKER.c.id == speaker_id))
    return DeletedSpeaker(speaker, segment_ids, profile)


def restore_speaker(db: Database, deleted: DeletedSpeaker) -> None:
    """Put a deleted (or merged-away) speaker back with its id, and give it its lines again."""
    with db.session(write=True) as session:
        connection = session.connection()
        reinsert_speaker(connection, deleted.speaker)
        _assign_ids(connection, deleted.segment_ids, deleted.speaker.id)
        if deleted.voice_profile is not None:
            connection.execute(insert(VOICE_PROFILE).values(deleted.voice_profile))


def reinsert_speaker(connection: Connection, speaker: SpeakerRow) -> None:
    """Put a removed speaker's row back with its id, inside the caller's transaction."""
    connection.execute(insert(SPEAKER).values(
        id=speaker.id, show_id=speaker.show_id, episode_id=speaker.episode_id,
        name=speaker.name, color=speaker.color, hotkey=speaker.hotkey,
    ))


def merge_speakers(db: Database, source_id: int, target_id: int) -> DeletedSpeaker:
    """Give the source speaker's lines to the target and remove the source.

    Undo with ``restore_speaker`` on the result, which hands those lines back to the source.
    """
    if source_id == target_id:
        raise StoreError(translate("Store", "A speaker cannot be merged into itself."), db.path)
    with db.session(write=True) as session:
        connection = session.connection()
        source = _get_speaker(db, connection, source_id)
        _get_speaker(db, connection, target_id)
        segment_ids = _segments_of(connection, source_id)
        profile = _voice_profile(connection, source_id)
        connection.execute(
            update(SEGMENT).where(SEGMENT.c.speaker_id == source_id).values(speaker_id=target_id)
        )
        connection.execute(delete(SPEAKER).where(SPEAKER.c.id == source_id))
    return DeletedSpeaker(source, segment_ids, profile)


def talk_times(db: Database, episode_id: int) -> dict[int, int]:
    """Milliseconds spoken per speaker id in the episode (unlabelled lines are left out)."""
    query = (
        select(SEGMENT.c.speaker_id, func.sum(SEGMENT.c.end_ms - SEGMENT.c.start_ms))
        .where(SEGMENT.c.episode_id == episode_id, SEGMENT.c.speaker_id.is_not(None))
        .group_by(SEGMENT.c.speaker_id)
    )
    with db.session() as session:
        rows = session.connection().execute(query).all()
    return {int(speaker_id): int(total or 0) for speaker_id, total in rows}


def set_episode_show(db: Database, episode_id: int, show_name: str | None) -> ShowChange:
    """Put the episode in the show named ``show_name`` (made if new; None or blank: no show).

    The episode's own speakers move to the show, except where the show already has a
    speaker of that name, so they are offered in the show's later episodes. Undo with
    ``restore_episode_show``.
    """
    name = (show_name or "").strip()
    with db.session(write=True) as session:
        connection = session.connection()
        old_show_id = _episode_show_id(db, connection, episode_id)
        created_show_id: int | None = None
        new_show_id: int | None = None
        if name:
            new_show_id = connection.execute(
                select(SHOW.c.id).where(SHOW.c.name == name)
            ).scalar_one_or_none()
            if new_show_id is None:
                new_show_id = created_show_id = inserted_id(
                    connection.execute(insert(SHOW).values(name=name))
                )
        connection.execute(
            update(EPISODE).where(EPISODE.c.id == episode_id).values(show_id=new_show_id)
        )
        moved: tuple[int, ...] = ()
        if new_show_id is not None:
            taken = select(SPEAKER.c.name).where(SPEAKER.c.show_id == new_show_id)
            moved = tuple(connection.execute(
                select(SPEAKER.c.id).where(
                    SPEAKER.c.episode_id == episode_id, SPEAKER.c.name.not_in(taken)
                )
            ).scalars())
            if moved:
                connection.execute(
                    update(SPEAKER).where(SPEAKER.c.id.in_(moved))
                    .values(show_id=new_show_id, episode_id=None)
                )
    return ShowChange(episode_id, old_show_id, new_show_id, moved, created_show_id)


def restore_episode_show(db: Database, change: ShowChange) -> None:
    """Undo ``set_episode_show``: old show, speakers back to the episode, new show removed."""
    with db.session(write=True) as session:
        connection = session.connection()
        if change.moved_speaker_ids:
            connection.execute(
                update(SPEAKER).where(SPEAKER.c.id.in_(change.moved_speaker_ids))
                .values(show_id=None, episode_id=change.episode_id)
            )
        connection.execute(
            update(EPISODE).where(EPISODE.c.id == change.episode_id)
            .values(show_id=change.old_show_id)
        )
        if change.created_show_id is not None:
            connection.execute(delete(SHOW).where(SHOW.c.id == change.created_show_id))


def _episode_show_id(db: Database, connection: Connection, episode_id: int) -> int | None:
    row = connection.execute(
        select(EPISODE.c.show_id).where(EPISODE.c.id == episode_id)
    ).one_or_none()
    if row is None:
        raise episode_not_found(episode_id, db.path)
    return None if row.show_id is None else int(row.show_id)


def _scope_clause(show_id: int | None, episode_id: int | None) -> ColumnElement[bool]:
    if show_id is not None:
        return SPEAKER.c.show_id == show_id
    return SPEAKER.c.episode_id == episode_id


def _get_speaker(db: Database, connection: Connection, speaker_id: int) -> SpeakerRow:
    row = connection.execute(
        select(*_SPEAKER_COLUMNS).where(SPEAKER.c.id == speaker_id)
    ).one_or_none()
    if row is None:
        raise StoreError(translate(
            "Store", "Speaker {id} is not in the library (it may have been removed).",
        ).format(id=speaker_id), db.path)
    return SpeakerRow(*row)


def _clean_name(db: Database, name: str) -> str:
    name = name.strip()
    if not name:
        raise StoreError(translate("Store", "A speaker needs a name."), db.path)
    return name


def _name_taken(db: Database, name: str) -> StoreError:
    return StoreError(translate(
        "Store", "There is already a speaker called “{name}” here; choose another name, or "
        "merge the two speakers.",
    ).format(name=name), db.path)


def _voice_profile(connection: Connection, speaker_id: int) -> dict[str, Any] | None:
    """The speaker's voice profile row (it goes with the speaker, and comes back on undo)."""
    row = connection.execute(
        select(VOICE_PROFILE).where(VOICE_PROFILE.c.speaker_id == speaker_id)).one_or_none()
    return dict(row._mapping) if row is not None else None


def _segments_of(connection: Connection, speaker_id: int) -> tuple[int, ...]:
    return tuple(connection.execute(
        select(SEGMENT.c.id).where(SEGMENT.c.speaker_id == speaker_id).order_by(SEGMENT.c.id)
    ).scalars())


def _assign_ids(connection: Connection, segment_ids: Sequence[int], speaker_id: int) -> None:
    for start in range(0, len(segment_ids), IN_CHUNK):
        chunk = segment_ids[start:start + IN_CHUNK]
        connection.execute(
            update(SEGMENT).where(SEGMENT.c.id.in_(chunk)).values(speaker_id=speaker_id)
        )


def _write_hotkeys(connection: Connection, hotkeys: Mapping[int, int | None]) -> None:
    if hotkeys:
        connection.execute(
            update(SPEAKER).where(SPEAKER.c.id == bindparam("speaker_id"))
            .values(hotkey=bindparam("new_hotkey")),
            [{"speaker_id": key, "new_hotkey": value} for key, value in hotkeys.items()],
        )
