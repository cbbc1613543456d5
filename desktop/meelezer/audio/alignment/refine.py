"""Sharper times for the lines the warping found: pocketsphinx forced alignment, chunk by chunk.

The espeak-ng/MFCC warping (``aligner``) gets the structure right — which text is where, what
is not spoken, what audio the text lacks — but its times are only as good as one synthetic
voice matches the real one. Pocketsphinx's speaker-independent acoustic model (``phonetic``)
places words far more exactly, but only where the audio holds just the text it is given. So
runs of found lines become chunks of about 20 s, each aligned in a window of audio taken from
the warped times with some slack, plus the line on either side as context (its audio at the
window's edge is explained by its own words; its times come from its own chunk). Where
pocketsphinx finds no path, or puts a line somewhere implausible, the warped times stay.
Anchored lines and lines not found are never changed, nor Dutch (see ``REFINED_LANGUAGES``).

The samples come from the file the first decode wrote (``sample_file``), window by window,
so memory stays flat however long the episode is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from meelezer.audio.alignment.model import AlignedLine, AlignedWord, LineToAlign
from meelezer.audio.alignment.phonetic import PHONETIC_RATE, ChunkResult, PhoneticAligner
from meelezer.audio.alignment.phonetic_pool import aligned, worker_count
from meelezer.audio.alignment.sample_file import SampleFile
from meelezer.audio.decode import SAMPLE_RATE

assert SAMPLE_RATE == PHONETIC_RATE  # the decoded samples go to pocketsphinx as they are

# Dutch keeps the warped times: against espeak-ng's reference the warping places Dutch words
# better (word start p95 37 ms) than pocketsphinx's English phones standing in for Dutch
# sounds (78 ms), on every Dutch truth recording there is (all espeak-ng voices; see
# tests/benchmarks/bench_alignment.py). English, spoken by other engines, gains (p95 ~300 -> ~60).
REFINED_LANGUAGES = frozenset({"en"})
CHUNK_MS = 20_000  # a chunk closes at the first pause after this much audio...
MAX_CHUNK_MS = 40_000  # ...or at its largest pause once it is this long
SLACK_MS = 800  # audio taken before and after a chunk's warped times
# Lines further apart than this have audio between them the text may lack: no context
# across it, and the chunk ends there.
LONG_GAP_MS = 2_500
# A refined line further than this from its warped place is not believed.
MAX_MOVE_MS = 2_000
# A word this much longer than a slow speaker needs is pocketsphinx stretching it over
# audio the text lacks (music, another voice).
_SLOW_MS_PER_CHAR = 180
_WORD_MARGIN_MS = 1_200
# A word begun in at least this much quiet starts where the quiet ends; quiet is below this
# share of the way from a window's floor to its speech level.
_PAUSE_FRAMES = 15
_QUIET_SHARE = 0.2
_MIN_WORD_MS = 30
_FRAME_MS = 10
_FRAME = PHONETIC_RATE * _FRAME_MS // 1000
# A line scoring this far below the episode's median (phonetic's per-frame score: right text
# scores within ~1e-3 of the best any-phones explanation, wrong text 4-9e-3 below it, as
# verify measured) does not sound like its text: its warped times stay.
SCORE_DROP = 3e-3


@dataclass(frozen=True)
class Chunk:
    """Lines [first, end) whose times this chunk gives, and the lines it aligns (with
    context) in the audio window [start_ms, end_ms)."""

    first: int
    end: int
    aligned: tuple[int, int]
    start_ms: int
    end_ms: int


def refinable(line: LineToAlign, result: AlignedLine) -> bool:
    return result.found and not line.anchored and bool(line.text.split())


def plan_chunks(lines: Sequence[LineToAlign], results: Sequence[AlignedLine],
                duration_ms: int) -> list[Chunk]:
    """Runs of refinable lines cut into chunks, with their context and audio windows."""
    chunks: list[Chunk] = []
    index = 0
    while index < len(lines):
        if not refinable(lines[index], results[index]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and refinable(lines[end], results[end]) \
                and _gap(results, end) < LONG_GAP_MS:
            end += 1
        for first, stop in _split(results, index, end):
            chunks.append(_with_context(lines, results, first, stop, duration_ms))
        index = end
    return chunks


def _gap(results: Sequence[AlignedLine], index: int) -> int:
    """The pause between line ``index - 1`` and line ``index`` (warped times)."""
    return results[index].start_ms - results[index - 1].end_ms


def _split(results: Sequence[AlignedLine], first: int, end: int) -> Iterator[tuple[int, int]]:
    """[first, end) cut at a pause once a piece is ``CHUNK_MS`` long, at its largest pause
    once it is ``MAX_CHUNK_MS`` long."""
    start = first
    for index in range(first + 1, end + 1):
        length = results[index - 1].end_ms - results[start].start_ms
        if index == end:
            yield start, end
        elif length >= MAX_CHUNK_MS and index - start > 1:
            cut = max(range(start + 1, index), key=lambda at: _gap(results, at))
            yield start, cut
            start = cut
        elif length >= CHUNK_MS and _gap(results, index) > 0:
            yield start, index
            start = index


def _with_context(lines: Sequence[LineToAlign], results: Sequence[AlignedLine], first: int,
                  end: int, duration_ms: int) -> Chunk:
    """The chunk with the found line on either side as context when it is close, and the
    window: the aligned lines' warped times plus slack, never into the line beyond."""
    begin, stop = first, end
    if first > 0 and results[first - 1].found and _gap(results, first) < LONG_GAP_MS:
        begin = first - 1
    if end < len(lines) and results[end].found and _gap(results, end) < LONG_GAP_MS:
        stop = end + 1
    start_ms = results[begin].start_ms - SLACK_MS
    before = [result.end_ms for result in results[:begin] if result.found]
    if before:
        start_ms = max(start_ms, min(before[-1], results[begin].start_ms))
    end_ms = results[stop - 1].end_ms + SLACK_MS
    after = [result.start_ms for result in results[stop:] if result.found]
    if after:
        end_ms = min(end_ms, max(after[0], results[stop - 1].end_ms))
    return Chunk(first, end, (begin, stop), max(0, start_ms), min(duration_ms, end_ms))


