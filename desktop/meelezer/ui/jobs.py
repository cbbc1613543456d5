"""Long work off the GUI thread, as one object (after Anki's ``CollectionOp``/``QueryOp``).

    job = Job(lambda context: analyse(path, context), parent=self)
    job.progressed.connect(bar.set_fraction)      # fraction 0..1, on the GUI thread
    job.partial.connect(view.show_partial)        # newest partial result only
    job.succeeded.connect(view.show)              # the work's return value
    job.failed.connect(messages.show_error)       # the exception it raised
    job.start()
    ...
    job.cancel()                                  # it stops at its next check

The work runs on a worker thread (numpy, PyAV and the VAD release the GIL for their heavy
parts). It gets a ``WorkContext``: ``context.check()`` raises ``Cancelled`` once ``cancel``
was called, ``context.progress(fraction, partial)`` reports. Progress and partial results
are coalesced: however often the work reports, the GUI thread handles at most one pending
update, the newest, so a fast worker never floods the event queue. Exactly one of
``succeeded``, ``failed`` or ``cancelled`` is emitted, then ``finished``; nothing is emitted
after ``cancel`` except ``cancelled`` and ``finished``.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from meelezer.work import Cancelled, WorkContext

_NOTHING = object()


class Job(QObject):
    progressed = Signal(float)  # fraction done, 0..1
    partial = Signal(object)  # the newest partial result the work reported
    succeeded = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception the work raised
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    # Worker thread -> GUI thread; queued because the Job lives on the GUI thread.
    _update_ready = Signal()
    _done = Signal(object, object)  # result, exception

    def __init__(self, work: Callable[[WorkContext], Any], name: str = "job",
                 parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._name = name
        self._lock = threading.Lock()
        self._pending_fraction: float | None = None
        self._pending_partial: object = _NOTHING
        self._update_posted = False
        self._context = WorkContext(self._report)
        self._thread: threading.Thread | None = None
        self._ended = False
        self._update_ready.connect(self._deliver_update, Qt.ConnectionType.QueuedConnection)
        self._done.connect(self._deliver_end, Qt.ConnectionType.QueuedConnection)

    # -- GUI thread ---------------------------------------------------------------------------

    def start(self) -> Job:
        if self._thread is not None:
            raise RuntimeError("a job runs once")
        # A worker holding the GIL makes the GUI thread wait up to the switch interval at
        # every return from Qt into Python (5 ms by default, several times per event):
        # measured, 1 ms takes the GUI thread's p99 stall during the analysis from 22 to 15 ms.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop; ``cancelled`` follows once it has (at once if not started)."""
        self._context.cancel()
        if self._thread is None and not self._ended:
            self._end(None, Cancelled())

    @property
    def is_running(self) -> bool:
        return self._thread is not None and not self._ended

    @property
    def is_cancelled(self) -> bool:
        return self._context.cancelled

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the worker thread has ended (for quitting); True if it has."""
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    @Slot()
    def _deliver_update(self) -> None:
        with self._lock:
            fraction, partial = self._pending_fraction, self._pending_partial
            self._pending_fraction, self._pending_partial = None, _NOTHING
            self._update_posted = False
        if self._ended or self._context.cancelled:
            return
        if partial is not _NOTHING:
            self.partial.emit(partial)
        if fraction is not None:
            self.progressed.emit(fraction)

    @Slot(object, object)
    def _deliver_end(self, result: object, error: object) -> None:
        self._end(result, error)

    def _end(self, result: object, error: object) -> None:
        if self._ended:
            return
        self._ended = True
        if isinstance(error, Cancelled) or self._context.cancelled:
            self.cancelled.emit()
        elif error is not None:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    # -- worker thread ------------------------------------------------------------------------

    def _run(self) -> None:
        result: object = None
        error: BaseException | None = None
        try:
            self._context.check()
            result = self._work(self._context)
        except Exception as raised:  # handed to the GUI thread's failure handler
            error = raised
        # RuntimeError: the Job was deleted meanwhile (its window closed), nobody waits.
        with contextlib.suppress(RuntimeError):
            self._done.emit(result, error)

    def _report(self, fraction: float, partial: object | None) -> None:
        with self._lock:
            self._pending_fraction = fraction
            if partial is not None:
                self._pending_partial = partial
            if self._update_posted:
                return
            self._update_posted = True
        try:
            self._update_ready.emit()
        except RuntimeError:  # the Job was deleted meanwhile; the work stops at its next check
            self._context.cancel()
