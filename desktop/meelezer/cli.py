"""The `meelezer` command: start the app, open an episode, convert, inspect, export, or back up
and import annotations."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from meelezer import __version__

if TYPE_CHECKING:
    from meelezer.archive_contents import ArchiveContents
    from meelezer.store.annotation_archive import ArchiveReport
    from meelezer.store.database import Database
    from meelezer.store.rows import EpisodeRow
    from meelezer.transcript.model import Segment

SUBCOMMANDS = ("convert", "info", "export", "annotations", "list", "add", "analyse", "analyze",
               "align", "voices")

# How many titles and problems a report lists before it only counts the rest.
LISTED_AT_MOST = 10

# Archives from this size on are announced before they are read (that takes seconds).
READING_SAID_FROM_BYTES = 5_000_000

# FORMAT of `meelezer export`, and the extension each writes.
EXPORT_FORMATS = {"srt": ".srt", "vtt": ".vtt", "json": ".json", "txt": ".txt", "md": ".md"}


class _CommandFailed(Exception):
    """A failure to report as one line on stderr, with exit status 1."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line, like every other error here."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    # In the bundled app, the audio analysis's child process starts through this entry.
    multiprocessing.freeze_support()
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


def _warn_skipped(path: Path, warnings: list[str]) -> None:
    """Says which parts of a transcript could not be read and were left out."""
    if warnings:
        from meelezer.transcript.errors import describe_warnings

        print(f"meelezer: warning: {path}: {describe_warnings(warnings)}", file=sys.stderr)


# -- the app ---------------------------------------------------------------------------------


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="meelezer",
        description="Read along with a podcast episode. With no files, reopens the last episode.",
        epilog="Other commands: 'meelezer convert INPUT OUTPUT', 'meelezer info FILE', "
        "'meelezer export EPISODE FORMAT OUTPUT', "
        "'meelezer annotations export OUTPUT [EPISODE ...]' (back up your annotations), "
        "'meelezer annotations import ARCHIVE', 'meelezer list', "
        "'meelezer add FILE…', 'meelezer analyse AUDIO', "
        "'meelezer align AUDIO TRANSCRIPT OUTPUT', "
        "'meelezer voices AUDIO TRANSCRIPT OUTPUT' (each has --help).",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                        help="an audio file and/or its transcript; the other is found by name")
    _add_data_dir(parser)
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
        from meelezer.transcript.errors import TranscriptError
        from meelezer.transcript.file_checks import check_transcript_file

        try:
            check_transcript_file(episode.transcript)
        except TranscriptError as error:
            return _fail(str(error))
    # Qt is imported only here, so `convert` and `info` start fast and work without a display.
    from meelezer.app import run_app

    return run_app(data_dir=options.data_dir, episode=episode)


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="DIR",
                        help="where the library is kept (default: the user data folder; "
                        "also MEELEZER_DATA_DIR)")


def _add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")


def _add_subtitles(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--subtitles", action="store_true",
                        help="for .srt and .vtt: short cues for video (at most 2 lines of 42 "
                        "characters, 7 seconds), cut between words at their times")


# -- the other commands ----------------------------------------------------------------------


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="meelezer")
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser(
        "convert", help="convert a transcript to another format",
        description="Convert a transcript; OUTPUT's extension picks the format: "
        ".srt, .vtt, .json (Podcasting 2.0), .txt, .md (Markdown note).")
    convert.add_argument("input", type=Path, metavar="INPUT")
    convert.add_argument("output", type=Path, metavar="OUTPUT")
    _add_force(convert)
    _add_subtitles(convert)
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
    _add_force(export)
    _add_subtitles(export)
    _add_data_dir(export)
    _add_annotations_parser(commands)
    from meelezer.cli_library import add_parsers

    add_parsers(commands, _add_data_dir)
    from meelezer.cli_audio import add_parser as add_analyse_parser

    add_analyse_parser(commands)
    from meelezer.cli_align import add_parser as add_align_parser

    add_align_parser(commands)
    from meelezer.cli_voices import add_parser as add_voices_parser

    add_voices_parser(commands, _add_force)
    return parser


