"""Subtitle-quality cues: transcript lines cut into short cues a viewer can read in time.

A transcript line can run for a minute (seed 003 has lines of 600 characters); on a video
that is a wall of text. Each line becomes cues of at most two lines of 42 characters shown
for at most 7 seconds (the common broadcast guideline), cut between words, preferably after
a sentence or a clause, at the words' own times where the transcript has them and else in
proportion to the characters. Cues never span two transcript lines, so a speaker change
always starts a new cue. Text is kept whole: only the whitespace between words changes.
A short cue stays up into the pause after it until it can be read (at least a second).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from meelezer.transcript.model import Transcript, Word
from meelezer.transcript.writers._common import Line, lines

MAX_LINE_CHARS = 42
MAX_LINES = 2
MAX_CUE_MS = 7_000
MIN_CUE_MS = 1_000  # shorter, a cue is gone before it is read
READING_CPS = 17  # characters a second an adult reads subtitles at, comfortably
SHORT_CUE_CHARS = 30  # shorter cues cost more in the choice of breaks

# How much a break after a token is worth: a sentence end beats a clause end beats a space.
_SENTENCE_ENDS = (".", "?", "!", "…", '."', '?"', '!"')
_CLAUSE_ENDS = (",", ";", ":", "—", "–", ")")


@dataclass(frozen=True, slots=True)
class Cue:
    start_ms: int
    end_ms: int
    lines: tuple[str, ...]  # one or two display lines
    speaker: str | None
    first_of_line: bool  # the cue starts its transcript line (where SRT names the speaker)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start_ms: int
    end_ms: int
    glued: bool = False  # no cue ends after it (a speaker's "Name:" stays with their words)


def subtitle_cues(transcript: Transcript, label_speakers: bool = False) -> list[Cue]:
    """The transcript as short cues. With ``label_speakers`` the first cue of each line
    begins with ``Name:`` (for SRT, which has no speaker field), counted in its length."""
    cues: list[Cue] = []
    for line in lines(transcript):
        tokens, word_timed = _timed_tokens(line)
        if label_speakers and line.speaker:
            tokens.insert(0, _Token(f"{line.speaker}:", tokens[0].start_ms,
                                    tokens[0].start_ms, glued=True))
        cues.extend(_cues_of_line(_fit_tokens(tokens), line.end_ms, line.speaker, word_timed))
    return _readable_durations(cues)


def _readable_durations(cues: list[Cue]) -> list[Cue]:
    """A short cue ("Yes!", 0.4 s) stays up into the silence after it, long enough to read
    (at least MIN_CUE_MS, and at most READING_CPS characters a second), but never into the
    next cue and never past MAX_CUE_MS."""
    result = []
    for number, cue in enumerate(cues):
        chars = sum(len(line) for line in cue.lines)
        wanted = cue.start_ms + max(MIN_CUE_MS, chars * 1000 // READING_CPS)
        later = [c.start_ms for c in cues[number + 1:number + 3] if c.start_ms >= cue.end_ms]
        limit = min([cue.start_ms + MAX_CUE_MS, *later])
        end_ms = max(cue.end_ms, min(wanted, limit))
        result.append(replace(cue, end_ms=end_ms) if end_ms != cue.end_ms else cue)
    return result


def _timed_tokens(line: Line) -> tuple[list[_Token], bool]:
    """The line's words with times: the transcript's word times when they spell the same
    words (then True), else spread over the line in proportion to the characters."""
    text, start_ms, end_ms = line.text, line.start_ms, line.end_ms
    words = text.split()
    timed = _word_times(words, line.words, start_ms, end_ms)
    if timed is not None:
        return timed, True
    total = max(1, len(text))
    duration = end_ms - start_ms
    tokens, offset = [], 0
    for word in words:
        offset = text.index(word, offset)
        tokens.append(_Token(word, start_ms + duration * offset // total,
                             start_ms + duration * (offset + len(word)) // total))
        offset += len(word)
    return tokens, False


def _word_times(words: list[str], timed_words: Sequence[Word], start_ms: int,
                end_ms: int) -> list[_Token] | None:
    pieces = [(piece, word) for word in timed_words for piece in word.text.split()]
    if [piece for piece, _ in pieces] != words:
        return None
    tokens: list[_Token] = []
    earliest = start_ms
    for piece, word in pieces:
        begin = min(max(word.start_ms, earliest), end_ms)  # kept in order and in the line
        tokens.append(_Token(piece, begin, min(max(word.end_ms, begin), end_ms)))
        earliest = begin
    return tokens


def _fit_tokens(tokens: list[_Token]) -> list[_Token]:
    """A token longer than a whole line (a long URL) is the one thing cut inside a word."""
    fitted: list[_Token] = []
    for token in tokens:
        text = token.text
        if len(text) <= MAX_LINE_CHARS:
            fitted.append(token)
            continue
        parts = [text[i:i + MAX_LINE_CHARS] for i in range(0, len(text), MAX_LINE_CHARS)]
        span = token.end_ms - token.start_ms
        for number, part in enumerate(parts):
            fitted.append(_Token(part, token.start_ms + span * number // len(parts),
                                 token.start_ms + span * (number + 1) // len(parts),
                                 glued=token.glued and number == len(parts) - 1))
    return fitted


def _cues_of_line(tokens: list[_Token], line_end_ms: int, speaker: str | None,
                  word_timed: bool) -> list[Cue]:
    cues: list[Cue] = []
    ends = _cue_ends(tokens, word_timed)
    for first, last in zip([0, *ends], ends, strict=False):
        start_ms = tokens[first].start_ms
        # A cue stays up until the next one starts (no flicker between them), or the line ends.
        end_ms = tokens[last].start_ms if last < len(tokens) else line_end_ms
        end_ms = min(max(end_ms, start_ms), start_ms + MAX_CUE_MS)
        cues.append(Cue(start_ms, end_ms, _wrap([t.text for t in tokens[first:last]]),
                        speaker, first_of_line=first == 0))
    return cues


def _cue_ends(tokens: list[_Token], word_timed: bool) -> list[int]:
    """Where each cue ends (exclusive token indexes), chosen over the whole line at once:
    few cues, ending after sentences or clauses, and no orphan of a word or two.

    Spoken time splits a cue only where it is known (word times) or the text is more than
    a line: "Klopt, dat zag ik ook" spread over a 9 s line is one cue (shown for 7 s), not
    two made up from a guess at when each word was said.
    """
    count = len(tokens)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * count  # cost, start
    break_costs = [0.0] + [_break_cost(tokens, end) for end in range(1, count + 1)]
    for first in range(count):
        if best[first][0] == float("inf"):
            continue
        lines, used, chars = 1, -1, -1  # the first-fit wrap of tokens[first:last], grown
        for last in range(first + 1, count + 1):
            word = tokens[last - 1].text
            chars += 1 + len(word)
            if used + 1 + len(word) <= MAX_LINE_CHARS:
                used += 1 + len(word)
            else:
                lines, used = lines + 1, len(word)
            too_long = (tokens[last - 1].end_ms - tokens[first].start_ms > MAX_CUE_MS
                        and (word_timed or chars > MAX_LINE_CHARS))
            if last > first + 1 and (too_long or lines > MAX_LINES):
                break
            cost = (best[first][0] + 1 + break_costs[last]
                    + max(0, SHORT_CUE_CHARS - chars) / 8)  # short cues flash by
            if cost < best[last][0]:
                best[last] = (cost, first)
    ends, end = [], count
    while end > 0:
        ends.append(end)
        end = best[end][1]
    return ends[::-1]


def _break_cost(tokens: list[_Token], end: int) -> float:
    if end == len(tokens):
        return 0.0
    if tokens[end - 1].glued:
        return float("inf")
    text = tokens[end - 1].text
    return 0.0 if text.endswith(_SENTENCE_ENDS) else 1.0 if text.endswith(_CLAUSE_ENDS) else 3.0


def _wrap(words: list[str]) -> tuple[str, ...]:
    """One line when it fits, else two balanced lines, preferring a break after a clause."""
    whole = " ".join(words)
    if len(whole) <= MAX_LINE_CHARS:
        return (whole,)
    options = []
    for cut in range(1, len(words)):
        top, bottom = " ".join(words[:cut]), " ".join(words[cut:])
        if len(top) <= MAX_LINE_CHARS and len(bottom) <= MAX_LINE_CHARS:
            after_clause = words[cut - 1].endswith(_SENTENCE_ENDS + _CLAUSE_ENDS)
            imbalance = abs(len(top) - len(bottom))
            options.append((imbalance - (8 if after_clause else 0), cut))
    cut = min(options)[1]  # _cue_end only makes cues that fit on two lines
    return " ".join(words[:cut]), " ".join(words[cut:])
