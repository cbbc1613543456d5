"""The window's writes, kept in order while another program holds the library's lock, or
while a long write of our own runs on a worker thread.

A write that finds the library locked (after a short wait, so the window never freezes) is
not refused: it waits in a queue with every later write behind it, the user is told, and
the queue is retried until the lock is gone. Nothing the user did is dropped.

A long write (Sync to audio's Apply, its undo and redo: seconds on a long episode) runs on a
worker thread as one transaction; every write asked for meanwhile waits behind it and runs
after it, in order, so no other change lands half-way through it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from meelezer.store.errors import LibraryBusyError, StoreError
from meelezer.store.sqlite import writes_waiting_at_most
from meelezer.ui.jobs import Job
from meelezer.work import Cancelled, WorkContext

# How long one attempt may wait for the lock (on the GUI thread), and between attempts.
ATTEMPT_WAIT_MS: Final = 300
RETRY_INTERVAL_MS: Final = 1000

# Told to ``done``: None when saved, else why not (a StoreError, Cancelled, or a bug's error).
Done = Callable[[Exception | None], None]


@dataclass(slots=True)
class _Write:
    step: Callable[[WorkContext], None]
    done: Done
    background: bool = False  # runs on a worker thread
    cancellable: bool = False  # ``cancel_background`` may stop it (rolled back)
    tag: str = ""  # what it is, for the window to say (``running_tag``)
    read_back: Callable[[], None] | None = None  # on the worker, once committed


class WriteQueue(QObject):
    """Runs writes at once, or after the ones waiting for a lock, in the order given."""

    notice = Signal(str)  # waiting for the lock / saved after waiting, fit to show
    busy_changed = Signal(bool)  # a background write started (True) or ended (False)
    progressed = Signal(float)  # the background write's progress, 0..1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: deque[_Write] = deque()
        self._running: _Write | None = None  # the background write on its worker thread
        self._job: Job | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_INTERVAL_MS)
        self._timer.timeout.connect(self._retry)

    def __len__(self) -> int:
        """Writes not saved yet: waiting, or running in the background."""
        return len(self._waiting) + (self._running is not None)

    @property
    def busy(self) -> bool:
        """A background write is running."""
        return self._running is not None

    @property
    def cancellable(self) -> bool:
        return self._running is not None and self._running.cancellable

    @property
    def running_tag(self) -> str:
        """The running background write's tag ("" when none runs)."""
        return self._running.tag if self._running is not None else ""

    def run(self, step: Callable[[], None], done: Done) -> None:
        """Run ``step`` now on this thread (or once the writes before it are saved)."""
        self._add(_Write(lambda _context: step(), done))

    def run_in_background(self, step: Callable[[WorkContext], None], done: Done,
                          cancellable: bool = False, tag: str = "",
                          read_back: Callable[[], None] | None = None) -> None:
        """Run ``step`` (one transaction) on a worker thread, after the writes before it;
        later writes wait for it. ``read_back`` runs there too once it is committed (to read
        what changed for the window; a cancel no longer applies). ``done`` is told on this
        thread."""
        self._add(_Write(step, done, background=True, cancellable=cancellable, tag=tag,
                         read_back=read_back))

    def cancel_background(self) -> None:
        """Stop the running background write, if it may be: it rolls back, ``done`` gets
        ``Cancelled``."""
        if self._job is not None and self.cancellable:
            self._job.cancel()

    def finish_background(self) -> None:
        """Wait for a running background write to end and handle its end now (before the
        episode goes, or at quit); the writes behind it then run as usual."""
        job = self._job
        if job is None:
            return
        job.wait()
        # Its end is a queued signal to the job: deliver it now instead of at the next turn
        # of the event loop.
        QCoreApplication.sendPostedEvents(job, QEvent.Type.MetaCall)

    def _add(self, write: _Write) -> None:
        if self._running is not None:  # behind our own write: it ends soon, nobody is told
            self._waiting.append(write)
            return
        if self._waiting:  # behind the writes already waiting, whatever the lock does now
            self._waiting.append(write)
            self.notice.emit(self._waiting_text())
            return
        if write.background:
            self._start(write)
        elif not self._attempt(write):
            self._wait_for_lock(write)

    def save_waiting(self, wait_ms: int) -> int:
        """Try the waiting writes once more, each waiting up to ``wait_ms`` for the lock (at
        quit; a background write is finished first, the rest run here); returns how many
        still wait."""
        self.finish_background()
        self._timer.stop()
        while self._waiting and self._attempt(self._waiting[0], wait_ms):
            self._waiting.popleft()
        if self._waiting:
            self._timer.start()
        return len(self._waiting)

    def _attempt(self, write: _Write, wait_ms: int = ATTEMPT_WAIT_MS) -> bool:
        """Run ``write`` on this thread; False when the library is still locked."""
        try:
            with writes_waiting_at_most(wait_ms):
                write.step(WorkContext())
        except LibraryBusyError:
            return False
        except StoreError as error:
            write.done(error)
            return True
        write.done(None)
        return True

    def _wait_for_lock(self, write: _Write) -> None:
        self._waiting.appendleft(write)
        self._timer.start()
        self.notice.emit(self._waiting_text())

    # -- background writes ------------------------------------------------------------------

    def _start(self, write: _Write) -> None:
        committed = threading.Event()

        def work(context: WorkContext) -> None:
            # As the window's own writes: a short wait for another program's lock, then the
            # write waits in the queue (retried) instead of holding the worker.
            with writes_waiting_at_most(ATTEMPT_WAIT_MS):
                write.step(context)
            committed.set()
            if write.read_back is not None:
                write.read_back()

        job = Job(work, name="library-write", parent=self)
        job.progressed.connect(self.progressed)
        job.succeeded.connect(lambda _result: self._ended(write, None))
        job.failed.connect(lambda error: self._ended(write, error))
        # A cancel that came after the commit is too late: the write is saved all the same.
        job.cancelled.connect(lambda: self._ended(
            write, None if committed.is_set() else Cancelled()))
        job.finished.connect(job.deleteLater)
        self._running, self._job = write, job
        self.busy_changed.emit(True)
        job.start()

    def _ended(self, write: _Write, error: Exception | None) -> None:
        self._running = self._job = None
        self.busy_changed.emit(False)
        if isinstance(error, LibraryBusyError):
            self._wait_for_lock(write)
            return
        write.done(error)
        self._run_waiting()

    def _run_waiting(self) -> None:
        """Run what waited behind a background write, up to the next one or a lock."""
        while self._waiting and self._running is None:
            write = self._waiting[0]
            if write.background:
                self._waiting.popleft()
                self._start(write)
                return
            if not self._attempt(write):
                self._timer.start()
                self.notice.emit(self._waiting_text())
                return
            self._waiting.popleft()

    def _retry(self) -> None:
        saved = 0
        while self._waiting and self._running is None:
            write = self._waiting[0]
            if write.background:  # it goes on on its worker; what follows runs after it
                self._waiting.popleft()
                self._timer.stop()
                self._start(write)
                return
            # No waiting here: a retry that finds the lock still held must not stall the window.
            if not self._attempt(write, wait_ms=0):
                return
            self._waiting.popleft()
            saved += 1
        self._timer.stop()
        self.notice.emit(self.tr("The library is free again: your {count} waiting change(s) "
                                 "are saved.").format(count=saved))

    def _waiting_text(self) -> str:
        return self.tr("Another program is using the library; Meelezer is waiting for it. "
                       "Your {count} change(s) are kept and will be saved as soon as it is "
                       "free.").format(count=len(self))
