"""The aligner ("Sync to audio") where the truth is known: recordings made by other voices
than its reference (tests/helpers/alignment_truth.py), grouped by condition; and its speed
and peak memory on the 1 h 53 min track of seed 003 and on seed 000 spoken as a whole,
each run as `meelezer align` in a child process so that only its own memory counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from alignment_scoring import (
    Score,
    median,
    percentile,
    precision_recall,
    score_lines,
    score_unmatched,
    share_over,
)
from registry import Result

REPO = Path(__file__).resolve().parents[2]
if str(REPO / "tests") not in sys.path:
    sys.path.insert(0, str(REPO / "tests"))  # for helpers/

from helpers.alignment_truth import (  # noqa: E402
    CONDITIONS,
    LONG_CONDITIONS,
    Condition,
    TruthRecording,
    truth_recording,
)

NAME = "alignment"
SEED_003_AUDIO = REPO / "build" / "ai-report-grok3-full.opus"
SEED_003_TEXT = REPO / "seeds" / "ai-report-2025-02-20-grok3-whisper.txt"
SEED_000_AUDIO = REPO / "build" / "ai-report-gpt-nl-youtube-note.opus"
SEED_000_TRUTH = REPO / "build" / "ai-report-gpt-nl-youtube-note.truth.json"
SEED_000_TEXT = REPO / "seeds" / "ai-report-gpt-nl-youtube-note.md"
LOOKS_AT_MIN = (5, 30, 55)  # where the coordinator looks at the highlighted sentence


def group(condition: Condition) -> str:
    """The condition's kind, for the table: clean, noise, music, intro, removed middle."""
    if condition.cut_lines:
        kind = "removed middle"
    elif condition.intro_s:
        kind = "intro 45 s"
    elif condition.bed == "pink":
        kind = "pink noise"
    elif condition.bed == "music":
        kind = "music bed"
    elif condition.room:
        kind = "room reverb"
    else:
        kind = "clean"
    return f"{condition.language} {kind}"


def input_lines(recording: TruthRecording) -> list[object]:
    """What the aligner is given: the text with times estimated over the audio's length (as
    an untimed transcript opens), or the real times of the audio without its intro."""
    from meelezer.audio.alignment import LineToAlign
    from meelezer.transcript.timing import estimate_times

    condition = recording.condition
    if condition.timed_input:
        shift = round(condition.intro_s * 1000)
        return [LineToAlign(line.text, max(0, line.start_ms - shift), max(0, line.end_ms - shift))
                for line in recording.lines]
    estimated = estimate_times([line.text for line in recording.lines], recording.duration_ms)
    return [LineToAlign(segment.text, segment.start_ms, segment.end_ms) for segment in estimated]


def error_rows(label: str, score: Score, goals: bool = False) -> list[Result]:
    lines, words = score.line_errors, score.word_errors
    return [
        Result(NAME, f"{label}: line start error, median", median(lines), "ms",
               "<= 80 ms" if goals else ""),
        Result(NAME, f"{label}: line start error, p95", percentile(lines, 0.95), "ms",
               "<= 250 ms" if goals else ""),
        Result(NAME, f"{label}: lines > 1 s off", share_over(lines, 1000), "%",
               "<= 1 %" if goals else f"{len(lines)} lines"),
        Result(NAME, f"{label}: word start error, median", median(words), "ms",
               "<= 60 ms" if goals else ""),
        Result(NAME, f"{label}: word start error, p95", percentile(words, 0.95), "ms",
               "<= 200 ms" if goals else f"{len(words)} words"),
    ]


