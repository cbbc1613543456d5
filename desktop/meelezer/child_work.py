"""Long CPU work in a spawned child process, with the progress and cancel of a
``WorkContext``: the app's GUI thread then never waits for the GIL behind it (see
``audio/separate_process.py`` for the figures that made the analysis go this way).

The child only computes and sends its result back over a pipe; it writes nothing, so
terminating it on cancel, or the app being killed, leaves nothing half-written.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from meelezer.work import Cancelled, WorkContext

T = TypeVar("T")

_POLL_S = 0.05  # how quickly a cancel is noticed while the child works
_PROGRESS_EVERY_S = 0.1  # the child reports at most this often (a pipe message each)
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a child gets when its parent thread dies


class ChildWorkError(Exception):
    """The work raised in the child (``kind``: its exception's class name; its message), or
    the child died (``kind`` "exit", with its ``exit_code``)."""

    def __init__(self, message: str, kind: str = "", exit_code: int | None = None):
        super().__init__(message)
        self.kind = kind
        self.exit_code = exit_code


def run_in_child(work: Callable[..., T], args: tuple[Any, ...], context: WorkContext,
                 name: str) -> T:
    """``work(*args, context)`` in a spawned process; its return value, or ``ChildWorkError``.

    ``work`` must be a module-level function and ``args`` picklable. Its progress reaches
    ``context`` at most every ``_PROGRESS_EVERY_S``, except reports with a partial result
    and the last one (1.0), which always do. ``context.cancel()`` terminates the child and
    raises ``Cancelled`` here.
    """
    spawn = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt app
    receiver, sender = spawn.Pipe(duplex=False)
    child = spawn.Process(target=_child_main, args=(work, args, sender), name=name, daemon=True)
    child.start()
    sender.close()
    try:
        while True:
            context.check()
            if not receiver.poll(_POLL_S):
                continue
            try:
                message = receiver.recv()
            except EOFError:  # the child closed its end without a result: it died
                child.join(5)
                raise ChildWorkError(f"the worker process stopped (exit code "
                                     f"{child.exitcode})", "exit", child.exitcode) from None
            if message[0] == "progress":
                context.progress(message[1], message[2])
            elif message[0] == "done":
                result: T = message[1]
                return result
            else:
                raise ChildWorkError(message[2], message[1])
    except Cancelled:
        child.terminate()
        raise
    finally:
        receiver.close()
        child.join(2)
        if child.is_alive():
            child.kill()


def end_with_parent() -> None:
    """On Linux, have the kernel end this child when the app dies (killed, crashed):
    otherwise it would compute on, unseen, until it next reports."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return


def _child_main(work: Callable[..., object], args: tuple[Any, ...], sender: Connection) -> None:
    end_with_parent()
    last = [0.0]

    def report(fraction: float, partial: object | None) -> None:
        now = time.monotonic()
        if partial is not None or fraction >= 1.0 or now - last[0] >= _PROGRESS_EVERY_S:
            last[0] = now
            sender.send(("progress", fraction, partial))

    try:
        result = work(*args, WorkContext(report))
        sender.send(("done", result))
    except Exception as error:  # sent to the parent, which words it for the user
        sender.send(("error", type(error).__name__, str(error) or type(error).__name__))
    finally:
        sender.close()