def _add_annotations_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    annotations = commands.add_parser(
        "annotations", help="back up your annotations to one file, or import such a backup",
        description="Back up what you added to episodes (speakers and their lines, notes, "
        "bookmarks, highlights, corrected text and re-timed lines) to one JSON file, and "
        "import it into another library, for example on another computer. Episodes are "
        "matched by their transcript's content, so open the same transcript there once first.",
        epilog="Examples: 'meelezer annotations export backup.json' (every episode), "
        "'meelezer annotations export backup.json 3 EPISODE.srt' (two episodes), "
        "'meelezer annotations import backup.json'.")
    actions = annotations.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser(
        "export", help="write annotations to a backup file",
        description="Write the annotations of the given episodes, or of every episode in the "
        "library, to OUTPUT (JSON). Your audio and transcript files are not included.")
    export.add_argument("output", type=Path, metavar="OUTPUT",
                        help="the backup file to write; .json is added if it has no extension")
    export.add_argument("episodes", nargs="*", metavar="EPISODE",
                        help="an episode's id, or its transcript file (found by content); "
                        "give none to back up every episode")
    _add_force(export)
    _add_data_dir(export)
    load = actions.add_parser(
        "import", help="add the annotations in a backup file to this library",
        description="Add the annotations in ARCHIVE to the episodes of this library that have "
        "the same transcript. Episodes the library does not have are skipped and listed; "
        "notes already present are not added twice, so importing again is safe.")
    load.add_argument("archive", type=Path, metavar="ARCHIVE",
                      help="a file written by 'meelezer annotations export', or in Meelezer "
                      "by File > Back up all annotations (or this episode's)")
    _add_data_dir(load)


def _run_subcommand(args: list[str]) -> int:
    options = _subcommand_parser().parse_args(args)
    from meelezer.store.errors import StoreError
    from meelezer.transcript.errors import TranscriptError

    try:
        if options.command == "convert":
            return _convert(options.input, options.output, options.force, options.duration,
                            options.subtitles)
        if options.command == "export":
            return _export(options.episode, options.format, options.output, options.force,
                           options.data_dir, options.subtitles)
        if options.command == "annotations" and options.action == "export":
            return _export_annotations(options.output, options.episodes, options.force,
                                       options.data_dir)
        if options.command == "annotations":
            return _import_annotations(options.archive, options.data_dir)
        if options.command in ("list", "add"):
            return _library_command(options)
        if options.command in ("analyse", "analyze"):
            from meelezer.cli_audio import analyse_command

            return analyse_command(options.audio)
        if options.command == "align":
            return _align(options)
        if options.command == "voices":
            from meelezer.cli_voices import voices_command

            return voices_command(options.audio, options.transcript, options.output,
                                  options.count, options.force)
        return _info(options.file)
    except (TranscriptError, StoreError, _CommandFailed) as error:
        return _fail(str(error))


def _align(options: argparse.Namespace) -> int:
    from meelezer.audio.alignment import AlignmentError
    from meelezer.audio.decode import AudioError
    from meelezer.cli_align import AlignFailed, align_command

    try:
        return align_command(options)
    except (AlignFailed, AlignmentError, AudioError) as error:
        return _fail(str(error))


def _convert(source: Path, target: Path, force: bool, duration_s: float | None,
             subtitles: bool = False) -> int:
    from meelezer.transcript.files import read_transcript, subtitle_writer, write_transcript
    from meelezer.transcript.formats import writer_for

    writer_for(target)  # an unsupported output extension fails before any reading
    if target.exists() and target.resolve() == source.resolve():
        return _fail(f"{target}: output is the input file; Meelezer never changes your files")
    if target.exists() and not force:
        return _fail(f"{target}: already exists; add --force to overwrite it")
    if duration_s is not None and duration_s <= 0:
        return _fail("--duration must be a positive number of seconds")
    audio_ms = round(duration_s * 1000) if duration_s is not None else None
    if subtitles:
        subtitle_writer(target)  # only .srt and .vtt have them: fail before reading
    transcript = read_transcript(source, audio_duration_ms=audio_ms)
    _warn_skipped(source, transcript.warnings)
    write_transcript(transcript, target, subtitles)
    if subtitles:
        print(f"Wrote {len(transcript.segments):,} lines as {_count_cues(target):,} subtitle "
              f"cues to {target}")
    else:
        print(f"Wrote {len(transcript.segments):,} lines to {target}")
    return 0


