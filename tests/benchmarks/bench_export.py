"""Export benchmarks: seed 003 (2 h, 2,233 lines) as one cue per line and as subtitle cues."""

from __future__ import annotations

from pathlib import Path

from generated import SEED_003
from measure import timed
from registry import Result

from meelezer.transcript.files import read_transcript, render_transcript
from meelezer.transcript.writers.subtitle_cues import subtitle_cues


def bench_subtitle_export() -> list[Result]:
    transcript = read_transcript(SEED_003)
    name = "export seed 003 as SRT"
    _, plain_ms = timed(lambda: render_transcript(transcript, Path("x.srt")))
    cues, cues_ms = timed(lambda: subtitle_cues(transcript))
    _, subtitles_ms = timed(lambda: render_transcript(transcript, Path("x.srt"), subtitles=True))
    return [
        Result(name, f"one cue per line ({len(transcript.segments):,} cues)", plain_ms, "ms"),
        Result(name, f"cutting into subtitle cues ({len(cues):,} cues)", cues_ms, "ms"),
        # The window writes it off the GUI thread (ExportController), so this is a wait,
        # not a freeze.
        Result(name, "subtitle SRT text", subtitles_ms, "ms", "<= 1000 ms"),
    ]
