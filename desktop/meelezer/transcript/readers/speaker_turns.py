"""Lines from speaker turns that each have a start time and a paragraph of text.

Shared by the readers of meeting-tool exports and of the Podcasting 2.0 HTML transcript:
a turn runs until the next one starts, and its paragraph is split into readable lines
whose times are spread over that span in proportion to their length.
"""

from __future__ import annotations

from dataclasses import dataclass

from meelezer.transcript.model import Segment
from meelezer.transcript.timing import estimate_times, split_into_lines

LONG_TURN_WORDS = 40


@dataclass(slots=True)
class Turn:
    start_ms: int | None  # None: the file gave no time; it follows the turn before
    speaker: str | None
    text: str


def turns_to_segments(turns: list[Turn], audio_duration_ms: int | None,
                      all_estimated: bool) -> list[Segment]:
    """Segments for ``turns``; the first line of each turn starts at the turn's time.

    With ``all_estimated`` every line is marked estimated (the file's times are coarse and
    are refined like untimed text); otherwise only the lines after a turn's first are.
    """
    segments: list[Segment] = []
    at = 0
    for index, turn in enumerate(turns):
        words = turn.text.split()
        if not words:
            continue
        # A short turn stays one line, as a cue would; a monologue becomes readable lines.
        lines = split_into_lines(turn.text) if len(words) > LONG_TURN_WORDS else [" ".join(words)]
        start = at if turn.start_ms is None else max(turn.start_ms, 0)
        end = _turn_end(turns, index, start, lines, audio_duration_ms)
        turn_segments = estimate_times(lines, end - start, start) if end > start else [
            Segment(start, start, line, times_estimated=True) for line in lines]
        for position, segment in enumerate(turn_segments):
            segment.speaker = turn.speaker
            segment.times_estimated = all_estimated or position > 0
        segments.extend(turn_segments)
        at = max(at, end)
    return segments


def _turn_end(turns: list[Turn], index: int, start: int, lines: list[str],
              audio_duration_ms: int | None) -> int:
    """The next timed turn's start; after the last, the audio's end or the time to say it."""
    for following in turns[index + 1:]:
        if following.start_ms is not None:
            if following.start_ms > start:
                return following.start_ms
            break
    if index == len(turns) - 1 and audio_duration_ms is not None and audio_duration_ms > start:
        return audio_duration_ms
    return estimate_times(lines, None, start)[-1].end_ms
