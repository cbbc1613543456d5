"""Reader for WebVTT, including YouTube auto-captions as yt-dlp saves them (rolling cues)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from meelezer.texts import translate
from meelezer.transcript.errors import SkippedParts, TranscriptError
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript, Word
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.readers.speaker_labels import (
    dialogue_turns,
    split_span,
    split_speaker_labels,
)
from meelezer.transcript.readers.srt import TIMING_LINE, clean_cue_text, parse_cue_times
from meelezer.transcript.timecode import parse_timestamp

_SIGNATURE = re.compile(r"\ufeff?WEBVTT(?:[ \t].*)?")
_SKIPPED_BLOCK = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
_HEADER_FIELD = re.compile(r"([\w-]+):\s*(.*)")  # "Kind: captions", "Language: nl"
_INLINE_TIME = re.compile(r"<((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d+)>")  # <00:00:01.234>
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*)>")  # <v Name>, <v.loud Name>


@dataclass(slots=True)
class _Cue:
    start_ms: int
    end_ms: int
    lines: list[str] = field(default_factory=list)


def sniff(text: str) -> bool:
    """True when the text starts with the ``WEBVTT`` signature."""
    return _SIGNATURE.fullmatch(text[:200].split("\n", 1)[0]) is not None


def read(text: str, options: ReadOptions) -> Transcript:
    """One segment per cue, speakers from ``<v Name>`` voice spans.

    Files with inline word times (``<00:00:01.234><c> word</c>``) are read as YouTube
    rolling captions: each cue repeats the previous line before the new words, and tiny
    "transition" cues only repeat text; each spoken word is kept exactly once, with its
    own times in ``Segment.words``.
    """
    lines = text.split("\n")
    metadata = EpisodeMetadata()
    first_cue_line = _read_header(lines, metadata)
    skipped = SkippedParts()
    cues = _parse_cues(lines, first_cue_line, skipped)
    skipped.raise_if_nothing_read(len(cues))
    if not cues:
        raise TranscriptError(translate(
            "Transcript",
            "no cues found (no 'start --> end' timing lines); is this a WebVTT file?"))
    rolling = any(_INLINE_TIME.search(line) for cue in cues for line in cue.lines)
    segments = _rolling_segments(cues) if rolling else _plain_segments(cues)
    if not segments:
        raise TranscriptError(translate(
            "Transcript", "the cues have no text under their timing lines; is this the whole "
            "file?"), line=first_cue_line + 1)
    return Transcript(segments, metadata, source_format="webvtt", warnings=skipped.warnings())


def _read_header(lines: list[str], metadata: EpisodeMetadata) -> int:
    """Metadata from the header block; returns the index of the first line after it."""
    if not lines or _SIGNATURE.fullmatch(lines[0]) is None:
        return 0  # no signature: read the cues anyway, the extension said WebVTT
    index = 1
    while index < len(lines) and lines[index].strip() and "-->" not in lines[index]:
        field_match = _HEADER_FIELD.fullmatch(lines[index].strip())
        if field_match is not None:
            metadata.extra[field_match.group(1)] = field_match.group(2)
        index += 1
    return index


def _parse_cues(lines: list[str], index: int, skipped: SkippedParts) -> list[_Cue]:
    cues: list[_Cue] = []
    count = len(lines)
    while index < count:
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if _SKIPPED_BLOCK.fullmatch(line):
            index = _block_end(lines, index)
            continue
        if "-->" in line:
            timing = index
        elif index + 1 < count and "-->" in lines[index + 1]:
            timing = index + 1  # the line before the timing is the cue id
        else:
            # Text outside a cue. yt-dlp writes a " " line between the timing and the
            # words, which ends the block early: the words belong to the cue before.
            end = _block_end(lines, index)
            if cues:
                cues[-1].lines.extend(lines[index:end])
            index = end
            continue
        try:
            cue = _Cue(*parse_cue_times(TIMING_LINE.fullmatch(lines[timing]), lines[timing],
                                        timing + 1))
        except TranscriptError as error:
            skipped.add(error)  # this cue only: its text goes too, the others are read
            cue = None
        index = timing + 1
        # A timing line inside the text starts a new cue (a blank line was left out).
        while (index < count and lines[index].strip()
               and not ("-->" in lines[index] and TIMING_LINE.fullmatch(lines[index]))):
            if cue is not None:
                cue.lines.append(lines[index])
            index += 1
        if cue is not None:
            cues.append(cue)
    return cues


def _block_end(lines: list[str], index: int) -> int:
    while index < len(lines) and lines[index].strip():
        index += 1
    return index


def _voice(raw: str) -> str | None:
    match = _VOICE.search(raw)
    if match is None:
        return None
    # Our writer escapes & < > in names, as WebVTT requires; "Q&amp;A team" is "Q&A team".
    return html.unescape(match.group(1)).strip() or None


def _plain_segments(cues: list[_Cue]) -> list[Segment]:
    segments: list[Segment] = []
    dialogue: list[bool] = []
    for cue in cues:
        turns = [(raw, text, dashed) for raw, dashed in dialogue_turns(cue.lines)
                 if (text := clean_cue_text(raw))]
        spans = split_span([text for _, text, _ in turns], cue.start_ms, cue.end_ms)
        for (start_ms, end_ms), (raw, text, dashed) in zip(spans, turns, strict=True):
            segments.append(Segment(start_ms, end_ms, text, speaker=_voice(raw)))
            dialogue.append(dashed)
    if not any(segment.speaker for segment in segments):
        # Files without voice spans may still label lines "Name: text".
        labelled = split_speaker_labels([segment.text for segment in segments], dialogue)
        for segment, (speaker, text) in zip(segments, labelled, strict=True):
            segment.speaker, segment.text = speaker, text
    return segments


def _rolling_segments(cues: list[_Cue]) -> list[Segment]:
    """Segments from YouTube rolling cues, each new line once."""
    segments: list[Segment] = []
    previous_line: str | None = None
    for cue in cues:
        payload = [line for line in cue.lines if line.strip()]
        new_lines: list[str] = []
        for position, line in enumerate(payload):
            clean = clean_cue_text(line)
            # Only the first line can be the previous cue's line shown again; a line with
            # word times is always new, even when the same words are said twice.
            repeated = (position == 0 and clean == previous_line
                        and _INLINE_TIME.search(line) is None)
            if clean and not repeated:
                new_lines.append(line)
        if not new_lines:
            continue  # a transition cue, or only the repeated line
        previous_line = clean_cue_text(new_lines[-1])
        raw = " ".join(new_lines)
        if _INLINE_TIME.search(raw):
            words = _timed_words(raw, cue.start_ms, cue.end_ms)
            text = " ".join(word.text for word in words)
        else:
            words, text = [], clean_cue_text(raw)
        if text:
            segments.append(Segment(cue.start_ms, cue.end_ms, text, speaker=_voice(raw),
                                    words=words))
    return segments


def _timed_words(raw: str, start_ms: int, end_ms: int) -> list[Word]:
    """Words with their inline times; a word ends where the next starts, the last at the cue end.

    Text before the first inline time starts at the cue start. Inline times are kept
    within the cue and never go backwards. Several words between two inline times share
    that span evenly and are marked estimated.
    """
    parts = _INLINE_TIME.split(raw)  # text, time, text, time, text, ...
    chunks: list[tuple[int, str]] = [(start_ms, parts[0])]
    previous = start_ms
    for time_text, chunk in zip(parts[1::2], parts[2::2], strict=True):
        try:
            at = parse_timestamp(time_text)
        except ValueError:
            at = previous  # an unreadable inline time: treat the word as following on
        previous = min(max(at, previous), end_ms)
        chunks.append((previous, chunk))

    starts: list[tuple[str, int, bool]] = []
    for position, (chunk_start, chunk) in enumerate(chunks):
        tokens = clean_cue_text(chunk).split()
        chunk_end = chunks[position + 1][0] if position + 1 < len(chunks) else end_ms
        step = (chunk_end - chunk_start) / max(1, len(tokens))
        for order, token in enumerate(tokens):
            starts.append((token, chunk_start + round(order * step), order > 0))
    ends = [start for _, start, _ in starts[1:]] + [end_ms]
    return [Word(token, start, end, estimated)
            for (token, start, estimated), end in zip(starts, ends, strict=True)]
