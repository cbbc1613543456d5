"""Fuzzing a transcript file as the app reads it: bytes, encoding, detection, reader, limits.

Whatever the bytes and whatever the extension, the result is a transcript whose text can
be stored and written (no lone surrogates, times within the limit) or one TranscriptError.
"""

from __future__ import annotations

from pathlib import PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.fuzzing import FUZZ, FUZZ_LONG
from meelezer.transcript.encoding import decode_transcript_bytes
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.formats import ReadOptions, detect_reader
from meelezer.transcript.timecode import MAX_TIME_MS

EXTENSIONS = [".srt", ".vtt", ".json", ".txt", ".md", ".html", ".ass", ""]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]

line = st.sampled_from([
    "WEBVTT", "1", "00:00:01,000 --> 00:00:02,000", "00:00:1d.890 --> 00:00:02.000",
    "-00:00:01,000 --> 00:00:02,000", "99999999999999999999:00:00,000 --> 0:00:01,000",
    "[0.00 --> 8.66]  Hallo", "[-1 --> 2] x", "Anne: hoi", "- Bram: ja", "ANNE: JA",
    "Anne Jansen  0:01:02", "Bram (00:01:05)", '{"segments": [{"start": 0, "end": 1, '
    '"text": "\\ud800"}]}', "<cite>Anne:</cite>", "<time>0:00</time>", "<p>tekst</p>",
    "## Transcript", "", " ", "Gewone zin met woorden.", "[Script Info]", "[Events]",
    "Dialogue: 0,0:00:01.00,0:00:02.00,Default,Anne,0,0,0,,x",
]) | st.text(max_size=30)
file_text = st.lists(line, max_size=25).map("\n".join)
file_bytes = st.one_of(
    st.tuples(file_text, st.sampled_from(ENCODINGS)).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")),
    st.binary(max_size=600),
)


def read_bytes(data: bytes, extension: str) -> None:
    """What read_transcript does after reading the file; fails on anything but TranscriptError."""
    try:
        text = decode_transcript_bytes(data)
        reader = detect_reader(text, PurePath(f"episode{extension}"))
        transcript = reader.read(text, ReadOptions())
    except TranscriptError as error:
        assert error.reason
        return
    for segment in transcript.segments:
        assert 0 <= segment.start_ms <= segment.end_ms <= MAX_TIME_MS
        for text_value in (segment.text, segment.speaker or ""):
            text_value.encode("utf-8")  # storable: raises on a lone surrogate
    for warning in transcript.warnings:
        warning.encode("utf-8")


@pytest.mark.parametrize("extension", EXTENSIONS)
@FUZZ
@given(data=file_bytes)
def test_file_bytes(extension: str, data: bytes) -> None:
    read_bytes(data, extension)


@pytest.mark.fuzz_long
@pytest.mark.parametrize("extension", EXTENSIONS)
@FUZZ_LONG
@given(data=file_bytes)
def test_long_run(extension: str, data: bytes) -> None:
    read_bytes(data, extension)
