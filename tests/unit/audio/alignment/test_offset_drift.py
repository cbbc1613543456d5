"""Offset and drift between the old times and the found ones (another cut of the audio)."""

from __future__ import annotations

from meelezer.audio.alignment.model import AlignedLine, LineToAlign
from meelezer.audio.alignment.timing import offset_and_drift


def _line(start_ms: int, found: bool = True) -> AlignedLine:
    return AlignedLine(start_ms, start_ms + 1000, (), 1.0, found)


def test_an_intro_and_a_slower_cut_give_offset_and_drift() -> None:
    old = [LineToAlign("x", start, start + 1000) for start in range(0, 600_000, 7_000)]
    # The new cut has a 45 s intro and plays 0.5 % slower; one line was matched badly and
    # two were not found (their input times are kept): none of them may pull the fit.
    new = [_line(45_000 + round(line.start_ms * 1.005)) for line in old]
    new[10] = _line(new[10].start_ms + 30_000)
    new[20] = _line(old[20].start_ms, found=False)
    new[21] = _line(old[21].start_ms, found=False)

    offset_ms, drift = offset_and_drift(old, new)

    assert abs(offset_ms - 45_000) <= 20
    assert abs(drift - 0.005) <= 0.0002


def test_anchored_lines_do_not_count() -> None:
    old = [LineToAlign("x", 1000, 2000, anchored=True), LineToAlign("y", 5000, 6000)]
    assert offset_and_drift(old, [_line(1000), _line(7000)]) == (2000, 0.0)
