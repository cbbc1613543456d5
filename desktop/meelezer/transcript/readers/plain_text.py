"""Reader for plain text without timestamps: lines kept or split, times estimated."""

from __future__ import annotations

from itertools import pairwise

from meelezer.texts import translate
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.model import Transcript
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.readers.speaker_labels import split_speaker_labels
from meelezer.transcript.timing import estimate_times, split_into_lines

LONG_LINE_WORDS = 40  # a longer line is a paragraph, not one utterance: split it
_CLOSERS = "\"'”’»)]"
_LINE_ENDS = (".", "!", "?", "…", ":", ";")


def sniff(text: str) -> bool:
    """Always False: plain text is chosen by extension or as the last resort."""
    return False


def read(text: str, options: ReadOptions) -> Transcript:
    """One segment per utterance, with times spread over the audio (or a speaking rate).

    Short lines are taken as one utterance each; long lines, and paragraphs hard-wrapped
    mid-sentence, are split into readable lines. A ``Name: `` label shared by several
    lines becomes the speaker.
    """
    paragraphs: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    all_lines = [line for paragraph in paragraphs for line in paragraph]
    if not all_lines:
        raise TranscriptError(translate("Transcript", "the file has no text"))
    labels = iter(split_speaker_labels(all_lines))

    lines: list[str] = []
    speakers: list[str | None] = []
    for paragraph in paragraphs:
        labelled = [next(labels) for _ in paragraph]
        unlabelled = not any(speaker for speaker, _ in labelled)
        if len(paragraph) > 1 and unlabelled and _hard_wrapped(paragraph):
            labelled = [(None, " ".join(paragraph))]
        for speaker, line in labelled:
            if not line:
                continue  # a bare "Name:" line
            pieces = split_into_lines(line) if len(line.split()) > LONG_LINE_WORDS else [line]
            lines.extend(pieces)
            speakers.extend([speaker] * len(pieces))

    segments = estimate_times(lines, options.audio_duration_ms)
    for segment, speaker in zip(segments, speakers, strict=True):
        segment.speaker = speaker
    return Transcript(segments, source_format="plain-text")


def _hard_wrapped(paragraph: list[str]) -> bool:
    """True when most line breaks fall mid-sentence (an editor wrapped the text)."""
    mid_sentence = sum(
        1 for line, following in pairwise(paragraph)
        if not line.rstrip(_CLOSERS).endswith(_LINE_ENDS) and following[0].islower())
    return 2 * mid_sentence >= len(paragraph) - 1
