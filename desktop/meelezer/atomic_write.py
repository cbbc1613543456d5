"""Writing a text file so that a failure never leaves half a file where the old one was."""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path


def write_text_atomically(path: Path, content: str) -> None:
    """Write ``content`` (UTF-8, LF) to a temporary file beside ``path``, then swap it in.

    The file gets the permissions a new file gets from the user's umask (or keeps those of
    the file it replaces), not the private ones of a temporary file.
    Raises ``OSError``; callers turn it into their own error type with a message.
    """
    temporary: str | None = None
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


_umask_lock = threading.Lock()


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        pass
    with _umask_lock:  # the only way to read the umask is to set it
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask
