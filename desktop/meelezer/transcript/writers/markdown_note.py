"""Writer for a Markdown note: header, ``## Transcript`` with timed lines, note sections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from meelezer.transcript.model import EpisodeMetadata, Transcript
from meelezer.transcript.timecode import format_clock, format_seconds
from meelezer.transcript.writers._common import Line, lines, one_line

_YOUTUBE_HOSTS = ("youtube.com", "youtu.be", "youtube-nocookie.com")

# The sections a note ends with, as in seeds/ai-report-gpt-nl-youtube-note.md.
_FOOTER = "---\n\n## Notes\n\n\n## Key Takeaways\n-\n\n## Related\n-\n"


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """A note, bookmark or highlight to list in the note's sections.

    ``quote`` is the text of the lines a highlight covers; notes and bookmarks have none.
    """

    time_ms: int
    kind: str  # "note" | "bookmark" | "highlight"
    text: str = ""
    quote: str = ""


def write(transcript: Transcript, notes: Sequence[NoteEntry] = ()) -> str:
    """The note: ``# Title``, header fields, ``---``, ``## Transcript``, lines, note sections.

    ``notes`` fill ``## Notes`` (notes and bookmarks) and ``## Key Takeaways`` (highlights);
    without them the sections are left empty for the user to fill in.
    """
    blocks: list[str] = []
    title = one_line(transcript.metadata.title or "")
    if title:
        blocks.append(f"# {title}\n")
    header = _header(transcript.metadata)
    if header:
        blocks.append(header)
    blocks.append("---\n")
    blocks.append("## Transcript\n")
    blocks.extend(f"{format_line(line)}\n" for line in lines(transcript))
    blocks.append(_footer(notes) if notes else _FOOTER)
    return "\n".join(blocks)


def _footer(notes: Sequence[NoteEntry]) -> str:
    ordered = sorted(notes, key=lambda note: note.time_ms)
    listed = [_note_item(note) for note in ordered if note.kind != "highlight"]
    quotes = [_quote_item(note) for note in ordered if note.kind == "highlight"]
    # The reader's transcript section ends at the "---" rule, so these lines never
    # become transcript lines on reading the note back.
    return (
        "---\n\n## Notes\n"
        + "".join(f"{item}\n" for item in listed)
        + "\n\n## Key Takeaways\n"
        + ("".join(f"{item}\n" for item in quotes) or "-\n")
        + "\n## Related\n-\n"
    )


def _anchor(time_ms: int) -> str:
    time_ms = max(0, time_ms)
    return f"[{format_clock(time_ms)}](#t={format_seconds(time_ms)})"


def _note_item(note: NoteEntry) -> str:
    text = one_line(note.text) or ("Bookmark" if note.kind == "bookmark" else "Note")
    return f"- {_anchor(note.time_ms)} {text}"


def _quote_item(note: NoteEntry) -> str:
    quote = one_line(note.quote)
    comment = one_line(note.text)
    item = f"- {_anchor(note.time_ms)} “{quote}”" if quote else f"- {_anchor(note.time_ms)}"
    return f"{item} — {comment}" if comment else item


def format_line(line: Line) -> str:
    """``[0:09](#t=9.060,13.060) **Wietse:** text``: clock to read, link with exact times."""
    anchor = f"#t={format_seconds(line.start_ms)},{format_seconds(line.end_ms)}"
    label = f"**{line.speaker}:** " if line.speaker else ""
    return f"[{format_clock(line.start_ms)}]({anchor}) {label}{line.text}"


def _header(metadata: EpisodeMetadata) -> str:
    rows: list[str] = []
    url = one_line(metadata.source_url or "")
    if url:
        rows.append(f"**Source:** [{_link_label(url)}]({url})")
    fields = [
        ("Video ID", one_line(metadata.source_id or "")),
        ("Tags", " ".join(f"#{tag}" for tag in _tags(metadata.tags))),
        ("Date", one_line(metadata.date or "")),
        ("Show", one_line(metadata.show or "")),
    ]
    rows.extend(f"**{name}:** {value}" for name, value in fields if value)
    return "".join(f"{row}\n" for row in rows)


def _link_label(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    is_youtube = any(host == name or host.endswith("." + name) for name in _YOUTUBE_HOSTS)
    return "YouTube" if is_youtube else "Link"


def _tags(tags: list[str]) -> list[str]:
    """Tags as Markdown hashtags: without a leading #, spaces turned into dashes."""
    cleaned = ("-".join(tag.strip().lstrip("#").split()) for tag in tags)
    return [tag for tag in cleaned if tag]