@dataclass(frozen=True)
class _Refined:
    line: int
    words: tuple[AlignedWord, ...]
    score: float


def refine(samples: SampleFile, lines: Sequence[LineToAlign], results: Sequence[AlignedLine],
           language: str, check: Callable[[], None], progress: Callable[[float], None],
           workers: int | None = None, here: PhoneticAligner | None = None) -> list[AlignedLine]:
    """``results`` with the found, unanchored lines' times from forced alignment where it is
    plausible (see the module's text). ``workers``: processes to align in (None: as many as
    are worth it for this much audio, 0: this one); ``here``: the aligner to use in this
    process (the one verification loaded), else one is made."""
    chunks = plan_chunks(lines, results, samples.duration_ms)
    if language not in REFINED_LANGUAGES or not chunks:
        return list(results)
    total = sum(chunk.end_ms - chunk.start_ms for chunk in chunks) or 1
    if workers is None:
        workers = worker_count(total / 1000)
    jobs = ((samples.samples(chunk.start_ms, chunk.end_ms),
             [line.text for line in lines[chunk.aligned[0]:chunk.aligned[1]]])
            for chunk in chunks)
    done = 0
    refined: list[_Refined] = []
    with closing(aligned(jobs, language, workers, check, here)) as results_of_chunks:
        for chunk, found in zip(chunks, results_of_chunks, strict=True):
            if found is not None:
                quiet = quiet_frames(samples.samples(chunk.start_ms, chunk.end_ms))
                refined += _lines_of(chunk, found, lines, quiet)
            done += chunk.end_ms - chunk.start_ms
            progress(done / total)
    return _applied(results, refined)


