"""Speakers: listing, adding, renaming, colours, hotkeys, deleting, merging, shows; with undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, event

from meelezer.store import Database, StoreError, import_transcript, load_segments
from meelezer.store.assignments import assign_speaker
from meelezer.store.episodes import get_episode
from meelezer.store.speakers import (
    SPEAKER_COLORS,
    add_speaker,
    delete_speaker,
    list_speakers,
    merge_speakers,
    rename_speaker,
    restore_episode_show,
    restore_hotkeys,
    restore_speaker,
    set_episode_show,
    set_speaker_color,
    set_speaker_hotkey,
    talk_times,
)
from meelezer.store.tables import SHOW
from meelezer.transcript.model import Transcript

Factory = Callable[..., Transcript]


def _import(db: Database, transcript: Transcript, name: str = "a", **kwargs: Any) -> int:
    return import_transcript(db, transcript, Path(f"/podcasts/{name}.txt"), name * 64, None,
                             **kwargs)


def _state(db: Database, episode_id: int) -> tuple[Any, ...]:
    return (load_segments(db, episode_id), list_speakers(db, episode_id),
            get_episode(db, episode_id))


def _ids(db: Database, episode_id: int) -> dict[str, int]:
    return {row.name: row.id for row in list_speakers(db, episode_id)}


def test_list_speakers_puts_hotkeys_first_then_names(
    db: Database, make_transcript: Factory
) -> None:
    episode_id = _import(db, make_transcript(6))  # imported speakers: Milo, Wietse; no hotkeys
    assert [s.name for s in list_speakers(db, episode_id)] == ["Milo", "Wietse"]
    add_speaker(db, episode_id, "Zara")  # first free hotkey: 1
    names = [(s.name, s.hotkey) for s in list_speakers(db, episode_id)]
    assert names == [("Zara", 1), ("Milo", None), ("Wietse", None)]


def test_show_speakers_are_shared_and_episode_speakers_are_not(
    db: Database, make_transcript: Factory
) -> None:
    first = _import(db, make_transcript(3, show="AI Report"), "a")
    second = _import(db, make_transcript(3, speakers=("Rick",), show="AI Report"), "b")
    other = _import(db, make_transcript(3, speakers=("Anna",)), "c")
    assert [s.name for s in list_speakers(db, first)] == ["Milo", "Rick", "Wietse"]
    assert [s.name for s in list_speakers(db, second)] == ["Milo", "Rick", "Wietse"]
    assert [s.name for s in list_speakers(db, other)] == ["Anna"]
    added = add_speaker(db, other, "Bert")
    assert added.episode_id == other and added.show_id is None
    shared = add_speaker(db, first, "Gast")
    assert shared.show_id is not None and shared.episode_id is None
    assert "Gast" in [s.name for s in list_speakers(db, second)]


def test_add_speaker_takes_free_hotkeys_and_colours(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(3, speakers=()))
    made = [add_speaker(db, episode_id, f"S{k}") for k in range(10)]
    assert [s.hotkey for s in made] == [1, 2, 3, 4, 5, 6, 7, 8, 9, None]
    assert [s.color for s in made] == list(SPEAKER_COLORS[:10])
    assert add_speaker(db, episode_id, "Eigen", "#123456").color == "#123456"
    assert list_speakers(db, episode_id)[0] == made[0]


def test_add_speaker_refuses_a_name_in_use(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(3))
    with pytest.raises(StoreError, match="already a speaker called “Milo”"):
        add_speaker(db, episode_id, " Milo ")
    with pytest.raises(StoreError, match="needs a name"):
        add_speaker(db, episode_id, "  ")


def test_rename_and_colour_return_the_old_value(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(3))
    ids = _ids(db, episode_id)
    before = _state(db, episode_id)
    old_name = rename_speaker(db, ids["Milo"], "Mila")
    assert old_name == "Milo"
    assert load_segments(db, episode_id)[0].speaker_name == "Mila"
    with pytest.raises(StoreError, match="Wietse"):
        rename_speaker(db, ids["Milo"], "Wietse")
    old_color = set_speaker_color(db, ids["Milo"], "#000000")
    rename_speaker(db, ids["Milo"], old_name)
    set_speaker_color(db, ids["Milo"], old_color)
    assert _state(db, episode_id) == before


def test_hotkey_moves_from_its_holder_and_restores(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(3, speakers=()))
    a, b, c = (add_speaker(db, episode_id, name) for name in ("A", "B", "C"))  # keys 1, 2, 3
    before = _state(db, episode_id)
    previous = set_speaker_hotkey(db, c.id, 1)
    assert previous == {a.id: 1, c.id: 3}
    keys = {s.name: s.hotkey for s in list_speakers(db, episode_id)}
    assert keys == {"A": None, "B": 2, "C": 1}
    restore_hotkeys(db, previous)
    assert _state(db, episode_id) == before
    assert set_speaker_hotkey(db, b.id, 2) == {}  # already its key: nothing changes
    previous = set_speaker_hotkey(db, b.id, None)
    assert previous == {b.id: 2}
    restore_hotkeys(db, previous)
    assert _state(db, episode_id) == before
    with pytest.raises(StoreError, match="1 to 9"):
        set_speaker_hotkey(db, a.id, 10)


def test_delete_speaker_unlabels_its_lines_and_restores(
    db: Database, make_transcript: Factory
) -> None:
    episode_id = _import(db, make_transcript(9))
    milo = _ids(db, episode_id)["Milo"]
    set_speaker_hotkey(db, milo, 4)
    before = _state(db, episode_id)
    deleted = delete_speaker(db, milo)
    assert deleted.speaker.name == "Milo" and deleted.speaker.hotkey == 4
    assert deleted.segment_ids == tuple(r.id for r in before[0] if r.speaker_name == "Milo")
    assert all(r.speaker_id is None for r in load_segments(db, episode_id)
               if r.id in deleted.segment_ids)
    assert "Milo" not in _ids(db, episode_id)
    restore_speaker(db, deleted)
    assert _state(db, episode_id) == before


def test_foreign_key_sets_lines_to_no_speaker(db: Database, make_transcript: Factory) -> None:
    # The schema's ON DELETE SET NULL must hold with enforcement on (as every connection has).
    episode_id = _import(db, make_transcript(3))
    milo = _ids(db, episode_id)["Milo"]
    with db.session() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        connection.exec_driver_sql("DELETE FROM speaker WHERE id = ?", (milo,))
    assert load_segments(db, episode_id)[0].speaker_id is None


def test_merge_moves_lines_to_the_target_and_undoes(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(9))
    ids = _ids(db, episode_id)
    before = _state(db, episode_id)
    deleted = merge_speakers(db, ids["Milo"], ids["Wietse"])
    rows = load_segments(db, episode_id)
    assert [r.speaker_name for r in rows[:3]] == ["Wietse", "Wietse", None]
    assert list(_ids(db, episode_id)) == ["Wietse"]
    restore_speaker(db, deleted)
    assert _state(db, episode_id) == before
    with pytest.raises(StoreError, match="itself"):
        merge_speakers(db, ids["Milo"], ids["Milo"])


def test_talk_times_sum_durations_in_one_query(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(9))  # 2500 ms each; Milo, Wietse, none in turn
    ids = _ids(db, episode_id)
    statements: list[str] = []

    def record(_conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        times = talk_times(db, episode_id)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert times == {ids["Milo"]: 7500, ids["Wietse"]: 7500}
    queries = [s for s in statements if s.startswith("SELECT")]
    assert len(queries) == 1 and "GROUP BY" in queries[0]
    assign_speaker(db, [load_segments(db, episode_id)[2].id], ids["Milo"])
    assert talk_times(db, episode_id)[ids["Milo"]] == 10_000


def test_set_episode_show_moves_own_speakers_and_undoes(
    db: Database, make_transcript: Factory
) -> None:
    show_episode = _import(db, make_transcript(3, speakers=("Milo",), show="AI Report"), "a")
    episode_id = _import(db, make_transcript(6), "b")  # own speakers Milo and Wietse
    before = _state(db, episode_id)
    change = set_episode_show(db, episode_id, "AI Report")
    episode = get_episode(db, episode_id)
    assert episode is not None and episode.show_name == "AI Report"
    assert change.old_show_id is None and change.created_show_id is None
    speakers = {s.name: s for s in list_speakers(db, episode_id)}
    assert speakers["Wietse"].show_id == change.new_show_id  # moved to the show
    assert [s.name for s in list_speakers(db, show_episode)] == ["Milo", "Wietse"]
    # "Milo" clashes with the show's Milo: this episode's own Milo stays its own.
    assert sorted((s.name, s.episode_id or 0) for s in list_speakers(db, episode_id)) == [
        ("Milo", 0), ("Milo", episode_id), ("Wietse", 0)]
    restore_episode_show(db, change)
    assert _state(db, episode_id) == before


def test_set_episode_show_creates_a_show_and_undo_removes_it(
    db: Database, count_rows: Any, make_transcript: Factory
) -> None:
    episode_id = _import(db, make_transcript(3))
    before = _state(db, episode_id), count_rows(db)
    change = set_episode_show(db, episode_id, "  Nieuwe show ")
    assert change.created_show_id is not None
    assert count_rows(db)[SHOW.name] == 1
    assert len(change.moved_speaker_ids) == 2
    restore_episode_show(db, change)
    assert (_state(db, episode_id), count_rows(db)) == before
