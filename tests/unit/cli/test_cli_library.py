"""`meelezer list` and `meelezer add`: the library from a terminal, on real SQLite files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from meelezer.cli import main
from meelezer.cli_library import table_lines
from meelezer.store import load_segments, open_database
from meelezer.store.assignments import assign_speaker
from meelezer.store.notes import add_note
from meelezer.store.paths import database_path
from meelezer.store.speakers import add_speaker

DEMO = "ai-report-grok3-demo"
SEED_003 = "ai-report-2025-02-20-grok3-whisper.txt"


@pytest.fixture
def episode_folder(tmp_path: Path, seeds_dir: Path) -> Path:
    """The demo transcript with its audio beside it, and the long seed without audio."""
    folder = tmp_path / "podcasts"
    folder.mkdir()
    for suffix in (".txt", ".opus"):
        shutil.copy(seeds_dir / f"{DEMO}{suffix}", folder)
    shutil.copy(seeds_dir / SEED_003, folder)
    return folder


def _rows(output: str) -> dict[str, list[str]]:
    """The list table by id: its cells split on runs of two spaces."""
    lines = output.strip().splitlines()
    assert lines[0].split() == ["ID", "Title", "Show", "Duration", "Labelled", "Notes", "Files"]
    return {line.split()[0]: [cell.strip() for cell in line.split("  ") if cell.strip()]
            for line in lines[1:]}


def test_add_imports_transcripts_with_the_audio_beside_them_and_list_shows_them(
        episode_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["add", "--data-dir", str(data), str(episode_folder / f"{DEMO}.txt"),
                 str(episode_folder / SEED_003)]) == 0
    out = capsys.readouterr().out
    assert "Added episode 1: Grok-3" in out and f"(audio {DEMO}.opus)" in out
    assert "Added episode 2" in out and "(no audio found beside it)" in out
    assert "2 added (library: " in out
    assert database_path(data).is_file()

    assert main(["list", "--data-dir", str(data)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows["1"][0] == "1" and rows["1"][1].startswith("Grok-3 daagt OpenAI uit")
    assert rows["1"][2:] == ["AI Report", "10:04", "0%", "0", "present"]
    assert rows["2"][3:] == ["1:53:01", "0%", "0", "no audio"]


def test_list_shows_labelled_share_notes_and_missing_files(
        episode_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["add", "--data-dir", str(data), str(episode_folder / f"{DEMO}.opus")]) == 0
    with open_database(database_path(data)) as db:
        segments = load_segments(db, 1)
        speaker = add_speaker(db, 1, "Wietse")
        half = segments[: len(segments) // 2]
        assign_speaker(db, [segment.id for segment in half], speaker.id)
        for time_ms in (1_000, 2_000, 3_000):
            add_note(db, 1, time_ms, "note", "x")
        share = len(half) / len(segments)
    (episode_folder / f"{DEMO}.opus").unlink()
    capsys.readouterr()
    assert main(["list", "--data-dir", str(data)]) == 0
    assert _rows(capsys.readouterr().out)["1"][4:] == [f"{share:.0%}", "3", "audio missing"]


def test_adding_a_transcript_and_its_audio_together_or_again_keeps_one_episode(
        episode_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    text, audio = episode_folder / f"{DEMO}.txt", episode_folder / f"{DEMO}.opus"
    assert main(["add", "--data-dir", str(data), str(text), str(audio), str(text)]) == 0
    assert "1 added (library" in capsys.readouterr().out
    assert main(["add", "--data-dir", str(data), str(audio)]) == 0
    out = capsys.readouterr().out
    assert "Already in the library as episode 1: Grok-3" in out
    assert "0 added, 1 already in the library" in out
    with open_database(database_path(data)) as db:
        from meelezer.store.library_overview import library_overview

        assert [summary.id for summary in library_overview(db)] == [1]
        assert library_overview(db)[0].last_opened_at is None  # added, not opened


def test_add_reports_each_failure_on_one_line_adds_the_rest_and_exits_1(
        episode_folder: Path, tmp_path: Path, seeds_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    not_a_transcript = seeds_dir.parent / "tests/fixtures/transcripts/not_a_transcript.json"
    lonely_audio = tmp_path / "lonely.mp3"
    lonely_audio.write_bytes(b"ID3")
    assert main(["add", "--data-dir", str(data), str(tmp_path / "absent.srt"),
                 str(not_a_transcript), str(episode_folder), str(lonely_audio),
                 str(episode_folder / f"{DEMO}.txt")]) == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 4 and all(line.startswith("meelezer: error: ") for line in errors)
    assert "absent.srt: no such file" in errors[0]
    assert "is a folder" in captured.err and "not a transcript" in captured.err
    assert "no transcript found beside lonely.mp3" in captured.err
    assert "Traceback" not in captured.err
    assert "1 added, 4 failed" in captured.out
    with open_database(database_path(data)) as db:
        assert len(load_segments(db, 1)) > 0


def test_list_of_an_empty_or_absent_library(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--data-dir", str(tmp_path / "none")]) == 1
    assert "there is no library" in capsys.readouterr().err
    open_database(database_path(tmp_path)).close()
    assert main(["list", "--data-dir", str(tmp_path)]) == 0
    assert "has no episodes yet" in capsys.readouterr().out


def test_table_aligns_columns_and_cuts_long_titles() -> None:
    rows = [("1", "Kort", "-", "10:04", "0%", "0", "present"),
            ("12", "Een hele lange titel\tmet tab", "Show", "1:53:01", "50%", "3",
             "audio missing")]
    lines = table_lines(rows, title_limit=12)
    assert lines[1].startswith(" 1  Kort ")
    assert "Een hele la…" in lines[2]
    assert len({line.index("Show") if "Show" in line else None for line in lines[::2]}) == 1
    assert len(lines[0]) >= len(lines[2].rstrip()) - len("audio missing") + len("Files")


def test_add_runs_without_qt_or_a_display(episode_folder: Path, tmp_path: Path) -> None:
    """A real process: the terminal commands must not load Qt."""
    code = ("import sys; from meelezer.cli import main; "
            f"rc = main(['add', '--data-dir', {str(tmp_path / 'd')!r}, "
            f"{str(episode_folder / SEED_003)!r}]); "
            "main(['list', '--data-dir', " f"{str(tmp_path / 'd')!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'; "
            "sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"}, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout and "1:53:01" in result.stdout


def test_an_unknown_episode_id_points_to_list(
        library: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "999", "srt", str(tmp_path / "a.srt")]) == 1
    assert "'meelezer list' shows the episodes there" in capsys.readouterr().err


def test_namesakes_are_told_apart_by_file_name_even_when_cut(
        episode_folder: Path, seeds_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The demo and seed 003 have the same title; the list adds each one's file name."""
    data = tmp_path / "data"
    assert main(["add", "--data-dir", str(data), str(episode_folder / f"{DEMO}.txt"),
                 str(episode_folder / SEED_003)]) == 0
    capsys.readouterr()
    assert main(["list", "--data-dir", str(data)]) == 0
    rows = _rows(capsys.readouterr().out)
    assert rows["1"][1].endswith(f" — {DEMO}.txt") and rows["2"][1].endswith(f" — {SEED_003}")
    cut = table_lines([("1", rows["2"][1], "-", "1:53:01", "0%", "0", "no audio")],
                      title_limit=60)
    assert f"… — {SEED_003}" in cut[1]
