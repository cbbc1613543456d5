"""Writer for Podcasting 2.0 JSON transcripts: one entry per line, times in seconds.

A line whose words have their own times (from WhisperX, or found by Sync to audio) also
gets ``"words": [{"startTime", "endTime", "body"}, ...]``: the spec has no field for word
times inside a line, players ignore keys they do not know, and Meelezer reads them back."""

from __future__ import annotations

import json

from meelezer.transcript.model import Transcript
from meelezer.transcript.writers._common import lines


def write(transcript: Transcript) -> str:
    """``{"version": "1.0.0", "segments": [...]}`` with ``speaker`` only where known."""
    entries: list[dict[str, object]] = []
    for line in lines(transcript):
        entry: dict[str, object] = {}
        if line.speaker:
            entry["speaker"] = line.speaker
        # ms / 1000 rounded to 3 decimals reads back to the same whole millisecond.
        entry["startTime"] = round(line.start_ms / 1000, 3)
        entry["endTime"] = round(line.end_ms / 1000, 3)
        entry["body"] = line.text
        # Estimated word times are a guess from the line's length; written, they would
        # read back as found ones.
        if line.words and not any(word.estimated for word in line.words):
            entry["words"] = [{"startTime": round(word.start_ms / 1000, 3),
                               "endTime": round(word.end_ms / 1000, 3), "body": word.text}
                              for word in line.words]
        entries.append(entry)
    document = {"version": "1.0.0", "segments": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
