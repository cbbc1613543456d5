"""The `meelezer` command: start the app, open an episode, or convert and inspect transcripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from meelezer import __version__

SUBCOMMANDS = ("convert", "info")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line, like every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return _run_subcommand(args)
        return _run_app(args)
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> int:
    print(f"meelezer: error: {message}", file=sys.stderr)
    return 1


# -- the app ---------------------------------------------------------------------------------


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="meelezer",
        description="Read along with a podcast episode. With no files, reopens the last episode.",
        epilog="Other commands: 'meelezer convert INPUT OUTPUT', 'meelezer info FILE' "
        "(each has --help).",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                        help="an audio file and/or its transcript; the other is found by name")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where the library is kept (default: the user data folder; "
                        "also MEELEZER_DATA_DIR)")
    parser.add_argument("--version", action="version", version=f"meelezer {__version__}")
    return parser


def _run_app(args: list[str]) -> int:
    options = _app_parser().parse_args(args)
    from meelezer.episode_files import EpisodeFilesError, resolve_episode_files

    episode = None
    if options.files:
        try:
            episode = resolve_episode_files(options.files)
        except EpisodeFilesError as error:
            return _fail(str(error))
        if not episode.transcript.is_file():
            return _fail(f"{episode.transcript}: file not found")
    # Qt is imported only here, so `convert` and `info` start fast and work without a display.
    from meelezer.app import run_app

    return run_app(data_dir=options.data_dir, episode=episode)


# -- convert and info ------------------------------------------------------------------------


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="meelezer")
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser(
        "convert", help="convert a transcript to another format",
        description="Convert a transcript; OUTPUT's extension picks the format: "
        ".srt, .vtt, .json (Podcasting 2.0), .txt, .md (Markdown note).")
    convert.add_argument("input", type=Path, metavar="INPUT")
    convert.add_argument("output", type=Path, metavar="OUTPUT")
    convert.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    convert.add_argument("--duration", type=float, metavar="SECONDS",
                         help="for text without timestamps: spread estimated times over "
                         "this length (the audio's) instead of an ordinary speaking rate")
    info = commands.add_parser("info", help="describe a transcript",
                               description="Print a transcript's format, lines, duration and "
                               "speakers, and whether its times are estimated.")
    info.add_argument("file", type=Path, metavar="FILE")
    return parser


def _run_subcommand(args: list[str]) -> int:
    options = _subcommand_parser().parse_args(args)
    from meelezer.transcript.errors import TranscriptError

    try:
        if options.command == "convert":
            return _convert(options.input, options.output, options.force, options.duration)
        return _info(options.file)
    except TranscriptError as error:
        return _fail(str(error))


def _convert(source: Path, target: Path, force: bool, duration_s: float | None) -> int:
    from meelezer.transcript.files import read_transcript, write_transcript
    from meelezer.transcript.formats import writer_for

    writer_for(target)  # an unsupported output extension fails before any reading
    if target.exists() and target.resolve() == source.resolve():
        return _fail(f"{target}: output is the input file; Meelezer never changes your files")
    if target.exists() and not force:
        return _fail(f"{target}: already exists; add --force to overwrite it")
    if duration_s is not None and duration_s <= 0:
        return _fail("--duration must be a positive number of seconds")
    audio_ms = round(duration_s * 1000) if duration_s is not None else None
    transcript = read_transcript(source, audio_duration_ms=audio_ms)
    write_transcript(transcript, target)
    print(f"Wrote {len(transcript.segments):,} lines to {target}")
    return 0


def _info(path: Path) -> int:
    from meelezer.transcript.files import read_transcript
    from meelezer.transcript.formats import READERS
    from meelezer.transcript.timecode import format_clock

    transcript = read_transcript(path)
    descriptions = {spec.name: spec.description for spec in READERS}
    # JSON variants name themselves ("whisperx-json"); the registry describes all of them at once.
    description = descriptions.get(transcript.source_format, "")
    metadata = transcript.metadata
    duration = transcript.duration_ms
    rows = [
        ("File", str(path)),
        ("Format", f"{transcript.source_format} ({description})" if description
         else transcript.source_format),
        ("Title", metadata.title or "-"),
        ("Show", metadata.show or "-"),
        ("Source", metadata.source_url or metadata.source_id or "-"),
        ("Date", metadata.date or "-"),
        ("Tags", ", ".join(metadata.tags) or "-"),
        ("Lines", f"{len(transcript.segments):,}"),
        ("Words with times", f"{sum(len(s.words) for s in transcript.segments):,}"),
        ("Duration", f"{format_clock(duration)} ({duration / 1000:g} s)"),
        ("Speakers", ", ".join(transcript.speakers) or "none named"),
        ("Times", "estimated (the file has no timestamps)" if transcript.times_estimated
         else "from the file"),
    ]
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        print(f"{label + ':':<{width}} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
