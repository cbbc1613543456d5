"""The episode repository: importing transcripts, loading them back, positions, deleting."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, delete, event, select

from meelezer.store import (
    Database,
    EpisodeNotFoundError,
    StoreError,
    delete_episode,
    file_sha256,
    find_episode_by_hash,
    get_episode,
    import_transcript,
    list_episodes,
    load_segments,
    load_words,
    mark_opened,
    save_last_position,
)
from meelezer.store.speakers import SPEAKER_COLORS
from meelezer.store.tables import SEGMENT, SPEAKER, Note
from meelezer.transcript.model import Segment, Transcript, Word

Factory = Callable[..., Transcript]
Counter = Callable[[Database], dict[str, int]]
SEED_SIZE = 2233  # lines in seeds/ai-report-2025-02-20-grok3-whisper.txt


def _import(db: Database, transcript: Transcript, name: str = "a", **kwargs: Any) -> int:
    return import_transcript(
        db, transcript, Path(f"/podcasts/{name}.txt"), name * 64, Path(f"/podcasts/{name}.mp3"),
        **kwargs,
    )


def test_seed_sized_import_round_trips(db: Database, make_transcript: Factory) -> None:
    transcript = make_transcript(SEED_SIZE)
    episode_id = _import(db, transcript)

    rows = load_segments(db, episode_id)
    assert len(rows) == SEED_SIZE
    for position, (row, segment) in enumerate(zip(rows, transcript.segments, strict=True)):
        assert row.position == position
        assert (row.start_ms, row.end_ms, row.text) == (
            segment.start_ms, segment.end_ms, segment.text
        )
        assert row.speaker_name == segment.speaker
        assert row.times_estimated == segment.times_estimated
        assert row.original_text is None and row.time_set_by_user is False

    episode = get_episode(db, episode_id)
    assert episode is not None
    assert episode.title == "Grok-3 daagt OpenAI uit"
    assert episode.source_id == "xDCa0xgymMY"
    assert episode.tags == ("ai", "podcast")
    assert episode.extra == {"Last modified time": "2025-02-20 06:59:25"}
    assert episode.date == "2025-02-20T06:59:25"
    assert episode.transcript_path == Path("/podcasts/a.txt")
    assert episode.audio_path == Path("/podcasts/a.mp3")
    assert episode.transcript_format == "whisper-text"
    assert episode.duration_ms == transcript.duration_ms
    assert episode.times_estimated is True
    assert episode.last_position_ms == 0 and episode.last_opened_at is None
    assert abs(episode.created_at - datetime.now(UTC)) < timedelta(minutes=1)


def test_import_is_one_transaction_with_bulk_inserts(
    db: Database, make_transcript: Factory
) -> None:
    commits: list[None] = []
    many: list[str] = []

    def on_commit(_connection: Connection) -> None:
        commits.append(None)

    def on_execute(_conn: Any, _cursor: Any, statement: str, _params: Any, _ctx: Any,
                   executemany: bool) -> None:
        if executemany:
            many.append(statement.split("(")[0].strip())

    event.listen(db.engine, "commit", on_commit)
    event.listen(db.engine, "before_cursor_execute", on_execute)
    _import(db, make_transcript(SEED_SIZE, words_per_segment=2))
    assert len(commits) == 1
    assert many == ["INSERT INTO segment", "INSERT INTO word"]


def test_failure_at_the_last_row_leaves_nothing(
    db: Database, make_transcript: Factory, count_rows: Counter
) -> None:
    transcript = make_transcript(SEED_SIZE, words_per_segment=2, show="AI Report")
    # The very last row inserted breaks a NOT NULL constraint.
    transcript.segments[-1].words[-1] = Word(None, 0, 1)  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        _import(db, transcript)
    assert set(count_rows(db).values()) == {0}

    transcript.segments[-1].words[-1] = Word("fixed", 0, 1)
    episode_id = _import(db, transcript)
    counts = count_rows(db)
    assert counts["segment"] == SEED_SIZE and counts["word"] == 2 * SEED_SIZE
    assert load_words(db, episode_id)[load_segments(db, episode_id)[-1].id][-1].text == "fixed"


def test_reimport_of_same_hash_returns_same_episode_and_updates_paths(
    db: Database, make_transcript: Factory, count_rows: Counter
) -> None:
    transcript = make_transcript(50)
    first = import_transcript(db, transcript, Path("/old/a.txt"), "h" * 64, Path("/old/a.mp3"))
    counts = count_rows(db)
    second = import_transcript(db, transcript, Path("/new/a.txt"), "h" * 64, None)
    assert second == first
    assert count_rows(db) == counts
    episode = find_episode_by_hash(db, "h" * 64)
    assert episode is not None and episode.id == first
    assert episode.transcript_path == Path("/new/a.txt")
    assert episode.audio_path == Path("/old/a.mp3")  # not given: kept
    import_transcript(db, transcript, Path("/new/a.txt"), "h" * 64, Path("/new/a.mp3"))
    episode = get_episode(db, first)
    assert episode is not None and episode.audio_path == Path("/new/a.mp3")


def test_speakers_are_created_and_assigned_per_episode(
    db: Database, make_transcript: Factory
) -> None:
    first = _import(db, make_transcript(30), "a")
    second = _import(db, make_transcript(30), "b")
    rows = load_segments(db, first)
    assert [r.speaker_name for r in rows[:4]] == ["Milo", "Wietse", None, "Milo"]
    assert rows[0].speaker_id is not None and rows[0].speaker_id == rows[3].speaker_id
    assert rows[2].speaker_id is None
    # Without a show each episode has its own speakers.
    assert load_segments(db, second)[0].speaker_id != rows[0].speaker_id
    with db.session() as session:
        speakers = session.connection().execute(
            select(SPEAKER.c.name, SPEAKER.c.episode_id, SPEAKER.c.show_id, SPEAKER.c.color)
            .order_by(SPEAKER.c.id)
        ).all()
    assert [tuple(s) for s in speakers] == [
        ("Milo", first, None, SPEAKER_COLORS[0]),
        ("Wietse", first, None, SPEAKER_COLORS[1]),
        ("Milo", second, None, SPEAKER_COLORS[0]),
        ("Wietse", second, None, SPEAKER_COLORS[1]),
    ]


def test_speakers_are_shared_within_a_show(db: Database, make_transcript: Factory) -> None:
    first = _import(db, make_transcript(10, show="AI Report"), "a")
    second = _import(db, make_transcript(10, speakers=("Wietse", "Alexander")), "b",
                     show_name="AI Report")
    first_rows, second_rows = load_segments(db, first), load_segments(db, second)
    milo, wietse = first_rows[0].speaker_id, first_rows[1].speaker_id
    assert second_rows[0].speaker_name == "Wietse" and second_rows[0].speaker_id == wietse
    assert second_rows[1].speaker_name == "Alexander"
    assert second_rows[1].speaker_id not in (milo, wietse)
    episodes = {e.id: e for e in list_episodes(db)}
    assert episodes[first].show_name == episodes[second].show_name == "AI Report"
    assert episodes[first].show_id == episodes[second].show_id is not None
    with db.session() as session:
        colors = session.connection().execute(select(SPEAKER.c.color)).scalars().all()
    assert len(set(colors)) == 3  # a new speaker in the show gets a colour not yet used


def test_metadata_show_comes_before_show_name(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(3, show="From file"), show_name="From caller")
    episode = get_episode(db, episode_id)
    assert episode is not None and episode.show_name == "From file"


def test_words_are_stored_in_order(db: Database, make_transcript: Factory) -> None:
    transcript = make_transcript(20, words_per_segment=5)
    transcript.segments[7].words = []  # a line without words
    episode_id = _import(db, transcript)
    rows = load_segments(db, episode_id)
    words = load_words(db, episode_id)
    assert rows[7].id not in words
    for row, segment in zip(rows, transcript.segments, strict=True):
        assert words.get(row.id, []) == segment.words
    assert [w.text for w in words[rows[3].id]] == [f"w3.{k}" for k in range(5)]
    assert [w.estimated for w in words[rows[3].id]] == [False, True, False, True, False]


def test_empty_transcript(db: Database) -> None:
    episode_id = _import(db, Transcript(segments=[]))
    assert load_segments(db, episode_id) == []
    assert load_words(db, episode_id) == {}
    episode = get_episode(db, episode_id)
    assert episode is not None and episode.title == "a"  # the file name when there is no title


def test_delete_episode_cascades_but_keeps_show_speakers_and_files(
    db: Database, make_transcript: Factory, count_rows: Counter, tmp_path: Path
) -> None:
    transcript_file = tmp_path / "a.txt"
    transcript_file.write_text("x")
    kept = _import(db, make_transcript(10, words_per_segment=2, show="AI Report"), "k")
    episode_id = import_transcript(
        db, make_transcript(100, words_per_segment=3), transcript_file, "d" * 64, None
    )
    with db.session() as session:
        session.add(Note(episode_id=episode_id, time_ms=1000, text="goed punt"))
        session.add(Note(episode_id=episode_id, time_ms=2000, kind="bookmark"))
    before = count_rows(db)

    assert delete_episode(db, episode_id) is True
    after = count_rows(db)
    assert after["episode"] == 1
    assert after["segment"] == before["segment"] - 100 == 10
    assert after["word"] == before["word"] - 300 == 20
    assert after["note"] == 0
    assert after["speaker"] == 2  # the episode's own speakers went, the show's stayed
    assert transcript_file.read_text() == "x"
    assert get_episode(db, episode_id) is None
    assert load_segments(db, kept)[0].speaker_name == "Milo"
    assert delete_episode(db, episode_id) is False


def test_deleting_a_speaker_unassigns_its_segments(db: Database, make_transcript: Factory) -> None:
    episode_id = _import(db, make_transcript(6))
    milo = load_segments(db, episode_id)[0].speaker_id
    with db.session() as session:
        session.connection().execute(delete(SPEAKER).where(SPEAKER.c.id == milo))
    rows = load_segments(db, episode_id)
    assert [r.speaker_name for r in rows] == [None, "Wietse", None, None, "Wietse", None]
    with db.session() as session:
        assert session.connection().execute(select(SEGMENT.c.id)).all()  # lines are kept


def test_last_position_and_opened(db: Database, make_transcript: Factory) -> None:
    older = _import(db, make_transcript(3), "a")
    newer = _import(db, make_transcript(3), "b")
    assert [e.id for e in list_episodes(db)] == [newer, older]
    mark_opened(db, older)
    assert [e.id for e in list_episodes(db)] == [older, newer]
    save_last_position(db, older, 61_500)
    episode = get_episode(db, older)
    assert episode is not None and episode.last_position_ms == 61_500
    assert episode.last_opened_at is not None and episode.last_opened_at.tzinfo is not None
    save_last_position(db, older, -1)  # VLC says -1 when it does not know
    episode = get_episode(db, older)
    assert episode is not None and episode.last_position_ms == 0


def test_unknown_episode(db: Database) -> None:
    assert get_episode(db, 42) is None
    assert find_episode_by_hash(db, "0" * 64) is None
    with pytest.raises(EpisodeNotFoundError):
        save_last_position(db, 42, 1000)
    with pytest.raises(EpisodeNotFoundError):
        mark_opened(db, 42)


def test_file_sha256_streams_large_files(tmp_path: Path) -> None:
    data = bytes(range(256)) * 20_000  # 5 MB: several chunks
    path = tmp_path / "audio.mp3"
    path.write_bytes(data)
    assert file_sha256(path) == hashlib.sha256(data).hexdigest()
    (tmp_path / "empty").write_bytes(b"")
    assert file_sha256(tmp_path / "empty") == hashlib.sha256(b"").hexdigest()


_texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
_segments = st.lists(
    st.builds(
        Segment,
        start_ms=st.integers(0, 10**8),
        end_ms=st.integers(0, 10**8),
        text=_texts,
        speaker=st.none() | st.sampled_from(["Milo", "Wietse", "Ëlla", " "]),
        times_estimated=st.booleans(),
    ),
    max_size=30,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(segments=_segments)
def test_any_transcript_round_trips(db: Database, segments: list[Segment]) -> None:
    transcript = Transcript(segments)
    episode_id = import_transcript(db, transcript, Path("x.txt"), uuid.uuid4().hex, None)
    rows = load_segments(db, episode_id)
    assert [(r.start_ms, r.end_ms, r.text, r.speaker_name, r.times_estimated) for r in rows] == [
        (s.start_ms, s.end_ms, s.text, s.speaker or None, s.times_estimated) for s in segments
    ]


def test_a_missing_episode_is_told_in_one_way(db: Database) -> None:
    from meelezer.library import Library
    from meelezer.store import EpisodeNotFoundError
    from meelezer.store.episodes import save_last_position
    from meelezer.store.reimport import reimport_transcript
    from meelezer.transcript.model import Segment, Transcript

    calls = (lambda: save_last_position(db, 99, 0), lambda: Library(db).reload(99),
             lambda: reimport_transcript(db, 99, Transcript([Segment(0, 1, "x")]),
                                         Path("x.txt"), "e" * 64))
    messages = set()
    for call in calls:
        with pytest.raises(EpisodeNotFoundError) as caught:
            call()
        messages.add(str(caught.value))
    assert messages == {"Episode 99 is not in the library (it may have been removed)."}
