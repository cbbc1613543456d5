"""Make a demo speech track (Dutch espeak-ng, Opus) timed to a Whisper-text transcript."""

from __future__ import annotations

import argparse
import array
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

SAMPLE_RATE = 22050  # espeak-ng's native rate; mono, 16-bit
SAMPLE_WIDTH = 2
BASE_RATE = 175  # espeak-ng words per minute for a normal reading
MAX_RATE = 350  # fastest espeak-ng rate that stays intelligible
MAX_TEMPO = 2.0  # largest extra `sox tempo` speed-up on top of MAX_RATE
RATE_ATTEMPTS = 3
MIN_SLOT = 0.05  # seconds; floor for degenerate (zero or negative) slots
SILENCE_LEVEL = 300  # |sample| below this counts as silence when trimming a clip
EDGE_MARGIN = 0.01  # seconds of the clip's own silence kept before and after speech
OPUS_BITRATE = "16"  # kbit/s
OPUS_SERIAL = "20250220"  # fixed Ogg serial number so reruns give identical files
SUBPROCESS_TIMEOUT = 1800  # encoding the 2-hour track takes minutes on a busy 2-core machine

# program -> Debian/Ubuntu package that provides it
REQUIRED_PROGRAMS = {"espeak-ng": "espeak-ng", "sox": "sox", "opusenc": "opus-tools"}

CUE_RE = re.compile(r"^\[\s*(?P<start>[0-9:.,]+)\s*-->\s*(?P<end>[0-9:.,]+)\s*\](?P<text>.*)$")


class DemoAudioError(Exception):
    """A problem that ends the run with a message instead of a traceback."""


@dataclass(frozen=True)
class Cue:
    """One timed transcript line."""

    start: float
    end: float
    text: str
    raw: str


@dataclass(frozen=True)
class Transcript:
    """Header lines (everything before the first cue) and the cues in file order."""

    header: list[str]
    cues: list[Cue]


@dataclass(frozen=True)
class Clip:
    """A synthesised, trimmed line of speech stored as a mono 16-bit WAV."""

    index: int
    path: Path | None
    frames: int
    rate: int
    tempo: float


def parse_timestamp(value: str) -> float:
    """Seconds from `8.66`, `01:02.5` or `00:00:04,200`."""
    parts = value.replace(",", ".").split(":")
    if len(parts) > 3 or any(not part for part in parts):
        raise ValueError(f"bad timestamp {value!r}")
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


def parse_transcript(text: str) -> Transcript:
    """Split a Whisper-text transcript into header lines and cues."""
    header: list[str] = []
    cues: list[Cue] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = CUE_RE.match(line.strip())
        if match is None:
            if not cues:
                header.append(line)
            elif line.strip():
                print(f"warning: line {number} is not a timed line, ignored", file=sys.stderr)
            continue
        try:
            start = parse_timestamp(match["start"])
            end = parse_timestamp(match["end"])
        except ValueError as exc:
            raise DemoAudioError(f"line {number}: {exc}") from exc
        cues.append(Cue(start, end, match["text"].strip(), line))
    return Transcript(header, cues)


def check_programs() -> None:
    """Fail with an install hint when a required program or the Dutch voice is missing."""
    for program, package in REQUIRED_PROGRAMS.items():
        if shutil.which(program) is None:
            raise DemoAudioError(
                f"required program '{program}' not found on PATH; "
                f"install it with: sudo apt-get install {package}"
            )
    voices = subprocess.run(
        ["espeak-ng", "--voices=nl"], capture_output=True, text=True, check=False
    ).stdout
    if not any(line.split()[1:2] == ["nl"] for line in voices.splitlines()):
        raise DemoAudioError(
            "espeak-ng has no Dutch voice 'nl'; install it with: sudo apt-get install espeak-ng"
        )


def run(command: Sequence[str]) -> None:
    """Run a command, raising DemoAudioError with its stderr on failure."""
    result = subprocess.run(
        list(command), capture_output=True, text=True, check=False, timeout=SUBPROCESS_TIMEOUT
    )
    if result.returncode != 0:
        raise DemoAudioError(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()}")


