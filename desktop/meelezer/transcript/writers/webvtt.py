"""Writer for WebVTT: a NOTE with the episode's title and source, speakers as ``<v Name>``."""

from __future__ import annotations

from meelezer.transcript.model import EpisodeMetadata, Transcript
from meelezer.transcript.timecode import format_vtt
from meelezer.transcript.writers._common import escape_markup, lines, one_line
from meelezer.transcript.writers.subtitle_cues import subtitle_cues


def write(transcript: Transcript) -> str:
    """WebVTT text: header, optional NOTE block, then one cue per line."""
    blocks = ["WEBVTT\n"]
    note = _note(transcript.metadata)
    if note:
        blocks.append(note)
    for line in lines(transcript):
        # WebVTT cue text is markup: & and < must always be escaped.
        text = escape_markup(line.text)
        if line.speaker:
            text = f"<v {escape_markup(line.speaker)}>{text}"
        blocks.append(f"{format_vtt(line.start_ms)} --> {format_vtt(line.end_ms)}\n{text}\n")
    return "\n".join(blocks)


def write_subtitles(transcript: Transcript) -> str:
    """WebVTT for video: short cues (see ``subtitle_cues``), each with its ``<v Name>``."""
    blocks = ["WEBVTT\n"]
    note = _note(transcript.metadata)
    if note:
        blocks.append(note)
    for cue in subtitle_cues(transcript):
        voice = f"<v {escape_markup(cue.speaker)}>" if cue.speaker else ""
        text = voice + "\n".join(escape_markup(line) for line in cue.lines)
        blocks.append(f"{format_vtt(cue.start_ms)} --> {format_vtt(cue.end_ms)}\n{text}\n")
    return "\n".join(blocks)


def _note(metadata: EpisodeMetadata) -> str:
    fields = [("Title", metadata.title), ("Source", metadata.source_url or metadata.source_id)]
    # A NOTE ends at a blank line and may not contain "-->"; one_line and the replace see to that.
    rows = [f"{name}: {one_line(value).replace('-->', '->')}"
            for name, value in fields if value and one_line(value)]
    return "NOTE\n" + "".join(f"{row}\n" for row in rows) if rows else ""
