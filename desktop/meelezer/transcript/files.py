"""Reading a transcript from a file and writing one to a file; the entry points callers use."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from meelezer.atomic_write import write_text_atomically
from meelezer.texts import translate
from meelezer.transcript.encoding import decode_transcript_bytes
from meelezer.transcript.errors import TranscriptError, cannot_read, cannot_write
from meelezer.transcript.formats import ReadOptions, detect_reader, writer_for
from meelezer.transcript.model import Transcript
from meelezer.transcript.timecode import MAX_TIME_MS, too_long_reason

# Larger than any one episode's transcript: seed 003 (1 h 53 min) is 200 kB, WhisperX JSON
# with word times about 1.8 MB an hour, so 32 MB holds some 18 hours with word times. Reading
# and storing runs on the GUI thread: ~10 s and ~350 MB at this size (bench import-size-limit);
# a 199 MB file took a minute and 2 GB, so larger files are refused before reading.
MAX_TRANSCRIPT_BYTES = 32 * 1024 * 1024


def check_transcript_file(path: Path) -> None:
    """Raises ``TranscriptError`` unless ``path`` is a regular file (or a link to one).

    Reading a FIFO waits for a writer forever and a device such as /dev/zero never ends,
    so anything but a regular file is refused before it is opened, with what it is.
    """
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise _unreadable(path, error) from None
    if not stat.S_ISREG(mode):
        raise _not_a_regular_file(path, mode)


def _unreadable(path: Path, error: OSError) -> TranscriptError:
    if isinstance(error, FileNotFoundError):
        return TranscriptError(translate("Transcript", "file not found; check the path"), path)
    if isinstance(error, PermissionError):
        return TranscriptError(translate("Transcript", "no permission to read this file"), path)
    return cannot_read(path, error)


def _not_a_regular_file(path: Path, mode: int) -> TranscriptError:
    if stat.S_ISDIR(mode):
        what = translate("Transcript", "this is a folder, not a transcript file")
    elif stat.S_ISFIFO(mode):
        what = translate("Transcript", "this is a named pipe (FIFO), not a file; save the "
                         "transcript to a file and open that")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = translate("Transcript", "this is a device (such as a disk or /dev/zero), not a "
                         "file; choose a transcript file")
    elif stat.S_ISSOCK(mode):
        what = translate("Transcript", "this is a socket, not a file; choose a transcript file")
    else:
        what = translate("Transcript", "this is not a regular file; choose a transcript file")
    return TranscriptError(what, path)


def read_transcript_bytes(path: Path) -> bytes:
    """The file's bytes, or a ``TranscriptError`` saying why they cannot be had.

    At most ``MAX_TRANSCRIPT_BYTES`` are read, whatever size the file claims (files in
    /proc claim 0, a file may grow while it is read).
    """
    check_transcript_file(path)
    try:
        # Non-blocking, so a FIFO swapped in after the check cannot hang the open.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                             | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise _not_a_regular_file(path, mode)
            data = handle.read(MAX_TRANSCRIPT_BYTES + 1)
    except OSError as error:
        raise _unreadable(path, error) from None
    if len(data) > MAX_TRANSCRIPT_BYTES:
        raise TranscriptError(translate(
            "Transcript", "the file is larger than {limit} MB, too large for one episode's "
            "transcript ({limit} MB holds about 18 hours with word times); if it is one, split "
            "it into parts and open those",
        ).format(limit=MAX_TRANSCRIPT_BYTES // (1024 * 1024)), path)
    return data


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
