"""Wall time and peak memory of one benchmark process."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def timed(action: Callable[[], T]) -> tuple[T, float]:
    """``action()``'s result and its wall time in milliseconds."""
    started = time.perf_counter()
    result = action()
    return result, (time.perf_counter() - started) * 1000
