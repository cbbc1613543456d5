"""Turning a transcript file's bytes into text: BOMs, UTF-16 (with or without BOM), cp1252,
newlines, binaries."""

from __future__ import annotations

import codecs
import re

from meelezer.texts import translate
from meelezer.transcript.errors import TranscriptError

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _escaped_byte_table() -> dict[int, str]:
    """What each byte that is not valid UTF-8 means in cp1252, keyed by its escape.

    ``surrogateescape`` turns such a byte b into U+DC00+b. The five bytes cp1252 leaves
    undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their Latin-1 meaning, so every byte
    still gives a character.
    """
    table: dict[int, str] = {}
    for byte in range(0x80, 0x100):
        try:
            table[0xDC00 + byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            table[0xDC00 + byte] = chr(byte)
    return table


_ESCAPED_AS_CP1252 = _escaped_byte_table()

# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SAMPLE_CHARS = 100_000  # enough to judge; keeps huge files cheap
_MAX_CONTROL_SHARE = 0.02  # real text has almost none; binary data has ~10 %
_UTF16_SAMPLE_BYTES = 20_000
_UTF16_NUL_SHARE = 0.5  # even Dutch or French text is mostly ASCII letters and spaces
_UTF16_STRAY_SHARE = 0.01



def decode_transcript_bytes(data: bytes) -> str:
    """The text of a transcript file, with newlines normalised to ``\\n``.

    Honours a UTF-8, UTF-16 or UTF-32 byte order mark; without one, recognises UTF-16 by
    its NUL bytes, and otherwise reads UTF-8 and reads
    any byte that is not valid UTF-8 as cp1252 (old Windows files). Raises
    ``TranscriptError`` for an empty file or for binary data.
    """
    text = _decode(data)
    if _looks_binary(text):
        raise _not_text()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TranscriptError(translate(
            "Transcript",
            "the file is empty (or only whitespace); choose a transcript that contains text"))
    return text


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # The BOM names the encoding, so a stray bad byte becomes U+FFFD, not a failure.
            return data[len(bom):].decode(encoding, errors="replace")
    if b"\x00" in data:
        # NUL never occurs in UTF-8 or cp1252 text; it does in UTF-16 written without a BOM.
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise _not_text()
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Read the bytes that are not valid UTF-8 as cp1252 (old Windows files), one by
        # one, so a UTF-8 file with a few legacy bytes pasted in keeps its UTF-8 text.
        return data.decode("utf-8", errors="surrogateescape").translate(_ESCAPED_AS_CP1252)


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when ``data`` looks like UTF-16 text without a BOM, else None.

    Text in Latin script is mostly ASCII, which UTF-16 writes as the character and a
    NUL: NULs then sit at nearly every odd (LE) or even (BE) offset and nowhere else.
    """
    sample = data[:_UTF16_SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    nul_odd = sample[1::2].count(0)
    nul_even = sample[0::2].count(0)
    if nul_odd >= _UTF16_NUL_SHARE * pairs and nul_even <= _UTF16_STRAY_SHARE * pairs:
        return "utf-16-le"
    if nul_even >= _UTF16_NUL_SHARE * pairs and nul_odd <= _UTF16_STRAY_SHARE * pairs:
        return "utf-16-be"
    return None


def _not_text() -> TranscriptError:
    return TranscriptError(translate(
        "Transcript",
        "this is not a text transcript (it looks like binary data, for example an audio or "
        "video file chosen by mistake); choose the transcript file instead "
        "(.srt, .vtt, .txt, .json, .md, .html or .ass)"))


def _looks_binary(text: str) -> bool:
    sample = text[:_CONTROL_SAMPLE_CHARS]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return "\x00" in sample or controls > _MAX_CONTROL_SHARE * len(sample)
