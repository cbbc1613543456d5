"""Tests for decoding transcript bytes: BOMs, UTF-16, cp1252, newlines, empty and binary files."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from meelezer.transcript.encoding import decode_transcript_bytes
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "transcripts"


def test_plain_utf8_is_returned_as_is() -> None:
    assert decode_transcript_bytes("Één café\nTwee\n".encode()) == "Één café\nTwee\n"


def test_utf8_bom_is_removed() -> None:
    assert decode_transcript_bytes(b"\xef\xbb\xbfWEBVTT\n") == "WEBVTT\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    data = bom + "Café\r\nthé\n".encode(encoding)
    assert decode_transcript_bytes(data) == "Café\nthé\n"


def test_crlf_and_lone_cr_become_lf() -> None:
    assert decode_transcript_bytes(b"a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd"


def test_cp1252_fallback_reads_legacy_windows_text() -> None:
    data = "Café – “lekker” voor €2".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_transcript_bytes(data) == "Café – “lekker” voor €2"


def test_cp1252_undefined_bytes_still_give_text() -> None:
    # 0x81 and 0x9D are undefined in cp1252; they keep their Latin-1 meaning.
    assert decode_transcript_bytes(b"Caf\xe9 \x81\x9d") == "Café \x81\x9d"


def test_valid_utf8_is_not_misread_as_cp1252() -> None:
    assert decode_transcript_bytes("CafÃ© is fout, Café is goed".encode()) == (
        "CafÃ© is fout, Café is goed")


@pytest.mark.parametrize("data", [b"", b"   ", b" \r\n\t\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_or_whitespace_only_is_an_error(data: bytes) -> None:
    with pytest.raises(TranscriptError, match="empty"):
        decode_transcript_bytes(data)


@pytest.mark.parametrize("data", [
    b"ID3\x04\x00\x00\x00\x00\x00#TSSE\x00\x00\x00\x0f\x00\x00\x03Lavf",  # an MP3 header
    b"RIFF$\x00\x00\x00WAVEfmt ",
    bytes(range(1, 32)) * 20,  # control characters without NUL
])
def test_binary_data_is_not_a_transcript(data: bytes) -> None:
    with pytest.raises(TranscriptError, match="not a text transcript") as caught:
        decode_transcript_bytes(data)
    assert "audio" in caught.value.reason  # says what probably happened


def test_random_bytes_are_not_a_transcript() -> None:
    data = random.Random(4).randbytes(4096)
    with pytest.raises(TranscriptError, match="not a text transcript"):
        decode_transcript_bytes(data)


def test_a_few_control_characters_are_tolerated() -> None:
    text = "Regel een.\x0c\n" + "Gewone tekst. " * 50 + "\x1a"
    assert decode_transcript_bytes(text.encode()).startswith("Regel een.")


# --- through read_transcript -----------------------------------------------------------

def test_read_transcript_handles_bom_and_crlf() -> None:
    transcript = read_transcript(FIXTURES / "crlf_bom.srt")
    assert [s.text for s in transcript.segments] == [
        "Café één", "Tweede regel met oude Mac-regeleinde"]


def test_read_transcript_handles_cp1252() -> None:
    transcript = read_transcript(FIXTURES / "cp1252.txt")
    assert transcript.segments[0].text == "Café au lait – “lekker” voor €2"


def test_read_transcript_handles_utf16() -> None:
    transcript = read_transcript(FIXTURES / "utf16.vtt")
    assert [s.text for s in transcript.segments] == ["Café in UTF-16"]
    assert transcript.source_format == "webvtt"


def test_empty_file_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "leeg.srt"
    path.write_bytes(b"\r\n  \r\n")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert str(caught.value).startswith(str(path))
    assert "empty" in str(caught.value)


def test_audio_file_chosen_by_mistake_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "aflevering.txt"
    path.write_bytes(random.Random(7).randbytes(20_000))
    with pytest.raises(TranscriptError, match="not a text transcript") as caught:
        read_transcript(path)
    assert caught.value.path == path


def test_utf8_file_with_a_few_legacy_bytes_keeps_both() -> None:
    data = "Één regel in UTF-8, ".encode() + b"en een caf\xe9 uit Windows"
    assert decode_transcript_bytes(data) == "Één regel in UTF-8, en een café uit Windows"


# --- UTF-16 without a byte order mark (issue 13 item 14) --------------------------------

SRT_DUTCH = "1\r\n00:00:01,000 --> 00:00:02,500\r\nÉén café, één thé — „mooi”\r\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(encoding: str) -> None:
    assert decode_transcript_bytes(SRT_DUTCH.encode(encoding)) == SRT_DUTCH.replace("\r\n", "\n")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_reads_as_a_transcript(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "windows.srt"
    path.write_bytes(SRT_DUTCH.encode(encoding))
    transcript = read_transcript(path)
    assert [s.text for s in transcript.segments] == ["Één café, één thé — „mooi”"]


def test_utf16_detection_leaves_binary_with_nuls_alone() -> None:
    # Every other byte NUL, but the others are control bytes: not text in any encoding.
    with pytest.raises(TranscriptError, match="not a text transcript"):
        decode_transcript_bytes(bytes([1, 0, 2, 0, 3, 0, 4, 0]) * 200)
