"""`meelezer list` and `meelezer add`: the library from a terminal, without the window."""

from __future__ import annotations

import argparse
import shutil
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from meelezer.episode_files import EpisodeFiles
    from meelezer.library import Library
    from meelezer.store.library_overview import EpisodeSummary

LIST_HEADERS = ("ID", "Title", "Show", "Duration", "Labelled", "Notes", "Files")
RIGHT_ALIGNED = {"ID", "Duration", "Labelled", "Notes"}
MIN_TITLE_WIDTH = 20
TITLE_SEPARATOR = " — "  # before the file name that tells namesakes apart (distinct_titles)


def add_parsers(commands: argparse._SubParsersAction[Any],
                add_data_dir: Callable[[argparse.ArgumentParser], None]) -> None:
    """The `list` and `add` subcommands; ``add_data_dir(parser)`` adds --data-dir."""
    listing = commands.add_parser(
        "list", help="list the episodes in the library",
        description="Every episode in the library: its id (for 'meelezer export ID …'), "
        "title, show, duration, how much of it is labelled with speakers, its notes, and "
        "whether its transcript and audio files are where the library expects them.")
    add = commands.add_parser(
        "add", help="add episodes to the library without opening the window",
        description="Import each transcript into the library, as opening it in the window "
        "would (without marking it opened). The audio is found beside a transcript by name "
        "(EPISODE.mp3, .m4a, .opus …); an audio file finds its transcript the same way. A "
        "transcript already in the library (same content) keeps its annotations; only where "
        "its files are is updated.",
        epilog="Example: 'meelezer add ~/Podcasts/*.srt'. Exits with 1 if any file failed.")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE",
                     help="a transcript, or an audio file with its transcript beside it")
    for parser in (listing, add):
        add_data_dir(parser)


# -- list ------------------------------------------------------------------------------------


def list_episodes(library: Library, folder: Path) -> int:
    from meelezer.store.library_overview import distinct_titles

    summaries = sorted(library.overview(), key=lambda summary: summary.id)
    if not summaries:
        print(f"The library in {folder} has no episodes yet; add some with "
              "'meelezer add FILE…' or open them in Meelezer.")
        return 0
    titles = distinct_titles(summaries)  # namesakes get their file name after the title
    rows = [_list_row(summary, titles[summary.id]) for summary in summaries]
    title_limit = _title_limit(rows) if sys.stdout.isatty() else None
    for line in table_lines(rows, title_limit):
        print(line)
    return 0


def _list_row(summary: EpisodeSummary, title: str) -> tuple[str, ...]:
    from meelezer.transcript.timecode import format_clock

    labelled = summary.lines_labelled / summary.line_count if summary.line_count else 0.0
    return (str(summary.id), _one_line(title), _one_line(summary.show_name or "-"),
            format_clock(summary.duration_ms), f"{labelled:.0%}", str(summary.note_count),
            files_state(summary))


def files_state(summary: EpisodeSummary) -> str:
    """Whether the episode's files are where the library says."""
    if summary.transcript_missing and summary.audio_missing:
        return "both missing"
    if summary.transcript_missing:
        return "transcript missing"
    if summary.audio_missing:
        return "audio missing"
    return "no audio" if summary.audio_path is None else "present"


def table_lines(rows: list[tuple[str, ...]], title_limit: int | None = None) -> list[str]:
    """Rows under LIST_HEADERS in aligned columns; titles cut to ``title_limit`` with "…"."""
    title = LIST_HEADERS.index("Title")
    if title_limit is not None:
        rows = [(*row[:title], _cut(row[title], title_limit), *row[title + 1:]) for row in rows]
    widths = [max(display_width(cells[i]) for cells in (LIST_HEADERS, *rows))
              for i in range(len(LIST_HEADERS))]
    lines = []
    for cells in (LIST_HEADERS, *rows):
        padded = []
        for header, cell, width in zip(LIST_HEADERS, cells, widths, strict=True):
            gap = " " * (width - display_width(cell))
            padded.append(gap + cell if header in RIGHT_ALIGNED else cell + gap)
        lines.append("  ".join(padded).rstrip())
    return lines


