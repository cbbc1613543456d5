"""Work in a spawned child process: result, progress, errors, cancel, a child that dies."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from helpers import child_workers
from meelezer.child_work import ChildWorkError, run_in_child
from meelezer.work import Cancelled, WorkContext


def test_the_result_and_progress_come_back() -> None:
    fractions: list[float] = []
    context = WorkContext(lambda fraction, _partial: fractions.append(fraction))
    assert run_in_child(child_workers.count_to, (4,), context, "test") == [0, 1, 2, 3]
    assert fractions and fractions == sorted(fractions) and fractions[-1] <= 1.0


def test_an_error_comes_back_with_its_kind_and_message() -> None:
    with pytest.raises(ChildWorkError, match="the audio is upside down") as raised:
        run_in_child(child_workers.fail, ("the audio is upside down",), WorkContext(), "test")
    assert raised.value.kind == "ValueError"


def test_a_child_that_dies_is_reported() -> None:
    with pytest.raises(ChildWorkError, match="exit code 3") as raised:
        run_in_child(child_workers.die, (3,), WorkContext(), "test")
    assert raised.value.kind == "exit"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped) counts as gone.
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


def test_cancel_ends_the_child(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    context = WorkContext()
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            run_in_child(child_workers.run_until_killed, (str(pid_file),), context, "test")
        except BaseException as error:  # handed to the test
            outcome.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    deadline = time.monotonic() + 60
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline, "the child never started"
        time.sleep(0.02)
    pid = int(pid_file.read_text())
    assert _alive(pid)
    context.cancel()
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
    assert not _alive(pid)
