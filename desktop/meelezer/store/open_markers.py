"""A marker beside the library while a process has it open, so the next start knows whether
the last session ended cleanly (and only then skips SQLite's full integrity check)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Final

_counter = itertools.count()
_PREFIX: Final = ".{name}.open-"


class OpenMarker:
    """``.<library>.open-<pid>-<n>`` beside the library: placed at open, removed at close.

    A marker whose process is no longer running was left by a crash or a kill.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self.prefix = _PREFIX.format(name=database.name)
        self.path = database.with_name(f"{self.prefix}{os.getpid()}-{next(_counter)}")

    def _others(self) -> list[tuple[Path, int]]:
        found = []
        for entry in self.database.parent.glob(f"{self.prefix}*"):
            pid = entry.name[len(self.prefix):].split("-", 1)[0]
            if pid.isdigit():
                found.append((entry, int(pid)))
        return found

    def left_by_a_crash(self) -> bool:
        """True when a process that had the library open ended without closing it."""
        return any(not _running(pid) for _entry, pid in self._others())

    def place(self) -> None:
        self.path.touch()

    def clear_stale(self) -> None:
        """Forget the markers of ended processes (the check they called for has run)."""
        for entry, pid in self._others():
            if not _running(pid):
                entry.unlink(missing_ok=True)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
