"""The one error type every transcript reader and writer raises for bad input."""

from __future__ import annotations

from pathlib import Path, PurePath


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
