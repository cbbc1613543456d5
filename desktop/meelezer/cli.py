"""The `meelezer` command: start the app, open an episode, convert, inspect or export."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from meelezer import __version__

SUBCOMMANDS = ("convert", "info", "export")

# FORMAT of `meelezer export`, and the extension each writes.
EXPORT_FORMATS = {"srt": ".srt", "vtt": ".vtt", "json": ".json", "txt": ".txt", "md": ".md"}


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
        epilog="Other commands: 'meelezer convert INPUT OUTPUT', 'meelezer info FILE', "
        "'meelezer export EPISODE FORMAT OUTPUT' (each has --help).",
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
    export = commands.add_parser(
        "export", help="export a library episode with your corrections, speakers and notes",
        description="Write an episode of the library as you have it now: corrected text, "
        "speaker names and times; a Markdown note (md) also lists your notes and highlights.")
    export.add_argument("episode", metavar="EPISODE",
                        help="the episode's id, or its transcript file (found by content)")
    export.add_argument("format", choices=tuple(EXPORT_FORMATS), metavar="FORMAT",
                        help="one of " + ", ".join(EXPORT_FORMATS))
    export.add_argument("output", type=Path, metavar="OUTPUT")
    export.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    export.add_argument("--data-dir", metavar="DIR",
                        help="where the library is kept (default: the user data folder; "
                        "also MEELEZER_DATA_DIR)")
    return parser


def _run_subcommand(args: list[str]) -> int:
    options = _subcommand_parser().parse_args(args)
    from meelezer.store.errors import StoreError
    from meelezer.transcript.errors import TranscriptError

    try:
        if options.command == "convert":
            return _convert(options.input, options.output, options.force, options.duration)
        if options.command == "export":
            return _export(options.episode, options.format, options.output, options.force,
                           options.data_dir)
        return _info(options.file)
    except (TranscriptError, StoreError) as error:
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


def _export(episode: str, fmt: str, target: Path, force: bool, data_dir: str | None) -> int:
    from meelezer.export import export_episode
    from meelezer.store.database import open_database
    from meelezer.store.episodes import find_episode_by_hash, get_episode
    from meelezer.store.hashing import file_sha256
    from meelezer.store.paths import database_path, resolve_data_dir

    extension = EXPORT_FORMATS[fmt]
    if not target.suffix:
        target = target.with_name(target.name + extension)
    elif target.suffix.lower() != extension and not (fmt == "md" and
                                                     target.suffix.lower() == ".markdown"):
        return _fail(f"{target}: FORMAT is {fmt} but the file name ends in {target.suffix}; "
                     f"use {target.with_suffix(extension).name}")
    if target.exists() and not force:
        return _fail(f"{target}: already exists; add --force to overwrite it")
    library = database_path(resolve_data_dir(data_dir))
    if not library.is_file():
        # Opening would make a new, empty library, which cannot hold the episode either.
        return _fail(f"there is no library in {library.parent}; import the episode in "
                     "Meelezer first, or point --data-dir at your library")
    with open_database(library) as db:
        if episode.isdigit():
            row = get_episode(db, int(episode))
            if row is None:
                return _fail(f"episode {episode} is not in the library in {library.parent}")
        else:
            path = Path(episode)
            if not path.is_file():
                return _fail(f"{path}: not an episode id, and no such file")
            try:
                digest = file_sha256(path)
            except OSError as error:
                return _fail(f"{path}: cannot read the file: {error.strerror or error}")
            row = find_episode_by_hash(db, digest)
            if row is None:
                return _fail(f"{path}: this transcript is not in the library in "
                             f"{library.parent}; open it in Meelezer first")
        export_episode(db, row.id, target)
    print(f"Wrote episode {row.id} ({row.title}) to {target}")
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