def read_samples(path: Path) -> array.array[int]:
    """The 16-bit mono samples of a WAV file."""
    with wave.open(str(path), "rb") as wav:
        if wav.getnchannels() != 1 or wav.getsampwidth() != SAMPLE_WIDTH:
            raise DemoAudioError(f"{path.name}: expected mono 16-bit audio")
        if wav.getframerate() != SAMPLE_RATE:
            raise DemoAudioError(f"{path.name}: expected {SAMPLE_RATE} Hz audio")
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def write_samples(path: Path, samples: array.array[int]) -> None:
    """Write 16-bit mono samples as a WAV file."""
    data = array.array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(data.tobytes())


def trim_silence(samples: array.array[int]) -> array.array[int]:
    """Drop espeak-ng's leading and trailing silence, keeping EDGE_MARGIN on each side."""
    first = next((i for i, s in enumerate(samples) if abs(s) > SILENCE_LEVEL), None)
    if first is None:
        return array.array("h")
    last = next(i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > SILENCE_LEVEL)
    margin = round(EDGE_MARGIN * SAMPLE_RATE)
    return samples[max(0, first - margin) : min(len(samples), last + 1 + margin)]


def speak(text_file: Path, rate: int, wav_path: Path, voice: str = "nl") -> array.array[int]:
    """Synthesise the text in text_file with a Dutch voice at rate wpm; trimmed samples."""
    run(["espeak-ng", "-v", voice, "-b", "1", "-s", str(rate), "-f", str(text_file),
         "-w", str(wav_path)])  # fmt: skip
    return trim_silence(read_samples(wav_path))


def synthesise(index: int, text: str, slot: float, work: Path) -> Clip:
    """Speak one line so that it fits in slot seconds if at all possible."""
    if not any(ch.isalnum() for ch in text):
        return Clip(index, None, 0, 0, 1.0)
    text_file = work / f"{index:05d}.txt"
    text_file.write_text(text + "\n", encoding="utf-8")
    raw_wav = work / f"{index:05d}-raw.wav"
    clip_wav = work / f"{index:05d}.wav"
    target = max(round(slot * SAMPLE_RATE), 1)

    rate = BASE_RATE
    samples = speak(text_file, rate, raw_wav)
    for _ in range(RATE_ATTEMPTS):
        if len(samples) <= target or rate >= MAX_RATE:
            break
        # espeak-ng's duration is close to inversely proportional to the rate.
        rate = min(MAX_RATE, math.ceil(rate * len(samples) / target * 1.03))
        samples = speak(text_file, rate, raw_wav)

    tempo = 1.0
    if len(samples) > target and samples:
        tempo = min(MAX_TEMPO, len(samples) / target * 1.01)
        write_samples(raw_wav, samples)
        # -R -D: no random dither, so reruns produce identical files
        run(["sox", "-R", "-D", str(raw_wav), str(clip_wav), "tempo", "-s", f"{tempo:.4f}"])
        samples = read_samples(clip_wav)
    write_samples(clip_wav, samples)
    text_file.unlink()
    raw_wav.unlink(missing_ok=True)
    return Clip(index, clip_wav, len(samples), rate, tempo)


def slots(cues: Sequence[Cue]) -> list[float]:
    """Seconds each cue's speech should fit in: up to its own end or the next start."""
    result: list[float] = []
    for i, cue in enumerate(cues):
        limit = cue.end if i + 1 == len(cues) else min(cue.end, cues[i + 1].start)
        result.append(max(limit - cue.start, MIN_SLOT))
    return result


def synthesise_all(cues: Sequence[Cue], work: Path, jobs: int) -> list[Clip]:
    """Synthesise every cue in parallel; clips in cue order."""
    clips: list[Clip | None] = [None] * len(cues)
    step = max(1, len(cues) // 10)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(synthesise, i, cue.text, slot, work)
            for i, (cue, slot) in enumerate(zip(cues, slots(cues), strict=True))
        ]
        for done, future in enumerate(as_completed(futures), start=1):
            clip = future.result()
            clips[clip.index] = clip
            if done % step == 0 or done == len(cues):
                elapsed = time.monotonic() - started
                print(f"  synthesised {done}/{len(cues)} lines ({elapsed:.0f} s)", file=sys.stderr)
    return [clip for clip in clips if clip is not None]


@dataclass(frozen=True)
class Placement:
    """How the assembled track turned out."""

    frames: int
    shifted: int
    max_shift: float


