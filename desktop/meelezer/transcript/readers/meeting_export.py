"""Reader for meeting and interview exports: a speaker and a time on one line, text below.

Otter, Zoom, Teams and Descript write turns like ``Speaker 1  0:00``, ``Anne Jansen (00:01:02)``
or ``[Anne] 10:01:02``, each followed by what was said, until the next such line.
"""

from __future__ import annotations

import re
from itertools import pairwise

from meelezer.texts import translate
from meelezer.transcript.errors import SkippedParts, TranscriptError
from meelezer.transcript.model import EpisodeMetadata, Transcript
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.readers.speaker_labels import is_speaker_name
from meelezer.transcript.readers.speaker_turns import Turn, turns_to_segments
from meelezer.transcript.timecode import parse_timestamp

_TIME = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# "Anne Jansen  0:01:02", "Anne Jansen (00:01:02)", "Anne (00:01):", "[Anne] 10:01:02".
_HEADING = re.compile(
    rf"\s*\[?(?P<name>[^\[\]()\d:][^\[\]():]*?)\]?\s*[(\[]?\s*(?P<time>{_TIME})\s*[)\]]?\s*:?\s*")
_SNIFF_LINES = 200
_MIN_TURNS = 2
_MIN_HEADING_SHARE = 0.15  # of the non-empty lines; a turn is a heading and a few lines
_CLOCK_TIME_FROM_MS = 3600 * 1000  # no recording's first words come an hour in


def _heading(line: str) -> tuple[str, str] | None:
    """``(speaker, time)`` when ``line`` is a turn's heading."""
    match = _HEADING.fullmatch(line)
    if match is None:
        return None
    name = match.group("name").strip()
    if not is_speaker_name(name):
        return None
    return name, match.group("time")


def _make_clock_times_relative(turns: list[Turn]) -> None:
    """Zoom writes times of day ("10:01:02"): a first turn over an hour in counts as 0:00."""
    first = next((turn.start_ms for turn in turns if turn.start_ms is not None), None)
    if first is None or first <= _CLOCK_TIME_FROM_MS:
        return
    for turn in turns:
        if turn.start_ms is not None:
            turn.start_ms = max(0, turn.start_ms - first)


def sniff(text: str) -> bool:
    """True when turn headings, each with text under it, make up much of the top."""
    lines = [line for line in text.split("\n", _SNIFF_LINES)[:_SNIFF_LINES] if line.strip()]
    headings = sum(1 for line, following in pairwise(lines)
                   if _heading(line) is not None and _heading(following) is None)
    return headings >= _MIN_TURNS and headings >= _MIN_HEADING_SHARE * len(lines)


def read(text: str, options: ReadOptions) -> Transcript:
    """One turn per heading; its text is split into readable lines within the turn's span."""
    metadata = EpisodeMetadata()
    turns: list[Turn] = []
    skipped = SkippedParts()
    before: list[str] = []  # a title or notes above the first turn
    for number, line in enumerate(text.split("\n"), start=1):
        heading = _heading(line)
        if heading is not None:
            speaker, time_text = heading
            try:
                start_ms: int | None = parse_timestamp(time_text)
            except ValueError as error:
                skipped.add(TranscriptError(str(error), line=number))
                start_ms = None  # the turn is kept; it follows the one before
            turns.append(Turn(start_ms, speaker, ""))
        elif line.strip():
            if turns:
                turns[-1].text = f"{turns[-1].text} {line.strip()}".strip()
            else:
                before.append(line.strip())
    _make_clock_times_relative(turns)
    if len(before) == 1:
        metadata.title = before[0]
    elif before:
        turns.insert(0, Turn(0, None, " ".join(before)))
    segments = turns_to_segments(turns, options.audio_duration_ms, all_estimated=False)
    if not segments:
        raise TranscriptError(translate(
            "Transcript", "no speaker turns with text found (expected a line such as "
            "'Anne  0:01:02' with what was said below it)"))
    return Transcript(segments, metadata, source_format="meeting-export",
                      warnings=skipped.warnings())
