"""A playback clock that interpolates between libvlc's coarse time reports."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

TimeSource = Callable[[], float]
"""Returns seconds on a monotonic scale, like :func:`time.monotonic`."""


class SmoothClock:
    """Media position in ms that moves every frame although its source steps every ~300 ms.

    libvlc reports the playback time only when it changes, in steps of 250–300 ms (at
    1×). A report is fresh at the moment the value changes and stale afterwards, so
    the clock anchors on each *new* value at the moment it arrived and extrapolates
    ``anchor + (now - anchor_time) × rate``.

    A report behind the extrapolation does not pull the clock back: the difference is
    paid off by running slower for ``slew_ms`` (holding still if it must), so the UI
    never sees time go backwards. A report more than ``snap_ms`` away (either way) is
    believed at once, as are reports ahead of the extrapolation (a small jump forward
    is invisible, and being early beats being late). Only :meth:`seek` and snaps move
    the clock backwards.

    Every method takes an optional ``at`` (seconds, on the time source's scale) so a
    caller can pass the moment an event happened rather than the moment it was handled.
    """

    def __init__(
        self,
        now: TimeSource = time.monotonic,
        *,
        slew_ms: float = 100.0,
        snap_ms: float = 500.0,
        max_extrapolation_ms: float = 1500.0,
    ) -> None:
        self._now = now
        self._slew_ms = slew_ms
        self._snap_ms = snap_ms
        # Without fresh reports (a stalled decoder) the clock stops after this many
        # media ms instead of running off and snapping back later. Some sources step
        # coarsely (Ogg: once a page, ~1 s), so the cap grows with the largest step seen.
        self._max_extrapolation_ms = max_extrapolation_ms
        self._largest_step_ms = 0.0
        self._rate = 1.0
        self._running = False
        self._anchor_pos = 0.0  # media ms at _anchor_time
        self._anchor_time = now()  # seconds
        self._limit_base = 0.0  # media ms the extrapolation cap counts from
        # Slew: at _corr_time the display was _corr_ms ahead of the anchor line; the
        # lead shrinks at _corr_speed media ms per wall ms.
        self._corr_ms = 0.0
        self._corr_time = self._anchor_time
        self._corr_speed = 0.0
        self._last_report: int | None = None
        self._last_output = 0.0  # guards against float noise turning into a 1 ms step back
        # Reports stamped before this moment describe a timeline that seek/rate/resume
        # replaced (they were queued before the change), so they are ignored.
        self._epoch = self._anchor_time

    # -- queries -----------------------------------------------------------------

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def running(self) -> bool:
        return self._running

    def position_ms(self, at: float | None = None) -> int:
        """The smoothed position; cheap (a few float operations), meant for every frame."""
        t = self._now() if at is None else at
        value = self._display(t)
        if self._running and value < self._last_output:
            value = self._last_output
        self._last_output = value
        return round(value)

    # -- inputs ------------------------------------------------------------------

    def report(self, position_ms: int, at: float | None = None) -> None:
        """Tell the clock what the player reported; repeats of the last value are stale."""
        t = self._now() if at is None else at
        if position_ms == self._last_report or t < self._epoch:
            return
        if self._last_report is not None and self._running:
            step = abs(position_ms - self._last_report)
            if step < self._snap_ms * 8:  # a step, not a jump somewhere else
                self._largest_step_ms = max(self._largest_step_ms, float(step))
        self._last_report = position_ms
        if not self._running:
            # Paused media does not move; only a big disagreement (someone seeked the
            # player behind our back) is worth following.
            if abs(position_ms - self._anchor_pos) > self._snap_ms:
                self._jump(float(position_ms), t)
            return
        now = max(t, self._now()) if at is not None else t
        shown = self._display(now)
        fresh = position_ms + (now - t) * 1000.0 * self._rate
        lead = shown - fresh  # > 0: we are ahead of libvlc
        self._anchor_pos, self._anchor_time = float(position_ms), t
        self._limit_base = float(position_ms)
        if lead > self._snap_ms or lead <= 0.0:
            self._corr_ms = 0.0
            if lead > self._snap_ms:
                self._last_output = fresh
            return
        # Pay the lead off within slew_ms; never faster than the clock moves, which
        # would make it run backwards (that case degrades to holding still).
        self._corr_ms, self._corr_time = lead, now
        self._corr_speed = min(lead / self._slew_ms, self._rate)

    def seek(self, position_ms: int, at: float | None = None) -> None:
        """Jump to ``position_ms`` (running or not); earlier queued reports are void."""
        t = self._now() if at is None else at
        self._jump(float(position_ms), t)
        self._last_report = None
        self._epoch = t

    def set_rate(self, rate: float, at: float | None = None) -> None:
        if not (rate > 0.0 and math.isfinite(rate)):
            raise ValueError(f"rate must be a positive number, not {rate!r}")
        t = self._now() if at is None else at
        self._rebase(t)
        self._rate = rate
        self._epoch = t

    def pause(self, at: float | None = None) -> None:
        """Hold the position reached at ``at``; libvlc's last report is stale by then."""
        if not self._running:
            return
        t = self._now() if at is None else at
        self._rebase(t)
        self._running = False

    def resume(self, at: float | None = None) -> None:
        if self._running:
            return
        t = self._now() if at is None else at
        self._rebase(t)
        self._running = True
        self._epoch = t

    # -- internals ---------------------------------------------------------------

    def _display(self, t: float) -> float:
        if not self._running:
            return self._anchor_pos
        elapsed_ms = max(0.0, t - self._anchor_time) * 1000.0
        value = self._anchor_pos + elapsed_ms * self._rate
        cap = max(self._max_extrapolation_ms, 2.0 * self._largest_step_ms)
        value = min(value, self._limit_base + cap)
        if self._corr_ms > 0.0:
            paid = max(0.0, t - self._corr_time) * 1000.0 * self._corr_speed
            value += max(0.0, self._corr_ms - paid)
        return value

    def _rebase(self, t: float) -> None:
        """Fold the current display value into a fresh anchor (no slew left over)."""
        value = max(self._display(t), self._last_output) if self._running else self._anchor_pos
        self._anchor_pos, self._anchor_time = value, t
        self._limit_base = value
        self._corr_ms = 0.0

    def _jump(self, position_ms: float, t: float) -> None:
        self._anchor_pos, self._anchor_time = position_ms, t
        self._limit_base = position_ms
        self._corr_ms = 0.0
        self._last_output = position_ms
