"""Reader for the Podcasting 2.0 HTML transcript: ``<cite>Name:</cite> <time>0:00</time> <p>…</p>``.

Parsed with the standard library's HTML parser as text only: tags are never rendered, images
never loaded, scripts and styles dropped. The file's times are coarse (a turn's start, to the
second), so every line is marked estimated and refined like other untimed text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from meelezer.texts import translate
from meelezer.transcript.errors import SkippedParts, TranscriptError
from meelezer.transcript.model import EpisodeMetadata, Transcript
from meelezer.transcript.read_options import ReadOptions
from meelezer.transcript.readers.speaker_turns import Turn, turns_to_segments
from meelezer.transcript.timecode import parse_timestamp

_SNIFF_CHARS = 20_000
_SNIFF = (re.compile(r"<cite\b", re.IGNORECASE), re.compile(r"<time\b", re.IGNORECASE),
          re.compile(r"<p\b", re.IGNORECASE))
_DROPPED = frozenset({"script", "style", "head", "template", "noscript"})
_CAPTURED = frozenset({"cite", "time", "p", "title"})


def sniff(text: str) -> bool:
    """True when the top has ``<p>`` paragraphs with ``<cite>`` or ``<time>`` before them."""
    head = text[:_SNIFF_CHARS]
    cite, time, paragraph = (pattern.search(head) is not None for pattern in _SNIFF)
    return paragraph and (cite or time)


class _TurnParser(HTMLParser):
    """Collects turns: the latest cite and time apply to the next paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.turns: list[Turn] = []
        self.title: str | None = None
        self.skipped = SkippedParts()
        self._speaker: str | None = None
        self._time: int | None = None
        self._capturing: str | None = None  # the element whose text is being collected
        self._buffer: list[str] = []
        self._dropped_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._dropped_depth += 1
        elif tag in _CAPTURED and self._capturing is None and not self._dropped_depth:
            self._capturing, self._buffer = tag, []
        elif tag == "br" and self._capturing:
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropped_depth = max(0, self._dropped_depth - 1)
        elif tag == self._capturing:
            self._finish(tag, " ".join("".join(self._buffer).split()))
            self._capturing = None

    def handle_data(self, data: str) -> None:
        if self._capturing and not self._dropped_depth:
            self._buffer.append(data)

    def _finish(self, tag: str, text: str) -> None:
        if tag == "cite":
            self._speaker = text.rstrip(":").strip() or None
        elif tag == "time":
            try:
                self._time = parse_timestamp(text)
            except ValueError as error:
                line, _ = self.getpos()
                self.skipped.add(TranscriptError(str(error), line=line))
                self._time = None
        elif tag == "title":
            self.title = self.title or text or None
        elif text:
            self.turns.append(Turn(self._time, self._speaker, text))
            self._time = None  # a second paragraph without its own time follows on


def read(text: str, options: ReadOptions) -> Transcript:
    """One turn per paragraph, with the cite before it as speaker and the time as its start."""
    parser = _TurnParser()
    parser.feed(text)
    parser.close()
    segments = turns_to_segments(parser.turns, options.audio_duration_ms, all_estimated=True)
    if not segments:
        raise TranscriptError(translate(
            "Transcript", "no transcript paragraphs found in this HTML (expected "
            "<cite>Name:</cite> <time>0:00</time> <p>text</p>, as Podcasting 2.0 writes)"))
    return Transcript(segments, EpisodeMetadata(title=parser.title),
                      source_format="podcasting20-html", warnings=parser.skipped.warnings())
