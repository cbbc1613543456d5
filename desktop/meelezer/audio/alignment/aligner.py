"""``align``: the transcript's lines and words placed in the audio.

The text is spoken by espeak-ng (the reference, whose word times are known), both it and
the real audio become MFCC frames, and dynamic time warping finds the path between them,
coarse to fine (see ``dtw``). Lines whose start the user set by hand split the work into
segments that each begin at such an anchor. Skipping text or audio costs a fixed price per frame
(see ``dtw.Steps``), so audio the text does not have (an intro, an ad) is waited over in a
pause and text the audio does not have is passed over; lines that match badly, or that the
path squeezes to almost nothing, are reported as not found and keep their times. Doubtful
lines are then checked with an acoustic model (``verification``), which corrects what the
MFCC match got wrong: lines matched into an intro, smeared over a removed part, or called
not found although spoken.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from meelezer.audio.alignment.dtw import IntArray, Steps, multiscale_path
from meelezer.audio.alignment.features import HOP_MS
from meelezer.audio.alignment.language import detect_language
from meelezer.audio.alignment.model import Alignment, AlignmentError, LineToAlign
from meelezer.audio.alignment.phonetic import PhoneticAligner
from meelezer.audio.alignment.recording import Recording, read_recording
from meelezer.audio.alignment.reference import Reference, speak_lines
from meelezer.audio.alignment.refine import refine
from meelezer.audio.alignment.sample_file import SampleFile
from meelezer.audio.alignment.second_look import realigned, second_look
from meelezer.audio.alignment.synthesis import DEFAULT_RATE, Speaker
from meelezer.audio.alignment.timing import (
    aligned_line,
    confidence_of,
    mapping,
    match_lines,
    offset_and_drift,
    typical_cost,
    unmatched_audio,
    unrelated_cost,
)
from meelezer.audio.alignment.verification import fixed_points, verify
from meelezer.audio.analysis import SpeechRegion
from meelezer.texts import translate
from meelezer.work import WorkContext

_READ_SHARE = 0.4
_SPEAK_SHARE = 0.15
_WARP_END = 0.7  # then the forced alignment (``refine``) up to 0.99
# Squeezing text costs as much as an unrelated match, so a path never buys an open
# beginning and end by folding the text onto a few frames; waiting (a longer pause) is cheap.
_STEPS = Steps(up=1.0, up_silent=0.0, left=3.0, left_silent=0.0, skip=0.95)


@dataclass(frozen=True)
class _Segment:
    rows: tuple[int, int]  # real frames [start, end)
    columns: tuple[int, int]  # synthetic frames [start, end)


def align(audio_path: Path, lines: Sequence[LineToAlign], *, language: str | None = None,
          speech: Sequence[SpeechRegion] | None = None,
          context: WorkContext | None = None) -> Alignment:
    """Times found in the audio for every line and word of ``lines`` (see ``Alignment``).

    Raises ``AudioError`` (unreadable audio), ``AlignmentError`` (nothing to align,
    espeak-ng missing) or ``Cancelled``."""
    context = context or WorkContext()
    if not any(line.text.strip() for line in lines):
        raise AlignmentError(translate(
            "Alignment", "The transcript has no text to sync to the audio."))
    language = language or detect_language(line.text for line in lines)
    Speaker.load()  # before decoding: a missing espeak-ng is said at once
    with SampleFile() as samples:  # for ``verify`` and ``refine``
        return _aligned(audio_path, lines, language, speech, context, samples)


def _aligned(audio_path: Path, lines: Sequence[LineToAlign], language: str,
             speech: Sequence[SpeechRegion] | None, context: WorkContext,
             samples: SampleFile) -> Alignment:
    """``align``'s work, with the decoded samples kept in ``samples``."""
    # espeak-ng works outside the GIL: the text is spoken on a second core meanwhile.
    with ThreadPoolExecutor(1, thread_name_prefix="meelezer-espeak") as speaking:
        spoken = speaking.submit(speak_lines, [line.text for line in lines], language,
                                 DEFAULT_RATE, context.check)
        try:
            recording = read_recording(audio_path, speech, context, _READ_SHARE, samples.append)
        except BaseException:
            spoken.cancel()
            raise
        reference = spoken.result()
    context.progress(_READ_SHARE + _SPEAK_SHARE)
    mapped = mapping(_warp(lines, recording, reference, context), recording, reference)
    matches = match_lines(reference, mapped, recording)
    unrelated = unrelated_cost(recording, reference)
    typical = typical_cost(matches)
    scores = [confidence_of(match.cost, typical, unrelated) for match in matches]
    anchored = [line.anchored for line in lines]
    verdict = second_look(recording, reference, matches, scores, anchored, typical, unrelated,
                          context.check)
    phonetic = PhoneticAligner(language)  # for both verify and refine: loading takes ~0.2 s
    checked = verify(samples, lines, recording, reference, matches, scores, verdict,
                     unmatched_audio(recording, reference, mapped, []), phonetic, context.check)
    verdict = checked.verdict
    if verdict.unspoken or verdict.moved:
        mapped = mapping([realigned(mapped, recording, reference, verdict,
                                    fixed_points(matches, scores, checked), _STEPS,
                                    context.check)],
                         recording, reference)
        matches = match_lines(reference, mapped, recording)
        scores = [verdict.unspoken.get(index, confidence_of(match.cost, typical, unrelated))
                  for index, match in enumerate(matches)]
    results = [aligned_line(line, match, score)
               for line, match, score in zip(lines, matches, scores, strict=True)]
    results = refine(samples, lines, results, language, context.check,
                     lambda done: context.progress(_WARP_END + (0.99 - _WARP_END) * done),
                     here=phonetic)
    lost = [index for index, result in enumerate(results) if not result.found]
    offset_ms, drift = offset_and_drift(lines, results)
    context.progress(1.0)
    return Alignment(tuple(results), language,
                     unmatched_audio(recording, reference, mapped, lost), offset_ms, drift,
                     recording.duration_ms)


