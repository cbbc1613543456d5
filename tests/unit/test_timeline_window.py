"""The timeline's time window: mapping, zoom around a point, pan, and page turns."""

from __future__ import annotations

import pytest

from meelezer.ui.timeline.window import MIN_SPAN_MS, PAGE_LEAD, TimeWindow


def test_x_and_time_map_both_ways() -> None:
    window = TimeWindow(10_000, 70_000)
    assert window.x_of(40_000, 600) == 300
    assert window.time_at(300, 600) == 40_000
    assert window.time_at(0, 600) == 10_000


def test_zoom_keeps_the_time_under_the_pointer_in_place() -> None:
    window = TimeWindow(0, 60_000)
    zoomed = window.zoomed(2.0, 15_000, 600_000)
    assert zoomed.span_ms == 30_000
    assert zoomed.x_of(15_000, 600) == pytest.approx(window.x_of(15_000, 600))


def test_zoom_stops_at_the_narrowest_span_and_the_whole_episode() -> None:
    window = TimeWindow(0, 60_000)
    assert window.zoomed(1000.0, 30_000, 600_000).span_ms == MIN_SPAN_MS
    assert window.zoomed(0.001, 30_000, 600_000) == TimeWindow(0, 600_000)


def test_pan_stops_at_the_ends() -> None:
    window = TimeWindow(0, 60_000)
    assert window.panned(-5_000, 600_000) == TimeWindow(0, 60_000)
    assert window.panned(1_000_000, 600_000) == TimeWindow(540_000, 600_000)
    assert window.panned(20_000, 600_000) == TimeWindow(20_000, 80_000)


def test_the_window_stays_while_the_playhead_walks_and_turns_a_page_near_the_edge() -> None:
    window = TimeWindow(0, 60_000)
    assert window.following(30_000, 600_000) is window
    turned = window.following(56_000, 600_000)  # past 92 %
    assert turned.span_ms == 60_000
    assert turned.start_ms == pytest.approx(56_000 - 60_000 * PAGE_LEAD)
    far = window.following(300_000, 600_000)  # a seek elsewhere
    assert far.contains(300_000)


def test_the_last_page_does_not_turn() -> None:
    window = TimeWindow(540_000, 600_000)
    assert window.following(599_000, 600_000) is window
