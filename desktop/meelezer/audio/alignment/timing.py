"""From warping paths to times: each line's and word's start and end in the audio, how well
the line matched, which audio no line covers, and the offset and drift against the old times."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from meelezer.audio.alignment.dtw import IntArray
from meelezer.audio.alignment.features import HOP_MS, silent
from meelezer.audio.alignment.model import AlignedLine, AlignedWord, LineToAlign
from meelezer.audio.alignment.recording import Recording
from meelezer.audio.alignment.reference import Reference

# A line matching at least this well somewhere near its place, relative to a typical line
# (1) and to unrelated speech (0), counts as found (see ``second_look``).
FOUND_CONFIDENCE = 0.35
# A line squeezed to less than this share of its spoken length is not in the audio.
MIN_STRETCH = 0.25
SHORT_LINE_MS = 800
UNMATCHED_MIN_MS = 3000
_LONG_FIRST_WORD_FRAMES = 300 // HOP_MS
_PLAUSIBLE_STRETCH = (0.7, 1.5)
_TYPICAL_PERCENTILE = 40
_UNMATCHED_BRIDGE_MS = 1000
_RANDOM_PAIRS = 20_000


@dataclass(frozen=True)
class Mapping:
    """The joined path of all segments: for each synthetic frame, the first and last real
    frame it was matched to (-1: not aligned), and the match cost of each path cell."""

    first_row: IntArray
    last_row: IntArray
    path: IntArray
    costs: npt.NDArray[np.float64]


def mapping(paths: Sequence[IntArray], recording: Recording, reference: Reference) -> Mapping:
    columns = len(reference.features)
    first = np.full(columns, -1, dtype=np.int64)
    last = np.full(columns, -1, dtype=np.int64)
    path = np.concatenate(paths) if paths else np.zeros((0, 2), np.int64)
    if len(path):
        rows, cols = path[:, 0], path[:, 1]
        # Paths are monotone, so the first/last row per column are at the edges of its run.
        change = np.flatnonzero(np.diff(cols)) + 1
        run_starts = np.concatenate(([0], change))
        run_ends = np.concatenate((change, [len(cols)])) - 1
        first[cols[run_starts]] = rows[run_starts]
        last[cols[run_ends]] = rows[run_ends]
    costs = np.empty(len(path))
    for start in range(0, len(path), 100_000):
        chunk = path[start:start + 100_000]
        difference = recording.features[chunk[:, 0]] - reference.features[chunk[:, 1]]
        costs[start:start + 100_000] = np.sqrt((difference * difference).sum(axis=1))
    return Mapping(first, last, path, costs)


def unrelated_cost(recording: Recording, reference: Reference) -> float:
    """The mean cost of matching speech to unrelated speech: what a wrong match costs."""
    generator = np.random.default_rng(0)
    real = np.flatnonzero(~silent(recording.features))
    synthetic = np.flatnonzero(~reference.silent)
    if len(real) == 0 or len(synthetic) == 0:
        return 1.0
    pick_real = recording.features[generator.choice(real, _RANDOM_PAIRS)]
    pick_synthetic = reference.features[generator.choice(synthetic, _RANDOM_PAIRS)]
    return float(np.sqrt(((pick_real - pick_synthetic) ** 2).sum(axis=1)).mean())


@dataclass(frozen=True)
class LineMatch:
    start_frame: int  # real frames; -1 if not aligned
    end_frame: int
    word_frames: tuple[tuple[int, int], ...]  # per token, real (start, end) frames
    cost: float  # mean cost over its spoken frames (nan: none)
    stretch: float  # real length / synthetic length


def match_lines(reference: Reference, mapped: Mapping,
                recording: Recording) -> list[LineMatch]:
    """Real-audio frames of each line and its words through the mapping."""
    quiet = silent(recording.features)

    def onset(column: int) -> int:
        """Where the sound of a synthetic onset frame starts in the real audio: the path
        may hold that frame over a pause (the onset is at its end) or over a drawn-out
        sound (at its beginning), so the first sounding frame of the stretch."""
        first_row, last_row = int(mapped.first_row[column]), int(mapped.last_row[column])
        sounding = np.flatnonzero(~quiet[first_row:last_row + 1])
        return first_row + int(sounding[0]) if len(sounding) else last_row

    cells_per_column = np.bincount(mapped.path[:, 1], weights=mapped.costs,
                                   minlength=len(reference.features))
    cells_count = np.bincount(mapped.path[:, 1], minlength=len(reference.features))
    matches: list[LineMatch] = []
    for (first, end), words in zip(reference.line_frames, reference.word_frames, strict=True):
        spoken = np.flatnonzero(~reference.silent[first:end]) + first
        if len(spoken) == 0 or mapped.first_row[first] < 0:
            matches.append(LineMatch(-1, -1, (), float("nan"), 0.0))
            continue
        start_column, end_column = int(spoken[0]), int(spoken[-1]) + 1
        starts = [start if start >= 0 else -1 for start in words]
        word_frames: list[tuple[int, int]] = []
        for index, start in enumerate(starts):
            if start < 0:
                word_frames.append((-1, -1))
                continue
            start = max(start, start_column) if index == 0 else start
            following = [later for later in starts[index + 1:] if later >= 0]
            stop = min(following[0], end_column) if following else end_column
            voiced = np.flatnonzero(~reference.silent[start:stop])
            stop = start + int(voiced[-1]) + 1 if len(voiced) else max(start + 1, stop)
            word_frames.append((onset(start),
                                int(mapped.last_row[stop - 1]) + 1))
        line_start = onset(start_column)
        spoken_words = [index for index, frames in enumerate(word_frames) if frames[0] >= 0]
        if len(spoken_words) > 1:
            # The path may hold a line's first sound over the pause before it; a first word
            # far longer than spoken starts where its spoken length before the next says.
            first, second = spoken_words[0], spoken_words[1]
            spoken_length = starts[second] - max(starts[first], start_column)
            real_length = word_frames[second][0] - word_frames[first][0]
            if real_length > 2 * spoken_length + _LONG_FIRST_WORD_FRAMES:
                begin = word_frames[second][0] - round(1.2 * spoken_length)
                word_frames[first] = (begin, word_frames[first][1])
                line_start = max(line_start, begin)
        line_end = int(mapped.last_row[end_column - 1]) + 1
        total = float(cells_per_column[spoken].sum())
        count = int(cells_count[spoken].sum())
        matches.append(LineMatch(
            line_start, line_end, tuple(word_frames), total / max(count, 1),
            (line_end - line_start) / max(end_column - start_column, 1)))
    return matches


def typical_cost(matches: Sequence[LineMatch]) -> float:
    """What a line that is there costs here: a low median of the line costs, over lines
    spoken at a plausible speed (a line the audio does not have, and the neighbour whose
    audio it took, are squeezed or stretched, and cost more)."""
    costs = np.array([match.cost for match in matches
                      if _PLAUSIBLE_STRETCH[0] <= match.stretch <= _PLAUSIBLE_STRETCH[1]],
                     dtype=np.float64)
    known = costs[np.isfinite(costs)]
    if len(known) == 0:
        known = np.array([match.cost for match in matches], dtype=np.float64)
        known = known[np.isfinite(known)]
    return float(np.percentile(known, _TYPICAL_PERCENTILE)) if len(known) else float("nan")


def confidence_of(cost: float, typical: float, unrelated: float) -> float:
    """0..1: 1 at or below a typical line's cost, 0 at an unrelated match's."""
    if not (np.isfinite(cost) and np.isfinite(typical)):
        return 0.0
    return float(np.clip((unrelated - cost) / max(unrelated - typical, 1e-6), 0.0, 1.0))


def aligned_line(line: LineToAlign, match: LineMatch, confidence: float) -> AlignedLine:
    """The line at its found times, or at its input times when it was not found."""
    tokens = line.text.split()
    spoken_ms = (match.end_frame - match.start_frame) * HOP_MS / match.stretch \
        if match.stretch > 0 else float("inf")
    # A line shorter than this ("Dus.", a name) squeezed says nothing: too little to tell.
    found = match.start_frame >= 0 and (match.stretch >= MIN_STRETCH
                                        or spoken_ms < SHORT_LINE_MS)
    if line.anchored and match.start_frame >= 0:
        found = True
    if not found:
        return AlignedLine(line.start_ms, line.end_ms, spread_words(tokens, line.start_ms,
                                                                    line.end_ms),
                           confidence, False)
    start_ms = line.start_ms if line.anchored else match.start_frame * HOP_MS
    end_ms = max(start_ms + HOP_MS, match.end_frame * HOP_MS)
    words: list[AlignedWord] = []
    previous_end = start_ms
    for token, (word_start, word_end) in zip(tokens, match.word_frames, strict=True):
        if word_start < 0:
            words.append(AlignedWord(token, previous_end, previous_end))
            continue
        begin = min(max(word_start * HOP_MS, previous_end), end_ms)
        finish = min(max(word_end * HOP_MS, begin), end_ms)
        words.append(AlignedWord(token, begin, finish))
        previous_end = finish
    return AlignedLine(start_ms, end_ms, tuple(words), confidence, True)


def spread_words(tokens: Sequence[str], start_ms: int, end_ms: int) -> tuple[AlignedWord, ...]:
    """Words spread over a line in proportion to their length (for lines not found)."""
    weights = np.array([len(token) + 1 for token in tokens], dtype=np.float64)
    if len(weights) == 0:
        return ()
    edges = start_ms + np.concatenate(([0.0], np.cumsum(weights))) / weights.sum() * max(
        end_ms - start_ms, 0)
    return tuple(AlignedWord(token, int(edges[index]), int(edges[index + 1]))
                 for index, token in enumerate(tokens))


def unmatched_audio(recording: Recording, reference: Reference, mapped: Mapping,
                    lost_lines: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """Stretches with sound that no found line covers (an intro, ads, music), >= 3 s."""
    frames = len(recording.levels)
    covered = np.zeros(frames, dtype=np.bool_)
    lost = np.zeros(len(reference.features), dtype=np.bool_)
    for index in lost_lines:
        first, end = reference.line_frames[index]
        lost[first:end] = True
    rows, cols = mapped.path[:, 0], mapped.path[:, 1]
    # A real frame is covered when some spoken synthetic frame of a found line matches it,
    # and the path is not parked on one synthetic frame (a pause) across it.
    useful = ~reference.silent[cols] & ~lost[cols]
    covered[rows[useful]] = True
    bridge = _UNMATCHED_BRIDGE_MS // HOP_MS
    covered = _close_gaps(covered, bridge)
    sounding = ~silent(recording.features)
    uncovered = ~covered & _close_gaps(sounding, bridge)
    changes = np.flatnonzero(np.diff(np.concatenate(([0], uncovered.view(np.int8), [0]))))
    return tuple((int(start) * HOP_MS, int(end) * HOP_MS)
                 for start, end in zip(changes[0::2], changes[1::2], strict=True)
                 if (end - start) * HOP_MS >= UNMATCHED_MIN_MS)


def _close_gaps(flags: npt.NDArray[np.bool_], gap: int) -> npt.NDArray[np.bool_]:
    """``flags`` with False runs shorter than ``gap`` between True frames set True."""
    result = flags.copy()
    changes = np.flatnonzero(np.diff(np.concatenate(([1], flags.view(np.int8), [1]))))
    for start, end in zip(changes[0::2], changes[1::2], strict=True):
        if start > 0 and end < len(flags) and end - start < gap:
            result[start:end] = True
    return result


def offset_and_drift(lines: Sequence[LineToAlign],
                     aligned: Sequence[AlignedLine]) -> tuple[int, float]:
    """new ≈ offset + (1 + drift) · old over the found lines, fitted twice (outliers out)."""
    old = np.array([line.start_ms for line, result in zip(lines, aligned, strict=True)
                    if result.found and not line.anchored], dtype=np.float64)
    new = np.array([result.start_ms for line, result in zip(lines, aligned, strict=True)
                    if result.found and not line.anchored], dtype=np.float64)
    if len(old) == 0:
        return 0, 0.0
    if len(old) < 3 or np.ptp(old) < 1000:
        return int(np.median(new - old)), 0.0
    slope, intercept = np.polyfit(old, new, 1)
    residual = np.abs(new - (intercept + slope * old))
    keep = residual <= max(2000.0, float(np.percentile(residual, 80)))
    if keep.sum() >= 3 and np.ptp(old[keep]) >= 1000:
        slope, intercept = np.polyfit(old[keep], new[keep], 1)
    return round(intercept), float(slope - 1.0)
