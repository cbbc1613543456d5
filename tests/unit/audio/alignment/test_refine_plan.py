"""How the refinement cuts the warped lines into chunks and audio windows: only found,
unanchored lines are refined; chunks stay short and end at pauses; context lines and slack
never reach into audio beyond the neighbouring line; and the windows' samples come back from the
file the first decode wrote."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from helpers.audio_files import read_wav, write_wav
from meelezer.audio.alignment.model import AlignedLine, LineToAlign
from meelezer.audio.alignment.refine import (
    LONG_GAP_MS,
    MAX_CHUNK_MS,
    SLACK_MS,
    plan_chunks,
)
from meelezer.audio.alignment.sample_file import SampleFile
from meelezer.audio.decode import AudioDecoder


def _lines(spans: list[tuple[int, int]], found: list[bool] | None = None,
           anchored: frozenset[int] = frozenset()) -> tuple[list[LineToAlign], list[AlignedLine]]:
    found = found or [True] * len(spans)
    lines = [LineToAlign(f"line {index}", start, end, anchored=index in anchored)
             for index, (start, end) in enumerate(spans)]
    results = [AlignedLine(start, end, (), 1.0, flag)
               for (start, end), flag in zip(spans, found, strict=True)]
    return lines, results


def _steady(count: int, length_ms: int = 3000, pause_ms: int = 400) -> list[tuple[int, int]]:
    return [(1000 + k * (length_ms + pause_ms), 1000 + k * (length_ms + pause_ms) + length_ms)
            for k in range(count)]


def test_a_long_run_is_cut_into_short_chunks_that_cover_every_line_once() -> None:
    spans = _steady(60)
    lines, results = _lines(spans)

    chunks = plan_chunks(lines, results, duration_ms=spans[-1][1] + 5000)

    assert [index for chunk in chunks for index in range(chunk.first, chunk.end)] == list(
        range(60))
    for chunk in chunks:
        assert spans[chunk.end - 1][1] - spans[chunk.first][0] <= MAX_CHUNK_MS
        # The line on either side is aligned with it as context, inside the window.
        assert chunk.aligned == (max(0, chunk.first - 1), min(60, chunk.end + 1))
        assert chunk.start_ms <= spans[chunk.aligned[0]][0]
        assert chunk.end_ms >= spans[chunk.aligned[1] - 1][1]


def test_anchored_and_lost_lines_are_left_out_and_windows_stop_at_them() -> None:
    spans = _steady(8)
    lines, results = _lines(spans, found=[True, True, True, False, True, True, True, True],
                            anchored=frozenset({6}))

    chunks = plan_chunks(lines, results, duration_ms=60_000)

    refined = {index for chunk in chunks for index in range(chunk.first, chunk.end)}
    assert refined == {0, 1, 2, 4, 5, 7}
    after_lost = next(chunk for chunk in chunks if chunk.first == 4)
    # No context across the lost line, and the window starts after the last found line.
    assert after_lost.aligned[0] == 4 and after_lost.start_ms >= spans[2][1]
    # The anchored line is context (its audio is there), never refined.
    assert after_lost.aligned[1] == 7 and after_lost.end == 6


def test_a_long_gap_ends_a_chunk_without_context_across_it() -> None:
    spans = [(1000, 4000), (4300, 7000), (7000 + LONG_GAP_MS + 5000, 20_000), (20_200, 23_000)]
    lines, results = _lines(spans)

    chunks = plan_chunks(lines, results, duration_ms=30_000)

    assert [(chunk.first, chunk.end, chunk.aligned) for chunk in chunks] == [
        (0, 2, (0, 2)), (2, 4, (2, 4))]
    assert chunks[0].end_ms == spans[1][1] + SLACK_MS
    assert chunks[1].start_ms == spans[2][0] - SLACK_MS
    assert chunks[0].start_ms == 1000 - SLACK_MS and chunks[1].end_ms == 23_000 + SLACK_MS


def test_the_sample_file_gives_back_any_stretch_of_the_decoded_audio(tmp_path: Path) -> None:
    samples = np.random.default_rng(3).uniform(-0.5, 0.5, 16_000 * 12).astype(np.float32)
    audio = write_wav(tmp_path / "noise.wav", samples)
    spans = [(0, 1500), (1000, 4000), (11_000, 13_000), (3900, 9000)]  # one runs past the end

    with SampleFile() as kept, AudioDecoder(audio) as decoder:
        for block in decoder.blocks():
            kept.append(block)
        pieces = [kept.samples(start, end) for start, end in spans]
        assert kept.duration_ms == 12_000

    stored = read_wav(audio)
    for (start_ms, end_ms), piece in zip(spans, pieces, strict=True):
        expected = stored[start_ms * 16:min(end_ms * 16, len(stored))]
        assert piece.dtype == np.int16 and len(piece) == len(expected)
        assert np.abs(piece / 32767 - expected).max() < 1e-3
