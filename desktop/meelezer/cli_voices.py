"""`meelezer voices AUDIO TRANSCRIPT OUTPUT`: the lines grouped by voice, written as a
transcript with each line's group as its speaker ("Voice A", "Voice B", …).

Lines the transcript already names a speaker for keep it (and teach the grouping that voice);
lines whose voice is unclear (overlap, very short) keep their speaker or stay without one. The
audio and the transcript are only read; OUTPUT is written whole or not at all.
"""

from __future__ import annotations

import argparse
import string
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meelezer.transcript.timecode import format_clock as _clock
from meelezer.work import WorkContext

if TYPE_CHECKING:
    from meelezer.audio.voices.grouping import Grouping
    from meelezer.transcript.model import Transcript

# Unclear lines the summary names one by one before it only counts the rest.
UNCLEAR_LISTED = 10


class _Failed(Exception):
    """Ends the command with this message on stderr and exit status 1."""


def add_parser(commands: argparse._SubParsersAction[Any],
               add_force: Callable[[argparse.ArgumentParser], None]) -> None:
    """The `voices` subcommand; ``add_force(parser)`` adds --force."""
    voices = commands.add_parser(
        "voices", help="group a transcript's lines by voice and write them with speakers",
        description="Listen to AUDIO, group the lines of TRANSCRIPT by the voice speaking "
        "them, and write the transcript to OUTPUT with each line's group as its speaker "
        "(Voice A, Voice B, …; rename them in Meelezer or with find and replace). OUTPUT's "
        "extension picks the format: .srt, .vtt, .json (Podcasting 2.0), .txt, .md. Lines "
        "that already name a speaker keep it; lines whose voice is unclear (overlap, very "
        "short) keep their speaker or none, and are listed. AUDIO and TRANSCRIPT are only "
        "read. Nothing leaves this computer.",
        epilog="Example: 'meelezer voices episode.mp3 episode.srt episode-voices.srt'. "
        "Ctrl+C cancels and writes nothing.")
    voices.add_argument("audio", type=Path, metavar="AUDIO")
    voices.add_argument("transcript", type=Path, metavar="TRANSCRIPT")
    voices.add_argument("output", type=Path, metavar="OUTPUT")
    voices.add_argument("--voices", type=int, metavar="N", dest="count",
                        help="group into exactly N voices (default: the number is found by "
                        "itself)")
    add_force(voices)


