"""Recognising a leading ``Name: `` speaker label in lines of text (SRT, plain text, WebVTT)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

MAX_LABEL_CHARS = 40
MAX_LABEL_WORDS = 4
MIN_LABEL_USES = 2  # a label seen once ("Dus: ...") is more likely part of the sentence

# Optional ">> " (broadcast captions), then the label, a colon, and whitespace or the end.
_LABEL = re.compile(rf"(?:>>\s*)?([^:\n]{{1,{MAX_LABEL_CHARS}}}):(?:\s+|$)")
# Letters, digits, spaces and name punctuation only ("Dr. A. de Vries", "Anne-Marie (host)").
_NAME_CHARS = re.compile(r"[\w .'’()&-]+")
_SPEAKER_ID = re.compile(r"(?i:speaker)[ _-]?\d+")  # SPEAKER_00, speaker 1 (diarisation output)
_DIALOGUE_DASH = re.compile(r"\s*[-–—]\s+|\s*[-–—](?=[^\W\d])")  # "- Anne:", "–Ja", not "-5"


def is_speaker_name(label: str) -> bool:
    """True for something shaped like a name: 1-4 words, capitalised, or ``SPEAKER_00``."""
    if not label or len(label) > MAX_LABEL_CHARS or len(label.split()) > MAX_LABEL_WORDS:
        return False
    is_name = label[0].isupper() and _NAME_CHARS.fullmatch(label) is not None
    return is_name or _SPEAKER_ID.fullmatch(label) is not None


def _candidate(text: str) -> tuple[str, str] | None:
    """``(label, rest)`` when ``text`` starts with something shaped like a speaker label."""
    match = _LABEL.match(text)
    if match is None:
        return None
    label = match.group(1).strip()
    if not is_speaker_name(label):
        return None
    return label, text[match.end():].strip()


def _in_capitals(label: str) -> bool:
    """"ANNE", "DR. SMITH": subtitles for the hard of hearing name speakers this way."""
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def dialogue_turns(lines: Sequence[str]) -> list[tuple[str, bool]]:
    """A subtitle cue's lines grouped per speaker turn, without the dialogue dashes.

    Subtitles put two speakers in one cue as ``- Anne: Hoi.`` / ``- Bram: Dag.``: when
    two or more lines start with a dash, each such line starts a turn. A single dashed
    line loses its dash only when a ``Name:`` label follows it; "-5 graden" stays text.
    Each turn comes with True when a dash opened it (its label is then surely a label).
    """
    dashed = [_DIALOGUE_DASH.match(line) for line in lines]
    if sum(1 for match in dashed if match) < 2:
        first = dashed[0] if dashed else None
        if first is not None and _candidate(lines[0][first.end():]):
            return [(" ".join([lines[0][first.end():], *lines[1:]]), True)]
        return [(" ".join(lines), False)] if lines else []
    turns: list[tuple[list[str], bool]] = []
    for line, match in zip(lines, dashed, strict=True):
        if match is not None:
            turns.append(([line[match.end():]], True))
        elif turns:
            turns[-1][0].append(line)
        else:
            turns.append(([line], False))
    return [(" ".join(turn), opened) for turn, opened in turns]


def split_speaker_labels(texts: Sequence[str],
                         dialogue: Sequence[bool] = ()) -> list[tuple[str | None, str]]:
    """``(speaker, text without the label)`` for each of ``texts``.

    A leading ``Name: `` (or ``>> Name: ``) counts as a speaker only when it is clearly a
    label: 1-4 words, at most 40 characters, starting with a capital letter (or shaped like
    ``SPEAKER_00``), and used by at least two of ``texts`` (or written in capitals, once
    another label is used twice, or opening a ``dialogue`` turn: ``- Bram: Dag.``).
    Anything else is left as text.
    """
    candidates = [_candidate(text) for text in texts]
    uses = Counter(candidate[0] for candidate in candidates if candidate is not None)
    # In a file that labels its speakers, a name in capitals used once is a label too.
    labelled_file = any(count >= MIN_LABEL_USES for count in uses.values())
    result: list[tuple[str | None, str]] = []
    for index, (text, candidate) in enumerate(zip(texts, candidates, strict=True)):
        surely = labelled_file and (_in_capitals(candidate[0]) if candidate else False)
        if candidate is not None and (uses[candidate[0]] >= MIN_LABEL_USES or surely
                                      or (dialogue and dialogue[index])):
            result.append(candidate)
        else:
            result.append((None, text))
    return result


def split_span(texts: Sequence[str], start_ms: int, end_ms: int) -> list[tuple[int, int]]:
    """``start_ms``..``end_ms`` shared among ``texts`` by length (turns within one cue)."""
    from meelezer.transcript.timing import estimate_times

    if len(texts) == 1:
        return [(start_ms, end_ms)]
    return [(s.start_ms, s.end_ms) for s in estimate_times(list(texts), end_ms - start_ms,
                                                            start_ms)]
