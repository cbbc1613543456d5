"""Writer for WebVTT: a NOTE with the episode's title and source, speakers as ``<v Name>``."""

from __future__ import annotations

from collections.abc import Sequence

from meelezer.transcript.model import EpisodeMetadata, Transcript
from meelezer.transcript.timecode import format_vtt
from meelezer.transcript.writers._common import escape_markup, lines, one_line
from meelezer.transcript.writers.subtitle_cues import subtitle_cues

# A cue to write: start, end, its display lines, its speaker.
_Cue = tuple[int, int, Sequence[str], str | None]


def write(transcript: Transcript) -> str:
    """WebVTT text: header, optional NOTE block, then one cue per line."""
    return _document(transcript.metadata, [(line.start_ms, line.end_ms, (line.text,),
                                            line.speaker) for line in lines(transcript)])


def write_subtitles(transcript: Transcript) -> str:
    """WebVTT for video: short cues (see ``subtitle_cues``), each with its ``<v Name>``."""
    return _document(transcript.metadata, [(cue.start_ms, cue.end_ms, cue.lines, cue.speaker)
                                           for cue in subtitle_cues(transcript)])


def _document(metadata: EpisodeMetadata, cues: list[_Cue]) -> str:
    blocks = ["WEBVTT\n"]
    note = _note(metadata)
    if note:
        blocks.append(note)
    for start_ms, end_ms, text_lines, speaker in cues:
        # WebVTT cue text is markup: & and < must always be escaped.
        voice = f"<v {escape_markup(speaker)}>" if speaker else ""
        text = voice + "\n".join(escape_markup(line) for line in text_lines)
        blocks.append(f"{format_vtt(start_ms)} --> {format_vtt(end_ms)}\n{text}\n")
    return "\n".join(blocks)


def _note(metadata: EpisodeMetadata) -> str:
    fields = [("Title", metadata.title), ("Source", metadata.source_url or metadata.source_id)]
    # A NOTE ends at a blank line and may not contain "-->"; one_line and the replace see to that.
    rows = [f"{name}: {one_line(value).replace('-->', '->')}"
            for name, value in fields if value and one_line(value)]
    return "NOTE\n" + "".join(f"{row}\n" for row in rows) if rows else ""
