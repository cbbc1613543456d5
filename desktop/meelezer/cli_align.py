"""`meelezer align AUDIO TRANSCRIPT OUTPUT`: Sync to audio from a terminal. Every line, and
every word, gets the times found in the audio; OUTPUT's extension picks the format (.json
keeps the word times). The audio and the transcript are only read."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meelezer.transcript.timecode import format_clock as _clock
from meelezer.work import Cancelled, WorkContext

if TYPE_CHECKING:
    from meelezer.audio.alignment import Alignment
    from meelezer.transcript.model import Segment, Transcript

MOVED_MS = 1000  # a line "moved" when its start changed by more than this
LISTED_AT_MOST = 10
PROGRESS_EVERY_S = 0.5  # on a terminal; elsewhere a line per tenth done
JOIN_POLL_S = 0.2  # how often the waiting main thread wakes, so Ctrl-C is noticed
CANCELLED_EXIT = 130  # as a shell reports a command ended by Ctrl-C


class AlignFailed(Exception):
    """A problem to report as one line on stderr, with exit status 1."""


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    align = commands.add_parser(
        "align", help="sync a transcript to its audio: line and word times found in the audio",
        description="Find where every line and word of TRANSCRIPT is spoken in AUDIO and "
        "write the transcript with those times to OUTPUT; OUTPUT's extension picks the format "
        "(.json keeps the word times; .srt, .vtt, .txt, .md). Works on untimed text and on "
        "transcripts with coarse or shifted times. Lines not found in the audio keep their "
        "times and are listed. AUDIO and TRANSCRIPT are only read.",
        epilog="Example: 'meelezer align episode.mp3 episode.txt episode.json'. "
        "Ctrl-C cancels; nothing is written then.")
    align.add_argument("audio", type=Path, metavar="AUDIO")
    align.add_argument("transcript", type=Path, metavar="TRANSCRIPT")
    align.add_argument("output", type=Path, metavar="OUTPUT")
    align.add_argument("--language", choices=("nl", "en"),
                       help="the language spoken (default: recognised from the text)")
    align.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")


def align_command(options: argparse.Namespace) -> int:
    """Run `meelezer align`; errors are raised as ``AlignFailed``, ``TranscriptError`` or
    ``AudioError`` for the caller to print, Ctrl-C returns ``CANCELLED_EXIT``."""
    from meelezer.audio.alignment import LineToAlign
    from meelezer.transcript.files import read_transcript, write_transcript
    from meelezer.transcript.formats import writer_for

    audio: Path = options.audio
    source: Path = options.transcript
    target: Path = options.output
    writer_for(target)  # an unsupported output extension fails before any work
    _check_paths(audio, source, target, options.force)
    audio_ms = _claimed_length_ms(audio)
    transcript = read_transcript(source, audio_duration_ms=audio_ms or None)
    if transcript.warnings:
        from meelezer.transcript.errors import describe_warnings

        print(f"meelezer: warning: {source}: {describe_warnings(transcript.warnings)}",
              file=sys.stderr)
    lines = [LineToAlign(segment.text, segment.start_ms, segment.end_ms)
             for segment in transcript.segments]
    started = time.perf_counter()
    alignment = _align_cancellably(audio, lines, options.language)
    if alignment is None:
        print("Cancelled; nothing was written.", file=sys.stderr)
        return CANCELLED_EXIT
    taken = time.perf_counter() - started
    synced = synced_transcript(transcript, alignment)
    write_transcript(synced, target)
    for line in summary_lines(transcript, alignment, taken):
        print(line)
    print(f"Wrote {len(synced.segments):,} lines{_what_is_kept(target)}")
    return 0


def _what_is_kept(target: Path) -> str:
    """How the output's format keeps the times, said after "Wrote N lines"."""
    suffix = target.suffix.lower()
    if suffix == ".json":
        return f" with word times to {target}"
    if suffix == ".txt":
        return f" to {target} (plain text keeps no times; .json keeps line and word times)"
    return f" to {target} (this format has no word times; .json keeps them)"


def _check_paths(audio: Path, source: Path, target: Path, force: bool) -> None:
    for path, what in ((audio, "audio"), (source, "transcript")):
        if not path.exists():
            raise AlignFailed(f"{path}: no such file (the {what})")
        if target.exists() and target.resolve() == path.resolve():
            raise AlignFailed(f"{target}: OUTPUT is the {what} file; Meelezer never changes "
                              "your files, so give another name to write")
    if target.is_dir():
        raise AlignFailed(f"{target}: is a folder; give a file name to write")
    if target.exists() and not force:
        raise AlignFailed(f"{target}: already exists; add --force to overwrite it")


