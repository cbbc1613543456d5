"""The one error type every transcript reader and writer raises for bad input."""

from __future__ import annotations

from pathlib import Path, PurePath

from meelezer.texts import translate


class TranscriptError(Exception):
    """A transcript could not be read or written.

    Carries the file (when known), the 1-based line (when there is one) and a reason a
    person can act on. ``str(error)`` reads like ``episode.srt:12: end 00:01:02,000 is
    before start 00:01:03,000``.
    """

    def __init__(self, reason: str, path: PurePath | str | None = None, line: int | None = None):
        self.reason = reason
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self._format())

    def _format(self) -> str:
        where = str(self.path) if self.path is not None else "<text>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"

    def with_path(self, path: PurePath | str) -> TranscriptError:
        """The same error, naming ``path`` (readers parse text and learn the path late)."""
        return TranscriptError(self.reason, path, self.line)


def cannot_read(path: PurePath | str, error: OSError) -> TranscriptError:
    """The error for a transcript file the system would not let us read."""
    return TranscriptError(translate("Transcript", "cannot read the file: {reason}").format(
        reason=error.strerror or error), path)


def cannot_write(path: PurePath | str, error: OSError) -> TranscriptError:
    """The error for a file the system would not let us write (an export, a save)."""
    return TranscriptError(translate("Transcript", "cannot write the file: {reason}").format(
        reason=error.strerror or error), path)
