"""Sync to audio's plan: the aligner's lines turned into what the store writes."""

from __future__ import annotations

import pytest

from helpers.fake_alignment import FakeLine, FakeWord
from meelezer.store.rows import SegmentRow
from meelezer.sync_plan import plan_sync
from meelezer.transcript.model import Word


def _row(index: int, start_ms: int, end_ms: int, *, estimated: bool = True,
         by_user: bool = False) -> SegmentRow:
    return SegmentRow(100 + index, index, start_ms, end_ms, f"regel {index}", None, None, None,
                      estimated, None, by_user)


def _found(start_ms: int, end_ms: int) -> FakeLine:
    middle = (start_ms + end_ms) // 2
    return FakeLine(start_ms, end_ms, (FakeWord("regel", start_ms, middle),
                                       FakeWord("x", middle, end_ms)), True)


def _lost(row: SegmentRow) -> FakeLine:
    return FakeLine(row.start_ms, row.end_ms, (), False, 0.1)


def test_found_lines_take_the_audio_times_and_words() -> None:
    rows = [_row(0, 0, 4000), _row(1, 4000, 8000)]
    plan = plan_sync(7, rows, [_found(1200, 3000), _found(3100, 9500)], "nl")
    assert [(line.start_ms, line.end_ms, line.found, line.times_estimated)
            for line in plan.lines] == [(1200, 3000, True, False), (3100, 9500, True, False)]
    assert plan.lines[0].words == (Word("regel", 1200, 2100), Word("x", 2100, 3000))
    assert (plan.retimed, plan.moved_far, plan.not_found, plan.found) == (2, 1, 0, 2)
    assert plan.old == ((0, 4000), (4000, 8000)) and plan.language == "nl"


def test_lines_timed_by_hand_keep_their_times() -> None:
    rows = [_row(0, 0, 4000), _row(1, 5555, 8000, estimated=False, by_user=True)]
    plan = plan_sync(7, rows, [_found(100, 5000), _found(5555, 7000)])
    anchor = plan.lines[1]
    assert (anchor.start_ms, anchor.end_ms, anchor.found) == (5555, 8000, True)
    assert anchor.words is not None and anchor.words[0].start_ms == 5555


def test_lines_not_found_keep_their_times_where_they_fit() -> None:
    rows = [_row(0, 0, 3000), _row(1, 3000, 6000), _row(2, 6000, 9000)]
    plan = plan_sync(7, rows, [_found(500, 2500), _lost(rows[1]), _found(6500, 9500)])
    lost = plan.lines[1]
    assert (lost.start_ms, lost.end_ms, lost.found, lost.times_estimated, lost.words) == (
        3000, 6000, False, True, None)  # None: its stored words stay
    assert plan.not_found == 1 and plan.retimed == 2


def test_lines_not_found_out_of_order_go_between_their_neighbours() -> None:
    # The estimate put lines 1-2 at 30-50 s, but line 3 was found at 12 s.
    rows = [_row(0, 0, 3000), _row(1, 30_000, 40_000), _row(2, 40_000, 50_000),
            _row(3, 50_000, 60_000)]
    plan = plan_sync(7, rows, [_found(1000, 4000), _lost(rows[1]), _lost(rows[2]),
                               _found(12_000, 15_000)])
    assert [(line.start_ms, line.end_ms) for line in plan.lines[1:3]] == [
        (4000, 8000), (8000, 12_000)]
    assert all(line.times_estimated and line.words == () for line in plan.lines[1:3])
    starts = [line.start_ms for line in plan.lines]
    assert starts == sorted(starts)


def test_a_lost_title_before_the_first_found_line_fits_before_it() -> None:
    rows = [_row(0, 0, 9000), _row(1, 9000, 12_000)]
    plan = plan_sync(7, rows, [_lost(rows[0]), _found(2000, 5000)])
    assert (plan.lines[0].start_ms, plan.lines[0].end_ms) == (0, 2000)


def test_a_lost_tail_keeps_its_times() -> None:
    rows = [_row(0, 0, 3000, estimated=False), _row(1, 3000, 6000, estimated=False)]
    plan = plan_sync(7, rows, [_found(100, 2900), _lost(rows[1])])
    assert (plan.lines[1].start_ms, plan.lines[1].times_estimated) == (3000, False)


def test_the_aligner_must_answer_for_every_line() -> None:
    with pytest.raises(ValueError, match="1 aligned lines for 2 lines"):
        plan_sync(7, [_row(0, 0, 1), _row(1, 1, 2)], [_found(0, 1)])
