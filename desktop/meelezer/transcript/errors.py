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


class SkippedParts:
    """What a reader skipped because it could not read it: one bad cue costs only itself.

    Readers ``add`` each part's error and go on; ``warnings`` are what to tell the user.
    When nothing at all could be read, the first problem is the error instead.
    """

    def __init__(self) -> None:
        self.problems: list[TranscriptError] = []

    def add(self, error: TranscriptError) -> None:
        self.problems.append(error)

    def warnings(self) -> list[str]:
        return [_where(problem) for problem in self.problems]

    def raise_if_nothing_read(self, kept: int) -> None:
        if not kept and self.problems:
            raise self.problems[0]


def _where(problem: TranscriptError) -> str:
    if problem.line is None:
        return problem.reason
    return translate("Transcript", "line {line}: {reason}").format(
        line=problem.line, reason=problem.reason)


SHOWN_WARNINGS = 3


def describe_warnings(warnings: list[str]) -> str:
    """One message for the skipped parts of a file: how many, and the first few."""
    shown = "; ".join(warnings[:SHOWN_WARNINGS])
    if len(warnings) > SHOWN_WARNINGS:
        shown += translate("Transcript", "; and {count} more").format(
            count=len(warnings) - SHOWN_WARNINGS)
    return translate(
        "Transcript", "skipped {count} part(s) of the file that could not be read "
        "(the rest is open): {problems}.").format(count=len(warnings), problems=shown)


def cannot_read(path: PurePath | str, error: OSError) -> TranscriptError:
    """The error for a transcript file the system would not let us read."""
    return TranscriptError(translate("Transcript", "cannot read the file: {reason}").format(
        reason=error.strerror or error), path)


def cannot_write(path: PurePath | str, error: OSError) -> TranscriptError:
    """The error for a file the system would not let us write (an export, a save)."""
    from meelezer.os_errors import reason

    return TranscriptError(translate("Transcript", "cannot write the file: {reason}").format(
        reason=reason(error)), path)
