"""The registry of transcript formats: which readers and writers exist, and format detection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from meelezer.texts import translate
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.model import Transcript
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.readers import (
    json_transcripts,
    markdown_note,
    meeting_export,
    plain_text,
    podcasting20_html,
    srt,
    substation,
    webvtt,
    whisper_text,
)
from meelezer.transcript.writers import markdown_note as markdown_note_writer
from meelezer.transcript.writers import plain_text as plain_text_writer
from meelezer.transcript.writers import podcasting20 as podcasting20_writer
from meelezer.transcript.writers import srt as srt_writer
from meelezer.transcript.writers import webvtt as webvtt_writer

__all__ = ["READERS", "WRITERS", "ReadOptions", "ReaderSpec", "WriterSpec", "detect_reader",
           "writer_for"]


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    name: str
    describe: Callable[[], str]  # called when shown, so the text is in the UI's language
    extensions: tuple[str, ...]
    sniff: Callable[[str], bool]  # True when the text is clearly in this format
    read: Callable[[str, ReadOptions], Transcript]  # raises TranscriptError without a path

    @property
    def description(self) -> str:
        return self.describe()


@dataclass(frozen=True, slots=True)
class WriterSpec:
    name: str
    description: str
    extensions: tuple[str, ...]
    write: Callable[[Transcript], str]


# Order matters: detection asks each sniffer in turn, most specific first.
READERS: tuple[ReaderSpec, ...] = (
    ReaderSpec("json", lambda: "Whisper JSON, WhisperX JSON, Podcasting 2.0 JSON", (".json",),
               json_transcripts.sniff, json_transcripts.read),
    ReaderSpec("webvtt", lambda: translate("Transcript", "WebVTT, including YouTube auto-captions"),
               (".vtt",), webvtt.sniff, webvtt.read),
    ReaderSpec("srt", lambda: "SubRip (SRT)", (".srt",), srt.sniff, srt.read),
    ReaderSpec("ass", lambda: translate("Transcript", "SubStation Alpha (.ass, .ssa)"),
               (".ass", ".ssa"), substation.sniff, substation.read),
    ReaderSpec("whisper-text",
               lambda: translate("Transcript", "Whisper text ([start --> end] text)"),
               (), whisper_text.sniff, whisper_text.read),
    ReaderSpec("podcasting20-html",
               lambda: translate("Transcript", "Podcasting 2.0 HTML transcript (<cite>, <time>, "
                                 "<p>)"),
               (".html", ".htm"), podcasting20_html.sniff, podcasting20_html.read),
    ReaderSpec("meeting-export",
               lambda: translate("Transcript", "Meeting and interview exports (Otter, Zoom, "
                                 "Teams, Descript): 'Name  0:01:02' above the text"),
               (), meeting_export.sniff, meeting_export.read),
    ReaderSpec("markdown-note",
               lambda: translate("Transcript", "Markdown note with a ## Transcript section"),
               (".md", ".markdown"), markdown_note.sniff, markdown_note.read),
    ReaderSpec("plain-text", lambda: translate("Transcript", "Plain text without timestamps"),
               (".txt", ".text"), plain_text.sniff, plain_text.read),
)

WRITERS: tuple[WriterSpec, ...] = (
    WriterSpec("srt", "SubRip (SRT)", (".srt",), srt_writer.write),
    WriterSpec("webvtt", "WebVTT with <v> speakers", (".vtt",), webvtt_writer.write),
    WriterSpec("podcasting20-json", "Podcasting 2.0 JSON transcript", (".json",),
               podcasting20_writer.write),
    WriterSpec("plain-text", "Plain text", (".txt",), plain_text_writer.write),
    WriterSpec("markdown-note", "Markdown note", (".md", ".markdown"), markdown_note_writer.write),
)


def detect_reader(text: str, path: PurePath | None = None) -> ReaderSpec:
    """The reader for ``text``: by content first, by ``path``'s extension second."""
    for spec in READERS:
        if spec.sniff(text):
            return spec
    suffix = path.suffix.lower() if path is not None else ""
    for spec in READERS:
        if suffix and suffix in spec.extensions:
            return spec
    if not suffix:
        return _reader_named("plain-text")
    raise TranscriptError(
        translate("Transcript", "unknown transcript format ({extension}); Meelezer reads "
                  "{formats}").format(extension=suffix, formats=", ".join(
                      spec.description for spec in READERS)),
        path,
    )


def writer_for(path: PurePath) -> WriterSpec:
    """The writer chosen by ``path``'s extension."""
    suffix = path.suffix.lower()
    for spec in WRITERS:
        if suffix in spec.extensions:
            return spec
    known = ", ".join(ext for spec in WRITERS for ext in spec.extensions)
    if suffix:
        reason = translate("Transcript", "cannot write {extension}; choose one of {known}")
    else:
        reason = translate("Transcript",
                           "cannot write files without an extension; choose one of {known}")
    raise TranscriptError(reason.format(extension=suffix, known=known), path)


def _reader_named(name: str) -> ReaderSpec:
    return next(spec for spec in READERS if spec.name == name)
