"""Reader for Whisper's text output: ``[0.00 --> 8.66]  text`` lines, with an optional header."""

from __future__ import annotations

import re

from meelezer.texts import translate
from meelezer.transcript.errors import SkippedParts, TranscriptError
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.timecode import parse_timestamp

# "[0.00 --> 8.66]  text" (openai-whisper), "[00:00:00.000 --> 00:00:04.200]   text" (whisper.cpp).
# A "-" is let in so that a negative time is named and skipped, not read as text.
_TIMED_LINE = re.compile(r"\s*\[\s*(-?[\d:.,]+)\s*-->\s*(-?[\d:.,]+)\s*\](.*)")
_SNIFF_LINES = 50
_HEADER_FIELD = re.compile(r"([^:]{1,60}):(?:\s+|$)(.*)")  # not "https://..."
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)")
_RULE = re.compile(r"[-=_*\s]{3,}")  # "------------------ " between header and lines
# "Title ｜ Show" (YouTube titles use the fullwidth bar) or "Title | Show".
_SHOW_SUFFIX = re.compile(r"(.+?)\s*[｜|]\s*([^｜|]+?)\s*")


def sniff(text: str) -> bool:
    """True when one of the first lines is a ``[start --> end]`` Whisper line."""
    return any(_TIMED_LINE.match(line) for line in text.split("\n", _SNIFF_LINES)[:_SNIFF_LINES])


def read(text: str, options: ReadOptions) -> Transcript:
    """Segments from the timed lines; the header above them becomes metadata.

    A non-empty line after the first timed line that has no times continues the text of
    the line before it (an editor may have wrapped it).
    """
    metadata = EpisodeMetadata()
    segments: list[Segment] = []
    skipped = SkippedParts()
    after_skipped = False  # text under a skipped line goes with it
    for number, line in enumerate(text.split("\n"), start=1):
        match = _TIMED_LINE.match(line)
        if match is not None:
            try:
                segments.append(_segment(match, number))
                after_skipped = False
            except TranscriptError as error:
                skipped.add(error)
                after_skipped = True
        elif not line.strip() or _RULE.fullmatch(line) or after_skipped:
            continue
        elif segments:
            segments[-1].text = f"{segments[-1].text} {line.strip()}".strip()
        else:
            _read_header_line(line.strip(), metadata)
    skipped.raise_if_nothing_read(len(segments))
    if not segments:
        raise TranscriptError(translate(
            "Transcript", "no Whisper lines found (expected lines like "
            "'[0.00 --> 8.66]  text'); is this the right file?"))
    return Transcript(segments, metadata, source_format="whisper-text",
                      warnings=skipped.warnings())


def _segment(match: re.Match[str], number: int) -> Segment:
    start_text, end_text, rest = match.groups()
    try:
        start_ms = parse_timestamp(start_text)
        end_ms = parse_timestamp(end_text)
    except ValueError as error:
        raise TranscriptError(str(error), line=number) from None
    if end_ms < start_ms:
        raise TranscriptError(translate("Transcript", "end {end} is before start {start}").format(
            end=end_text, start=start_text), line=number)
    return Segment(start_ms, end_ms, rest.strip())


def _read_header_line(line: str, metadata: EpisodeMetadata) -> None:
    field = _HEADER_FIELD.fullmatch(line)
    if field is None:
        return  # free text above the lines says nothing we can use
    key, value = field.group(1).strip(), field.group(2).strip()
    name = key.lower()
    if name in ("video title", "title"):
        show = _SHOW_SUFFIX.fullmatch(value)
        if show is not None:
            metadata.title, metadata.show = show.group(1), show.group(2)
        else:
            metadata.title = value
    elif name in ("show", "podcast", "channel"):
        metadata.show = value
    elif name in ("youtube video code", "video id", "youtube id"):
        metadata.source_id = value
        metadata.source_url = metadata.source_url or f"https://www.youtube.com/watch?v={value}"
    elif name in ("url", "source", "source url"):
        metadata.source_url = value
    elif name in ("last modified time", "date"):
        metadata.date = _iso_date(value)
    else:
        metadata.extra[key] = value


def _iso_date(value: str) -> str:
    """``2025-02-20T06:59:25`` from ``2025-02-20 06:59:25``; other shapes are kept as given."""
    match = _DATE_TIME.fullmatch(value)
    return f"{match.group(1)}T{match.group(2)}" if match is not None else value
