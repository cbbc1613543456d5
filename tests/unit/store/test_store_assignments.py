"""Assigning speakers to lines, filling forward, and undoing both."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from meelezer.store import Database, StoreError, import_transcript, load_segments
from meelezer.store.assignments import (
    assign_speaker,
    fill_speaker_forward,
    restore_assignments,
)
from meelezer.store.speakers import list_speakers
from meelezer.transcript.model import Transcript

Factory = Callable[..., Transcript]


def _import(db: Database, transcript: Transcript, name: str = "a") -> int:
    return import_transcript(db, transcript, Path(f"/podcasts/{name}.txt"), name * 64, None)


def _speaker(db: Database, episode_id: int, name: str) -> int:
    return next(s.id for s in list_speakers(db, episode_id) if s.name == name)


def test_assign_and_restore(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(9))
    milo = _speaker(db, episode_id, "Milo")
    before = load_segments(db, episode_id)
    ids = [row.id for row in before[1:5]]
    previous = assign_speaker(db, ids + ids[:1], milo)  # duplicates are harmless
    assert previous == {row.id: row.speaker_id for row in before[1:5]}
    assert [r.speaker_name for r in load_segments(db, episode_id)[1:5]] == ["Milo"] * 4
    restore_assignments(db, previous)
    assert load_segments(db, episode_id) == before
    previous = assign_speaker(db, ids, None)
    assert all(r.speaker_id is None for r in load_segments(db, episode_id)[1:5])
    restore_assignments(db, previous)
    assert load_segments(db, episode_id) == before
    assert assign_speaker(db, [], milo) == {}
    restore_assignments(db, {})


def test_assigning_a_thousand_lines_and_restoring_them(db: Database,
                                                       make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(2233))
    milo = _speaker(db, episode_id, "Milo")
    before = load_segments(db, episode_id)
    ids = [row.id for row in before[100:1100]]
    previous = assign_speaker(db, ids, milo)  # its speed is in tests/benchmarks
    assert len(previous) == 1000
    restore_assignments(db, previous)
    assert load_segments(db, episode_id) == before


def test_fill_forward_stops_at_the_next_labelled_line(
    db: Database, make_transcript: Factory
) -> None:
    # Speakers in turn: Milo, none, none, none, Wietse, ... (pattern of five).
    episode_id = _import(db, make_transcript(10, speakers=("Milo", None, None, None, "Wietse")))
    wietse = _speaker(db, episode_id, "Wietse")
    before = load_segments(db, episode_id)
    previous = fill_speaker_forward(db, episode_id, before[0].id, wietse)
    assert list(previous) == [row.id for row in before[0:4]]
    after = load_segments(db, episode_id)
    assert [r.speaker_name for r in after[:6]] == ["Wietse"] * 5 + ["Milo"]
    restore_assignments(db, previous)
    assert load_segments(db, episode_id) == before
    # From an unlabelled line in the middle, up to the end of the episode.
    previous = fill_speaker_forward(db, episode_id, before[6].id, wietse)
    assert list(previous) == [row.id for row in before[6:9]]
    restore_assignments(db, previous)
    assert load_segments(db, episode_id) == before


def test_fill_forward_rejects_a_line_of_another_episode(
    db: Database, make_transcript: Factory
) -> None:
    first = _import(db, make_transcript(3), "a")
    second = _import(db, make_transcript(3), "b")
    with pytest.raises(StoreError, match="not in episode"):
        fill_speaker_forward(db, second, load_segments(db, first)[0].id, None)
