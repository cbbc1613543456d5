"""Voice profiles (a speaker's remembered voice) and naming voice groups as one change.

A profile is the unit-length mean of the voice embeddings of a speaker's lines, kept with
the number of lines behind it and the model that made it (how a new episode's voice is
added to it is the voice code's policy; the caller hands the result). Naming groups labels
only lines nobody labelled yet (hand labels are never changed), may create the speakers it
names, and writes their profiles, all in one transaction; the returned record undoes and
redoes exactly that.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, delete, insert, or_, select, update

from meelezer.store.database import Database
from meelezer.store.errors import episode_not_found
from meelezer.store.rows import SpeakerRow
from meelezer.store.speakers import IN_CHUNK, insert_speaker, reinsert_speaker
from meelezer.store.tables import EPISODE, SEGMENT, SPEAKER, VOICE_PROFILE, utc_now

__all__ = [
    "VoiceNaming",
    "VoiceNamingDone",
    "VoiceProfileRow",
    "list_voice_profiles",
    "name_voices",
    "redo_voice_naming",
    "undo_voice_naming",
]


@dataclass(frozen=True, slots=True)
class VoiceProfileRow:
    speaker_id: int
    embedding: np.ndarray  # float32, unit length
    line_count: int
    model: str


@dataclass(frozen=True, slots=True)
class VoiceNaming:
    """One voice group named: an existing speaker (``speaker_id``) or a new one (``new_name``),
    the group's lines, and the speaker's profile from now on (None: left as it is)."""

    segment_ids: tuple[int, ...]
    speaker_id: int | None = None
    new_name: str | None = None
    embedding: np.ndarray | None = None
    line_count: int = 0
    model: str = ""


@dataclass(frozen=True, slots=True)
class VoiceNamingDone:
    """What ``name_voices`` changed, for undo and redo."""

    episode_id: int
    created: tuple[SpeakerRow, ...]
    labelled: Mapping[int, int]  # segment id -> the speaker it got (it had none)
    profiles_before: Mapping[int, VoiceProfileRow | None]  # by speaker id
    profiles_after: Mapping[int, VoiceProfileRow]

    @property
    def speaker_ids(self) -> frozenset[int]:
        return frozenset(self.profiles_after) | frozenset(self.labelled.values())


def list_voice_profiles(db: Database, episode_id: int) -> dict[int, VoiceProfileRow]:
    """The profiles of the speakers usable in the episode (its show's and its own)."""
    with db.session() as session:
        connection = session.connection()
        show_id = connection.execute(
            select(EPISODE.c.show_id).where(EPISODE.c.id == episode_id)).one_or_none()
        if show_id is None:
            raise episode_not_found(episode_id, db.path)
        scope = SPEAKER.c.episode_id == episode_id
        if show_id[0] is not None:
            scope = or_(scope, SPEAKER.c.show_id == show_id[0])
        rows = connection.execute(
            select(VOICE_PROFILE.c.speaker_id, VOICE_PROFILE.c.embedding,
                   VOICE_PROFILE.c.line_count, VOICE_PROFILE.c.model)
            .join(SPEAKER, SPEAKER.c.id == VOICE_PROFILE.c.speaker_id).where(scope)).all()
    return {row.speaker_id: VoiceProfileRow(row.speaker_id, _vector(row.embedding),
                                            row.line_count, row.model) for row in rows}


def name_voices(db: Database, episode_id: int,
                namings: Sequence[VoiceNaming]) -> VoiceNamingDone:
    """Label each group's unlabelled lines with its speaker (creating new speakers by name),
    and fold each group's voice into its speaker's profile; one transaction."""
    with db.session(write=True) as session:
        connection = session.connection()
        created: list[SpeakerRow] = []
        by_name: dict[str, int] = {}
        labelled: dict[int, int] = {}
        after: dict[int, VoiceProfileRow] = {}
        for naming in namings:
            speaker_id = naming.speaker_id
            if speaker_id is None:
                name = (naming.new_name or "").strip()
                if name not in by_name:  # two groups given the same new name: one speaker
                    row = insert_speaker(db, connection, episode_id, name)
                    created.append(row)
                    by_name[name] = row.id
                speaker_id = by_name[name]
            for segment_id in _unlabelled(connection, naming.segment_ids):
                labelled[segment_id] = speaker_id
            if naming.embedding is not None:
                after[speaker_id] = VoiceProfileRow(
                    speaker_id, np.asarray(naming.embedding, np.float32), naming.line_count,
                    naming.model)
        before = _profiles(connection, after)
        _write_labels(connection, labelled)
        _write_profiles(connection, after, before)
    return VoiceNamingDone(episode_id, tuple(created), labelled, before, after)


def undo_voice_naming(db: Database, done: VoiceNamingDone) -> None:
    """Take the naming back: the lines unlabelled again, profiles as they were, the speakers
    it created gone."""
    with db.session(write=True) as session:
        connection = session.connection()
        ids = list(done.labelled)
        for start in range(0, len(ids), IN_CHUNK):
            connection.execute(update(SEGMENT).where(SEGMENT.c.id.in_(ids[start:start + IN_CHUNK]))
                               .values(speaker_id=None))
        _write_profiles(connection, {k: v for k, v in done.profiles_before.items()
                                     if v is not None}, done.profiles_after)
        gone = [k for k, v in done.profiles_before.items() if v is None]
        if gone:
            connection.execute(delete(VOICE_PROFILE).where(
                VOICE_PROFILE.c.speaker_id.in_(gone)))
        created = [row.id for row in done.created]
        if created:
            connection.execute(delete(SPEAKER).where(SPEAKER.c.id.in_(created)))


def redo_voice_naming(db: Database, done: VoiceNamingDone) -> None:
    """Do the naming again after its undo, with the same speaker ids."""
    with db.session(write=True) as session:
        connection = session.connection()
        for row in done.created:
            reinsert_speaker(connection, row)
        _write_labels(connection, done.labelled)
        current = _profiles(connection, done.profiles_after)
        _write_profiles(connection, done.profiles_after, current)


def _unlabelled(connection: Connection, segment_ids: Sequence[int]) -> list[int]:
    found: list[int] = []
    for start in range(0, len(segment_ids), IN_CHUNK):
        chunk = list(segment_ids[start:start + IN_CHUNK])
        found.extend(connection.execute(
            select(SEGMENT.c.id).where(SEGMENT.c.id.in_(chunk),
                                       SEGMENT.c.speaker_id.is_(None))).scalars())
    return found


def _write_labels(connection: Connection, labelled: Mapping[int, int]) -> None:
    by_speaker: dict[int, list[int]] = {}
    for segment_id, speaker_id in labelled.items():
        by_speaker.setdefault(speaker_id, []).append(segment_id)
    for speaker_id, ids in by_speaker.items():
        for start in range(0, len(ids), IN_CHUNK):
            connection.execute(update(SEGMENT).where(SEGMENT.c.id.in_(ids[start:start + IN_CHUNK]))
                               .values(speaker_id=speaker_id))


def _profiles(connection: Connection,
              speaker_ids: Iterable[int]) -> dict[int, VoiceProfileRow | None]:
    wanted = list(speaker_ids)
    found: dict[int, VoiceProfileRow | None] = dict.fromkeys(wanted)
    if wanted:
        rows = connection.execute(
            select(VOICE_PROFILE.c.speaker_id, VOICE_PROFILE.c.embedding,
                   VOICE_PROFILE.c.line_count, VOICE_PROFILE.c.model)
            .where(VOICE_PROFILE.c.speaker_id.in_(wanted)))
        for row in rows:
            found[row.speaker_id] = VoiceProfileRow(row.speaker_id, _vector(row.embedding),
                                                    row.line_count, row.model)
    return found


def _write_profiles(connection: Connection, profiles: Mapping[int, VoiceProfileRow],
                    existing: Mapping[int, VoiceProfileRow | None]) -> None:
    now = utc_now()
    for speaker_id, profile in profiles.items():
        values = {"embedding": np.asarray(profile.embedding, "<f4").tobytes(),
                  "line_count": profile.line_count, "model": profile.model, "updated_at": now}
        if existing.get(speaker_id) is None:
            connection.execute(insert(VOICE_PROFILE).values(speaker_id=speaker_id, **values))
        else:
            connection.execute(update(VOICE_PROFILE)
                               .where(VOICE_PROFILE.c.speaker_id == speaker_id).values(values))


def _vector(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)
