"""Writer for SubRip (SRT): numbered cues, speakers as a ``Name: `` label."""

from __future__ import annotations

import html
import re

from meelezer.transcript.model import Transcript
from meelezer.transcript.timecode import format_srt
from meelezer.transcript.writers._common import escape_markup, lines
from meelezer.transcript.writers.subtitle_cues import subtitle_cues

# Tags as SRT readers strip them (<i>, </b>, <font ...>) and WebVTT-style word times (<1.5>).
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|<\d[\d:.,]*>")


def write(transcript: Transcript) -> str:
    """SRT text; a line with a speaker is written ``Name: text`` (SRT has no speaker field)."""
    cues = [
        f"{number}\n{format_srt(line.start_ms)} --> {format_srt(line.end_ms)}\n"
        f"{_cue_text(line.labelled)}\n"
        for number, line in enumerate(lines(transcript), start=1)
    ]
    return "\n".join(cues)


def write_subtitles(transcript: Transcript) -> str:
    """SRT for video: short cues (see ``subtitle_cues``), each speaker's name at the start
    of their line's first cue."""
    cues = [
        f"{number}\n{format_srt(cue.start_ms)} --> {format_srt(cue.end_ms)}\n"
        + "".join(f"{_cue_text(line)}\n" for line in cue.lines)
        for number, cue in enumerate(subtitle_cues(transcript, label_speakers=True), start=1)
    ]
    return "\n".join(cues)


def _cue_text(text: str) -> str:
    """``text`` as is, unless a reader would take part of it for a tag or an entity.

    SRT has no escaping of its own, but readers (ours included) strip tags and decode
    entities such as ``&amp;``. Only text that would change that way ("<i>", "&copy;") is
    written escaped; ordinary "R&D <3" stays as typed, for players that show it raw.
    """
    if _MARKUP.search(text) or html.unescape(text) != text:
        return escape_markup(text)
    return text