def _title_limit(rows: list[tuple[str, ...]]) -> int:
    """The title width that lets a row fit the terminal (titles are the one long column)."""
    title = LIST_HEADERS.index("Title")
    others = sum(max(display_width(cells[i]) for cells in (LIST_HEADERS, *rows)) + 2
                 for i in range(len(LIST_HEADERS)) if i != title)
    columns = shutil.get_terminal_size((100, 24)).columns
    return max(MIN_TITLE_WIDTH, columns - others - 1)


def display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(char) else
               2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _cut(text: str, limit: int) -> str:
    """``text`` in ``limit`` columns, cut with "…"; a namesake's " — file.srt" is kept."""
    if display_width(text) <= limit:
        return text
    head, separator, tail = text.rpartition(TITLE_SEPARATOR)
    if separator:  # a namesake: keep enough of the title, and the end of its file name
        head_room = max(MIN_TITLE_WIDTH // 2, limit - display_width(separator + tail))
        tail_room = limit - head_room - display_width(separator)
        if display_width(tail) > tail_room:
            while tail and display_width(tail) > tail_room - 1:
                tail = tail[1:]
            tail = "…" + tail.lstrip()
        return _cut(head, head_room) + separator + tail
    while text and display_width(text) > limit - 1:
        text = text[:-1]
    return text.rstrip() + "…"


def _one_line(text: str) -> str:
    """Control characters (a title's tabs or line breaks) would break the table."""
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)


# -- add -------------------------------------------------------------------------------------


def add_episodes(library: Library, paths: list[Path]) -> int:
    """Import each file's episode; one line per file, then a summary. 1 if any failed."""
    from meelezer.store.errors import StoreError
    from meelezer.transcript.errors import TranscriptError

    added = known = 0
    failed: list[str] = []
    for path, files in _episodes_to_add(paths, failed):
        try:
            result = library.add_files(files)
        except (TranscriptError, StoreError) as error:
            _failure(failed, _with_path(path, str(error)))
            continue
        audio = f"audio {files.audio.name}" if files.audio else "no audio found beside it"
        if result.is_new:
            added += 1
            print(f"Added episode {result.episode_id}: {_one_line(result.title)} ({audio})")
            if result.read_warning:
                print(f"meelezer: warning: {result.read_warning}", file=sys.stderr)
        else:
            known += 1
            print(f"Already in the library as episode {result.episode_id}: "
                  f"{_one_line(result.title)} ({audio})")
    summary = [f"{added} added"]
    if known:
        summary.append(f"{known} already in the library")
    if failed:
        summary.append(f"{len(failed)} failed")
    print(", ".join(summary) + f" (library: {library.database.path.parent})")
    return 1 if failed else 0


def _episodes_to_add(paths: list[Path], failed: list[str]) -> list[tuple[Path, EpisodeFiles]]:
    """(given path, its transcript and audio) per episode; a transcript given twice, or
    given beside its own audio file, counts once. Problems go to ``failed``."""
    from meelezer.episode_files import EpisodeFilesError, resolve_episode_files

    found: dict[Path, tuple[Path, EpisodeFiles]] = {}
    for path in paths:
        if not path.exists():
            _failure(failed, f"{path}: no such file")
            continue
        if path.is_dir():
            _failure(failed, f"{path}: is a folder; give the transcripts in it, e.g. "
                     f"{path / '*.srt'}")
            continue
        try:
            files = resolve_episode_files([path])
        except EpisodeFilesError as error:
            _failure(failed, _with_path(path, str(error)))
            continue
        key = files.transcript.resolve()
        if key not in found or (files.audio is not None and found[key][1].audio is None):
            found[key] = (path, files)
    return list(found.values())


def _failure(failed: list[str], message: str) -> None:
    """Say a file's problem at once, on one line, and count it for the summary."""
    failed.append(message)
    print(f"meelezer: error: {message}", file=sys.stderr)


def _with_path(path: Path, message: str) -> str:
    return message if str(path) in message or path.name in message else f"{path}: {message}"
