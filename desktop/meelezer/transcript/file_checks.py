"""Which paths may be read as transcripts, and reading their bytes within the size limit.

Apart from ``files`` so that checking a path does not load every reader (start-up time).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from meelezer.texts import translate
from meelezer.transcript.errors import TranscriptError, cannot_read

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
