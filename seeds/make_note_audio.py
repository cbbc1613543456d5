"""Speak an untimed transcript (seed 000, the GPT-NL Markdown note) as one long track, with
natural pauses, and record when each of its lines is really spoken (a sidecar JSON).

The lines are the ones Meelezer shows for the note (its reader splits the paragraph), so the
sidecar says, for every line the app shows, where it truly starts. Two espeak-ng Dutch voice
variants take turns (a conversation) at a pace that wanders over minutes (135-205 wpm, not
the aligner's reference rate); `[Muziek]` becomes a jingle of 4-20 s. Run with the project's
Python (`make note-audio`): the output is the same on every run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # its sibling make_demo_audio

import make_demo_audio as demo

VOICES = ("nl+m3", "nl+m1")  # two hosts; neither is the aligner's reference voice "nl"
# Words per minute: the hosts' pace wanders slowly between these (a step a line), as people
# speed up and slow down over minutes, and each line varies a little around it. So times
# spread by text length drift from the speech, as with a real recording.
RATES = (135, 205)
PACE_STEP, LINE_JITTER = 4, 8
TURN_LINES = (3, 9)  # lines a host speaks before the other one takes over
MUSIC_S = (4.0, 20.0)  # a jingle where the text says [Muziek]
SEED = 2024
TAG = re.compile(r"\[(muziek|music|applaus|gelach)\]", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    """A piece of a line: speech (text) or music (text is None)."""

    text: str | None
    path: Path
    frames: int


@dataclass(frozen=True)
class Plan:
    """How one line is spoken, and the pause after it."""

    text: str
    voice: str
    rate: int
    pause_s: float


def plan_lines(lines: list[str]) -> list[Plan]:
    """Voice, rate and following pause for every line, from a fixed seed."""
    rng = random.Random(SEED)
    plans: list[Plan] = []
    voice, turn_left = 0, rng.randint(*TURN_LINES)
    pace = float(sum(RATES) / 2)
    for text in lines:
        pace = min(RATES[1], max(RATES[0], pace + rng.uniform(-PACE_STEP, PACE_STEP)))
        rate = round(min(RATES[1], max(RATES[0], pace + rng.uniform(-LINE_JITTER,
                                                                     LINE_JITTER))))
        turn_left -= 1
        changes = turn_left == 0
        pause = rng.uniform(0.6, 1.5) if changes else (
            rng.uniform(1.5, 3.0) if rng.random() < 0.08 else rng.uniform(0.2, 0.8))
        plans.append(Plan(text, VOICES[voice], rate, pause))
        if changes:
            voice, turn_left = 1 - voice, rng.randint(*TURN_LINES)
    return plans


def music(seconds: float, target: Path) -> Path:
    """A soft chord, made by sox (-R: the same every run)."""
    demo.run(["sox", "-R", "-D", "-n", "-r", str(demo.SAMPLE_RATE), "-b", "16", "-c", "1",
              str(target), "synth", f"{seconds:.2f}", "pluck", "A3", "pluck", "C#4",
              "pluck", "E4", "remix", "-", "gain", "-n", "-12"])  # fmt: skip
    return target


def speak_line(index: int, plan: Plan, work: Path) -> list[Part]:
    """The line's speech and music parts as WAV files, in order."""
    parts: list[Part] = []
    pieces = TAG.split(plan.text)
    for number, piece in enumerate(pieces):
        if number % 2 == 1:  # a tag
            seconds = MUSIC_S[0] + (index % 5) * (MUSIC_S[1] - MUSIC_S[0]) / 4
            path = music(seconds, work / f"{index:05d}-{number}-music.wav")
            parts.append(Part(None, path, len(demo.read_samples(path))))
            continue
        if not any(ch.isalnum() for ch in piece):
            continue
        text_file = work / f"{index:05d}-{number}.txt"
        text_file.write_text(piece.strip() + "\n", encoding="utf-8")
        raw = work / f"{index:05d}-{number}-raw.wav"
        samples = demo.speak(text_file, plan.rate, raw, plan.voice)
        raw.unlink()
        path = work / f"{index:05d}-{number}.wav"
        demo.write_samples(path, samples)
        parts.append(Part(piece.strip(), path, len(samples)))
    return parts


