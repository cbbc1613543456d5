"""Fuzzing the text readers: only TranscriptError escapes, and valid input keeps its numbers."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzzing import FUZZ, FUZZ_LONG
from meelezer.transcript.encoding import decode_transcript_bytes
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.formats import ReadOptions
from meelezer.transcript.model import Transcript
from meelezer.transcript.readers import (
    markdown_note,
    meeting_export,
    plain_text,
    podcasting20_html,
    srt,
    substation,
    webvtt,
    whisper_text,
)
from meelezer.transcript.timecode import format_clock, format_srt, format_vtt

READERS = [whisper_text, srt, webvtt, markdown_note, plain_text, meeting_export,
           podcasting20_html, substation]


def read_or_error(reader: ModuleType, text: str, duration: int | None = None) -> None:
    """Reads ``text``; a TranscriptError is fine, anything else fails the test."""
    sniffed = reader.sniff(text)
    assert isinstance(sniffed, bool)
    try:
        transcript = reader.read(text, ReadOptions(audio_duration_ms=duration))
    except TranscriptError as error:
        assert error.reason
        return
    assert isinstance(transcript, Transcript)
    for segment in transcript.segments:
        assert segment.end_ms >= segment.start_ms


# --- arbitrary input ---------------------------------------------------------------------

@FUZZ
@given(st.binary(max_size=2000))
def test_decoding_arbitrary_bytes(data: bytes) -> None:
    try:
        text = decode_transcript_bytes(data)
    except TranscriptError:
        return
    assert "\r" not in text
    assert text.strip()


@pytest.mark.parametrize("reader", READERS, ids=lambda module: module.__name__.rsplit(".")[-1])
@FUZZ
@given(text=st.text(max_size=400), duration=st.none() | st.integers(-5, 10**9))
def test_arbitrary_text(reader: ModuleType, text: str, duration: int | None) -> None:
    read_or_error(reader, text, duration)


# --- near-valid input: real line shapes with random parts --------------------------------

digits = st.integers(0, 99).map(str)
clock = st.one_of(
    st.builds(lambda h, m, s, f, sep: f"{h}:{m}:{s}{sep}{f}", digits, digits, digits,
              st.integers(0, 9999).map(str), st.sampled_from([".", ",", ""])),
    st.builds(lambda m, s, f: f"{m}:{s}.{f}", digits, digits, st.integers(0, 999).map(str)),
    st.builds(lambda s: f"{s:.2f}", st.floats(0, 10**6, allow_nan=False)),
    st.text("0123456789:.,", max_size=12),
)
arrow = st.sampled_from(["-->", " --> ", "->", "-- >", "-->-->"])
settings_suffix = st.sampled_from(["", " align:start position:0%", " X1:10 X2:20", " line:90%"])
timing_line = st.builds(lambda a, arr, b, rest: f"{a}{arr}{b}{rest}",
                        clock, arrow, clock, settings_suffix)
whisper_line = st.builds(lambda t, text: f"[{t}]  {text}", timing_line, st.text(max_size=20))
inline_line = st.builds(
    lambda first, parts: first + "".join(f"<{t}><c> {w}</c>" for t, w in parts),
    st.text(max_size=6), st.lists(st.tuples(clock, st.text(max_size=6)), max_size=4))
markdown_line = st.builds(
    lambda a, b, who, text: f"[0:00](#t={a},{b}) {who}{text}",
    st.text("0123456789.", max_size=8), st.text("0123456789.", max_size=8),
    st.sampled_from(["", "**Wietse:** ", "**:** ", "** "]), st.text(max_size=20))
fixed_line = st.sampled_from([
    "", " ", "WEBVTT", "WEBVTT - titel", "Kind: captions", "NOTE x", "STYLE", "REGION", "1", "42",
    "## Transcript", "---", "# Titel", "**Source:** [YouTube](https://youtu.be/abc)",
    "**Tags:** #a #b", "**Video ID:** xyz", "Video title: A ｜ B", "------------------ ",
    "[Muziek]", "Wietse: hoi", ">> Anne: ja", "<v Wietse>hoi</v>", "<v.loud>", "&amp;&lt;&#0;",
    "{\\an8}<i>x</i>", "<ruby>a<rt>b", "Last modified time: 2025-02-20 06:59:25",
    "Anne Jansen  0:01:02", "Bram (00:01:05)", "[Anne] 10:01:02", "Speaker 1  99:99",
    "- Anne: hoi", "- Bram: ja", "ANNE: JA", "<cite>Anne:</cite>", "<time>0:00</time>",
    "<time>x</time>", "<p>tekst <b>vet</b></p>", "<script>x</script>", "<p>", "</p>",
    "[Script Info]", "[Events]", "[V4 Styles]", "ScriptType: v4.00",
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
    "Dialogue: 0,0:00:01.00,0:00:02.00,Default,Anne,0,0,0,,{\\i1}x\\Ny",
    "Dialogue: 0,0:00:0x.00,0:00:02.00,,,,,,,x", "Dialogue: Marked=0,0:00:02.00,0:00:01.00,a",
])
near_valid_text = st.lists(
    st.one_of(fixed_line, timing_line, whisper_line, inline_line, markdown_line,
              st.text(max_size=30)),
    max_size=20,
).map("\n".join)


@pytest.mark.parametrize("reader", READERS, ids=lambda module: module.__name__.rsplit(".")[-1])
@FUZZ
@given(text=near_valid_text, duration=st.none() | st.integers(1, 10**8))
def test_near_valid_text(reader: ModuleType, text: str, duration: int | None) -> None:
    read_or_error(reader, text, duration)


# --- valid input round-trips its numbers -------------------------------------------------

# Cue text that no reader rewrites: no markup, entities, labels or lone numbers.
safe_text = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyzéëABCXYZ,.!?'", min_size=1, max_size=10),
    min_size=1, max_size=8,
).map(" ".join).filter(lambda text: any(c.isalpha() for c in text))
cue = st.tuples(st.integers(0, 20 * 3600 * 1000), st.integers(0, 600_000), safe_text)
cues = st.lists(cue, min_size=1, max_size=12)


def rows(transcript: Transcript) -> list[tuple[int, int, str]]:
    return [(s.start_ms, s.end_ms, s.text) for s in transcript.segments]


def expected(generated: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return [(start, start + length, text) for start, length, text in generated]


@FUZZ
@given(cues, st.booleans())
def test_whisper_lines_round_trip(generated: list[tuple[int, int, str]], cpp: bool) -> None:
    def stamp(ms: int) -> str:
        return format_vtt(ms) if cpp else f"{ms / 1000:.3f}"

    text = "\n".join(f"[{stamp(start)} --> {stamp(start + length)}]  {words}"
                     for start, length, words in generated)
    transcript = whisper_text.read(text, ReadOptions())
    assert rows(transcript) == expected(generated)


@FUZZ
@given(cues, st.booleans(), st.booleans())
def test_srt_cues_round_trip(generated: list[tuple[int, int, str]], numbered: bool,
                             dot: bool) -> None:
    blocks = []
    for number, (start, length, words) in enumerate(generated, start=1):
        timing = f"{format_srt(start)} --> {format_srt(start + length)}"
        blocks.append(f"{number}\n" * numbered + (timing.replace(",", ".") if dot else timing)
                      + f"\n{words}\n")
    transcript = srt.read("\n".join(blocks), ReadOptions())
    assert rows(transcript) == expected(generated)


@FUZZ
@given(cues, st.sampled_from([None, "Wietse", "Alexander Klöpping"]))
def test_vtt_cues_round_trip(generated: list[tuple[int, int, str]], voice: str | None) -> None:
    opening = f"<v {voice}>" if voice else ""
    blocks = [f"{format_vtt(start)} --> {format_vtt(start + length)} align:start\n"
              f"{opening}{words}\n" for start, length, words in generated]
    transcript = webvtt.read("WEBVTT\n\n" + "\n".join(blocks), ReadOptions())
    assert rows(transcript) == expected(generated)
    assert {s.speaker for s in transcript.segments} == {voice}


@FUZZ
@given(cues)
def test_timed_markdown_round_trip(generated: list[tuple[int, int, str]]) -> None:
    lines = [f"[{format_clock(start)}](#t={start / 1000:.3f},{(start + length) / 1000:.3f}) "
             f"**Wietse:** {words}" for start, length, words in generated]
    text = "# Titel\n\n## Transcript\n\n" + "\n\n".join(lines) + "\n\n---\n"
    transcript = markdown_note.read(text, ReadOptions())
    assert rows(transcript) == expected(generated)


@pytest.mark.parametrize("read", [plain_text.read, markdown_note.read],
                         ids=["plain_text", "markdown_note"])
@FUZZ
@given(st.lists(safe_text, min_size=1, max_size=15), st.none() | st.integers(1, 10**8))
def test_untimed_text_keeps_its_words_and_fills_the_duration(
        read: Callable[[str, ReadOptions], Transcript], lines: list[str],
        duration: int | None) -> None:
    body = "\n".join(lines)
    text = body if read is plain_text.read else f"## Transcript\n\n{body}\n"
    transcript = read(text, ReadOptions(audio_duration_ms=duration))
    assert " ".join(s.text for s in transcript.segments).split() == body.split()
    segments = transcript.segments
    assert all(a.end_ms == b.start_ms for a, b in pairwise(segments))
    if duration is not None:
        assert transcript.duration_ms == duration


@pytest.mark.fuzz_long
@pytest.mark.parametrize("reader", READERS, ids=lambda module: module.__name__.rsplit(".")[-1])
@FUZZ_LONG
@given(text=near_valid_text | st.text(max_size=2000), duration=st.none() | st.integers(-5, 10**9))
def test_long_run(reader: ModuleType, text: str, duration: int | None) -> None:
    read_or_error(reader, text, duration)
