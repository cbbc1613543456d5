"""Applying Sync to audio is all or nothing: a process SIGKILLed while it writes the new times
and words of 6,000 lines leaves either every old time and word or every new one."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from meelezer.store import episodes
from meelezer.store.database import open_database
from meelezer.store.sqlite import integrity_problems
from meelezer.transcript.model import Segment, Transcript, Word

LINES = 6_000
ROUNDS = 3

# Applies one sync (every line 1 s later, five new words each) through the Annotator, as
# the window's Apply does, after saying when it starts.
CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from meelezer.annotator import Annotator
    from meelezer.store import episodes
    from meelezer.store.audio_sync import SyncedLine
    from meelezer.store.database import open_database
    from meelezer.transcript.model import Word

    app = QCoreApplication([])
    db = open_database(Path(sys.argv[1]))
    episode_id = int(sys.argv[2])
    annotator = Annotator(db)
    annotator.set_episode(episode_id)
    lines = [SyncedLine(row.id, row.start_ms + 1000, row.end_ms + 1000,
                        tuple(Word(f"n{k}", row.start_ms + 1000 + 100 * k,
                                   row.start_ms + 1090 + 100 * k) for k in range(5)), True)
             for row in episodes.load_segments(db, episode_id)]
    print("start", flush=True)
    # Written on a worker thread, as in the window; the event loop hears when it is done.
    annotator.sync_to_audio(lines, lambda error: app.exit(0 if error is None else 1))
    assert app.exec() == 0 and annotator.pending_writes() == 0
    print("done", flush=True)
""")


def _library(path: Path) -> int:
    segments = [Segment(k * 2000, k * 2000 + 1800, f"regel {k} met vijf woorden",
                        words=[Word("old", k * 2000, k * 2000 + 500)]) for k in range(LINES)]
    with open_database(path) as db:
        return episodes.import_transcript(db, Transcript(segments), path.parent / "t.json",
                                          "k" * 64, None)


def _run(library: Path, episode_id: int, kill_after_s: float | None) -> float:
    """Run the child on ``library``; kill it ``kill_after_s`` after it starts writing (None:
    let it finish). The seconds from its start to its end."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(library), str(episode_id)],
                             stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "start"
    began = time.monotonic()
    if kill_after_s is None:
        assert child.stdout.readline().strip() == "done"
        took = time.monotonic() - began
    else:
        time.sleep(kill_after_s)
        os.kill(child.pid, signal.SIGKILL)
        took = kill_after_s
    child.wait(60)
    return took


def _outcome(library: Path, episode_id: int) -> str:
    with open_database(library) as db:
        with db.engine.connect() as connection:
            assert integrity_problems(connection) == []
        rows = episodes.load_segments(db, episode_id)
        words = episodes.load_words(db, episode_id)
    shifted = {row.start_ms % 2000 == 1000 for row in rows}
    assert len(shifted) == 1, "some lines have new times, others old ones"
    new = shifted.pop()
    assert {row.found_in_audio for row in rows} == ({True} if new else {None})
    assert {len(line) for line in words.values()} == ({5} if new else {1})
    assert len(words) == LINES
    return "new" if new else "old"


def test_a_kill_while_applying_leaves_all_old_or_all_new(tmp_path: Path) -> None:
    original = tmp_path / "original" / "meelezer.sqlite3"
    original.parent.mkdir()
    episode_id = _library(original)

    def copy(name: str) -> Path:
        folder = tmp_path / name
        shutil.copytree(original.parent, folder)
        return folder / original.name

    finished = copy("finished")
    writing_s = _run(finished, episode_id, None)  # how long the whole apply takes here
    assert _outcome(finished, episode_id) == "new"
    rng = random.Random(10)
    outcomes = []
    for round_ in range(ROUNDS):
        # Killed at a random moment over the write (or a little after it).
        library = copy(f"round{round_}")
        _run(library, episode_id, rng.uniform(0.1, 1.1) * writing_s)
        outcomes.append(_outcome(library, episode_id))  # old or new, never a mix
    print(f"apply took {writing_s:.2f} s; killed rounds ended {outcomes}")


# Runs the aligner as the window does (a spawned child doing the work), prints the child's
# pid once the aligner reports progress, then waits to be killed.
ALIGNING = textwrap.dedent("""
    import multiprocessing, sys, time
    from pathlib import Path
    from meelezer.audio.align_process import align_in_child
    from meelezer.audio.alignment import LineToAlign
    from meelezer.work import WorkContext

    lines = [LineToAlign(text, 0, 1000) for text in sys.argv[2:]]
    told = []

    def report(fraction, _partial):
        if not told:
            told.append(True)
            children = [c.pid for c in multiprocessing.active_children()
                        if c.name == "meelezer-align"]
            print(children[0], flush=True)

    align_in_child(Path(sys.argv[1]), lines, "nl", None, WorkContext(report))
    time.sleep(60)
""")


def test_a_killed_app_leaves_no_aligner_running(tmp_path: Path) -> None:
    """Nothing is written while aligning; the child, which only computes, goes too."""
    from helpers.spoken_audio import write_recording

    lines = [f"Dit is zin nummer {k} over kunstmatige intelligentie en taalmodellen."
             for k in range(24)]
    audio = tmp_path / "lang.wav"
    write_recording(audio, lines, voice="nl+f3", rate=160, pauses_ms=[700] * len(lines))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-c", ALIGNING, str(audio), *lines],
                           stdout=subprocess.PIPE, text=True, env=env)
    assert app.stdout is not None
    aligner = int(app.stdout.readline())
    os.kill(app.pid, signal.SIGKILL)
    app.wait(30)
    killed = time.monotonic()
    deadline = killed + 60
    while _running(aligner):
        assert time.monotonic() < deadline, "the aligner outlived the app by a minute"
        time.sleep(0.1)
    print(f"the aligner ended {time.monotonic() - killed:.1f} s after the app")


def _running(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "zombie" not in status.read_text()
    except FileNotFoundError:
        return False