def _claimed_length_ms(audio: Path) -> int:
    """The length the audio file says it has (0 when it does not say); opening it here also
    turns a file that is no audio into a clear message before the transcript is read."""
    from meelezer.audio.decode import AudioDecoder

    with AudioDecoder(audio) as decoder:
        return decoder.report.expected_ms


def _align_cancellably(audio: Path, lines: list[Any], language: str | None) -> Alignment | None:
    """The alignment, made on a worker thread while this one waits for Ctrl-C; None when
    cancelled (the aligner stops at its next check and writes nothing)."""
    from meelezer.audio.alignment import align

    progress = _Progress()
    context = WorkContext(lambda fraction, _partial: progress(fraction))
    outcome: list[Alignment] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            outcome.append(align(audio, lines, language=language, context=context))
        except Cancelled:
            pass
        except BaseException as error:  # handed to the main thread, raised there
            failure.append(error)

    worker = threading.Thread(target=work, name="align", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(JOIN_POLL_S)
    except KeyboardInterrupt:
        context.cancel()
        progress.clear()
        print("Cancelling …", file=sys.stderr, flush=True)
        worker.join()
        return None
    progress.clear()
    if failure:
        raise failure[0]
    return outcome[0] if outcome else None


class _Progress:
    """``Aligning … 42 %`` on stderr: rewritten in place on a terminal (at most twice a
    second), else a line per tenth."""

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.shown_at = 0.0
        self.tenths = -1

    def __call__(self, fraction: float) -> None:
        if self.terminal:
            now = time.monotonic()
            if now - self.shown_at >= PROGRESS_EVERY_S:
                self.shown_at = now
                print(f"\rAligning … {fraction:4.0%}", end="", file=sys.stderr, flush=True)
        elif int(fraction * 10) > self.tenths:
            self.tenths = int(fraction * 10)
            print(f"Aligning … {self.tenths * 10} %", file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.terminal and self.shown_at:
            print("\r" + " " * 20 + "\r", end="", file=sys.stderr, flush=True)


def synced_transcript(transcript: Transcript, alignment: Alignment) -> Transcript:
    """The transcript with the times found: a found line gets its new times and its words';
    a line not found in the audio keeps what it had."""
    from meelezer.transcript.model import Word

    segments: list[Segment] = []
    for segment, line in zip(transcript.segments, alignment.lines, strict=True):
        if not line.found:
            segments.append(replace(segment))
            continue
        words = [Word(word.text, word.start_ms, word.end_ms) for word in line.words]
        segments.append(replace(segment, start_ms=line.start_ms, end_ms=line.end_ms,
                                words=words, times_estimated=False))
    return replace(transcript, segments=segments, warnings=[])


def summary_lines(transcript: Transcript, alignment: Alignment, taken_s: float) -> list[str]:
    """What the sync did: lines aligned and not found (listed), lines moved, audio the text
    lacks, a shift between the transcript and the audio, and the time it took."""
    pairs = list(zip(transcript.segments, alignment.lines, strict=True))
    found = sum(line.found for _, line in pairs)
    missing = [(number, segment) for number, (segment, line) in enumerate(pairs, start=1)
               if not line.found]
    moved = sum(1 for segment, line in pairs
                if line.found and abs(line.start_ms - segment.start_ms) > MOVED_MS)
    speed = alignment.duration_ms / 1000 / taken_s if taken_s > 0 else 0.0
    result = [f"Aligned {found:,} of {len(pairs):,} lines (language: {alignment.language}) "
              f"in {taken_s:.1f} s ({speed:,.0f}× real time)",
              f"Not found in the audio: {len(missing):,} "
              f"{'line' if len(missing) == 1 else 'lines'}"
              + (" (they keep their times)" if missing else "")]
    for number, segment in missing[:LISTED_AT_MOST]:
        result.append(f"  - line {number} ({_clock(segment.start_ms)}): {_excerpt(segment.text)}")
    if len(missing) > LISTED_AT_MOST:
        result.append(f"  … and {len(missing) - LISTED_AT_MOST} more")
    result.append(f"Moved by more than 1 s: {moved:,} {'line' if moved == 1 else 'lines'}")
    for start, end in alignment.unmatched_audio:
        result.append(f"Audio not in the text: {_clock(start)}–{_clock(end)} "
                      f"({(end - start) / 1000:.1f} s)")
    # Offset and drift say something only about times the transcript really had.
    timed = not transcript.times_estimated
    if timed and (abs(alignment.offset_ms) >= MOVED_MS or abs(alignment.drift) >= 0.0005):
        result.append(f"The transcript's times were off by {alignment.offset_ms / 1000:+.1f} s"
                      f" and a drift of {alignment.drift * 100:+.2f} % (another cut of the "
                      "audio?)")
    return result


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