def bench_alignment_accuracy(conditions: Sequence[Condition] = CONDITIONS) -> list[Result]:
    """Every condition of the truth corpus, aligned in this process (generation cached)."""
    from meelezer.audio.alignment import align

    recordings = [truth_recording(condition) for condition in conditions]
    groups: dict[str, Score] = {}
    total = Score()
    offsets: list[tuple[int, int]] = []
    align_s = 0.0
    for recording in recordings:
        condition = recording.condition
        started = time.perf_counter()
        result = align(recording.audio, input_lines(recording),  # type: ignore[arg-type]
                       language=condition.language)
        align_s += time.perf_counter() - started
        score = score_lines(recording.lines, result.lines)
        score.add(score_unmatched(recording.unmatched_audio, result.unmatched_audio,
                                  recording.duration_ms))
        groups.setdefault(group(condition), Score()).add(score)
        total.add(score)
        if condition.timed_input:
            offsets.append((result.offset_ms, round(condition.intro_s * 1000)))
    rows: list[Result] = []
    for label, score in sorted(groups.items()):
        rows += error_rows(label, score)
    rows += error_rows("all conditions", total, goals=True)
    precision, recall = precision_recall(total)
    audio_s = sum(recording.duration_ms for recording in recordings) / 1000
    rows += [
        Result(NAME, "text not in the audio (cut lines, unspoken tail): flags right",
               precision, "%", f"precision; {total.flagged_but_spoken} spoken lines flagged"),
        Result(NAME, "text not in the audio: cut lines flagged", recall, "%",
               f"recall, of {total.flagged_and_cut + total.cut_not_flagged} lines"),
        Result(NAME, "audio not in the text (45 s intros): reported as unmatched",
               100 * total.unmatched_found_ms / total.unmatched_truth_ms
               if total.unmatched_truth_ms else float("nan"), "%",
               f"of {total.unmatched_truth_ms / 1000:.0f} s"),
        Result(NAME, "unmatched audio reported where the text is",
               total.unmatched_elsewhere_ms / 1000, "s", f"of {audio_s:.0f} s of audio"),
    ]
    for found, expected in offsets:
        rows.append(Result(NAME, "timed text of the cut without the 45 s intro: offset found",
                           found / 1000, "s", f"truth {expected / 1000:.0f} s"))
    rows.append(Result(NAME, f"speed on the corpus ({len(recordings)} recordings, "
                       f"{audio_s / 60:.0f} min, in this process)", audio_s / align_s,
                       "× real time", ">= 60×"))
    return rows


def bench_alignment_accuracy_long() -> list[Result]:
    """The same conditions with three times as many lines (only when named: it takes long)."""
    return bench_alignment_accuracy(LONG_CONDITIONS)


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    cpu_seconds: float  # user + system time of the child: less inflated by a busy machine
    peak_rss_mb: float
    output: Path
    stdout: str


def align_in_child(audio: Path, transcript: Path, folder: Path,
                   language: str = "nl") -> ChildRun:
    """`meelezer align` in its own process: wall time, and its peak RSS from wait4 (the
    child's own figure, not this process's)."""
    output = folder / "aligned.json"
    out_log, err_log = folder / "stdout.txt", folder / "stderr.txt"
    command = [sys.executable, "-m", "meelezer.cli", "align", str(audio), str(transcript),
               str(output), "--language", language]
    with out_log.open("wb") as out, err_log.open("wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = err_log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        raise RuntimeError(f"meelezer align failed ({child.returncode}): "
                           f"{tail[-1] if tail else 'no message'}")
    peak = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return ChildRun(seconds, usage.ru_utime + usage.ru_stime, peak, output,
                    out_log.read_text(encoding="utf-8"))


def _audio_seconds(path: Path) -> float:
    from meelezer.audio.decode import AudioDecoder

    with AudioDecoder(path) as decoder:
        return sum(len(block) for block in decoder.blocks()) / 16_000


