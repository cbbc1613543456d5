"""An action is in the library even when the process is killed (SIGKILL) right after it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from meelezer.store import episodes, notes
from meelezer.store.database import open_database
from meelezer.transcript.files import read_transcript

ROUNDS = 12

# The child does one annotation through the same Annotator the window uses, says so, and
# waits to be killed: nothing after the action (no close, no flush) may be needed.
CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from meelezer.annotator import Annotator
    from meelezer.store.database import open_database
    from meelezer.store import episodes

    app = QCoreApplication([])
    db = open_database(Path(sys.argv[1]))
    episode_id, round_ = int(sys.argv[2]), int(sys.argv[3])
    annotator = Annotator(db)
    annotator.set_episode(episode_id)
    segment = episodes.load_segments(db, episode_id)[round_]
    kind = round_ % 3
    if kind == 0:
        speaker = annotator.list_speakers()[0]
        annotator.assign([segment.id], speaker.id, speaker.name)
    elif kind == 1:
        annotator.add_note(segment.start_ms, text=f"note {round_}")
    else:
        annotator.edit_text(segment.id, f"corrected {round_}")
    print("done", flush=True)
    time.sleep(60)
""")


def test_every_action_survives_a_kill_right_after_it(tmp_path: Path, seeds_dir: Path) -> None:
    path = seeds_dir / "ai-report-grok3-demo.txt"
    library = tmp_path / "library.sqlite3"
    db = open_database(library)
    episode_id = episodes.import_transcript(db, read_transcript(path), path, "demo", None)
    from meelezer.store.speakers import add_speaker

    add_speaker(db, episode_id, "Wietse")
    db.close()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for round_ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(library), str(episode_id), str(round_)],
            stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "done"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL

    db = open_database(library)
    try:
        rows = episodes.load_segments(db, episode_id)
        stored_notes = {note.text for note in notes.list_notes(db, episode_id)}
        for round_ in range(ROUNDS):
            if round_ % 3 == 0:
                assert rows[round_].speaker_name == "Wietse", round_
            elif round_ % 3 == 1:
                assert f"note {round_}" in stored_notes
            else:
                assert rows[round_].text == f"corrected {round_}"
    finally:
        db.close()


def test_no_acknowledged_write_is_lost_when_killed_during_writes(tmp_path: Path) -> None:
    from kill_during_writes import run  # the longer run's script, here for a few rounds

    figures = run(rounds=3, seed=7, folder=tmp_path)
    assert figures.acknowledged > figures.rounds  # the kills did land among writes
    assert figures.lost == 0
    assert figures.integrity_failures == 0
