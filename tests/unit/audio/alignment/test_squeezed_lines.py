"""A line the warping squeezed to almost nothing is not in the audio, unless it is so short
("Dus.", a name) that its squeezed place says nothing either way."""

from __future__ import annotations

from meelezer.audio.alignment import LineToAlign
from meelezer.audio.alignment.timing import LineMatch, aligned_line


def _squeezed(spoken_frames: int, real_frames: int) -> LineMatch:
    """A one-word line espeak-ng says in ``spoken_frames`` (20 ms), matched to
    ``real_frames`` of real audio from frame 100."""
    return LineMatch(100, 100 + real_frames, ((100, 100 + real_frames),), 3.0,
                     real_frames / spoken_frames)


def test_a_long_line_squeezed_to_a_fifth_is_not_found() -> None:
    line = LineToAlign("Onwaarschijnlijk", 5000, 7000)

    result = aligned_line(line, _squeezed(spoken_frames=60, real_frames=10), 0.1)

    assert not result.found and (result.start_ms, result.end_ms) == (5000, 7000)


def test_a_word_under_0_8_s_squeezed_the_same_keeps_its_place() -> None:
    line = LineToAlign("Dus.", 5000, 5300)

    result = aligned_line(line, _squeezed(spoken_frames=20, real_frames=3), 0.1)

    assert result.found and result.start_ms == 2000
