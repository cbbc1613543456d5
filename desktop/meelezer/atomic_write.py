"""Writing a text file so that a failure never leaves half a file where the old one was."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, content: str) -> None:
    """Write ``content`` (UTF-8, LF) to a temporary file beside ``path``, then swap it in.

    Raises ``OSError``; callers turn it into their own error type with a message.
    """
    temporary: str | None = None
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise
