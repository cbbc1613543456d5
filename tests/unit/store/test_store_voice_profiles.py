"""Naming voice groups (labels, new speakers, profiles in one change), its undo and redo,
profiles per show, and what deleting speakers and episodes does to them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import inspect

from meelezer.store import Database, StoreError, import_transcript, load_segments
from meelezer.store.episodes import delete_episode
from meelezer.store.speakers import delete_speaker, list_speakers
from meelezer.store.voice_profiles import (
    VoiceNaming,
    list_voice_profiles,
    name_voices,
    redo_voice_naming,
    undo_voice_naming,
)
from meelezer.transcript.model import Transcript

Factory = Callable[..., Transcript]


def _import(db: Database, transcript: Transcript, name: str = "a") -> int:
    return import_transcript(db, transcript, Path(f"/podcasts/{name}.txt"), name * 64, None)


def _naming(ids: tuple[int, ...], embedding: np.ndarray, count: int, *,
            speaker_id: int | None = None, new_name: str | None = None) -> VoiceNaming:
    return VoiceNaming(ids, speaker_id, new_name, embedding, count, "m")


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_naming_labels_only_unlabelled_lines_and_undo_restores(
        db: Database, make_transcript: Factory) -> None:
    # Speakers in turn Milo, Wietse, None: every third line is unlabelled.
    episode_id = _import(db, make_transcript(9, show="AI Report"))
    before = load_segments(db, episode_id)
    milo = next(s for s in list_speakers(db, episode_id) if s.name == "Milo")
    group = tuple(row.id for row in before)  # the group holds hand-labelled lines too

    done = name_voices(db, episode_id, [_naming(group, _unit(1, 0, 0), 9, speaker_id=milo.id)])

    after = load_segments(db, episode_id)
    assert [r.speaker_name for r in after] == ["Milo", "Wietse", "Milo"] * 3
    assert set(done.labelled) == {row.id for row in before if row.speaker_id is None}
    profile = list_voice_profiles(db, episode_id)[milo.id]
    assert profile.line_count == 9 and np.allclose(profile.embedding, _unit(1, 0, 0))

    undo_voice_naming(db, done)
    assert load_segments(db, episode_id) == before
    assert list_voice_profiles(db, episode_id) == {}
    redo_voice_naming(db, done)
    assert load_segments(db, episode_id) == after
    assert list_voice_profiles(db, episode_id)[milo.id].line_count == 9


def test_naming_with_a_new_name_creates_the_speaker_and_undo_removes_it(
        db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(6, speakers=(None,), show="AI Report"))
    ids = [row.id for row in load_segments(db, episode_id)]
    done = name_voices(db, episode_id, [
        _naming(tuple(ids[:3]), _unit(0, 1), 3, new_name="Wietse Hage"),
        _naming(tuple(ids[3:5]), _unit(1, 3), 4, new_name="Wietse Hage"),
    ])
    speakers = list_speakers(db, episode_id)
    assert [s.name for s in speakers] == ["Wietse Hage"] and speakers[0].hotkey == 1
    assert [r.speaker_name for r in load_segments(db, episode_id)] == ["Wietse Hage"] * 5 + [
        None]
    # The caller hands the profile from now on (the voice code combines): the last is kept.
    profile = list_voice_profiles(db, episode_id)[speakers[0].id]
    assert profile.line_count == 4
    assert np.allclose(profile.embedding, _unit(1, 3))

    undo_voice_naming(db, done)
    assert list_speakers(db, episode_id) == []
    assert all(r.speaker_id is None for r in load_segments(db, episode_id))
    redo_voice_naming(db, done)
    assert list_speakers(db, episode_id) == speakers  # the same id, colour and key


def test_profiles_belong_to_the_show_and_are_updated_in_each_episode(
        db: Database, make_transcript: Factory) -> None:
    first = _import(db, make_transcript(6, speakers=(None,), show="AI Report"), "a")
    second = _import(db, make_transcript(6, speakers=(None,), show="AI Report"), "b")
    other_show = _import(db, make_transcript(6, speakers=(None,), show="Other"), "c")
    ids = [row.id for row in load_segments(db, first)]
    name_voices(db, first, [_naming(tuple(ids), _unit(1, 0), 6, new_name="Wietse")])
    wietse = list_speakers(db, second)[0]
    assert set(list_voice_profiles(db, second)) == {wietse.id}
    assert list_voice_profiles(db, other_show) == {}

    ids = [row.id for row in load_segments(db, second)]
    name_voices(db, second, [_naming(tuple(ids), _unit(6, 2), 8, speaker_id=wietse.id)])
    profile = list_voice_profiles(db, first)[wietse.id]
    assert profile.line_count == 8 and np.allclose(profile.embedding, _unit(6, 2))


def test_a_taken_new_name_is_refused_and_nothing_is_written(
        db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(6, show="AI Report"))
    before = load_segments(db, episode_id)
    ids = tuple(row.id for row in before)
    with pytest.raises(StoreError, match="already a speaker called “Milo”"):
        name_voices(db, episode_id, [
            _naming(ids[:2], _unit(1, 0), 2, new_name="Anna"),
            _naming(ids, _unit(0, 1), 6, new_name="Milo")])
    assert load_segments(db, episode_id) == before
    assert [s.name for s in list_speakers(db, episode_id)] == ["Milo", "Wietse"]
    assert list_voice_profiles(db, episode_id) == {}


def test_profiles_go_with_their_speaker_and_show_less_episode(
        db: Database, make_transcript: Factory) -> None:
    own = _import(db, make_transcript(3, speakers=(None,)), "a")  # no show: its own speakers
    shown = _import(db, make_transcript(3, speakers=(None,), show="AI Report"), "b")
    for episode_id in (own, shown):
        ids = tuple(row.id for row in load_segments(db, episode_id))
        name_voices(db, episode_id, [_naming(ids, _unit(1, 0), 3, new_name="Anna")])
    assert delete_episode(db, own)
    assert delete_episode(db, shown)  # the show's speaker and its profile stay
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT speaker.name, speaker.show_id IS NOT NULL FROM voice_profile "
            "JOIN speaker ON speaker.id = voice_profile.speaker_id").all()
    assert [tuple(row) for row in rows] == [("Anna", 1)]
    third = _import(db, make_transcript(3, speakers=(None,), show="AI Report"), "c")
    anna = list_speakers(db, third)[0]
    delete_speaker(db, anna.id)
    assert list_voice_profiles(db, third) == {}


def test_the_voice_profile_table_is_made_by_the_migration(db: Database) -> None:
    with db.engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("voice_profile")}
    assert columns == {"id", "speaker_id", "embedding", "model", "line_count", "updated_at"}


def test_a_library_from_before_profiles_is_upgraded_with_its_rows(
        db_path: Path, make_transcript: Factory) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from meelezer.store import open_database
    from meelezer.store.migrate import CONNECTION_ATTRIBUTE, current_revision, make_config
    from meelezer.store.sqlite import configure_engine, sqlite_url

    with open_database(db_path) as db:
        episode_id = _import(db, make_transcript(30, show="AI Report"))
        before = load_segments(db, episode_id)
    engine = create_engine(sqlite_url(db_path))
    configure_engine(engine)
    config = make_config()
    with engine.connect() as connection, connection.begin():
        config.attributes[CONNECTION_ATTRIBUTE] = connection
        command.downgrade(config, "0003")  # as the library was before voice profiles
        assert "voice_profile" not in inspect(connection).get_table_names()
    with engine.connect() as connection:
        assert current_revision(connection) == "0003"
    engine.dispose()

    with open_database(db_path) as db:  # opening migrates
        assert load_segments(db, episode_id) == before
        ids = tuple(row.id for row in before)
        name_voices(db, episode_id, [_naming(ids, _unit(1, 0), 10, new_name="Anna")])
        assert len(list_voice_profiles(db, episode_id)) == 1


def test_profiles_stay_out_of_annotation_archives(
        tmp_path: Path, db: Database, make_transcript: Factory) -> None:
    """A voice profile is derived data and a voiceprint: it stays on this machine. The
    labels it helped make travel as any label does."""
    from meelezer.store import open_database
    from meelezer.store.annotation_archive import export_annotations, import_annotations

    transcript = make_transcript(6, speakers=(None,), show="AI Report")
    episode_id = _import(db, transcript)
    ids = tuple(row.id for row in load_segments(db, episode_id))
    name_voices(db, episode_id, [_naming(ids, _unit(1, 0), 6, new_name="Anna")])
    archive = tmp_path / "backup.json"
    export_annotations(db, archive)
    text = archive.read_text(encoding="utf-8")
    assert "Anna" in text and "embedding" not in text and "voice" not in text.lower()

    with open_database(tmp_path / "other.sqlite3") as other:
        other_id = _import(other, transcript)
        import_annotations(other, archive)
        assert [r.speaker_name for r in load_segments(other, other_id)] == ["Anna"] * 6
        assert list_voice_profiles(other, other_id) == {}


def test_undoing_a_delete_or_merge_of_a_speaker_brings_its_profile_back(
        db: Database, make_transcript: Factory) -> None:
    from meelezer.store.speakers import merge_speakers, restore_speaker

    episode_id = _import(db, make_transcript(6, speakers=(None,), show="AI Report"))
    ids = tuple(row.id for row in load_segments(db, episode_id))
    name_voices(db, episode_id, [_naming(ids[:3], _unit(1, 0), 3, new_name="Anna"),
                                 _naming(ids[3:], _unit(0, 1), 3, new_name="Bram")])
    before = list_voice_profiles(db, episode_id)
    anna, bram = (s.id for s in list_speakers(db, episode_id))
    restore_speaker(db, delete_speaker(db, anna))
    restore_speaker(db, merge_speakers(db, bram, anna))
    after = list_voice_profiles(db, episode_id)
    assert after.keys() == before.keys() == {anna, bram}
    assert all(np.array_equal(after[k].embedding, before[k].embedding)
               and after[k].line_count == before[k].line_count for k in before)
