"""Sync to audio in the store: new times and words in one transaction, and an exact undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from meelezer.store import episodes
from meelezer.store.audio_sync import SyncedLine, apply_sync, restore_sync
from meelezer.store.database import Database
from meelezer.store.errors import EpisodeNotFoundError, StoreError
from meelezer.store.retiming import set_segment_start
from meelezer.store.rows import SegmentRow
from meelezer.store.tables import EPISODE, SEGMENT, WORD
from meelezer.transcript.model import Segment, Transcript, Word
from meelezer.transcript.timing import estimate_times


def _untimed(db: Database, tmp_path: Path, count: int = 6) -> int:
    lines = [f"Regel {k} heeft woorden" for k in range(count)]
    return episodes.import_transcript(db, Transcript(estimate_times(lines, None)),
                                      tmp_path / "untimed.txt", "u" * 64, None)


def _state(db: Database, episode_id: int) -> tuple[object, ...]:
    """Everything a sync may touch, ids included, to compare before and after undo."""
    with db.session() as session:
        connection = session.connection()
        episode = connection.execute(
            select(EPISODE.c.duration_ms, EPISODE.c.times_estimated)
            .where(EPISODE.c.id == episode_id)).one()
        segments = connection.execute(
            select(SEGMENT.c.id, SEGMENT.c.start_ms, SEGMENT.c.end_ms, SEGMENT.c.times_estimated,
                   SEGMENT.c.time_set_by_user, SEGMENT.c.found_in_audio)
            .where(SEGMENT.c.episode_id == episode_id).order_by(SEGMENT.c.position)).all()
        words = connection.execute(
            select(WORD.c.id, WORD.c.segment_id, WORD.c.position, WORD.c.start_ms,
                   WORD.c.end_ms, WORD.c.text, WORD.c.estimated).order_by(WORD.c.id)).all()
    return tuple(episode), tuple(map(tuple, segments)), tuple(map(tuple, words))


def _words(text: str, start_ms: int) -> tuple[Word, ...]:
    return tuple(Word(word, start_ms + 300 * k, start_ms + 300 * k + 250)
                 for k, word in enumerate(text.split()))


def _aligned(rows: list[SegmentRow], found: set[int]) -> list[SyncedLine]:
    """Those in ``found`` (rows) found, 1 s long from 10 s on; the others as they are."""
    return [SyncedLine(row.id, 10_000 + 1000 * k, 10_900 + 1000 * k,
                       _words(row.text, 10_000 + 1000 * k), True)
            if k in found else
            SyncedLine(row.id, row.start_ms, row.end_ms, None, False, row.times_estimated)
            for k, row in enumerate(rows)]


def test_found_lines_get_times_and_words_and_the_rest_are_flagged(
        db: Database, tmp_path: Path) -> None:
    episode_id = _untimed(db, tmp_path)
    rows = episodes.load_segments(db, episode_id)
    assert not episodes.load_words(db, episode_id)  # untimed text has no word rows

    undo = apply_sync(db, episode_id, _aligned(rows, found={0, 1, 2, 3, 4}))

    after = episodes.load_segments(db, episode_id)
    assert [(r.start_ms, r.end_ms) for r in after[:5]] == [
        (10_000 + 1000 * k, 10_900 + 1000 * k) for k in range(5)]
    assert [r.found_in_audio for r in after] == [True] * 5 + [False]
    assert [r.times_estimated for r in after] == [False] * 5 + [True]
    assert (after[5].start_ms, after[5].end_ms) == (rows[5].start_ms, rows[5].end_ms)
    words = episodes.load_words(db, episode_id)
    assert set(words) == {row.id for row in rows[:5]}  # the line not found has none
    assert [w.text for w in words[rows[1].id]] == ["Regel", "1", "heeft", "woorden"]
    assert words[rows[1].id][0] == Word("Regel", 11_000, 11_250, estimated=False)
    assert len(undo.lines) == 6
    episode = episodes.get_episode(db, episode_id)
    assert episode is not None and episode.times_estimated  # one line is still estimated


def test_undo_restores_times_flags_and_words_exactly(db: Database, tmp_path: Path) -> None:
    episode_id = _timed_with_words(db, tmp_path)
    rows = episodes.load_segments(db, episode_id)
    set_segment_start(db, rows[3].id, 3_100)  # an anchor: its flags must come back too
    before = _state(db, episode_id)

    undo = apply_sync(db, episode_id, _aligned(rows, found={0, 1, 3}))
    assert _state(db, episode_id) != before
    restore_sync(db, undo)

    assert _state(db, episode_id) == before  # times, flags, words with their ids, episode


def test_episode_is_no_longer_estimated_once_every_line_is_found(
        db: Database, tmp_path: Path) -> None:
    episode_id = _untimed(db, tmp_path, count=3)
    before = _state(db, episode_id)
    rows = episodes.load_segments(db, episode_id)
    undo = apply_sync(db, episode_id, _aligned(rows, found={0, 1, 2}))
    episode = episodes.get_episode(db, episode_id)
    assert episode is not None and not episode.times_estimated
    restore_sync(db, undo)
    assert _state(db, episode_id) == before


def test_user_timed_lines_are_anchors_that_never_move(db: Database, tmp_path: Path) -> None:
    episode_id = _untimed(db, tmp_path)
    rows = episodes.load_segments(db, episode_id)
    set_segment_start(db, rows[2].id, 7_777)  # tapped after the alignment ran
    tapped = episodes.load_segments(db, episode_id)[2]

    apply_sync(db, episode_id, _aligned(rows, found={0, 1, 2, 3, 4, 5}))

    after = episodes.load_segments(db, episode_id)[2]
    assert (after.start_ms, after.end_ms) == (tapped.start_ms, tapped.end_ms) == (7_777,
                                                                                  tapped.end_ms)
    assert after.time_set_by_user and after.found_in_audio
    assert episodes.load_words(db, episode_id)[rows[2].id][0].text == "Regel"


def test_redo_after_undo_writes_the_same_again(db: Database, tmp_path: Path) -> None:
    episode_id = _untimed(db, tmp_path)
    rows = episodes.load_segments(db, episode_id)
    lines = _aligned(rows, found={0, 2, 4})
    undo = apply_sync(db, episode_id, lines)
    synced = _state(db, episode_id)
    restore_sync(db, undo)
    again = apply_sync(db, episode_id, lines)
    # The same times and words (word ids are new rows, so compare without them).
    assert _state(db, episode_id)[:2] == synced[:2]
    assert [w[1:] for w in _state(db, episode_id)[2]] == [w[1:] for w in synced[2]]
    assert again.segment_ids == undo.segment_ids


def test_nothing_changes_when_the_alignment_says_what_is_stored(
        db: Database, tmp_path: Path) -> None:
    episode_id = _untimed(db, tmp_path)
    rows = episodes.load_segments(db, episode_id)
    lines = _aligned(rows, found={0, 1})
    apply_sync(db, episode_id, lines)
    assert apply_sync(db, episode_id, lines).lines == ()


def test_a_failed_write_leaves_nothing_half_written(db: Database, tmp_path: Path) -> None:
    episode_id = _timed_with_words(db, tmp_path)
    before = _state(db, episode_id)
    rows = episodes.load_segments(db, episode_id)
    lines = _aligned(rows, found={0, 1, 2, 3})
    # The last line's words break NOT NULL after the old words were deleted and the other
    # lines' words inserted, in the same transaction: all of it must roll back.
    last = lines[-1]
    broken = (*last.words[:-1], Word(None, 0, 1))  # type: ignore[arg-type]
    lines[-1] = SyncedLine(last.segment_id, last.start_ms, last.end_ms, broken, True)
    with pytest.raises(StoreError):
        apply_sync(db, episode_id, lines)
    assert _state(db, episode_id) == before


def test_unknown_episode_is_a_clear_error(db: Database) -> None:
    with pytest.raises(EpisodeNotFoundError, match="not in the library"):
        apply_sync(db, 999, [])


def _timed_with_words(db: Database, tmp_path: Path) -> int:
    segments = [Segment(1000 * k, 1000 * k + 900, f"Een twee drie {k}",
                        words=[Word("Een", 1000 * k, 1000 * k + 200, estimated=k == 1),
                               Word("twee", 1000 * k + 200, 1000 * k + 400)])
                for k in range(4)]
    return episodes.import_transcript(db, Transcript(segments), tmp_path / "timed.json",
                                      "t" * 64, None)


def test_a_line_put_between_its_neighbours_gets_estimated_times_and_no_words(
        db: Database, tmp_path: Path) -> None:
    episode_id = _timed_with_words(db, tmp_path)
    rows = episodes.load_segments(db, episode_id)
    lines = _aligned(rows, found={0, 2, 3})
    lines[1] = SyncedLine(rows[1].id, 10_950, 11_950, (), False, times_estimated=True)
    apply_sync(db, episode_id, lines)
    line = episodes.load_segments(db, episode_id)[1]
    assert (line.start_ms, line.end_ms, line.times_estimated, line.found_in_audio) == (
        10_950, 11_950, True, False)
    assert rows[1].id not in episodes.load_words(db, episode_id)


@pytest.mark.parametrize("stop_after", [1, 2, 4])
def test_a_cancel_during_the_write_rolls_everything_back(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_after: int) -> None:
    """Apply runs on a worker thread with Cancel: cancelled at any of its progress reports
    (small batches here, so there are several), nothing is written."""
    from meelezer import work
    from meelezer.store import audio_sync

    monkeypatch.setattr(audio_sync, "BATCH_ROWS", 5)
    episode_id = _untimed(db, tmp_path, count=12)
    rows = episodes.load_segments(db, episode_id)
    before = _state(db, episode_id)
    reports: list[float] = []

    def report(fraction: float, _partial: object) -> None:
        reports.append(fraction)
        if len(reports) == stop_after:
            context.cancel()

    context = work.WorkContext(report)
    with pytest.raises(work.Cancelled):
        apply_sync(db, episode_id, _aligned(rows, found=set(range(12))), context)
    assert _state(db, episode_id) == before
    assert reports == sorted(reports) and len(reports) == stop_after

    done: list[float] = []
    undo = apply_sync(db, episode_id, _aligned(rows, found=set(range(12))),
                      work.WorkContext(lambda fraction, _partial: done.append(fraction)))
    assert done == sorted(done) and done[-1] == 1.0 and len(done) > 5
    restore_sync(db, undo, work.WorkContext())
    assert _state(db, episode_id) == before