def _export(episode: str, fmt: str, target: Path, force: bool, data_dir: str | None,
            subtitles: bool = False) -> int:
    from meelezer.export import export_episode

    extension = EXPORT_FORMATS[fmt]
    if not target.suffix:
        target = target.with_name(target.name + extension)
    elif target.suffix.lower() != extension and not (fmt == "md" and
                                                     target.suffix.lower() == ".markdown"):
        return _fail(f"{target}: FORMAT is {fmt} but the file name ends in {target.suffix}; "
                     f"use {target.with_suffix(extension).name}")
    _check_output(target, force)
    with _open_library(data_dir, read_only=True) as db:
        row = _find_episode(db, episode)
        export_episode(db, row.id, target, subtitles)
    print(f"Wrote episode {row.id} ({row.title}) to {target}")
    return 0


def _library_command(options: argparse.Namespace) -> int:
    from meelezer import cli_library
    from meelezer.library import Library

    if options.command == "list":
        with _open_library(options.data_dir, read_only=True) as db:
            return cli_library.list_episodes(Library(db), db.path.parent)
    with _open_library(options.data_dir, create=True) as db:
        return cli_library.add_episodes(Library(db), options.files)


def _count_cues(subtitles: Path) -> int:
    """The cues in a written .srt or .vtt: one timing line each."""
    return subtitles.read_text(encoding="utf-8").count(" --> ")


def _check_output(target: Path, force: bool) -> None:
    if target.exists() and not force:
        raise _CommandFailed(f"{target}: already exists; add --force to overwrite it")
    if target.is_dir():
        raise _CommandFailed(f"{target}: is a folder; give a file name to write")


def _existing_library(data_dir: str | None) -> Path:
    """The library's database file, which must exist already."""
    from meelezer.store.paths import database_path, resolve_data_dir

    library = database_path(resolve_data_dir(data_dir))
    if not library.is_file():
        # Opening would make a new, empty library, which holds no episode to work with.
        raise _CommandFailed(f"there is no library in {library.parent}; open your episodes "
                             "in Meelezer first, or point --data-dir at your library")
    return library


def _open_library(data_dir: str | None, create: bool = False, *,
                  read_only: bool = False) -> Database:
    """The existing library (or a new one with ``create``), opened as the app opens it: a
    damaged one is set aside and the newest good daily backup restored, said on stderr.
    ``read_only`` (for commands that only read) writes nothing, so they work on a
    read-only or full disk; only a damaged library is still recovered (which writes)."""
    from meelezer.store.backup import open_with_recovery
    from meelezer.store.database import open_database
    from meelezer.store.errors import DatabaseDamagedError
    from meelezer.store.paths import backups_path, database_path, resolve_data_dir

    library = (database_path(resolve_data_dir(data_dir)) if create
               else _existing_library(data_dir))
    if read_only:
        try:
            return open_database(library, read_only=True)
        except DatabaseDamagedError:
            pass
    database, recovery_message = open_with_recovery(library, backups_path(library.parent))
    if recovery_message is not None:
        print(f"meelezer: {recovery_message}", file=sys.stderr)
    return database


def _find_episode(db: Database, episode: str) -> EpisodeRow:
    """The library episode ``episode`` names: its id, or its transcript file (by content)."""
    from meelezer.store.episodes import find_episode_by_hash, get_episode
    from meelezer.store.hashing import file_sha256

    folder = db.path.parent
    if episode.isdigit():
        row = get_episode(db, int(episode))
        if row is None:
            raise _CommandFailed(f"episode {episode} is not in the library in {folder}; "
                                 "'meelezer list' shows the episodes there")
        return row
    path = Path(episode)
    if not path.is_file():
        raise _CommandFailed(f"{path}: not an episode id, and no such file")
    try:
        digest = file_sha256(path)
    except OSError as error:
        raise _CommandFailed(f"{path}: cannot read the file: {error.strerror or error}") from None
    row = find_episode_by_hash(db, digest)
    if row is None:
        raise _CommandFailed(f"{path}: this transcript is not in the library in {folder}; "
                             "open it in Meelezer first")
    return row


# -- annotations export and import -----------------------------------------------------------


