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


def _candidate(text: str) -> tuple[str, str] | None:
    """``(label, rest)`` when ``text`` starts with something shaped like a speaker label."""
    match = _LABEL.match(text)
    if match is None:
        return None
    label = match.group(1).strip()
    if not label or len(label.split()) > MAX_LABEL_WORDS:
        return None
    is_name = label[0].isupper() and _NAME_CHARS.fullmatch(label) is not None
    if not is_name and _SPEAKER_ID.fullmatch(label) is None:
        return None
    return label, text[match.end():].strip()


def split_speaker_labels(texts: Sequence[str]) -> list[tuple[str | None, str]]:
    """``(speaker, text without the label)`` for each of ``texts``.

    A leading ``Name: `` (or ``>> Name: ``) counts as a speaker only when it is clearly a
    label: 1-4 words, at most 40 characters, starting with a capital letter (or shaped like
    ``SPEAKER_00``), and used by at least two of ``texts``. Anything else is left as text.
    """
    candidates = [_candidate(text) for text in texts]
    uses = Counter(candidate[0] for candidate in candidates if candidate is not None)
    result: list[tuple[str | None, str]] = []
    for text, candidate in zip(texts, candidates, strict=True):
        if candidate is not None and uses[candidate[0]] >= MIN_LABEL_USES:
            result.append(candidate)
        else:
            result.append((None, text))
    return result
