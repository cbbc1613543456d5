"""Writer for plain text: one line per segment, no times."""

from __future__ import annotations

from meelezer.transcript.model import Transcript
from meelezer.transcript.writers._common import lines, one_line


def write(transcript: Transcript) -> str:
    """The title and a blank line (when there is a title), then ``Name: text`` lines."""
    title = one_line(transcript.metadata.title or "")
    rows = [title, ""] if title else []
    rows.extend(line.labelled for line in lines(transcript))
    return "".join(f"{row}\n" for row in rows)