def _export_annotations(target: Path, episodes: list[str], force: bool,
                        data_dir: str | None) -> int:
    from meelezer.archive_contents import read_archive_contents
    from meelezer.store.annotation_archive import export_annotations

    if not target.suffix:
        target = target.with_name(target.name + ".json")
    _check_output(target, force)
    with _open_library(data_dir, read_only=True) as db:
        rows = [_find_episode(db, episode) for episode in episodes]
        ids = list(dict.fromkeys(row.id for row in rows)) if episodes else None
        export_annotations(db, target, ids)
    contents = read_archive_contents(target)
    print(f"Wrote the annotations of {_describe_archive(contents)} to {target}")
    return 0


def _describe_archive(contents: ArchiveContents | None) -> str:
    if contents is None:
        return "the episodes"
    titles = contents.titles
    episodes = (f"“{titles[0]}”" if len(titles) == 1
                else f"{len(titles)} {_plural(len(titles), 'episode')}")
    return (f"{episodes} ({contents.notes} {_plural(contents.notes, 'note')}, "
            f"{contents.labelled_lines} labelled {_plural(contents.labelled_lines, 'line')}, "
            f"{contents.corrections} {_plural(contents.corrections, 'correction')})")


def _import_annotations(archive: Path, data_dir: str | None) -> int:
    from meelezer.store.annotation_archive import import_annotations

    if not archive.is_file():
        return _fail(f"{archive}: no such file")
    size = archive.stat().st_size
    if size >= READING_SAID_FROM_BYTES:  # checking a big archive takes seconds before progress
        print(f"Reading {archive} ({size / 1e6:,.0f} MB)…", file=sys.stderr, flush=True)
    with _open_library(data_dir) as db:
        report = import_annotations(db, archive, _ProgressLine("Importing annotations"))
    print(f"Imported {archive} into the library in {db.path.parent}")
    for line in _report_lines(report):
        print(line)
    return 0


class _ProgressLine:
    """``(done, total)`` on stderr as one line that rewrites itself on a terminal (a line
    per update elsewhere), at most every half second, and always for the last one."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.shown_at = 0.0

    def __call__(self, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if done < total and now - self.shown_at < 0.5:
            return
        self.shown_at = now
        end = "\r" if sys.stderr.isatty() and done < total else "\n"
        print(f"{self.what}: episode {done:,} of {total:,}", end=end, file=sys.stderr,
              flush=True)


def _report_lines(report: ArchiveReport) -> list[str]:
    imported, skipped = report.episodes_imported, report.episodes_skipped
    lines = [f"Episodes imported: {len(imported)}", *_listed(imported)]
    if skipped:
        lines += [f"Episodes skipped, not in this library: {len(skipped)} (open their "
                  "transcripts in Meelezer, then import again)", *_listed(skipped)]
    lines += [
        f"Notes: {report.notes_added} added, {report.notes_already_present} already present",
        f"Speakers: {report.speakers_added} added; {report.lines_labelled} "
        f"{_plural(report.lines_labelled, 'line')} labelled",
        f"Corrections: {report.lines_corrected} {_plural(report.lines_corrected, 'line')}",
        f"Times: {report.lines_retimed} {_plural(report.lines_retimed, 'line')} re-timed",
    ]
    if report.problems:
        lines += [f"Problems: {len(report.problems)} (annotations that could not be placed)",
                  *_listed(report.problems)]
    return lines


def _listed(items: list[str]) -> list[str]:
    shown = [f"  - {item}" for item in items[:LISTED_AT_MOST]]
    if len(items) > LISTED_AT_MOST:
        shown.append(f"  … and {len(items) - LISTED_AT_MOST} more")
    return shown


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _times_source(segments: list[Segment]) -> str:
    estimated = sum(1 for segment in segments if segment.times_estimated)
    if estimated == len(segments):
        return "estimated (the file has only coarse or no timestamps)"
    if estimated:
        return "turn starts from the file, lines within a turn estimated"
    return "from the file"


def _info(path: Path) -> int:
    from meelezer.transcript.files import read_transcript
    from meelezer.transcript.formats import READERS
    from meelezer.transcript.timecode import format_clock

    transcript = read_transcript(path)
    _warn_skipped(path, transcript.warnings)
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
        ("Times", _times_source(transcript.segments)),
    ]
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        print(f"{label + ':':<{width}} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
