"""Reading a transcript from a file and writing one to a file; the entry points callers use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from meelezer.atomic_write import write_text_atomically
from meelezer.texts import translate
from meelezer.transcript.encoding import decode_transcript_bytes
from meelezer.transcript.errors import TranscriptError, cannot_write
from meelezer.transcript.file_checks import (
    MAX_TRANSCRIPT_BYTES,
    check_transcript_file,
    read_transcript_bytes,
)
from meelezer.transcript.formats import ReadOptions, detect_reader, writer_for
from meelezer.transcript.model import Transcript
from meelezer.transcript.timecode import MAX_TIME_MS, too_long_reason

__all__ = ["MAX_TRANSCRIPT_BYTES", "check_transcript_file", "read_transcript",
           "read_transcript_bytes", "render_transcript", "write_transcript"]


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
    if not transcript.segments:
        # "Wrote 0 lines" or an empty window would pass a useless file off as a success.
        raise TranscriptError(translate(
            "Transcript", "no transcript lines found in this file (nothing to read along "
            "with); choose a transcript that has text"), path)
    if not transcript.source_format:
        transcript.source_format = reader.name
    transcript.sort_segments()
    return transcript


def render_transcript(transcript: Transcript, path: Path | str,
                      subtitles: bool = False) -> str:
    """The text that ``write_transcript`` would put in ``path`` (format from the extension);
    with ``subtitles``, .srt and .vtt get short cues fit for video (``subtitle_cues``)."""
    if subtitles:
        return subtitle_writer(Path(path))(transcript)
    return writer_for(Path(path)).write(transcript)


def subtitle_writer(path: Path) -> Callable[[Transcript], str]:
    """The short-cue writer for ``path``'s extension; ``TranscriptError`` unless .srt/.vtt."""
    from meelezer.transcript.writers import srt, webvtt

    writers = {"srt": srt.write_subtitles, "webvtt": webvtt.write_subtitles}
    name = writer_for(path).name
    if name not in writers:
        raise TranscriptError(translate(
            "Transcript", "subtitle cues are written as .srt or .vtt; choose one of those "
            "or leave out the subtitles option"), path)
    return writers[name]


def write_transcript(transcript: Transcript, path: Path | str, subtitles: bool = False) -> None:
    """Write ``transcript`` to ``path`` in the format its extension names, atomically.

    The text goes to a temporary file beside ``path`` first, so a failed write never
    leaves half a file where the user's file was.
    """
    path = Path(path)
    content = render_transcript(transcript, path, subtitles)
    try:
        write_text_atomically(path, content)
    except OSError as error:
        raise cannot_write(path, error) from None
