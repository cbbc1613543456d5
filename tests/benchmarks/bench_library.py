"""Library search benchmark: build a many-episode library through import, then time searches."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import time
from contextlib import closing
from pathlib import Path

import platformdirs
from generated import seed_vocabulary
from registry import Result

from meelezer.store.database import HEAD_REVISION, open_database
from meelezer.store.episodes import import_transcript
from meelezer.store.search import search_library
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript

QUERIES_PER_KIND = 50

# Building the 1,000-episode library takes minutes; it is kept here and reused while the
# schema revision and the generator (BUILD_VERSION) stay the same. Delete it to rebuild.
CACHE_ENV = "MEELEZER_BENCH_CACHE"
BUILD_VERSION = 1


def cache_dir() -> Path:
    chosen = os.environ.get(CACHE_ENV)
    return Path(chosen) if chosen else Path(platformdirs.user_cache_dir("meelezer-bench"))


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


def _queries(rng: random.Random, vocabulary: list[str]) -> dict[str, list[str]]:
    counts: dict[str, int] = {}
    for word in vocabulary:
        counts[word.lower()] = counts.get(word.lower(), 0) + 1
    by_frequency = sorted(counts, key=counts.__getitem__, reverse=True)
    return {
        "common words": [w.strip(".,?!") for w in by_frequency[:QUERIES_PER_KIND]],
        "rare words": [w.strip(".,?!") for w in by_frequency[-QUERIES_PER_KIND:]],
        "3-letter prefixes": [w.strip(".,?!")[:3]
                              for w in rng.sample(by_frequency[:500], QUERIES_PER_KIND)],
        "single letters": list("etaoinshrdlucmfw"),
    }


def cached_library(episodes: int = 1000, lines: int = 2000) -> tuple[Path, float, int]:
    """The benchmark library (built once, then reused): its path, the build time in
    seconds (of the run that built it) and the bytes of line text in it."""
    folder = cache_dir() / f"library-{episodes}x{lines}-r{HEAD_REVISION}-v{BUILD_VERSION}"
    path = folder / "library.sqlite3"
    facts = folder / "facts.txt"
    if facts.is_file():
        build_s, raw_bytes = facts.read_text().split()
        return path, float(build_s), int(raw_bytes)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(3)
    vocabulary = seed_vocabulary()
    db = open_database(path)
    raw_bytes = 0
    started = time.perf_counter()
    for index in range(episodes):
        transcript = _episode(rng, vocabulary, index, lines)
        raw_bytes += sum(len(s.text.encode()) for s in transcript.segments)
        import_transcript(db, transcript, Path(f"e{index}.txt"), f"{index:064d}", None)
    build_s = time.perf_counter() - started
    db.close()
    with closing(sqlite3.connect(path)) as connection:  # one file, no WAL left beside it
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    facts.write_text(f"{build_s} {raw_bytes}\n")  # written last: marks the build complete
    return path, build_s, raw_bytes


def bench_library(episodes: int = 1000, lines: int = 2000) -> list[Result]:
    name = f"library {episodes:,} x {lines:,} lines"
    path, build_s, raw_bytes = cached_library(episodes, lines)
    size = path.stat().st_size
    index_size = _index_bytes(path)
    started = time.perf_counter()
    db = open_database(path)
    open_ms = (time.perf_counter() - started) * 1000
    results = [
        Result(name, "build (import_transcript per episode)", build_s, "s"),
        Result(name, "raw text (line text, UTF-8)", raw_bytes / 1e6, "MB"),
        Result(name, "database size / raw text", size / raw_bytes, "x"),
        Result(name, "search index size / raw text", index_size / raw_bytes, "x"),
        Result(name, "open_database", open_ms, "ms", "independent of size"),
    ]
    queries = _queries(random.Random(3), seed_vocabulary())
    for kind, words in queries.items():
        times = []
        for query in words:
            started = time.perf_counter()
            search_library(db, query)
            times.append((time.perf_counter() - started) * 1000)
        results.append(Result(name, f"search {kind} p50", statistics.median(times), "ms"))
        results.append(Result(name, f"search {kind} p95", _percentile(times, 0.95), "ms",
                              "<= 50 ms"))
    started = time.perf_counter()
    search_library(db, " ".join(queries["single letters"]))
    results.append(Result(name, "search 16 single letters at once",
                          (time.perf_counter() - started) * 1000, "ms"))
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