def assemble(cues: Sequence[Cue], clips: Sequence[Clip], out_wav: Path) -> Placement:
    """Write the clips into one WAV at their cue starts, silence in between, never overlapping."""
    cursor = 0
    shifted = 0
    max_shift = 0
    chunk = b"\0" * (SAMPLE_RATE * SAMPLE_WIDTH)
    with wave.open(str(out_wav), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(SAMPLE_WIDTH)
        wav.setframerate(SAMPLE_RATE)

        def pad_to(frame: int) -> None:
            nonlocal cursor
            remaining = (frame - cursor) * SAMPLE_WIDTH
            while remaining > 0:
                wav.writeframesraw(chunk[: min(remaining, len(chunk))])
                remaining -= len(chunk)
            cursor = max(cursor, frame)

        for cue, clip in zip(cues, clips, strict=True):
            if clip.path is None:
                continue
            wanted = round(cue.start * SAMPLE_RATE)
            if cursor > wanted:
                shifted += 1
                max_shift = max(max_shift, cursor - wanted)
            pad_to(wanted)
            with wave.open(str(clip.path), "rb") as piece:
                wav.writeframesraw(piece.readframes(piece.getnframes()))
            cursor += clip.frames
            clip.path.unlink()
        pad_to(round(cues[-1].end * SAMPLE_RATE))
    return Placement(cursor, shifted, max_shift / SAMPLE_RATE)


def encode(wav_path: Path, opus_path: Path, title: str | None,
           artist: str = "espeak-ng (nl)") -> None:
    """Encode the speech track as a small Opus file."""
    command = ["opusenc", "--quiet", "--speech", "--bitrate", OPUS_BITRATE,
               "--serial", OPUS_SERIAL]  # fmt: skip
    if title:
        command += ["--title", title]
    run([*command, "--artist", artist, str(wav_path), str(opus_path)])


def header_value(header: Sequence[str], key: str) -> str | None:
    """The value of a `Key: value` header line, if present."""
    prefix = key.lower() + ":"
    for line in header:
        if line.lower().startswith(prefix):
            return line[len(prefix) :].strip() or None
    return None


def format_duration(seconds: float) -> str:
    """`1:53:01` or `10:04`."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("transcript", type=Path, help="Whisper-text transcript (.txt)")
    parser.add_argument(
        "--output", type=Path, help="Opus file to write (default: transcript name with .opus)"
    )
    parser.add_argument(
        "--until", type=float, metavar="SECONDS", help="only lines starting before SECONDS"
    )
    parser.add_argument(
        "--excerpt", type=Path, metavar="PATH", help="also write the used lines as Whisper text"
    )
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="parallel syntheses (default: CPUs)"
    )
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    try:
        check_programs()
        transcript = parse_transcript(args.transcript.read_text(encoding="utf-8-sig"))
        cues = [c for c in transcript.cues if args.until is None or c.start < args.until]
        if not cues:
            raise DemoAudioError("no timed lines to speak")
        cues.sort(key=lambda cue: cue.start)
        output: Path = args.output or args.transcript.with_suffix(".opus")
        print(f"{len(cues)} lines, {format_duration(cues[-1].end)}, {args.jobs} jobs",
              file=sys.stderr)  # fmt: skip

        with tempfile.TemporaryDirectory(prefix="demo-audio-") as tmp:
            work = Path(tmp)
            clips = synthesise_all(cues, work, args.jobs)
            print("  assembling track", file=sys.stderr)
            track = work / "track.wav"
            placement = assemble(cues, clips, track)
            print("  encoding Opus", file=sys.stderr)
            encoded = work / "track.opus"
            encode(track, encoded, header_value(transcript.header, "Video title"))
            output.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(encoded, output)

        if args.excerpt is not None:
            lines = [*transcript.header, *(cue.raw for cue in cues)]
            args.excerpt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except (DemoAudioError, OSError, subprocess.TimeoutExpired) as exc:
        print(f"make_demo_audio: {exc}", file=sys.stderr)
        return 1

    faster = sum(1 for clip in clips if clip.rate > BASE_RATE)
    tempo = sum(1 for clip in clips if clip.tempo > 1.0)
    size = output.stat().st_size
    print(
        f"{output}: {len(cues)} lines, {format_duration(placement.frames / SAMPLE_RATE)} "
        f"({placement.frames / SAMPLE_RATE:.2f} s), {size / 1_000_000:.2f} MB; "
        f"{faster} lines sped up, {tempo} also with sox tempo, {placement.shifted} shifted "
        f"(max {placement.max_shift:.2f} s); took {time.monotonic() - started:.0f} s"
    )
    if args.excerpt is not None:
        print(f"{args.excerpt}: excerpt with {len(cues)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
