"""Reading a transcript from a file and writing one to a file; the entry points callers use."""

from __future__ import annotations

from pathlib import Path

from meelezer.atomic_write import write_text_atomically
from meelezer.texts import translate
from meelezer.transcript.encoding import decode_transcript_bytes
from meelezer.transcript.errors import TranscriptError, cannot_read, cannot_write
from meelezer.transcript.formats import ReadOptions, detect_reader, writer_for
from meelezer.transcript.model import Transcript
from meelezer.transcript.timecode import MAX_TIME_MS, too_long_reason

# Larger than any real transcript (seed 003 is 200 kB); protects against opening a video by mistake.
MAX_TRANSCRIPT_BYTES = 200 * 1024 * 1024


def read_transcript_bytes(path: Path) -> bytes:
    """The file's bytes, or a ``TranscriptError`` saying why they cannot be had."""
    try:
        size = path.stat().st_size
        if size > MAX_TRANSCRIPT_BYTES:
            reason = translate("Transcript", "file is {size} MB, too large to be a transcript")
            raise TranscriptError(reason.format(size=size // (1024 * 1024)), path)
        return path.read_bytes()
    except FileNotFoundError:
        raise TranscriptError(translate("Transcript", "file not found; check the path"),
                              path) from None
    except IsADirectoryError:
        raise TranscriptError(
            translate("Transcript", "this is a folder, not a transcript file"), path) from None
    except PermissionError:
        raise TranscriptError(translate("Transcript", "no permission to read this file"),
                              path) from None
    except OSError as error:
        raise cannot_read(path, error) from None


def read_transcript(path: Path | str, audio_duration_ms: int | None = None) -> Transcript:
    """Read ``path`` in whatever supported format it is in.

    Raises ``TranscriptError`` (naming the file, the line where there is one, and what is
    wrong) for anything that is not a readable transcript; no other exception escapes for
    bad input.
    """
    path = Path(path)
    if audio_duration_ms is not None and audio_duration_ms > MAX_TIME_MS:
        raise TranscriptError(translate("Transcript", "the audio length is {reason}").format(
            reason=too_long_reason()), path)
    data = read_transcript_bytes(path)
    try:
        text = decode_transcript_bytes(data)
        reader = detect_reader(text, path)
        transcript = reader.read(text, ReadOptions(audio_duration_ms=audio_duration_ms))
    except TranscriptError as error:
        raise error.with_path(path) from None
    if not transcript.source_format:
        transcript.source_format = reader.name
    transcript.sort_segments()
    return transcript


def render_transcript(transcript: Transcript, path: Path | str) -> str:
    """The text that ``write_transcript`` would put in ``path`` (format from the extension)."""
    return writer_for(Path(path)).write(transcript)


def write_transcript(transcript: Transcript, path: Path | str) -> None:
    """Write ``transcript`` to ``path`` in the format its extension names, atomically.

    The text goes to a temporary file beside ``path`` first, so a failed write never
    leaves half a file where the user's file was.
    """
    path = Path(path)
    content = render_transcript(transcript, path)
    try:
        write_text_atomically(path, content)
    except OSError as error:
        raise cannot_write(path, error) from None
