"""Real outside events for library tests: a process killed with the library open, another
program holding the write lock."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path


def killed_with_library_open(db_path: Path) -> None:
    """A real process opens the library and is killed (SIGKILL) before it can close it."""
    child = subprocess.run(
        [sys.executable, "-c",
         "import os, signal, sys; from pathlib import Path;"
         "from meelezer.store.database import open_database;"
         "open_database(Path(sys.argv[1])); os.kill(os.getpid(), signal.SIGKILL)",
         str(db_path)], check=False, env=dict(os.environ))
    assert child.returncode == -signal.SIGKILL


@contextmanager
def write_lock_held(db_path: Path,
                    release_after_s: float | None = None) -> Iterator[threading.Event]:
    """Another connection (plain sqlite3, as another program would) takes the write lock,
    changes the library, and commits when the returned event is set (or after
    ``release_after_s``, or when the block ends)."""
    release = threading.Event()
    taken = threading.Event()

    def hold() -> None:
        with closing(sqlite3.connect(db_path, isolation_level=None,
                                     check_same_thread=False)) as other:
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE episode SET last_position_ms = last_position_ms + 1")
            taken.set()
            release.wait(release_after_s if release_after_s is not None else 60)
            other.execute("COMMIT")

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    taken.wait(10)
    try:
        yield release
    finally:
        release.set()
        holder.join(10)


@contextmanager
def small_file_system(folder: Path, size: str = "256k") -> Iterator[Path]:
    """A real, small file system (tmpfs) mounted on ``folder``; needs root (else skipped)."""
    import pytest

    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Write to ``folder`` until its file system is full."""
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        while os.write(descriptor, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(descriptor)
