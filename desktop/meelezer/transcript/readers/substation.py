"""Reader for (Advanced) SubStation Alpha subtitles, .ass and .ssa, through pysubs2.

pysubs2 knows the format's event fields and its override tags (``{\\i1}``, ``\\N``); it
refuses a whole file for one bad line, so each event line is parsed on its own: a broken
line is skipped and named, the others are read. The Name field is the speaker.
"""

from __future__ import annotations

import re

from meelezer.texts import translate
from meelezer.transcript.errors import SkippedParts, TranscriptError
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.timecode import MAX_TIME_MS, too_long_reason

_SNIFF_CHARS = 4000
_SECTION = re.compile(r"\s*\[([^\]]+)\]\s*")
_EVENT = re.compile(r"(Dialogue|Comment)\s*:", re.IGNORECASE)
_FORMAT = re.compile(r"Format\s*:", re.IGNORECASE)
_ASS_FORMAT = "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text"


def sniff(text: str) -> bool:
    """True for a ``[Script Info]`` header, or an ``[Events]`` section near the top."""
    head = text[:_SNIFF_CHARS].lstrip("\ufeff \t\n")
    return head.lower().startswith("[script info]") or (
        "[events]" in head.lower() and "dialogue:" in head.lower())


def read(text: str, options: ReadOptions) -> Transcript:
    """One line per Dialogue event (Comment events are the subtitler's notes, not speech)."""
    metadata = EpisodeMetadata()
    skipped = SkippedParts()
    segments: list[Segment] = []
    section = ""
    flavour = "ass"
    event_format = _ASS_FORMAT
    for number, line in enumerate(text.split("\n"), start=1):
        heading = _SECTION.fullmatch(line)
        if heading is not None:
            section = heading.group(1).strip().lower()
            if section == "v4 styles":
                flavour = "ssa"
            continue
        if section == "script info":
            key, _, value = line.partition(":")
            if key.strip().lower() == "title" and value.strip():
                metadata.title = value.strip()
            elif key.strip().lower() == "scripttype" and value.strip().lower() == "v4.00":
                flavour = "ssa"
        elif section == "events" and _FORMAT.match(line):
            event_format = line.strip()
        elif section == "events" and _EVENT.match(line) and line.lower().startswith("dialogue"):
            try:
                segment = _event(line, event_format, flavour, number)
            except TranscriptError as error:
                skipped.add(error)  # this line only; the others are read
                continue
            if segment is not None:
                segments.append(segment)
    skipped.raise_if_nothing_read(len(segments))
    if not segments:
        raise TranscriptError(translate(
            "Transcript", "no dialogue found (no 'Dialogue:' lines with text under [Events]); "
            "is this a SubStation Alpha file?"))
    return Transcript(segments, metadata, source_format=flavour, warnings=skipped.warnings())


def _event(line: str, event_format: str, flavour: str, number: int) -> Segment | None:
    """The segment of one Dialogue line, None when it has no text."""
    import pysubs2  # here, not at the top: it costs start-up time and few files need it

    one_event = f"[Script Info]\n\n[Events]\n{event_format}\n{line.strip()}\n"
    try:
        events = list(pysubs2.SSAFile.from_string(one_event, format_=flavour))
    except (ValueError, pysubs2.Pysubs2Error) as error:
        raise TranscriptError(translate(
            "Transcript", "cannot read this dialogue line ({problem})",
        ).format(problem=str(error)[:80]), line=number) from None
    if not events:
        return None
    event = events[0]
    start_ms, end_ms = int(event.start), int(event.end)
    if not 0 <= start_ms <= MAX_TIME_MS or not 0 <= end_ms <= MAX_TIME_MS:
        raise TranscriptError(too_long_reason(), line=number)
    if end_ms < start_ms:
        raise TranscriptError(translate(
            "Transcript", "the line ends before it starts"), line=number)
    text = " ".join(event.plaintext.split())
    if not text:
        return None
    return Segment(start_ms, end_ms, text, speaker=event.name.strip() or None)
