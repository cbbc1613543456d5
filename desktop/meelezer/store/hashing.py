"""Content hashes that recognise a user's files again: of a transcript, and of an audio file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_CHUNK = 1024 * 1024
# How much of each end of an audio file its fingerprint reads.
_AUDIO_END = 1024 * 1024


def file_sha256(path: Path) -> str:
    """The lowercase hex sha256 of the file's bytes, streamed so big audio files fit in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def audio_fingerprint(path: Path) -> str:
    """``"SIZE:SHA256"`` of the file's size, first MiB and last MiB: an audio file's identity.

    Hashing all of a 500 MB episode takes seconds; the ends take milliseconds, and with
    the exact size they tell files apart in practice (container headers, tags and the
    last frames differ between recordings; a re-encode changes the size). The size is
    kept readable in front so a search can pass over files of another size with a stat.
    Files up to 2 MiB are hashed whole.
    """
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        digest.update(str(size).encode("ascii") + b"\0")
        digest.update(handle.read(_AUDIO_END))
        if size > 2 * _AUDIO_END:
            handle.seek(size - _AUDIO_END)
        digest.update(handle.read())  # the last MiB (or the rest of a small file)
    return f"{size}:{digest.hexdigest()}"


def fingerprint_size(fingerprint: str) -> int | None:
    """The file size an ``audio_fingerprint`` was taken of, None for another kind of hash."""
    size, separator, _digest = fingerprint.partition(":")
    return int(size) if separator and size.isdigit() else None
