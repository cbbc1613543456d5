"""Forced alignment of many chunks, in this process or in two spawned worker processes.

Pocketsphinx takes one core at ~50-80× real time, so a two-hour episode alone would cost
more than the whole budget of ``align``; the second core is idle once the warping is done.
Short work stays in this process: starting a worker (Python, NumPy, the acoustic model)
costs about a second. At most a few chunks wait for a worker at a time, so the samples of
the whole file are never held.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

import numpy as np
import numpy.typing as npt

from meelezer.audio.alignment.phonetic import ChunkResult, PhoneticAligner
from meelezer.child_work import end_with_parent

Job = tuple[npt.NDArray[np.int16], Sequence[str]]

WORKERS = 2
_WAITING_PER_WORKER = 2
_POLL_S = 0.1  # how quickly a cancel is noticed while the workers align

_worker_aligner: PhoneticAligner | None = None


def worker_count(audio_s: float) -> int:
    """Workers worth starting for ``audio_s`` seconds of chunks (0: align in this process)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    return min(WORKERS, cores) if audio_s >= 300 and cores > 1 else 0


def aligned(jobs: Iterable[Job], language: str, workers: int, check: Callable[[], None],
            here: PhoneticAligner | None = None) -> Generator[ChunkResult | None, None, None]:
    """``align_chunk`` of every job, in order. ``check`` is called between chunks; when it
    raises, the workers are stopped before the exception goes on. If a worker dies (out of
    memory?), the rest is aligned in this process, with ``here`` if given (its model is
    loaded already)."""
    pending = iter(jobs)
    if workers > 0:
        unfinished: list[Job] = []
        try:
            yield from _in_workers(pending, language, workers, check, unfinished)
            return
        except BrokenProcessPool:
            pending = itertools.chain(unfinished, pending)
    aligner = here if here is not None else PhoneticAligner(language)
    for samples, lines in pending:
        check()
        yield aligner.align_chunk(samples, lines) if len(samples) else None


def _in_workers(jobs: Iterator[Job], language: str, workers: int, check: Callable[[], None],
                unfinished: list[Job]) -> Generator[ChunkResult | None, None, None]:
    """As ``aligned``; on ``BrokenProcessPool`` the jobs taken but not done are put in
    ``unfinished``."""
    spawn = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt app
    pool = ProcessPoolExecutor(workers, mp_context=spawn, initializer=_start_worker,
                               initargs=(language,))
    waiting: deque[tuple[Future[ChunkResult | None], Job]] = deque()

    def oldest() -> ChunkResult | None:
        while not waiting[0][0].done():
            wait([waiting[0][0]], timeout=_POLL_S)
            check()
        result = waiting[0][0].result()
        waiting.popleft()
        return result

    try:
        for samples, lines in jobs:
            check()
            if len(waiting) >= workers * _WAITING_PER_WORKER:
                yield oldest()
            waiting.append((pool.submit(_align, samples, tuple(lines)), (samples, lines)))
        while waiting:
            yield oldest()
    except BrokenProcessPool:
        unfinished.extend(job for _, job in waiting)
        raise
    finally:
        # A chunk takes about a second: on cancel the running ones are let finish.
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(language: str) -> None:
    global _worker_aligner
    end_with_parent()  # the app ends the aligner's process by a signal on cancel
    _worker_aligner = PhoneticAligner(language)


def _align(samples: npt.NDArray[np.int16], lines: tuple[str, ...]) -> ChunkResult | None:
    assert _worker_aligner is not None
    return _worker_aligner.align_chunk(samples, lines) if len(samples) else None