def quiet_frames(samples: npt.NDArray[np.int16]) -> npt.NDArray[np.bool_]:
    """Per 10 ms frame of ``samples``: well below the window's speech, nearer its floor (a
    pause, or only the noise or music under the speech)."""
    count = len(samples) // _FRAME
    if count == 0:
        return np.zeros(0, dtype=np.bool_)
    frames = samples[:count * _FRAME].astype(np.float32).reshape(count, _FRAME)
    level = 10 * np.log10((frames * frames).mean(axis=1) + 1.0)
    floor, loud = np.percentile(level, [10, 90])
    return np.asarray(level < floor + _QUIET_SHARE * (loud - floor))


def _onset(start_ms: int, end_ms: int, quiet: npt.NDArray[np.bool_]) -> int:
    """A word's start moved to where its sound begins when pocketsphinx began it before a
    pause (it draws a first sound over the quiet before it, or over the end of the word
    before): the end of the last long quiet stretch in the word's first part."""
    first, last = start_ms // _FRAME_MS, (end_ms - _MIN_WORD_MS) // _FRAME_MS
    span = quiet[first:max(first, min(last, len(quiet)))]
    edges = np.flatnonzero(np.diff(np.concatenate(([0], span.view(np.int8), [0]))))
    best = start_ms
    for begin, stop in zip(edges[0::2], edges[1::2], strict=True):
        if stop - begin >= _PAUSE_FRAMES and stop < len(span):
            best = (first + int(stop)) * _FRAME_MS
    return best


def _lines_of(chunk: Chunk, found: ChunkResult, lines: Sequence[LineToAlign],
              quiet: npt.NDArray[np.bool_]) -> list[_Refined]:
    """The chunk's own lines (not its context) in absolute times."""
    picked: list[_Refined] = []
    for index in range(chunk.first, chunk.end):
        offset = index - chunk.aligned[0]
        timings = found.words[offset]
        if all(timing is None for timing in timings):
            continue
        words: list[AlignedWord] = []
        previous_end: int | None = None
        for token, timing in zip(lines[index].text.split(), timings, strict=True):
            if timing is None:
                at = previous_end if previous_end is not None else chunk.start_ms + next(
                    item.start_ms for item in timings if item is not None)
                words.append(AlignedWord(token, at, at))
                continue
            start = _onset(timing.start_ms, timing.end_ms, quiet)
            words.append(AlignedWord(token, chunk.start_ms + start,
                                     chunk.start_ms + timing.end_ms))
            previous_end = words[-1].end_ms
        picked.append(_Refined(index, tuple(words), found.line_scores[offset]))
    return picked


def _applied(results: Sequence[AlignedLine], refined: Sequence[_Refined]) -> list[AlignedLine]:
    """The refined lines that are plausible put in place of their warped times."""
    scores = np.array([item.score for item in refined], dtype=np.float64)
    scores = scores[np.isfinite(scores)]
    typical = float(np.median(scores)) if len(scores) else float("nan")
    updated = list(results)
    for item in refined:
        if not _plausible(item, results[item.line], typical):
            continue
        sounding = [word for word in item.words if word.end_ms > word.start_ms]
        start_ms = sounding[0].start_ms if sounding else item.words[0].start_ms
        end_ms = sounding[-1].end_ms if sounding else item.words[-1].end_ms
        updated[item.line] = replace(results[item.line], start_ms=start_ms, end_ms=end_ms,
                                     words=item.words)
    return updated


def _plausible(item: _Refined, warped: AlignedLine, typical: float) -> bool:
    if abs(item.words[0].start_ms - warped.start_ms) > MAX_MOVE_MS:
        return False
    if np.isfinite(typical) and np.isfinite(item.score) and item.score < typical - SCORE_DROP:
        return False
    return all(word.end_ms - word.start_ms
               <= _WORD_MARGIN_MS + _SLOW_MS_PER_CHAR * len(word.text) for word in item.words)