def _warp(lines: Sequence[LineToAlign], recording: Recording, reference: Reference,
          context: WorkContext) -> list[IntArray]:
    segments = _segments(lines, recording, reference)
    total = sum((segment.rows[1] - segment.rows[0]) for segment in segments) or 1
    done = 0
    start_share = _READ_SHARE + _SPEAK_SHARE
    paths: list[IntArray] = []
    for segment in segments:
        (row_start, row_end), (column_start, column_end) = segment.rows, segment.columns
        rows = row_end - row_start

        def progress(fraction: float, done: int = done, rows: int = rows) -> None:
            context.progress(start_share
                             + (_WARP_END - start_share) * (done + fraction * rows) / total)

        path = multiscale_path(recording.features[row_start:row_end],
                               reference.features[column_start:column_end],
                               open_begin=False, open_end=False, steps=_STEPS,
                               y_silent=reference.pause[column_start:column_end],
                               check=context.check, progress=progress)
        paths.append(path + np.array([row_start, column_start], dtype=np.int64))
        done += rows
    return paths


def _segments(lines: Sequence[LineToAlign], recording: Recording,
              reference: Reference) -> list[_Segment]:
    """Stretches between anchors (anchors out of time order are left out)."""
    frames = len(recording.features)
    anchors: list[int] = []
    last_ms = -1
    for index, line in enumerate(lines):
        if line.anchored and line.start_ms >= last_ms and line.start_ms // HOP_MS < frames:
            anchors.append(index)
            last_ms = line.start_ms
    bounds = [(0, 0)] + [(lines[index].start_ms // HOP_MS, reference.line_frames[index][0])
                         for index in anchors]
    segments: list[_Segment] = []
    for (row, column), (next_row, next_column) in zip(
            bounds, [*bounds[1:], (frames, len(reference.features))], strict=True):
        if next_row - row > 1 and next_column - column > 1:
            segments.append(_Segment((row, next_row), (column, next_column)))
    return segments

