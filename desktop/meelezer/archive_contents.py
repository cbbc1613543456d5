"""What an annotations backup holds, counted from the file, so messages can say what was saved."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ArchiveContents:
    titles: tuple[str, ...]  # of the episodes in the file, in its order
    notes: int  # notes, bookmarks and highlights
    labelled_lines: int
    corrections: int


def read_archive_contents(path: Path) -> ArchiveContents | None:
    """Count what the annotations file at ``path`` holds; None when it cannot be read.

    Used right after writing the file, for the message that reports it: counting the file
    itself reports exactly what was saved. A file that cannot be read back only costs the
    counts, so this never raises.
    """
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        episodes: list[dict[str, Any]] = document["episodes"]
        return ArchiveContents(
            titles=tuple(str(episode.get("title", "")) for episode in episodes),
            notes=sum(len(episode.get("notes", [])) for episode in episodes),
            labelled_lines=sum(len(speaker.get("lines", [])) for episode in episodes
                               for speaker in episode.get("speakers", [])),
            corrections=sum(len(episode.get("corrections", [])) for episode in episodes),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
