"""Writer for Podcasting 2.0 JSON transcripts: one entry per line, times in seconds."""

from __future__ import annotations

import json

from meelezer.transcript.model import Transcript
from meelezer.transcript.writers._common import lines


def write(transcript: Transcript) -> str:
    """``{"version": "1.0.0", "segments": [...]}`` with ``speaker`` only where known."""
    entries: list[dict[str, str | float]] = []
    for line in lines(transcript):
        entry: dict[str, str | float] = {}
        if line.speaker:
            entry["speaker"] = line.speaker
        # ms / 1000 rounded to 3 decimals reads back to the same whole millisecond.
        entry["startTime"] = round(line.start_ms / 1000, 3)
        entry["endTime"] = round(line.end_ms / 1000, 3)
        entry["body"] = line.text
        entries.append(entry)
    document = {"version": "1.0.0", "segments": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
