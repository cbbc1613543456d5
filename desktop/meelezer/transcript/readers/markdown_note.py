"""Reader for a Markdown note: ``# Title``, ``**Key:** value`` lines, a ``## Transcript``."""

from __future__ import annotations

import re

from meelezer.texts import translate
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.timecode import parse_timestamp
from meelezer.transcript.timing import estimate_times, split_into_lines

_SNIFF = re.compile(r"^(?:#{2,3}[ \t]*transcript[ \t]*#*[ \t]*|\*\*(?:source|video id):\*\*.*)$",
                    re.IGNORECASE | re.MULTILINE)
_TRANSCRIPT_HEADING = re.compile(r"#{2,3}\s*transcript\s*#*", re.IGNORECASE)
_TITLE = re.compile(r"#\s+(.+?)(?:\s+#+)?")
_HEADING = re.compile(r"#{1,6}\s")
_SECTION_END = re.compile(r"#{1,2}\s")  # the transcript ends at the next # or ## heading
_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})")
# "**Source:** value" as our notes write it, or "**Source**: value".
_FIELD = re.compile(r"\*\*([^*]+?)(?::\*\*|\*\*:)\s*(.*)")
_LINK_TARGET = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)")
_YOUTUBE_ID = re.compile(r"(?:youtu\.be/|[?&]v=)([\w-]{6,})")
# "[0:09](#t=9.060,13.060) **Wietse:** text": seconds in the link, speaker optional.
_TIMED_LINE = re.compile(
    r"\[[^\]]*\]\(#t=(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?\)\s*(?:\*\*([^*]+?):\*\*\s*)?(.*)")
_SPEAKER = re.compile(r"\*\*([^*]{1,40}?):\*\*\s*(.*)", re.DOTALL)  # "**Wietse:** text"


def sniff(text: str) -> bool:
    """True for a ``## Transcript`` heading or ``**Source:**`` / ``**Video ID:**`` lines."""
    return _SNIFF.search(text) is not None


def read(text: str, options: ReadOptions) -> Transcript:
    """Metadata from the top of the note, segments from its transcript section.

    Timed lines (as our Markdown writer writes them) give one segment each; untimed text
    is split into readable lines whose times are estimated over the audio's duration.
    """
    lines = text.split("\n")
    metadata = EpisodeMetadata()
    heading = _read_front(lines, metadata)
    section = _transcript_section(lines, heading)
    if not any(line.strip() for _, line in section):
        where = None if heading is None else heading + 1
        raise TranscriptError(translate(
            "Transcript",
            "the note has no transcript text (expected it under a '## Transcript' heading)",
        ), line=where)
    if any(_TIMED_LINE.fullmatch(line.strip()) for _, line in section):
        segments = _timed_segments(section)
    else:
        segments = _untimed_segments(section, options.audio_duration_ms)
    return Transcript(segments, metadata, source_format="markdown-note")


def _read_front(lines: list[str], metadata: EpisodeMetadata) -> int | None:
    """Reads the title and the ``**Key:** value`` lines above the first ``##`` section.

    Returns the index of the transcript heading, wherever it is, or None.
    """
    in_front = True
    for index, line in enumerate(lines):
        stripped = line.strip()
        if _TRANSCRIPT_HEADING.fullmatch(stripped):
            return index
        if stripped.startswith("##"):
            in_front = False  # bold "Key:" lines in Notes are not episode metadata
        if not in_front:
            continue
        title = _TITLE.fullmatch(stripped)
        field = _FIELD.fullmatch(stripped)
        if title is not None and metadata.title is None:
            metadata.title = title.group(1)
        elif field is not None:
            _read_field(field.group(1).strip(), field.group(2).strip(), metadata)
    return None


