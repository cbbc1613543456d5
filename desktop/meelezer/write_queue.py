"""The window's writes, kept in order while another program holds the library's lock.

A write that finds the library locked (after a short wait, so the window never freezes) is
not refused: it waits in a queue with every later write behind it, the user is told, and
the queue is retried until the lock is gone. Nothing the user did is dropped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from meelezer.store.errors import LibraryBusyError, StoreError
from meelezer.store.sqlite import writes_waiting_at_most

# How long one attempt may wait for the lock (on the GUI thread), and between attempts.
ATTEMPT_WAIT_MS: Final = 300
RETRY_INTERVAL_MS: Final = 1000


@dataclass(slots=True)
class _Write:
    step: Callable[[], None]
    done: Callable[[StoreError | None], None]  # told the final error, or None when saved


class WriteQueue(QObject):
    """Runs writes at once, or after the ones waiting for a lock, in the order given."""

    notice = Signal(str)  # waiting for the lock / saved after waiting, fit to show

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: deque[_Write] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_INTERVAL_MS)
        self._timer.timeout.connect(self._retry)

    def __len__(self) -> int:
        return len(self._waiting)

    def run(self, step: Callable[[], None], done: Callable[[StoreError | None], None]) -> None:
        write = _Write(step, done)
        if self._waiting:  # behind the writes already waiting, whatever the lock does now
            self._waiting.append(write)
            self.notice.emit(self._waiting_text())
            return
        if not self._attempt(write):
            self._waiting.append(write)
            self._timer.start()
            self.notice.emit(self._waiting_text())

    def save_waiting(self, wait_ms: int) -> int:
        """Try the waiting writes once more, each waiting up to ``wait_ms`` for the lock (at
        quit); returns how many still wait."""
        while self._waiting and self._attempt(self._waiting[0], wait_ms):
            self._waiting.popleft()
        if not self._waiting:
            self._timer.stop()
        return len(self._waiting)

    def _attempt(self, write: _Write, wait_ms: int = ATTEMPT_WAIT_MS) -> bool:
        """Run ``write``; False when the library is still locked (try again later)."""
        try:
            with writes_waiting_at_most(wait_ms):
                write.step()
        except LibraryBusyError:
            return False
        except StoreError as error:
            write.done(error)
            return True
        write.done(None)
        return True

    def _retry(self) -> None:
        saved = 0
        while self._waiting:
            # No waiting here: a retry that finds the lock still held must not stall the window.
            if not self._attempt(self._waiting[0], wait_ms=0):
                return
            self._waiting.popleft()
            saved += 1
        self._timer.stop()
        self.notice.emit(self.tr("The library is free again: your {count} waiting change(s) "
                                 "are saved.").format(count=saved))

    def _waiting_text(self) -> str:
        return self.tr("Another program is using the library; Meelezer is waiting for it. "
                       "Your {count} change(s) are kept and will be saved as soon as it is "
                       "free.").format(count=len(self._waiting))
