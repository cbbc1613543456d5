"""Import benchmarks: reading a transcript file and storing it in a fresh SQLite library."""

from __future__ import annotations

import tempfile
from pathlib import Path

from generated import SEED_003, write_whisper_text, write_whisperx_json
from measure import peak_rss_mb, timed
from registry import Result

from meelezer.store.database import open_database
from meelezer.store.episodes import file_sha256, import_transcript
from meelezer.transcript.files import MAX_TRANSCRIPT_BYTES, read_transcript


def _import(name: str, transcript_path: Path, work: Path, target: str) -> list[Result]:
    baseline_mb = peak_rss_mb()
    transcript, read_ms = timed(lambda: read_transcript(transcript_path))
    database = open_database(work / "meelezer.sqlite3")
    digest = file_sha256(transcript_path)
    _, store_ms = timed(lambda: import_transcript(database, transcript, transcript_path, digest,
                                                  None))
    peak_mb = peak_rss_mb()
    database.close()
    lines = len(transcript.segments)
    return [
        Result(name, f"read ({lines:,} lines)", read_ms, "ms"),
        Result(name, "store (one transaction)", store_ms, "ms"),
        Result(name, "read + store", read_ms + store_ms, "ms", target.split(";")[0]),
        Result(name, "peak memory (process)", peak_mb, "MB", target.split(";")[1]),
        Result(name, "peak memory above start", peak_mb - baseline_mb, "MB"),
    ]


def bench_seed_import() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        return _import("import seed 003", SEED_003, Path(folder), ";")


def bench_large_import() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = write_whisper_text(work / "generated-50k.txt", 50_000)
        return _import("import 50,000 lines", source, work, "<= 2000 ms;<= 300 MB")


def bench_size_limit_import() -> list[Result]:
    """The largest transcript Meelezer opens: WhisperX JSON with word times, just under the
    size limit. The window waits this long (README, "Transcript formats")."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = write_whisperx_json(work / "at-the-limit.json", MAX_TRANSCRIPT_BYTES)
        size_mb = source.stat().st_size / (1024 * 1024)
        return _import(f"import {size_mb:.0f} MB WhisperX JSON (size limit)", source, work,
                       "<= 15000 ms;<= 600 MB")
