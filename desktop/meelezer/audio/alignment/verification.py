"""Is each doubtful line really where the warping put it? Asked of an acoustic model.

MFCC distances between espeak-ng's voice and the real one tell the right text from the wrong
only weakly, so the warping can match lines into an intro's advert or smear them over a
removed part. PocketSphinx's speaker-independent model (``phonetic``) tells them apart
clearly: forced alignment of the right text scores per frame close to free phone
recognition over the same audio (the best any sounds can do there), wrong text far below.

Only doubtful lines are checked (weak or odd matches, lines next to audio no line covers, the
lines the second look judged), and the neighbours of each line that fails, until a line
passes on either side. Lines that fail are looked for again between those verified
neighbours, in text order: the places where the MFCC match is best are tried until one
passes. A line found nowhere is not spoken (if it is long enough to tell); a line found
elsewhere gives the warping a new fixed point there. In Dutch (sounds mapped to the English
model's phones) the scores of right and wrong text overlap, so there a check can only confirm
a line: it clears the second look's "not spoken" and finds moved lines, nothing more.
The samples come from the first decode (``SampleFile``), so nothing is decoded twice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from meelezer.audio.alignment.features import HOP_MS
from meelezer.audio.alignment.model import LineToAlign
from meelezer.audio.alignment.phonetic import PHONETIC_RATE, PhoneticAligner
from meelezer.audio.alignment.recording import Recording
from meelezer.audio.alignment.reference import Reference
from meelezer.audio.alignment.sample_file import SampleFile
from meelezer.audio.alignment.second_look import (
    DOUBTFUL_CONFIDENCE,
    DOUBTFUL_STRETCH,
    Verdict,
    best_match,
    solid_lines,
)
from meelezer.audio.alignment.timing import LineMatch


@dataclass(frozen=True)
class Evidence:
    """What a check's margin (how far the line's score per 10 ms frame is below the phone
    loop's, on PocketSphinx's natural-log scale) means in one language."""

    passes: float  # at most this: the line is there
    fails: float  # more than this: it is not
    no_path_fails: bool  # no alignment path at all means it is not there


# English (the model's own language): the right text 0.3-0.8 below the loop, other text
# 2.9-9 below or no path. Dutch (sounds mapped to English phones): the right text 1.0-5.0
# below, other text 2.5-6.3, and often no path for the right text too: only a pass is
# believed (measured with tests/benchmarks' truth recordings, Festival and espeak-ng voices).
EVIDENCE = {"en": Evidence(1.6e-3, 1.6e-3, True), "nl": Evidence(2.0e-3, math.inf, False)}
# Lines shorter than this (espeak-ng's spoken length) give too little evidence to be called
# not spoken, unless they score this far below the loop everywhere they are looked for.
MIN_EVIDENCE_MS = 800
OVERWHELMING_MARGIN = 6e-3
SLACK_MS = 300  # audio around a line's place that its check also sees
_SEARCH_MS = 90_000  # how far from its place a failed line is looked for at most
_SHORTEST_WINDOW_MS = 100
_TRIES = 4  # places looked at per failed line
_EARLY_MS = 1_500
_EXCLUDE_MS = 1_500  # around a place that failed, the next try looks elsewhere
_MAX_SPREAD = 40  # neighbours checked on each side of a failed line (a cut of 12 needs > 12)
# Checks at most (each ~0.1-1 s of CPU), so a long file with many doubtful lines stays fast;
# the doubtful lines the second look judged come first.
_BASE_CHECKS = 80
_CHECKS_PER_HOUR = 20
_NEAR_UNMATCHED_MS = 1_500
_LONGEST_STRETCH = 1.6  # a line may take this much longer than espeak-ng says it
_SQUEEZED = 0.4  # words squeezed below this share of espeak-ng's length do not count


@dataclass(frozen=True)
class Check:
    """One line checked at one place: whether its text is there, where its words are (ms),
    and how far its score is below the phone loop (inf: no path at all)."""

    passed: bool
    start_ms: int
    end_ms: int
    margin: float
    failed: bool = False


@dataclass(frozen=True)
class Verification:
    """The second look's verdict corrected by the acoustic model, and the lines verified
    where they are (fixed points for aligning again)."""

    verdict: Verdict
    verified: tuple[int, ...]
    checked: int


class _Checker:
    def __init__(self, phonetic: PhoneticAligner, evidence: Evidence, audio: SampleFile,
                 texts: Sequence[str], spoken_ms: Sequence[int], budget: int):
        self.phonetic = phonetic
        self.evidence = evidence
        self.audio = audio
        self.texts = texts
        self.spoken_ms = spoken_ms
        self.count = 0
        self.budget = budget
        self._done: dict[tuple[int, int, int], Check | None] = {}

    def check(self, line: int, start_ms: int, end_ms: int) -> Check | None:
        """``line`` looked for in [start_ms, end_ms) (plus slack); None: no evidence (no
        audio read there, or a line without sounds)."""
        key = (line, start_ms, end_ms)
        if key not in self._done:
            if self.count >= self.budget:
                return None  # the time for checks is spent: no evidence
            self._done[key] = self._check(line, start_ms, end_ms)
        return self._done[key]

    def _check(self, line: int, start_ms: int, end_ms: int) -> Check | None:
        slack_ms = SLACK_MS
        window_start = max(0, start_ms - slack_ms)
        samples = self.audio.samples(window_start, end_ms + slack_ms)
        if len(samples) < _SHORTEST_WINDOW_MS * PHONETIC_RATE // 1000:
            return None
        self.count += 1
        result = self.phonetic.align_chunk(samples, [self.texts[line]])
        if result is None:
            return self._failed(start_ms, end_ms)
        words = [word for word in result.words[0] if word is not None]
        score = result.line_scores[0]
        if not words or not math.isfinite(score):
            return None
        first, last = words[0].start_ms, words[-1].end_ms
        if last - first < _SQUEEZED * self.spoken_ms[line]:
            return self._failed(start_ms, end_ms)
        start, end = window_start + first, window_start + last
        if -score <= self.evidence.passes:
            # The loop scores at most 0 (PocketSphinx normalises by the best state), so the
            # margin cannot exceed -score: passed without the (slower) loop.
            return Check(True, start, end, -score)
        per_ms = PHONETIC_RATE // 1000
        loop = self.phonetic.phone_loop_score(samples[first * per_ms:last * per_ms])
        margin = loop - score if math.isfinite(loop) else math.inf
        return Check(margin <= self.evidence.passes, start, end, margin,
                     margin > self.evidence.fails)

    def _failed(self, start_ms: int, end_ms: int) -> Check:
        """No path, or the words squeezed: not there, where that says so."""
        return Check(False, start_ms, end_ms, math.inf, self.evidence.no_path_fails)


def verify(audio: SampleFile, lines: Sequence[LineToAlign], recording: Recording,
           reference: Reference, matches: Sequence[LineMatch], scores: Sequence[float],
           verdict: Verdict, unmatched: Sequence[tuple[int, int]],
           phonetic: PhoneticAligner, check: Callable[[], None]) -> Verification:
    """The doubtful lines checked where they are, and those that fail looked for again."""
    texts = [line.text for line in lines]
    anchored = [line.anchored for line in lines]
    spoken = [_spoken_columns(reference, index) for index in range(len(texts))]
    spoken_ms = [(end - first) * HOP_MS for first, end in spoken]
    # The evidence a line can give: its spoken length, or the time it was given if shorter
    # (a line timed at half a second is said in half a second, however long espeak-ng takes).
    evidence_ms = [min(length, line.end_ms - line.start_ms) if line.end_ms > line.start_ms
                   else length for length, line in zip(spoken_ms, lines, strict=True)]
    evidence = EVIDENCE.get(phonetic.language, EVIDENCE["nl"])
    suspects = _suspects(matches, scores, anchored, verdict,
                         unmatched if evidence.fails < math.inf else (), spoken_ms,
                         judged_only=evidence.fails == math.inf)
    budget = _BASE_CHECKS + recording.duration_ms * _CHECKS_PER_HOUR // 3_600_000
    suspects = suspects[:budget]
    if not suspects:
        return Verification(_enough_evidence(verdict, evidence_ms, {}), (), 0)
    places = [(match.start_frame * HOP_MS, match.end_frame * HOP_MS) for match in matches]
    checker = _Checker(phonetic, evidence, audio, texts, spoken_ms, budget)
    results: dict[int, Check | None] = {}

    def look(index: int) -> Check | None:
        if index not in results:
            check()
            start, end = places[index]
            usable = (not anchored[index] and spoken_ms[index] > 0 and start >= 0
                      and end > start)
            results[index] = checker.check(index, start, end) if usable else None
        return results[index]

    for index in suspects:
        looked = look(index)
        if looked is None or not looked.failed:
            continue
        for direction in (-1, 1):  # neighbours until one passes
            for step in range(1, _MAX_SPREAD + 1):
                other = index + direction * step
                if not 0 <= other < len(texts) or anchored[other]:
                    break
                neighbour = look(other)
                if neighbour is not None and neighbour.passed:
                    break
    not_passed = sorted(index for index, looked in results.items()
                        if looked is not None and not looked.passed)
    unspoken = {index: value for index, value in verdict.unspoken.items()
                if (result := results.get(index)) is None or not result.passed}
    # The second look's moves stand where the model says nothing either way.
    moved = {index: value for index, value in verdict.moved.items()
             if (result := results.get(index)) is None or not (result.passed or result.failed)}
    search = _Search(checker, recording, reference, spoken, places, check)
    for run in _runs(not_passed, results, anchored):
        found, missing = search.run(run, _bounds(run, results, places, recording.duration_ms))
        for index, result in found.items():
            results[index] = result
            moved[index] = result.start_ms // HOP_MS
            unspoken.pop(index, None)
        for index in missing:
            unspoken[index] = 0.0
    verified = tuple(sorted(index for index, result in results.items()
                            if result is not None and result.passed))
    in_order: dict[int, int] = {}
    for index in sorted(moved):  # fixed points must follow each other in time
        if index not in unspoken and moved[index] > max(in_order.values(), default=-1):
            in_order[index] = moved[index]
    return Verification(_enough_evidence(Verdict(unspoken, in_order), evidence_ms, results),
                        verified, checker.count)


def _enough_evidence(verdict: Verdict, evidence_ms: Sequence[int],
                     results: dict[int, Check | None]) -> Verdict:
    """The verdict without the unspoken lines too short to tell, unless their check failed
    overwhelmingly."""
    unspoken = {index: value for index, value in verdict.unspoken.items()
                if evidence_ms[index] >= MIN_EVIDENCE_MS or (
                    (result := results.get(index)) is not None and result.failed
                    and math.isfinite(result.margin) and result.margin >= OVERWHELMING_MARGIN)}
    return Verdict(unspoken, verdict.moved)


def fixed_points(matches: Sequence[LineMatch], scores: Sequence[float],
                 checked: Verification) -> list[int]:
    """Lines to align again between: the second look's solid lines that did not fail the
    check, and the lines verified where they are."""
    failed = {*checked.verdict.unspoken, *checked.verdict.moved}
    solid = {index for index in solid_lines(matches, scores) if index not in failed}
    return sorted(solid | {index for index in checked.verified if index not in failed})


def _spoken_columns(reference: Reference, index: int) -> tuple[int, int]:
    first, end = reference.line_frames[index]
    sounding = np.flatnonzero(~reference.silent[first:end]) + first
    return (int(sounding[0]), int(sounding[-1]) + 1) if len(sounding) else (first, first)


def _suspects(matches: Sequence[LineMatch], scores: Sequence[float],
              anchored: Sequence[bool], verdict: Verdict,
              unmatched: Sequence[tuple[int, int]], spoken_ms: Sequence[int],
              judged_only: bool) -> list[int]:
    """Lines worth the acoustic model's time: those the second look judged first, then
    those matched weakly or at an odd speed, or next to audio no line covers (unless
    ``judged_only``: where the model can only confirm a line, not refute it)."""
    near = _NEAR_UNMATCHED_MS // HOP_MS
    edges = [frame for start, end in unmatched for frame in (start // HOP_MS, end // HOP_MS)]
    suspects: list[int] = []
    for index, (match, score) in enumerate(zip(matches, scores, strict=True)):
        if anchored[index] or spoken_ms[index] == 0:
            continue
        doubtful = match.start_frame < 0 or score < DOUBTFUL_CONFIDENCE or not (
            DOUBTFUL_STRETCH[0] <= match.stretch <= DOUBTFUL_STRETCH[1])
        judged = index in verdict.unspoken or index in verdict.moved
        bordering = match.start_frame >= 0 and any(
            abs(edge - match.start_frame) <= near or abs(edge - match.end_frame) <= near
            for edge in edges)
        if judged or (not judged_only and (doubtful or bordering)):
            suspects.append(index)
    return sorted(suspects, key=lambda index: (
        index not in verdict.unspoken and index not in verdict.moved, index))


def _runs(failed: Sequence[int], results: dict[int, Check | None],
          anchored: Sequence[bool]) -> list[list[int]]:
    """Lines that did not pass grouped into runs: checked lines in between that gave no
    evidence join the run (but are not looked for)."""
    runs: list[list[int]] = []
    for index in failed:
        if runs and all(between in results and results[between] is None
                        and not anchored[between]
                        for between in range(runs[-1][-1] + 1, index)):
            runs[-1].extend(range(runs[-1][-1] + 1, index + 1))
        else:
            runs.append([index])
    return [[index for index in run if index in failed] for run in runs]


def _bounds(run: Sequence[int], results: dict[int, Check | None],
            places: Sequence[tuple[int, int]], duration_ms: int) -> tuple[int, int]:
    """The audio between the lines around ``run``: their verified words, or where the
    warping put them."""
    before, after = run[0] - 1, run[-1] + 1
    low = 0
    if before >= 0:
        result = results.get(before)
        low = result.end_ms if result is not None and result.passed else max(
            0, places[before][1])
    high = duration_ms
    if after < len(places):
        result = results.get(after)
        high = result.start_ms if result is not None and result.passed else (
            places[after][0] if places[after][0] >= 0 else duration_ms)
    return low, max(low, high)


class _Search:
    """Failed lines looked for between their verified neighbours, in text order."""

    def __init__(self, checker: _Checker, recording: Recording, reference: Reference,
                 spoken: Sequence[tuple[int, int]], places: Sequence[tuple[int, int]],
                 check: Callable[[], None]):
        self.checker = checker
        self.recording = recording
        self.reference = reference
        self.spoken = spoken
        self.places = places
        self.check = check

    def run(self, run: Sequence[int], bounds: tuple[int, int]) -> tuple[dict[int, Check],
                                                                        list[int]]:
        """Where the lines of ``run`` are found in ``bounds`` (ms), and which are not
        spoken. The first line is tried right after the audio before it and the last right
        before the audio after it (a line next to a verified one usually is just there),
        then the first is looked for everywhere in between."""
        low, high = bounds
        left, right = 0, len(run)
        found: dict[int, Check] = {}
        missing: list[int] = []
        while left < right:
            self.check()
            first, last = run[left], run[right - 1]
            here = self._try(first, low, low + self._longest(first))
            if here is not None and here.passed:
                found[first], low, left = here, here.end_ms, left + 1
                continue
            there = self._try(last, high - self._longest(last), high) if last != first else None
            if there is not None and there.passed:
                found[last], high, right = there, there.start_ms, right - 1
                continue
            result = self._look_everywhere(first, (
                max(low, min(self.places[first][0], high) - _SEARCH_MS),
                min(high, max(self.places[first][1], low) + _SEARCH_MS)))
            if result is not None and result.passed:
                found[first], low = result, result.end_ms
            elif result is not None and result.failed and (
                    self.checker.spoken_ms[first] >= MIN_EVIDENCE_MS
                    or result.margin >= OVERWHELMING_MARGIN):
                missing.append(first)
            left += 1
        return found, missing

    def _longest(self, line: int) -> int:
        return round(self.checker.spoken_ms[line] * _LONGEST_STRETCH) + SLACK_MS

    def _try(self, line: int, start_ms: int, end_ms: int) -> Check | None:
        if end_ms - start_ms < _SQUEEZED * self.checker.spoken_ms[line]:
            return None
        return self.checker.check(line, start_ms, end_ms)

    def _look_everywhere(self, line: int, bounds: tuple[int, int]) -> Check | None:
        """The line tried at the places in ``bounds`` where its MFCC match is best: the
        first that passes, else the try that came closest (None: nothing to try)."""
        low, high = bounds
        spoken_ms = self.checker.spoken_ms[line]
        if high - low < _SQUEEZED * spoken_ms:
            return Check(False, low, high, math.inf, True)  # no room left for it here
        ranges = [(low // HOP_MS, high // HOP_MS)]
        closest: Check | None = None
        for _ in range(_TRIES):
            candidates = [(best_match(self.recording, self.reference, rows, self.spoken[line]),
                           rows) for rows in ranges]
            candidates = [(match, rows) for match, rows in candidates if match[1] >= 0]
            if not candidates:
                break
            (_, start), rows = min(candidates, key=lambda candidate: candidate[0][0])
            start_ms = start * HOP_MS
            # The MFCC match may start inside the line: its words are looked for from a
            # little earlier.
            result = self.checker.check(line, max(low, start_ms - _EARLY_MS),
                                        min(high, start_ms + self._longest(line)))
            if result is not None:
                if result.passed:
                    return result
                if closest is None or result.margin < closest.margin:
                    closest = result
            exclude = _EXCLUDE_MS // HOP_MS
            ranges.remove(rows)
            ranges += [part for part in ((rows[0], start - exclude), (start + exclude, rows[1]))
                       if part[1] - part[0] > 0]
        return closest
