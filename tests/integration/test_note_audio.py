"""`make note-audio` (seeds/make_note_audio.py): seed 000 spoken line by line, the lines the
app shows, with a sidecar whose times are where the speech really is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from meelezer.audio.decode import AudioDecoder
from meelezer.transcript.files import read_transcript

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "seeds" / "make_note_audio.py"
NOTE = REPO / "seeds" / "ai-report-gpt-nl-youtube-note.md"
PER_MS = 16  # samples per millisecond at the decoder's 16 kHz


def _db(samples: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(samples.astype(np.float64) ** 2)) + 1e-9))


def test_the_first_lines_are_spoken_where_the_sidecar_says(tmp_path: Path) -> None:
    output = tmp_path / "note.opus"
    done = subprocess.run([sys.executable, str(SCRIPT), str(NOTE), "--output", str(output),
                           "--lines", "4", "--jobs", "2"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    truth = json.loads((tmp_path / "note.truth.json").read_text(encoding="utf-8"))
    shown = [segment.text for segment in read_transcript(NOTE).segments[:4]]
    assert [line["text"] for line in truth["lines"]] == shown

    with AudioDecoder(output) as decoder:
        samples = np.concatenate(list(decoder.blocks()))
    assert abs(len(samples) // PER_MS - truth["duration_ms"]) < 100
    first = truth["lines"][0]
    assert shown[0].startswith("[Muziek]")  # music first, then the words
    assert first["speech_start_ms"] - first["start_ms"] >= 2900
    assert _db(samples[first["start_ms"] * PER_MS:(first["start_ms"] + 500) * PER_MS]) > -45
    for line in truth["lines"]:
        start = line["speech_start_ms"] * PER_MS
        if line is not first:  # after a pause, not after music
            assert _db(samples[start - 150 * PER_MS:start - 30 * PER_MS]) < -50, line["text"]
        assert _db(samples[start:start + 200 * PER_MS]) > -40, line["text"]
        assert line["start_ms"] <= line["speech_start_ms"] < line["end_ms"]
    starts = [line["start_ms"] for line in truth["lines"]]
    assert starts == sorted(starts)
