"""What every writer shares: segments cleaned up into one-line, writable lines."""

from __future__ import annotations

from dataclasses import dataclass

from meelezer.transcript.model import Transcript, Word


@dataclass(frozen=True, slots=True)
class Line:
    """A segment as writers write it: times valid, text and speaker on one line."""

    start_ms: int
    end_ms: int
    text: str
    speaker: str | None
    words: tuple[Word, ...] = ()  # the segment's word times, as read

    @property
    def labelled(self) -> str:
        """``Name: text`` when there is a speaker, else the text (SRT and plain text)."""
        return f"{self.speaker}: {self.text}" if self.speaker else self.text


def escape_markup(text: str) -> str:
    """``text`` with &, < and > as character references, so readers see text, not tags."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def one_line(text: str) -> str:
    """``text`` without surrounding whitespace and with its line breaks joined by a space.

    Every output format ends a line or cue at a line break, so a segment's own breaks
    would split it in two on reading back.
    """
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def lines(transcript: Transcript) -> list[Line]:
    """The segments in order, ready to write.

    Segments without text are left out: most formats cannot hold an empty cue, and one
    with nothing to read adds nothing. Times are clamped to 0 <= start <= end so that what
    a writer writes its reader accepts.
    """
    result: list[Line] = []
    for segment in transcript.segments:
        text = one_line(segment.text)
        if not text:
            continue
        start_ms = max(0, segment.start_ms)
        end_ms = max(start_ms, segment.end_ms)
        speaker = one_line(segment.speaker or "") or None
        result.append(Line(start_ms, end_ms, text, speaker, tuple(segment.words)))
    return result
