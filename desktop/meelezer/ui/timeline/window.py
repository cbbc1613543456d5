"""Which stretch of the episode a timeline strip shows, and where a time falls on it. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

MIN_SPAN_MS = 4_000  # narrower than this, one line fills the strip and zooming stops helping
ZOOM_STEP = 1.5
# While playing, the zoomed window turns a page when the playhead nears its right edge, and
# the new page puts the playhead this far in, so what comes next is in view.
PAGE_LEAD = 0.1
PAGE_EDGE = 0.92


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """[start_ms, end_ms) of the episode drawn across a strip ``width`` pixels wide."""

    start_ms: float
    end_ms: float

    @property
    def span_ms(self) -> float:
        return self.end_ms - self.start_ms

    def x_of(self, time_ms: float, width: int) -> float:
        if self.span_ms <= 0:
            return 0.0
        return (time_ms - self.start_ms) * width / self.span_ms

    def time_at(self, x: float, width: int) -> float:
        if width <= 0:
            return self.start_ms
        return self.start_ms + x * self.span_ms / width

    def contains(self, time_ms: float) -> bool:
        return self.start_ms <= time_ms < self.end_ms

    def clamped(self, duration_ms: float) -> TimeWindow:
        """Shifted (not shrunk) to lie within 0..duration; shrunk only if wider than it."""
        span = min(max(self.span_ms, MIN_SPAN_MS), max(duration_ms, MIN_SPAN_MS))
        start = max(0.0, min(self.start_ms, max(0.0, duration_ms - span)))
        return TimeWindow(start, start + span)

    def zoomed(self, factor: float, around_ms: float, duration_ms: float) -> TimeWindow:
        """``factor`` > 1 zooms in; the time ``around_ms`` stays where it is on the strip."""
        span = self.span_ms / factor
        span = min(max(span, MIN_SPAN_MS), max(duration_ms, MIN_SPAN_MS))
        share = (around_ms - self.start_ms) / self.span_ms if self.span_ms > 0 else 0.5
        start = around_ms - span * share
        return TimeWindow(start, start + span).clamped(duration_ms)

    def panned(self, delta_ms: float, duration_ms: float) -> TimeWindow:
        return TimeWindow(self.start_ms + delta_ms, self.end_ms + delta_ms).clamped(duration_ms)

    def following(self, playhead_ms: float, duration_ms: float) -> TimeWindow:
        """This window, or the next page when the playhead left it or neared its right edge."""
        span = self.span_ms
        if self.start_ms <= playhead_ms < self.start_ms + span * PAGE_EDGE:
            return self
        if playhead_ms >= duration_ms - span * (1 - PAGE_EDGE) and self.contains(playhead_ms):
            return self  # the last page: nothing further to turn to
        start = playhead_ms - span * PAGE_LEAD
        return TimeWindow(start, start + span).clamped(duration_ms)