def voices_command(audio: Path, transcript_path: Path, output: Path, count: int | None,
                   force: bool) -> int:
    progress = _Progress()
    try:
        summary = _group_and_write(audio, transcript_path, output, count, force, progress)
    except _Failed as error:
        progress.end()
        print(f"meelezer: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        progress.end()
        print(f"meelezer: cancelled; {output} was not written", file=sys.stderr)
        return 130
    for line in summary:
        print(line)
    return 0


def _group_and_write(audio: Path, transcript_path: Path, output: Path, count: int | None,
                     force: bool, progress: _Progress) -> list[str]:
    from meelezer.audio.decode import AudioError
    from meelezer.audio.episode_analysis import analyse_episode_audio
    from meelezer.audio.voices.embeddings import LineSpan, embed_lines
    from meelezer.audio.voices.grouping import group_voices
    from meelezer.transcript.errors import TranscriptError
    from meelezer.transcript.files import read_transcript, write_transcript

    started = time.perf_counter()
    if count is not None and count < 1:
        raise _Failed("--voices must be at least 1")
    if not audio.exists():
        raise _Failed(f"{audio}: no such file; give the episode's audio file first")
    if audio.is_dir():
        raise _Failed(f"{audio}: is a folder; give the episode's audio file first")
    try:
        _check_output(output, (audio, transcript_path), force)
        transcript = read_transcript(transcript_path)
    except TranscriptError as error:
        raise _Failed(str(error)) from None
    if transcript.warnings:
        from meelezer.transcript.errors import describe_warnings

        print(f"meelezer: warning: {transcript_path}: "
              f"{describe_warnings(transcript.warnings)}", file=sys.stderr)
    segments = transcript.segments
    lines = [LineSpan(segment.start_ms, segment.end_ms) for segment in segments]
    labels = [segment.speaker for segment in segments]
    try:
        progress.stage("Analysing the audio")
        outcome = analyse_episode_audio(audio, None, WorkContext(progress.report))
        if outcome.notice:
            progress.end()
            print(f"meelezer: warning: {outcome.notice}", file=sys.stderr)
        analysis = outcome.analysis
        progress.stage("Listening to the voices")
        embeddings = embed_lines(audio, lines, analysis.speech, WorkContext(progress.report))
    except AudioError as error:
        raise _Failed(str(error)) from None
    progress.stage("Grouping")
    grouping = group_voices(embeddings, lines, labels, count)
    progress.end()
    if not grouping.groups:
        raise _Failed(f"{audio}: no voice found in the lines of {transcript_path}; check that "
                      "this audio belongs to this transcript and has speech")
    names = _group_names(grouping, {label for label in labels if label})
    speakers = [labels[index] if labels[index] else
                (names[group] if group >= 0 else None)
                for index, group in enumerate(int(g) for g in grouping.line_group)]
    written = replace(transcript, segments=[replace(segment, speaker=speaker) for
                                            segment, speaker in zip(segments, speakers,
                                                                    strict=True)])
    try:
        write_transcript(written, output)
    except TranscriptError as error:
        raise _Failed(str(error)) from None
    return [*_summary(grouping, names, written, analysis.duration_ms),
            f"Wrote {len(segments):,} lines to {output} "
            f"(took {time.perf_counter() - started:.0f} s)"]


def _check_output(output: Path, inputs: Sequence[Path], force: bool) -> None:
    from meelezer.transcript.formats import writer_for

    writer_for(output)  # an extension it cannot write fails before any listening
    if output.is_dir():
        raise _Failed(f"{output}: is a folder; give a file name to write")
    if output.exists():
        if any(path.exists() and output.resolve() == path.resolve() for path in inputs):
            raise _Failed(f"{output}: output is an input file; Meelezer never changes your "
                          "files")
        if not force:
            raise _Failed(f"{output}: already exists; add --force to overwrite it")


def _group_names(grouping: Grouping, taken: set[str]) -> list[str]:
    """A group seeded by a speaker the transcript names keeps that name; the others are
    Voice A, Voice B, … biggest first, skipping names the transcript already uses."""
    free = (name for name in (f"Voice {letters}" for letters in _letters()) if name not in taken)
    return [group.speaker or next(free) for group in grouping.groups]


def _letters() -> list[str]:
    single = list(string.ascii_uppercase)
    return single + [first + second for first in single for second in single]


def _summary(grouping: Grouping, names: list[str], written: Transcript,
             audio_ms: int) -> list[str]:
    lines = []
    for group, name in zip(grouping.groups, names, strict=True):
        count = len(group.lines) + len(group.hand_labelled)
        kept = (f" ({len(group.hand_labelled):,} of them named so in the transcript)"
                if group.hand_labelled else "")
        lines.append(f"{name}: {count:,} {_plural(count, 'line')}, "
                     f"{group.total_ms / 60_000:.1f} min{kept}")
    unclear = list(grouping.unassigned)
    if unclear:
        lines.append(f"Unclear voice, left as they were: {len(unclear):,} "
                     f"{_plural(len(unclear), 'line')}")
        for index in unclear[:UNCLEAR_LISTED]:
            segment = written.segments[index]
            text = segment.text if len(segment.text) <= 60 else segment.text[:59] + "…"
            lines.append(f"  {_clock(segment.start_ms)}  {text}")
        if len(unclear) > UNCLEAR_LISTED:
            lines.append(f"  … and {len(unclear) - UNCLEAR_LISTED:,} more")
    beyond = sum(1 for segment in written.segments if segment.start_ms >= audio_ms)
    if beyond:
        lines.append(f"Note: {beyond:,} {_plural(beyond, 'line')} start after the audio ends "
                     f"({_clock(audio_ms)}); is this the audio of this transcript?")
    return lines


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


class _Progress:
    """Which step runs, on stderr: on a terminal one line that rewrites itself with the
    share done; elsewhere a line per step and per fifth of it."""

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.what = ""
        self.shown = -1
        self.open_line = False

    def stage(self, what: str) -> None:
        self.end()
        self.what, self.shown = what, -1
        if not self.terminal:
            print(f"{what} …", file=sys.stderr, flush=True)

    def report(self, fraction: float, _partial: object | None) -> None:
        percent = int(fraction * 100)
        if self.terminal and percent != self.shown:
            print(f"\r{self.what} … {percent:3d}%", end="", file=sys.stderr, flush=True)
            self.open_line = True
        elif not self.terminal and percent // 20 > max(self.shown, 0) // 20 and percent < 100:
            print(f"{self.what} … {percent}%", file=sys.stderr, flush=True)
        else:
            return
        self.shown = percent

    def end(self) -> None:
        if self.open_line:
            print(file=sys.stderr, flush=True)
            self.open_line = False
