"""What long work needs from whoever runs it, without Qt: report progress (and a partial
result), and notice that it should stop. The analysis, alignment and voice grouping take a
``WorkContext``; the UI's job runner (``meelezer.ui.jobs``) hands them one, the CLI and the
tests another."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The work was asked to stop; whatever it had made is dropped."""


class WorkContext:
    """Progress and cancel for one piece of work; safe to use from any thread.

    ``report`` gets (fraction done 0..1, partial result or None); it may be called often,
    the receiver keeps only the newest.
    """

    def __init__(self, report: Callable[[float, object | None], None] | None = None):
        self._report = report
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the work was asked to stop (call it in the work's loop)."""
        if self._stop.is_set():
            raise Cancelled

    def progress(self, fraction: float, partial: object | None = None) -> None:
        if self._report is not None:
            self._report(min(1.0, max(0.0, fraction)), partial)
