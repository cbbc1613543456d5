"""Fitting estimated times to the audio's length, and tap-to-sync re-timing with its undo."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from meelezer.store import StoreError, episodes
from meelezer.store.database import Database, open_database
from meelezer.store.retiming import (
    TimeChange,
    fit_estimated_times,
    restore_times,
    set_segment_start,
)
from meelezer.store.rows import SegmentRow
from meelezer.transcript.model import Segment, Transcript
from meelezer.transcript.timing import estimate_times


def _import(db: Database, tmp_path: Path, segments: list[Segment], name: str) -> int:
    return episodes.import_transcript(db, Transcript(segments), tmp_path / name, name, None)


def test_untimed_transcript_is_stretched_over_the_audio(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    segments = [Segment(0, 4_000, "Een", times_estimated=True),
                Segment(4_000, 10_000, "Twee", times_estimated=True)]
    episode_id = _import(db, tmp_path, segments, "a")
    assert fit_estimated_times(db, episode_id, 20_000)
    rows = episodes.load_segments(db, episode_id)
    assert [(r.start_ms, r.end_ms) for r in rows] == [(0, 8_000), (8_000, 20_000)]
    episode = episodes.get_episode(db, episode_id)
    assert episode is not None and episode.duration_ms == 20_000
    assert not fit_estimated_times(db, episode_id, 20_200)  # fits already: nothing rewritten
    db.close()


def test_timed_transcripts_are_never_changed(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    episode_id = _import(db, tmp_path, [Segment(0, 4_000, "Een")], "b")
    assert not fit_estimated_times(db, episode_id, 20_000)
    assert episodes.load_segments(db, episode_id)[0].end_ms == 4_000
    db.close()


def _untimed(db: Database, tmp_path: Path, count: int = 20) -> int:
    lines = [f"Regel {k} " + "woord " * (3 + k % 7) for k in range(count)]
    return _import(db, tmp_path, estimate_times(lines, None), "untimed")


def _assert_contiguous(rows: list[SegmentRow]) -> None:
    assert rows[0].start_ms >= 0
    for row in rows:
        assert row.start_ms <= row.end_ms
    for previous, row in itertools.pairwise(rows):
        assert row.start_ms == previous.end_ms


def test_tapping_three_lines_of_an_untimed_transcript(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    episode_id = _untimed(db, tmp_path)
    original = episodes.load_segments(db, episode_id)
    original_episode = episodes.get_episode(db, episode_id)
    assert original_episode is not None
    end = original_episode.duration_ms
    taps = {2: 5_000, 9: 40_000, 15: end - 15_000}
    undo: list[tuple[TimeChange, ...]] = []
    for index, at in taps.items():
        undo.append(set_segment_start(db, original[index].id, at))
        rows = episodes.load_segments(db, episode_id)
        _assert_contiguous(rows)
    for index, at in taps.items():
        assert rows[index].start_ms == at
        assert rows[index].time_set_by_user and not rows[index].times_estimated
    others = [row for k, row in enumerate(rows) if k not in taps]
    assert all(row.times_estimated and not row.time_set_by_user for row in others)
    assert rows[0].start_ms == 0 and rows[-1].end_ms == end  # the tail fills to the end
    # Between anchors the lines keep their share, i.e. their length relative to the text.
    old = [row.end_ms - row.start_ms for row in original[3:9]]
    new = [row.end_ms - row.start_ms for row in rows[3:9]]
    ratio = sum(new) / sum(old)
    assert all(abs(n - o * ratio) <= 2 for n, o in zip(new, old, strict=True))
    # Earlier anchors stay put when later lines are tapped.
    assert rows[2].start_ms == 5_000 and rows[9].start_ms == 40_000
    for changes in reversed(undo):
        restore_times(db, changes)
    assert episodes.load_segments(db, episode_id) == original
    assert episodes.get_episode(db, episode_id) == original_episode
    db.close()


def test_tapping_an_earlier_line_after_a_later_one(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    episode_id = _untimed(db, tmp_path)
    original = episodes.load_segments(db, episode_id)
    first = set_segment_start(db, original[10].id, 50_000)
    second = set_segment_start(db, original[4].id, 20_000)
    rows = episodes.load_segments(db, episode_id)
    _assert_contiguous(rows)
    assert (rows[4].start_ms, rows[10].start_ms) == (20_000, 50_000)
    # A tap earlier than the anchor before it is kept at that anchor's start.
    third = set_segment_start(db, original[6].id, 10_000)
    rows = episodes.load_segments(db, episode_id)
    _assert_contiguous(rows)
    assert rows[6].start_ms == 20_000 and rows[4].start_ms == 20_000
    for changes in (third, second, first):
        restore_times(db, changes)
    assert episodes.load_segments(db, episode_id) == original
    db.close()


def test_tapping_past_the_end_shifts_the_tail_and_lengthens_the_episode(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    episode_id = _untimed(db, tmp_path)
    original = episodes.load_segments(db, episode_id)
    before = episodes.get_episode(db, episode_id)
    assert before is not None
    changes = set_segment_start(db, original[18].id, before.duration_ms + 10_000)
    rows = episodes.load_segments(db, episode_id)
    _assert_contiguous(rows)
    for k in (18, 19):  # durations kept, shifted
        assert rows[k].end_ms - rows[k].start_ms == original[k].end_ms - original[k].start_ms
    after = episodes.get_episode(db, episode_id)
    assert after is not None and after.duration_ms == rows[-1].end_ms > before.duration_ms
    restore_times(db, changes)
    assert episodes.load_segments(db, episode_id) == original
    assert episodes.get_episode(db, episode_id) == before
    db.close()


def test_timed_lines_are_anchors_and_the_previous_end_is_pulled_back(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    segments = [Segment(0, 4_000, "Een"), Segment(4_500, 9_000, "Twee"),
                Segment(9_000, 12_000, "Drie")]
    episode_id = _import(db, tmp_path, segments, "timed")
    original = episodes.load_segments(db, episode_id)
    changes = set_segment_start(db, original[1].id, 3_000)
    rows = episodes.load_segments(db, episode_id)
    assert [(r.start_ms, r.end_ms) for r in rows] == [(0, 3_000), (3_000, 9_000), (9_000, 12_000)]
    assert [c.segment_id for c in changes] == [original[0].id, original[1].id]
    restore_times(db, changes)
    assert episodes.load_segments(db, episode_id) == original
    # A tap can never move a line before 0 or past the next anchor's start.
    changes = set_segment_start(db, original[0].id, -500)
    assert episodes.load_segments(db, episode_id)[0].start_ms == 0
    restore_times(db, changes)
    changes = set_segment_start(db, original[1].id, 20_000)
    assert episodes.load_segments(db, episode_id)[1].start_ms == 9_000
    restore_times(db, changes)
    assert episodes.load_segments(db, episode_id) == original
    db.close()


def test_estimated_stretch_between_timed_lines_is_respread(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    segments = [Segment(0, 2_000, "Getimed"),
                *estimate_times(["kort", "een veel langere regel hier", "middel lang"], 6_000,
                                2_000),
                Segment(8_000, 10_000, "Weer getimed")]
    episode_id = _import(db, tmp_path, segments, "mixed")
    original = episodes.load_segments(db, episode_id)
    changes = set_segment_start(db, original[2].id, 3_000)
    rows = episodes.load_segments(db, episode_id)
    _assert_contiguous(rows)
    assert rows[0].end_ms == 2_000 and rows[4].start_ms == 8_000  # the file's times stay
    assert rows[2].start_ms == 3_000 and rows[3].end_ms == 8_000
    restore_times(db, changes)
    assert episodes.load_segments(db, episode_id) == original
    db.close()


def test_unknown_line_is_a_store_error(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    with pytest.raises(StoreError, match="not in the library"):
        set_segment_start(db, 999, 0)
    db.close()


def test_a_tap_rescales_the_rest_to_the_episode_end(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite3")
    episode_id = _untimed(db, tmp_path)
    assert fit_estimated_times(db, episode_id, 120_000)
    original = episodes.load_segments(db, episode_id)
    changes = set_segment_start(db, original[0].id, 4_000)
    rows = episodes.load_segments(db, episode_id)
    _assert_contiguous(rows)
    assert len(changes) == len(rows)  # every line follows, not just the tapped one
    assert rows[0].start_ms == 4_000 and rows[-1].end_ms == 120_000
    scale = (120_000 - 4_000) / 120_000
    for old, new in zip(original, rows, strict=True):
        assert abs((new.end_ms - new.start_ms) - (old.end_ms - old.start_ms) * scale) <= 2
    restore_times(db, changes)
    assert episodes.load_segments(db, episode_id) == original
    db.close()
