"""`meelezer analyse AUDIO`: the audio analysis from a terminal (duration, speech, pauses)."""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path
from typing import Any

from meelezer.work import WorkContext


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    analyse = commands.add_parser(
        "analyse", aliases=["analyze"], help="analyse an audio file: duration, speech, pauses",
        description="Decode AUDIO once (MP3, M4A/AAC, Opus, Ogg Vorbis, FLAC, WAV …) and print "
        "its duration, how much of it is speech, its pauses (how many, the longest) and how "
        "long the analysis took. The file is only read.")
    analyse.add_argument("audio", type=Path, metavar="AUDIO")


def analyse_command(audio: Path) -> int:
    from meelezer.audio.decode import AudioError
    from meelezer.audio.episode_analysis import analyse_episode_audio

    started = time.perf_counter()
    show_progress = sys.stderr.isatty()

    def report(fraction: float, _partial: object | None) -> None:
        if show_progress:
            print(f"\ranalysing … {fraction:4.0%}", end="", file=sys.stderr, flush=True)

    try:
        outcome = analyse_episode_audio(audio, None, WorkContext(report))
    except AudioError as error:
        if show_progress:
            print(file=sys.stderr)
        print(f"meelezer: error: {error}", file=sys.stderr)
        return 1
    taken = time.perf_counter() - started
    if show_progress:
        print("\r" + " " * 20 + "\r", end="", file=sys.stderr)
    if outcome.notice:
        print(f"meelezer: warning: {outcome.notice}", file=sys.stderr)
    for line in summary_lines(outcome.analysis, taken):
        print(line)
    return 0


def summary_lines(analysis: Any, taken_s: float) -> list[str]:
    from meelezer.audio.analysis import AudioAnalysis

    assert isinstance(analysis, AudioAnalysis)
    speech = analysis.speech
    pauses = [(later.start_ms - earlier.end_ms, earlier.end_ms)
              for earlier, later in itertools.pairwise(speech)]
    spoken_ms = sum(region.end_ms - region.start_ms for region in speech)
    lines = [f"Duration: {_clock(analysis.duration_ms)}",
             f"Speech: {analysis.speech_share():.0%} ({_clock(spoken_ms)} in "
             f"{len(speech):,} stretches)"]
    if pauses:
        longest, at_ms = max(pauses)
        lines.append(f"Pauses: {len(pauses):,}, the longest {longest / 1000:.1f} s "
                     f"(at {_clock(at_ms)})")
    else:
        lines.append("Pauses: none")
    speed = analysis.duration_ms / 1000 / taken_s if taken_s > 0 else 0.0
    lines.append(f"Analysed in {taken_s:.1f} s ({speed:,.0f}× real time)")
    return lines


def _clock(ms: int) -> str:
    tenths = ms // 100
    seconds, tenth = divmod(tenths, 10)
    hours, rest = divmod(seconds, 3600)
    minutes, second = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{second:02d}.{tenth}"
    return f"{minutes}:{second:02d}.{tenth}"