def assemble(plans: list[Plan], parts: list[list[Part]], track: Path) -> list[dict[str, object]]:
    """Write the track; the truth of every line in ms: where its first part starts, where its
    first word is heard (the clip's own margin after the part's start), where it ends."""
    rate = demo.SAMPLE_RATE
    truth: list[dict[str, object]] = []
    cursor = rate  # a second of silence first
    margin_ms = round(demo.EDGE_MARGIN * 1000)
    with wave.open(str(track), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(demo.SAMPLE_WIDTH)
        out.setframerate(rate)
        out.writeframes(b"\0\0" * cursor)
        for plan, line_parts in zip(plans, parts, strict=True):
            start = cursor
            speech_start: int | None = None
            for part in line_parts:
                if part.text is not None and speech_start is None:
                    speech_start = cursor * 1000 // rate + margin_ms
                with wave.open(str(part.path), "rb") as piece:
                    out.writeframes(piece.readframes(piece.getnframes()))
                cursor += part.frames
                part.path.unlink()
            truth.append({"text": plan.text, "voice": plan.voice, "rate": plan.rate,
                          "start_ms": start * 1000 // rate + (margin_ms if line_parts and
                                                              line_parts[0].text else 0),
                          "speech_start_ms": speech_start,
                          "end_ms": cursor * 1000 // rate})
            gap = round(plan.pause_s * rate)
            out.writeframes(b"\0\0" * gap)
            cursor += gap
        out.writeframes(b"\0\0" * rate)
    return truth


def note_lines(note: Path) -> list[str]:
    """The note's lines as Meelezer shows them (its own reader splits the paragraph)."""
    try:
        from meelezer.transcript.files import read_transcript
    except ImportError as error:
        raise demo.DemoAudioError("run this with the project's Python (make note-audio): "
                                  f"{error}") from error
    return [segment.text for segment in read_transcript(note).segments]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("note", type=Path, help="untimed transcript (e.g. the Markdown note)")
    parser.add_argument("--output", type=Path, required=True, help="Opus file to write")
    parser.add_argument("--truth", type=Path,
                        help="sidecar JSON to write (default: OUTPUT with .truth.json)")
    parser.add_argument("--lines", type=int, metavar="N", help="only the first N lines")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel syntheses (default: CPUs)")
    args = parser.parse_args(argv)
    if args.jobs < 1 or (args.lines is not None and args.lines < 1):
        parser.error("--jobs and --lines must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    truth_path: Path = args.truth or args.output.with_name(
        args.output.name.removesuffix(args.output.suffix) + ".truth.json")
    try:
        demo.check_programs()
        lines = note_lines(args.note)[: args.lines]
        plans = plan_lines(lines)
        print(f"{len(plans)} lines, {args.jobs} jobs", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="note-audio-") as tmp:
            work = Path(tmp)
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                parts = list(pool.map(speak_line, range(len(plans)), plans,
                                      [work] * len(plans)))
            print(f"  synthesised ({time.monotonic() - started:.0f} s); assembling",
                  file=sys.stderr)
            track = work / "track.wav"
            truth = assemble(plans, parts, track)
            with wave.open(str(track), "rb") as wav:
                duration_ms = wav.getnframes() * 1000 // wav.getframerate()
            print("  encoding Opus", file=sys.stderr)
            encoded = work / "track.opus"
            demo.encode(track, encoded, args.note.stem, "espeak-ng (nl+m3, nl+m1)")
            args.output.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(encoded, args.output)
            sidecar = work / "truth.json"
            sidecar.write_text(json.dumps({
                "transcript": args.note.name, "audio": args.output.name,
                "duration_ms": duration_ms, "voices": list(VOICES), "lines": truth,
            }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            shutil.move(sidecar, truth_path)
    except (demo.DemoAudioError, OSError) as exc:
        print(f"make_note_audio: {exc}", file=sys.stderr)
        return 1
    print(f"{args.output}: {len(plans)} lines, {demo.format_duration(duration_ms / 1000)}; "
          f"truth in {truth_path}; took {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
