"""Reader for SubRip (SRT) subtitles, tolerant of the variations found in real files.

Hand-written rather than pysubs2: pysubs2 does not report line numbers and silently
accepts a cue that ends before it starts.
"""

from __future__ import annotations

import html
import re

from meelezer.texts import translate
from meelezer.transcript.errors import SkippedParts, TranscriptError
from meelezer.transcript.model import Segment, Transcript
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.readers.speaker_labels import (
    dialogue_turns,
    split_span,
    split_speaker_labels,
)
from meelezer.transcript.timecode import parse_timestamp

# "00:00:04,200", "00:00:04.200", "0:00:04,2" or "00:04.200"; "," or "." before the fraction.
_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d+)?"
# Anything after the end time (SRT coordinates "X1:..", WebVTT settings) is ignored.
TIMING_LINE = re.compile(rf"\s*({_TIME})\s*-->\s*({_TIME})(?:\s.*)?")
_CUE_NUMBER = re.compile(r"\s*\d+\s*")
# What is meant as a timing line but may be broken ("-00:00:01,000 --> …", "00:00:1d.890"):
# an arrow with something time-like on both sides. Text such as "A --> B" is not.
BROKEN_TIMING_LINE = re.compile(r"\s*-?[\d:.,]*\d[\w:.,]*\s*-->\s*-?[\d:.,]*\d[\w:.,]*(?:\s.*)?")
_NEGATIVE_TIME = re.compile(r"\s*-\d|.*-->\s*-\d")
_SNIFF_LINES = 40

# Only tags that start with a letter or "/letter", so "a < b" in a cue survives.
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ASS_OVERRIDE = re.compile(r"\{\\[^{}]*\}")  # {\an8}, {\i1}: positioning and styling
_TIMESTAMP_TAG = re.compile(r"<\d[\d:.,]*>")  # WebVTT inline word times: <00:00:01.234>
_RUBY_TEXT = re.compile(r"<rt\b[^>]*>.*?</rt\s*>", re.DOTALL)  # reading aid above a word
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f")  # &lrm; and &rlm; are invisible


def clean_cue_text(text: str) -> str:
    """Plain text of a cue (SRT or WebVTT): tags stripped, entities decoded, spaces collapsed."""
    text = _RUBY_TEXT.sub("", text)
    text = _ASS_OVERRIDE.sub("", _TAG.sub("", _TIMESTAMP_TAG.sub("", text)))
    # Entities after tags, so an escaped "&lt;i&gt;" stays visible text.
    text = html.unescape(text).translate(_BIDI_MARKS)
    return " ".join(text.split())


def parse_cue_times(match: re.Match[str] | None, line: str, number: int) -> tuple[int, int]:
    """Start and end in ms of the timing ``line`` (number ``number``), matched or not.

    ``match`` is ``TIMING_LINE``'s match of the line, None when only the looser
    ``BROKEN_TIMING_LINE`` matched: then the error says what is wrong with it.
    """
    if match is None:
        if _NEGATIVE_TIME.match(line):
            reason = translate("Transcript", "a negative time in {timing}")
        else:
            reason = translate("Transcript", "cannot read this cue timing: {timing} (expected "
                               "start --> end, such as 00:00:01.000 --> 00:00:04.000)")
        raise TranscriptError(reason.format(timing=repr(line.strip()[:60])), line=number)
    start_text, end_text = match.group(1), match.group(2)
    try:
        start_ms, end_ms = parse_timestamp(start_text), parse_timestamp(end_text)
    except ValueError as error:
        raise TranscriptError(str(error), line=number) from None
    if end_ms < start_ms:
        raise TranscriptError(translate("Transcript", "end {end} is before start {start}").format(
            end=end_text, start=start_text), line=number)
    return start_ms, end_ms


def sniff(text: str) -> bool:
    """True when a ``start --> end`` timing line appears near the top and it is not WebVTT."""
    if text.lstrip("\ufeff \n").startswith("WEBVTT"):
        return False
    head = text.split("\n", _SNIFF_LINES)[:_SNIFF_LINES]
    return any(TIMING_LINE.fullmatch(line) for line in head)


def read(text: str, options: ReadOptions) -> Transcript:
    """One segment per cue; a ``Name: `` label shared by several cues becomes the speaker.

    The text between one timing line and the next is the cue, minus the next cue's
    number. Cue numbers may be missing or wrong; blank lines inside a cue, a missing
    final newline and text after the last cue are tolerated (that text joins the cue).
    """
    lines = text.split("\n")
    timings = [(index, TIMING_LINE.fullmatch(line)) for index, line in enumerate(lines)
               if BROKEN_TIMING_LINE.fullmatch(line)]
    if not any(match for _, match in timings):
        raise TranscriptError(translate(
            "Transcript",
            "no subtitle cues found (no 'start --> end' timing lines); is this an SRT file?"))
    numbered = 2 * sum(1 for index, _ in timings
                       if index > 0 and _CUE_NUMBER.fullmatch(lines[index - 1])) >= len(timings)

    skipped = SkippedParts()
    cues: list[tuple[int, int, str, bool]] = []  # start, end, text, opened by a dash
    for position, (index, match) in enumerate(timings):
        is_last = position + 1 == len(timings)
        stop = len(lines) if is_last else timings[position + 1][0]
        body = _cue_body(lines[index + 1:stop], numbered, is_last)
        try:
            start_ms, end_ms = parse_cue_times(match, lines[index], index + 1)
        except TranscriptError as error:
            skipped.add(error)  # this cue only; the others are read
            continue
        turns = [(text, dashed) for turn, dashed in dialogue_turns(body)
                 if (text := clean_cue_text(turn))]
        spans = split_span([text for text, _ in turns], start_ms, end_ms)
        for (turn_start, turn_end), (text, dashed) in zip(spans, turns, strict=True):
            cues.append((turn_start, turn_end, text, dashed))
    skipped.raise_if_nothing_read(len(cues))
    if not cues:
        raise TranscriptError(translate(
            "Transcript", "the cues have no text under their timing lines; is this the whole "
            "file?"), line=timings[0][0] + 1)

    labelled = split_speaker_labels([cue[2] for cue in cues], [cue[3] for cue in cues])
    segments = [Segment(start_ms, end_ms, cue_text, speaker=speaker)
                for (start_ms, end_ms, _, _), (speaker, cue_text)
                in zip(cues, labelled, strict=True)]
    return Transcript(segments, source_format="srt", warnings=skipped.warnings())


def _cue_body(body: list[str], numbered: bool, is_last: bool) -> list[str]:
    """The cue's text lines: without trailing blanks and without the next cue's number."""
    end = len(body)
    while end and not body[end - 1].strip():
        end -= 1
    # Before another cue, a number on its own is that cue's id. After the last cue it is
    # a stray id only when a blank line separates it from the text.
    after_blank = end >= 2 and not body[end - 2].strip()
    if numbered and end and _CUE_NUMBER.fullmatch(body[end - 1]) and (not is_last or after_blank):
        end -= 1
    return body[:end]
