"""Annotation benchmarks: each user action (and its undo) as one committed transaction."""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

if __name__ == "__main__":  # standalone: make the sibling modules importable
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import SEED_003, seed_vocabulary
from measure import timed
from registry import Result

from meelezer.store.assignments import assign_speaker, restore_assignments
from meelezer.store.audio_sync import SyncedLine, apply_sync, restore_sync
from meelezer.store.corrections import find_replace, restore_texts
from meelezer.store.database import Database, open_database
from meelezer.store.episodes import file_sha256, import_transcript, load_segments
from meelezer.store.notes import add_note, delete_note
from meelezer.store.retiming import restore_times, set_segment_start
from meelezer.store.rows import SegmentRow
from meelezer.store.speakers import add_speaker
from meelezer.transcript.files import read_transcript
from meelezer.transcript.model import Transcript, Word
from meelezer.transcript.timing import estimate_times

RUNS = 5
NAME = "annotations (seed 003)"

T = TypeVar("T")


def _median_pair(do: Callable[[], T], undo: Callable[[T], object]) -> tuple[float, float]:
    """Median wall time of the action and of its undo over ``RUNS`` do/undo rounds."""
    done: list[float] = []
    undone: list[float] = []
    for _ in range(RUNS):
        result, do_ms = timed(do)
        _, undo_ms = timed(partial(undo, result))
        done.append(do_ms)
        undone.append(undo_ms)
    return statistics.median(done), statistics.median(undone)


def _seed_results(database: Database) -> list[Result]:
    transcript = read_transcript(SEED_003)
    episode_id = import_transcript(database, transcript, SEED_003, file_sha256(SEED_003), None)
    segment_ids = [row.id for row in load_segments(database, episode_id)][:1000]
    speaker = add_speaker(database, episode_id, "Benchmark")

    assign_ms, unassign_ms = _median_pair(
        lambda: assign_speaker(database, segment_ids, speaker.id),
        lambda previous: restore_assignments(database, previous),
    )
    note_ms, unnote_ms = _median_pair(
        lambda: add_note(database, episode_id, 60_000, text="Benchmark"),
        lambda note: delete_note(database, note.id),
    )
    replace_ms, unreplace_ms = _median_pair(
        lambda: find_replace(database, episode_id, "Bietse", "Wietse"),
        lambda result: restore_texts(database, result.changes),
    )
    return [
        Result(NAME, "assign speaker to 1,000 lines", assign_ms, "ms", "<= 100 ms"),
        Result(NAME, "undo: restore 1,000 assignments", unassign_ms, "ms", "<= 100 ms"),
        Result(NAME, "add note", note_ms, "ms"),
        Result(NAME, "undo: delete note", unnote_ms, "ms"),
        Result(NAME, "find & replace Bietse → Wietse", replace_ms, "ms"),
        Result(NAME, "undo: restore texts", unreplace_ms, "ms"),
    ]


def _retiming_results(database: Database) -> list[Result]:
    vocabulary = seed_vocabulary()
    lines = [" ".join(vocabulary[(k * 12 + j) % len(vocabulary)] for j in range(12))
             for k in range(2000)]
    transcript = Transcript(estimate_times(lines, None), source_format="plain-text")
    episode_id = import_transcript(database, transcript, Path("/bench/untimed.txt"),
                                   "untimed" * 9, None)
    rows = load_segments(database, episode_id)
    target = rows[1000]
    tap_ms, untap_ms = _median_pair(
        lambda: set_segment_start(database, target.id, target.start_ms + 5_000),
        lambda changes: restore_times(database, changes),
    )
    return [
        Result("re-timing (2,000 untimed lines)", "tap-to-sync one line", tap_ms, "ms"),
        Result("re-timing (2,000 untimed lines)", "undo: restore times", untap_ms, "ms"),
    ]


def synced_later(rows: Sequence[SegmentRow], shift_ms: int = 300) -> list[SyncedLine]:
    """What an alignment gives: every line ``shift_ms`` later, its words spread evenly."""
    lines = []
    for row in rows:
        tokens = row.text.split()
        step = max(1, (row.end_ms - row.start_ms) // max(1, len(tokens)))
        start = row.start_ms + shift_ms
        lines.append(SyncedLine(row.id, start, row.end_ms + shift_ms, tuple(
            Word(token, start + k * step, start + (k + 1) * step)
            for k, token in enumerate(tokens)), True))
    return lines


def _sync_results(database: Database) -> list[Result]:
    """Sync to audio's Apply and its undo on seed 003: every line moved, with word times."""
    transcript = read_transcript(SEED_003)
    episode_id = import_transcript(database, transcript, SEED_003, "sync" * 16, None)
    lines = synced_later(load_segments(database, episode_id))
    apply_ms, undo_ms = _median_pair(lambda: apply_sync(database, episode_id, lines),
                                     lambda undo: restore_sync(database, undo))
    words = sum(len(line.words or ()) for line in lines)
    name = f"Sync to audio: apply ({len(lines):,} lines, {words:,} words)"
    return [
        Result(NAME, name, apply_ms, "ms", "(a worker thread; sync-apply-window: the window)"),
        Result(NAME, "undo: restore times and words", undo_ms, "ms"),
    ]


def bench_annotations() -> list[Result]:
    """Median of 5 runs of each action and its undo, on a fresh library file."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "meelezer.sqlite3")
        try:
            return (_seed_results(database) + _retiming_results(database)
                    + _sync_results(database))
        finally:
            database.close()


if __name__ == "__main__":
    for row in bench_annotations():
        print(f"{row.benchmark:32} {row.measure:34} {row.value:8.1f} {row.unit} {row.target}")
