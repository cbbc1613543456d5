"""Runs every benchmark, each in a fresh process so peak memory is its own, and prints a table.

Usage: python tests/benchmarks/run.py [NAME ...] [--json]
Without names it runs all but the heavy ones in registry.NAMED_ONLY, which run when named.
Benchmarks report numbers; they never assert. Targets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from registry import BENCHMARKS, NAMED_ONLY, Result  # noqa: E402  (path set just above)


def run_in_subprocess(name: str) -> list[Result]:
    completed = subprocess.run(
        [sys.executable, str(BENCH_DIR / "run.py"), "--one", name],
        capture_output=True, text=True, check=False,
    )
    if completed.returncode != 0:
        detail = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        return [Result(name, "failed", float("nan"), "", detail)]
    return [Result(**row) for row in json.loads(completed.stdout.strip().splitlines()[-1])]


def print_table(results: list[Result]) -> None:
    headers = ("benchmark", "measure", "value", "unit", "target")
    rows = [(r.benchmark, r.measure, _format_value(r.value), r.unit, r.target) for r in results]
    columns = zip(headers, *rows, strict=False)
    widths = [max(len(str(cell)) for cell in column) for column in columns]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*headers))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))


def _format_value(value: float) -> str:
    if value != value:  # NaN marks a failed benchmark
        return "-"
    return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help=f"any of: {', '.join(BENCHMARKS)}")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    options = parser.parse_args()
    if options.one:
        rows = BENCHMARKS[options.one]()
        print(json.dumps([asdict(row) for row in rows]))
        return 0
    unknown = [name for name in options.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    results: list[Result] = []
    for name in options.names or [name for name in BENCHMARKS if name not in NAMED_ONLY]:
        print(f"running {name} …", file=sys.stderr, flush=True)
        results.extend(run_in_subprocess(name))
    if options.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        print_table(results)
    return 1 if any(r.unit == "" and r.measure == "failed" for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
