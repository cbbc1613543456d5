"""Module-level work functions for ``meelezer.child_work`` tests (a spawned child imports them)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from meelezer.work import WorkContext


def count_to(n: int, context: WorkContext) -> list[int]:
    """Reports progress n times (with a pause, so the throttled reports get through)."""
    for k in range(n):
        context.progress((k + 1) / n)
        time.sleep(0.12)
    return list(range(n))


def fail(message: str, context: WorkContext) -> None:
    raise ValueError(message)


def run_until_killed(pid_file: str, context: WorkContext) -> None:
    """Writes its pid, then works forever (reporting, as real work does)."""
    Path(pid_file).write_text(str(os.getpid()))
    while True:
        context.progress(0.5)
        time.sleep(0.02)


def die(code: int, context: WorkContext) -> None:
    os._exit(code)
