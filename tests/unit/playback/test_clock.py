"""SmoothClock: interpolation, pause, seek, rate, and never running backwards."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meelezer.playback.clock import SmoothClock


class FakeTime:
    """A time source the test moves by hand, in seconds."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t

    def ms(self, ms: float) -> None:
        self.t += ms / 1000.0


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def clock(time: FakeTime) -> SmoothClock:
    clock = SmoothClock(time)
    clock.resume()
    return clock


def test_starts_paused_at_zero(time: FakeTime) -> None:
    clock = SmoothClock(time)
    time.ms(1000)
    assert clock.position_ms() == 0
    assert not clock.running


def test_interpolates_between_reports_at_1x(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(300)
    clock.report(300)
    time.ms(150)
    assert clock.position_ms() == 450
    time.ms(150)
    assert clock.position_ms() == 600


def test_interpolates_at_2x(clock: SmoothClock, time: FakeTime) -> None:
    clock.set_rate(2.0)
    time.ms(100)
    assert clock.position_ms() == 200
    clock.report(600, at=time.t + 0.2)
    time.ms(250)
    assert clock.position_ms() == 700


def test_repeated_report_is_stale_and_ignored(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(300)
    clock.report(300)
    time.ms(200)
    clock.report(300)  # libvlc's get_time() still says 300 a while after the step
    assert clock.position_ms() == 500


def test_report_timestamp_is_used_not_arrival_time(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(340)
    clock.report(300, at=time.t - 0.040)  # happened 40 ms ago, queued on the way
    assert clock.position_ms() == 340


def test_pause_holds_the_interpolated_position(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(300)
    clock.report(300)
    time.ms(100)
    clock.pause()
    time.ms(5000)
    assert clock.position_ms() == 400  # not libvlc's stale 300
    clock.report(300)
    clock.report(310)  # small disagreements while paused are noise
    assert clock.position_ms() == 400
    clock.resume()
    time.ms(50)
    assert clock.position_ms() == 450


def test_seek_reanchors_running_clock(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(1000)
    clock.seek(5000)
    assert clock.position_ms() == 5000
    time.ms(100)
    assert clock.position_ms() == 5100
    clock.seek(2000)  # backwards is fine after a seek
    assert clock.position_ms() == 2000


def test_seek_while_paused_moves_and_stays(clock: SmoothClock, time: FakeTime) -> None:
    clock.pause()
    clock.seek(7000)
    time.ms(500)
    assert clock.position_ms() == 7000
    assert not clock.running


def test_report_queued_before_a_seek_is_ignored(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(1000)
    before_seek = time.t
    time.ms(5)
    clock.seek(8000)
    clock.report(1000, at=before_seek)
    assert clock.position_ms() == 8000


def test_rate_change_reanchors_without_a_jump(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(1000)
    assert clock.position_ms() == 1000
    clock.set_rate(3.0)
    assert clock.position_ms() == 1000
    time.ms(100)
    assert clock.position_ms() == 1300
    clock.set_rate(0.5)
    time.ms(100)
    assert clock.position_ms() == 1350


@pytest.mark.parametrize("rate", [0.0, -1.0, float("nan"), float("inf")])
def test_rejects_nonsense_rates(clock: SmoothClock, rate: float) -> None:
    with pytest.raises(ValueError):
        clock.set_rate(rate)


def test_report_ahead_is_followed_at_once(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(300)
    clock.report(340)
    assert clock.position_ms() == 340


def test_report_slightly_behind_slews_instead_of_jumping_back(time: FakeTime) -> None:
    clock = SmoothClock(time, slew_ms=150)
    clock.resume()
    time.ms(1000)
    assert clock.position_ms() == 1000
    clock.report(970)  # libvlc says we are 30 ms ahead
    assert clock.position_ms() == 1000  # no visible step back
    seen = [clock.position_ms()]
    for _ in range(15):  # 150 ms, the slew time
        time.ms(10)
        seen.append(clock.position_ms())
    assert seen == sorted(seen)
    assert seen[-1] == 970 + 150  # converged onto libvlc's line
    assert 1000 < seen[5] < 1050  # ran slower than real time meanwhile


def test_report_far_behind_holds_still_until_caught_up(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(1000)
    clock.report(700)  # 300 ms behind: cannot pay that off in the slew time at 1×
    time.ms(200)
    assert clock.position_ms() == 1000
    time.ms(150)
    assert clock.position_ms() == 1050  # 700 + 350: following libvlc again


def test_report_more_than_half_a_second_off_snaps(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(1000)
    clock.report(1000)
    time.ms(1000)
    assert clock.position_ms() == 2000
    clock.report(1200)
    assert clock.position_ms() == 1200
    time.ms(10)
    assert clock.position_ms() == 1210


def test_paused_clock_follows_a_large_external_move(clock: SmoothClock, time: FakeTime) -> None:
    clock.pause()
    clock.report(9000)
    assert clock.position_ms() == 9000


def test_stops_extrapolating_when_reports_stop(clock: SmoothClock, time: FakeTime) -> None:
    time.ms(300)
    clock.report(300)
    time.ms(10_000)  # the decoder stalled: no news for ten seconds
    assert clock.position_ms() == 300 + 1500


def test_extrapolation_cap_grows_with_coarse_report_steps(
    clock: SmoothClock, time: FakeTime
) -> None:
    clock.set_rate(2.0)
    for step in range(1, 4):  # an Ogg file: one report per page, 1000 ms apart
        time.ms(500)
        clock.report(1000 * step)
    time.ms(900)  # 1800 media ms later, the next page is simply not due yet
    assert clock.position_ms() == 3000 + 1800


def test_explicit_time_queries_do_not_need_the_time_source(time: FakeTime) -> None:
    clock = SmoothClock(time)
    clock.resume(at=10.0)
    clock.report(250, at=10.25)
    assert clock.position_ms(at=10.5) == 500


@settings(max_examples=200, deadline=None)
@given(
    steps=st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=40),  # ms between frames
            st.integers(min_value=-240, max_value=240),  # report error: never a snap
            st.booleans(),  # a report arrives this frame
        ),
        min_size=1,
        max_size=200,
    ),
    rate=st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0]),
)
def test_never_runs_backwards_without_a_seek(
    steps: list[tuple[int, int, bool]], rate: float
) -> None:
    time = FakeTime()
    clock = SmoothClock(time)
    clock.set_rate(rate)
    clock.resume()
    truth = 0.0
    last = clock.position_ms()
    for frame_ms, error_ms, reports in steps:
        time.ms(frame_ms)
        truth += frame_ms * rate
        if reports:
            clock.report(max(0, round(truth) + error_ms))
        now = clock.position_ms()
        assert now >= last
        last = now