def _read_field(key: str, value: str, metadata: EpisodeMetadata) -> None:
    name = key.lower()
    if name in ("source", "url", "link"):
        link = _LINK_TARGET.search(value)
        metadata.source_url = link.group(1) if link is not None else value
        video = _YOUTUBE_ID.search(metadata.source_url)
        if video is not None and metadata.source_id is None:
            metadata.source_id = video.group(1)
    elif name in ("video id", "id"):
        metadata.source_id = value
    elif name == "tags":
        metadata.tags = [tag.lstrip("#") for tag in re.split(r"[\s,]+", value) if tag.lstrip("#")]
    elif name == "date":
        metadata.date = value
    elif name in ("show", "podcast"):
        metadata.show = value
    else:
        metadata.extra[key] = value


def _transcript_section(lines: list[str], heading: int | None) -> list[tuple[int, str]]:
    """``(line number, line)`` of the transcript, up to the next rule or # / ## heading.

    A note without a transcript heading is read from its first line that is not the
    title, a metadata line or a rule.
    """
    section: list[tuple[int, str]] = []
    start = heading + 1 if heading is not None else 0
    for index in range(start, len(lines)):
        stripped = lines[index].strip()
        boundary = _RULE.fullmatch(stripped) is not None or _SECTION_END.match(stripped) is not None
        if heading is None and not section:
            if not stripped or boundary or _HEADING.match(stripped) or _FIELD.fullmatch(stripped):
                continue  # still above the text of a note without a transcript heading
        elif boundary:
            break
        section.append((index + 1, lines[index]))
    return section


def _timed_segments(section: list[tuple[int, str]]) -> list[Segment]:
    """One segment per timed line; untimed lines continue the text of the line before."""
    entries: list[tuple[int, Segment, bool]] = []  # line number, segment, end given
    pending: list[str] = []  # text before the first timed line
    for number, line in section:
        stripped = line.strip()
        if not stripped:
            continue
        match = _TIMED_LINE.fullmatch(stripped)
        if match is None:
            if entries:
                segment = entries[-1][1]
                segment.text = f"{segment.text} {stripped}".strip()
            else:
                pending.append(stripped)
            continue
        start_text, end_text, speaker, line_text = match.groups()
        try:
            start_ms = parse_timestamp(start_text)
            end_ms = parse_timestamp(end_text) if end_text else start_ms
        except ValueError as error:
            raise TranscriptError(str(error), line=number) from None
        if end_ms < start_ms:
            raise TranscriptError(translate(
                "Transcript", "end {end} s is before start {start} s",
            ).format(end=end_text, start=start_text), line=number)
        segment = Segment(start_ms, end_ms, " ".join([*pending, line_text.strip()]),
                          speaker=speaker.strip() if speaker else None)
        pending = []
        entries.append((number, segment, end_text is not None))

    segments = [segment for _, segment, _ in entries]
    # A line without an end runs to the next line's start, or for as long as it takes to say.
    for position, (_, segment, has_end) in enumerate(entries):
        if has_end:
            continue
        following = segments[position + 1].start_ms if position + 1 < len(segments) else None
        if following is not None and following >= segment.start_ms:
            segment.end_ms = following
        else:
            estimate = estimate_times([segment.text], None, segment.start_ms)
            segment.end_ms = estimate[0].end_ms
    return segments


def _untimed_segments(section: list[tuple[int, str]], total_ms: int | None) -> list[Segment]:
    """Paragraphs split into readable lines; ``**Name:**`` opening a paragraph is its speaker."""
    paragraphs: list[list[str]] = [[]]
    for _, line in section:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])

    lines: list[str] = []
    speakers: list[str | None] = []
    for paragraph in paragraphs:
        text = " ".join(paragraph)
        speaker: str | None = None
        labelled = _SPEAKER.fullmatch(text)
        if labelled is not None:
            speaker, text = labelled.group(1).strip(), labelled.group(2)
        paragraph_lines = split_into_lines(text)
        lines.extend(paragraph_lines)
        speakers.extend([speaker] * len(paragraph_lines))

    segments = estimate_times(lines, total_ms)
    for segment, speaker in zip(segments, speakers, strict=True):
        segment.speaker = speaker
    return segments