def speed_rows(label: str, audio: Path, run: ChildRun) -> list[Result]:
    seconds = _audio_seconds(audio)
    return [
        Result(NAME, f"{label} ({seconds / 3600:.2f} h): wall time", run.seconds, "s",
               f"<= {seconds / 60:.0f} s"),
        Result(NAME, f"{label}: speed", seconds / run.seconds, "× real time", ">= 60×"),
        Result(NAME, f"{label}: CPU time of `meelezer align` (user + system)",
               run.cpu_seconds, "s", f"audio / CPU time: {seconds / run.cpu_seconds:.0f}×"),
        Result(NAME, f"{label}: peak RSS of `meelezer align`", run.peak_rss_mb, "MB",
               "<= 500 MB"),
    ]


def _require(path: Path, make_target: str) -> Path:
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run 'make {make_target}' first")
    return path


def bench_alignment_seed_003() -> list[Result]:
    """The 1 h 53 min demo track with its line-timed Whisper transcript: speed, memory,
    and how many lines the aligner moved by more than a second."""
    from meelezer.transcript.files import read_transcript

    audio = _require(SEED_003_AUDIO, "demo-audio")
    with tempfile.TemporaryDirectory() as folder:
        run = align_in_child(audio, SEED_003_TEXT, Path(folder))
        aligned = read_transcript(run.output).segments
    original = read_transcript(SEED_003_TEXT).segments
    moved = sum(abs(after.start_ms - before.start_ms) > 1000
                for after, before in zip(aligned, original, strict=True))
    return [*speed_rows("seed 003 demo track", audio, run),
            Result(NAME, "seed 003 demo track: lines moved by > 1 s", moved, "lines",
                   f"of {len(original):,} (the track follows the transcript's times)")]


def bench_alignment_seed_000() -> list[Result]:
    """Seed 000 (12,500 untimed words) spoken by `make note-audio`: speed, memory, line
    start errors against the synthesis's sidecar, and the line highlighted at 5, 30 and 55
    minutes before (estimated times) and after syncing."""
    from meelezer.transcript.files import read_transcript

    audio = _require(SEED_000_AUDIO, "note-audio")
    truth = json.loads(_require(SEED_000_TRUTH, "note-audio").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        run = align_in_child(audio, SEED_000_TEXT, Path(folder))
        aligned = read_transcript(run.output).segments
    before = read_transcript(SEED_000_TEXT, audio_duration_ms=truth["duration_ms"]).segments
    true_lines = truth["lines"]
    if [line["text"] for line in true_lines] != [segment.text for segment in before]:
        raise RuntimeError("the reader splits seed 000 differently from the sidecar: run "
                           "'make note-audio' again")
    errors = [abs(segment.start_ms - line["speech_start_ms"])
              for segment, line in zip(aligned, true_lines, strict=True)]
    rows = [*speed_rows("seed 000 spoken", audio, run)]
    rows += [Result(NAME, "seed 000 spoken: line start error, median", median(errors), "ms",
                    "<= 80 ms"),
             Result(NAME, "seed 000 spoken: line start error, p95", percentile(errors, 0.95),
                    "ms", "<= 250 ms"),
             Result(NAME, "seed 000 spoken: lines > 1 s off", share_over(errors, 1000), "%",
                    f"<= 1 % of {len(errors)} lines")]
    truth_starts = [line["speech_start_ms"] for line in true_lines]
    for minute in LOOKS_AT_MIN:
        at = minute * 60_000
        spoken = _line_at(truth_starts, at)
        was = _line_at([segment.start_ms for segment in before], at)
        now = _line_at([segment.start_ms for segment in aligned], at)
        rows.append(Result(NAME, f"seed 000 at {minute} min: highlighted line's distance from "
                           "the spoken one, after sync", abs(now - spoken), "lines",
                           f"0; before sync {abs(was - spoken)} (line {spoken + 1} is spoken)"))
    return rows


def _line_at(starts: Sequence[int], at_ms: int) -> int:
    """The line being spoken at ``at_ms``: the last one starting at or before it."""
    return max((index for index, start in enumerate(starts) if start <= at_ms), default=0)


def main() -> int:
    from run import print_table

    print_table(bench_alignment_accuracy())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
