"""Kill-during-write run: a writer process is SIGKILLed at random moments while it writes
annotations through the window's Annotator as fast as it can; afterwards every write it
acknowledged must be in the library, and the library must pass SQLite's integrity check.

Usage: python tests/integration/kill_during_writes.py [--rounds N] [--seed S]
(the test suite runs a few rounds; this prints the figures of a longer run).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from meelezer.store import episodes, notes
from meelezer.store.database import open_database
from meelezer.transcript.files import read_transcript

SEED = Path(__file__).resolve().parents[2] / "seeds" / "ai-report-grok3-demo.txt"

# Writes notes, labels and corrections in turn; prints each one once the store returned.
WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from meelezer.annotator import Annotator
    from meelezer.store import episodes
    from meelezer.store.database import open_database

    app = QCoreApplication([])
    db = open_database(Path(sys.argv[1]))
    episode_id, round_ = int(sys.argv[2]), int(sys.argv[3])
    annotator = Annotator(db)
    annotator.set_episode(episode_id)
    lines = episodes.load_segments(db, episode_id)
    speaker = annotator.list_speakers()[0]
    print("ready", flush=True)
    for index in range(10**6):
        line = lines[index % len(lines)]
        if index % 3 == 0:
            annotator.add_note(line.start_ms, text=f"r{round_} n{index}")
        elif index % 3 == 1:
            annotator.edit_text(line.id, f"r{round_} c{index}")
        else:
            annotator.assign([line.id], speaker.id, speaker.name)
        assert annotator.pending_writes() == 0
        print(index, flush=True)
""")


@dataclass
class Figures:
    rounds: int = 0
    acknowledged: int = 0
    lost: int = 0
    integrity_failures: int = 0


def run(rounds: int, seed: int, folder: Path) -> Figures:
    rng = random.Random(seed)
    library = folder / "meelezer.sqlite3"
    db = open_database(library)
    episode_id = episodes.import_transcript(db, read_transcript(SEED), SEED, "kill", None)
    from meelezer.store.speakers import add_speaker

    add_speaker(db, episode_id, "Wietse")
    db.close()
    figures = Figures()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for round_ in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(library), str(episode_id), str(round_)],
            stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))  # somewhere in the middle of some write
        os.kill(child.pid, signal.SIGKILL)
        output, _ = child.communicate(timeout=30)
        acknowledged = [int(line) for line in output.split() if line.isdigit()]
        figures.rounds += 1
        figures.acknowledged += len(acknowledged)
        figures.lost += _lost(library, episode_id, round_, acknowledged)
        with closing(sqlite3.connect(library)) as raw:
            if raw.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                figures.integrity_failures += 1
    return figures


def _lost(library: Path, episode_id: int, round_: int, acknowledged: list[int]) -> int:
    """How many acknowledged writes of this round are not in the library. A line's text
    must be its last acknowledged correction or a later one (the write the kill cut off
    may have been committed without being acknowledged); labels are not counted."""
    with open_database(library) as db:  # after a kill: runs the full integrity check too
        stored_notes = {note.text for note in notes.list_notes(db, episode_id)}
        texts = [line.text for line in episodes.load_segments(db, episode_id)]
    lost = sum(1 for index in acknowledged
               if index % 3 == 0 and f"r{round_} n{index}" not in stored_notes)
    last_correction: dict[int, int] = {}
    for index in acknowledged:
        if index % 3 == 1:
            last_correction[index % len(texts)] = index
    prefix = f"r{round_} c"
    for position, index in last_correction.items():
        text = texts[position]
        if not (text.startswith(prefix) and int(text[len(prefix):]) >= index):
            lost += 1
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        figures = run(options.rounds, options.seed, Path(folder))
    print(f"{figures.rounds} SIGKILLs during writes in {time.monotonic() - started:.0f} s: "
          f"{figures.acknowledged:,} writes acknowledged, {figures.lost} of them lost, "
          f"{figures.integrity_failures} failed integrity checks")


if __name__ == "__main__":
    main()
