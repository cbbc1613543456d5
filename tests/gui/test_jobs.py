"""The background-job runner: work off the GUI thread, progress and partial results on it,
cancel, and exactly one ending per job."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from meelezer.ui.jobs import Job
from meelezer.work import Cancelled, WorkContext


def _record(job: Job) -> list[tuple[str, object]]:
    events: list[tuple[str, object]] = []
    job.progressed.connect(lambda fraction: events.append(("progress", fraction)))
    job.partial.connect(lambda partial: events.append(("partial", partial)))
    job.succeeded.connect(lambda result: events.append(("succeeded", result)))
    job.failed.connect(lambda error: events.append(("failed", error)))
    job.cancelled.connect(lambda: events.append(("cancelled", None)))
    job.finished.connect(lambda: events.append(("finished", None)))
    return events


def test_result_arrives_on_the_gui_thread_after_progress(qtbot: QtBot) -> None:
    threads: list[threading.Thread] = []

    def work(context: WorkContext) -> int:
        threads.append(threading.current_thread())
        context.progress(0.5, "half")
        return 42

    job = Job(work)
    events = _record(job)
    handled_on: list[threading.Thread] = []
    job.succeeded.connect(lambda _result: handled_on.append(threading.current_thread()))
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    assert threads[0] is not threading.main_thread()
    assert handled_on == [threading.main_thread()]
    names = [name for name, _ in events]
    assert names[-2:] == ["succeeded", "finished"]
    assert ("succeeded", 42) in events
    # The update was posted before the end, so it is delivered first.
    assert names.index("partial") < names.index("succeeded")
    assert ("partial", "half") in events and ("progress", 0.5) in events


def test_an_exception_goes_to_failed_and_nothing_else(qtbot: QtBot) -> None:
    def work(context: WorkContext) -> None:
        raise ValueError("unreadable audio")

    job = Job(work)
    events = _record(job)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    assert [name for name, _ in events] == ["failed", "finished"]
    error = events[0][1]
    assert isinstance(error, ValueError) and str(error) == "unreadable audio"
    assert not job.is_running


def test_cancel_stops_the_work_at_its_next_check(qtbot: QtBot) -> None:
    started = threading.Event()
    checks: list[int] = []

    def work(context: WorkContext) -> str:
        started.set()
        for step in range(10_000):
            checks.append(step)
            context.check()
            threading.Event().wait(0.001)
        return "ran to the end"

    job = Job(work)
    events = _record(job)
    job.start()
    assert started.wait(5)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.cancel()
    assert [name for name, _ in events if name != "progress"] == ["cancelled", "finished"]
    assert len(checks) < 10_000
    assert job.wait(5)


def test_cancel_before_start_ends_at_once_and_never_runs(qtbot: QtBot) -> None:
    ran: list[bool] = []
    job = Job(lambda context: ran.append(True))
    events = _record(job)
    job.cancel()
    assert [name for name, _ in events] == ["cancelled", "finished"]
    assert ran == []


def test_many_reports_are_coalesced_to_the_newest(qtbot: QtBot) -> None:
    release = threading.Event()

    def work(context: WorkContext) -> None:
        for step in range(1, 1001):
            context.progress(step / 1000, step)
        release.wait(5)

    job = Job(work)
    events = _record(job)
    job.start()
    # The GUI thread is busy (not processing events) while 1000 reports are made.
    threading.Event().wait(0.3)
    release.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    partials = [value for name, value in events if name == "partial"]
    assert partials[-1] == 1000
    assert len(partials) < 1000  # coalesced, not one event per report
    assert [value for name, value in events if name == "progress"][-1] == 1.0


def test_a_cancelled_job_delivers_no_late_partial(qtbot: QtBot) -> None:
    reported = threading.Event()

    def work(context: WorkContext) -> None:
        context.progress(0.1, "early")
        reported.set()
        while True:
            context.check()
            threading.Event().wait(0.001)

    job = Job(work)
    events = _record(job)
    job.start()
    assert reported.wait(5)
    # Cancel before the GUI thread handled the posted update: it must not be delivered.
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.cancel()
    assert [name for name, _ in events] == ["cancelled", "finished"]


def test_a_job_runs_once(qtbot: QtBot) -> None:
    job = Job(lambda context: None)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start()
    with pytest.raises(RuntimeError):
        job.start()


def test_work_context_without_a_runner() -> None:
    seen: list[tuple[float, object | None]] = []
    context = WorkContext(lambda fraction, partial: seen.append((fraction, partial)))
    context.progress(1.5, None)
    context.check()
    context.cancel()
    with pytest.raises(Cancelled):
        context.check()
    assert seen == [(1.0, None)]
