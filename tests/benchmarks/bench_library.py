"""Library search benchmark: build a many-episode library through import, then time searches."""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from contextlib import closing
from pathlib import Path

from generated import seed_vocabulary
from registry import Result

from meelezer.store.database import open_database
from meelezer.store.episodes import import_transcript
from meelezer.store.search import search_library
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript

QUERIES_PER_KIND = 50


def _episode(rng: random.Random, vocabulary: list[str], index: int, lines: int) -> Transcript:
    segments = []
    start = 0
    for _ in range(lines):
        count = rng.randint(3, 25)
        duration = count * 400 + rng.randint(0, 1000)
        text = " ".join(rng.choices(vocabulary, k=count))
        segments.append(Segment(start, start + duration, text))
        start += duration + rng.randint(0, 500)
    return Transcript(segments, EpisodeMetadata(title=f"Episode {index}", show="Benchmark Show"))


def _index_bytes(path: Path) -> int:
    """Bytes in the FTS5 table's shadow tables (SQLite's dbstat counts pages per table)."""
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'"
        ).fetchone()
    return int(row[0] or 0)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_library(episodes: int = 1000, lines: int = 2000) -> list[Result]:
    name = f"library {episodes:,} x {lines:,} lines"
    rng = random.Random(3)
    vocabulary = seed_vocabulary()
    counts: dict[str, int] = {}
    for word in vocabulary:
        counts[word.lower()] = counts.get(word.lower(), 0) + 1
    by_frequency = sorted(counts, key=counts.__getitem__, reverse=True)
    common = [w.strip(".,?!") for w in by_frequency[:QUERIES_PER_KIND]]
    rare = [w.strip(".,?!") for w in by_frequency[-QUERIES_PER_KIND:]]
    prefixes = [w.strip(".,?!")[:3] for w in rng.sample(by_frequency[:500], QUERIES_PER_KIND)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite3"
        db = open_database(path)
        raw_bytes = 0
        started = time.perf_counter()
        for index in range(episodes):
            transcript = _episode(rng, vocabulary, index, lines)
            raw_bytes += sum(len(s.text.encode()) for s in transcript.segments)
            import_transcript(db, transcript, Path(f"e{index}.txt"), f"{index:064d}", None)
        build_s = time.perf_counter() - started
        db.close()
        size = sum(p.stat().st_size for p in Path(folder).iterdir())  # db + WAL
        index_size = _index_bytes(path)
        db = open_database(path)
        results = [
            Result(name, "build (import_transcript per episode)", build_s, "s"),
            Result(name, "raw text (line text, UTF-8)", raw_bytes / 1e6, "MB"),
            Result(name, "database size / raw text", size / raw_bytes, "x"),
            Result(name, "search index size / raw text", index_size / raw_bytes, "x"),
        ]
        for kind, queries in (("common words", common), ("rare words", rare),
                              ("3-letter prefixes", prefixes)):
            times = []
            for query in queries:
                started = time.perf_counter()
                search_library(db, query)
                times.append((time.perf_counter() - started) * 1000)
            results.append(Result(name, f"search {kind} p50", statistics.median(times), "ms"))
            results.append(Result(name, f"search {kind} p95", _percentile(times, 0.95), "ms",
                                  "<= 50 ms"))
        db.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=2000)
    arguments = parser.parse_args()
    for result in bench_library(arguments.episodes, arguments.lines):
        print(f"{result.measure:45} {result.value:10.2f} {result.unit:3} {result.target}")


if __name__ == "__main__":
    main()
