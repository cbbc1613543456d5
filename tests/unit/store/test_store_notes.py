"""Notes, bookmarks and highlights: adding, editing, deleting, and undoing each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from meelezer.store import Database, StoreError, import_transcript
from meelezer.store.notes import (
    add_note,
    delete_note,
    list_notes,
    put_note,
    restore_note,
    update_note,
)
from meelezer.transcript.model import Transcript

Factory = Callable[..., Transcript]


def _episode(db: Database, make_transcript: Factory) -> int:
    return import_transcript(db, make_transcript(5), Path("/podcasts/a.txt"), "a" * 64, None)


def test_notes_come_in_time_order(db: Database, make_transcript: Factory) -> None:
    episode_id = _episode(db, make_transcript)
    late = add_note(db, episode_id, 9_000, text="laat")
    early = add_note(db, episode_id, 1_000, kind="bookmark")
    quote = add_note(db, episode_id, 4_000, kind="highlight", color="#ffee00", end_ms=6_000)
    assert list_notes(db, episode_id) == [early, quote, late]
    assert isinstance(late.created_at, datetime) and late.created_at == late.updated_at
    assert quote.end_ms == 6_000 and quote.color == "#ffee00" and early.text == ""


def test_add_note_validates(db: Database, make_transcript: Factory) -> None:
    episode_id = _episode(db, make_transcript)
    with pytest.raises(StoreError, match="not a kind of note"):
        add_note(db, episode_id, 0, kind="comment")
    with pytest.raises(StoreError, match="cannot end"):
        add_note(db, episode_id, 5_000, kind="highlight", end_ms=4_000)
    assert list_notes(db, episode_id) == []


def test_add_then_delete_then_restore(db: Database, make_transcript: Factory) -> None:
    episode_id = _episode(db, make_transcript)
    add_note(db, episode_id, 2_000, text="blijft")
    before = list_notes(db, episode_id)
    added = add_note(db, episode_id, 3_000, text="weg")
    deleted = delete_note(db, added.id)  # undo of the add
    assert deleted == added
    assert list_notes(db, episode_id) == before
    restore_note(db, deleted)  # redo: same id and timestamps
    assert list_notes(db, episode_id) == [*before, added]


def test_update_returns_the_old_row_and_put_note_undoes_it(
    db: Database, make_transcript: Factory
) -> None:
    episode_id = _episode(db, make_transcript)
    quote = add_note(db, episode_id, 4_000, kind="highlight", text="a", end_ms=6_000)
    before = list_notes(db, episode_id)
    old = update_note(db, quote.id, text="b", color="#00ff00", time_ms=5_000)
    assert old == quote
    (now,) = list_notes(db, episode_id)
    assert (now.text, now.color, now.time_ms, now.end_ms) == ("b", "#00ff00", 5_000, 7_000)
    assert now.updated_at >= old.updated_at and now.created_at == old.created_at
    put_note(db, old)
    assert list_notes(db, episode_id) == before
    with pytest.raises(StoreError, match="not in the library"):
        update_note(db, 12345, text="x")
    with pytest.raises(StoreError, match="not in the library"):
        delete_note(db, 12345)
