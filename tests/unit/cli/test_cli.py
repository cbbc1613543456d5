"""The `meelezer` command line: info, convert, and one-line errors without tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from meelezer.cli import main

SEED_003 = "ai-report-2025-02-20-grok3-whisper.txt"
SEED_000 = "ai-report-gpt-nl-youtube-note.md"


def test_info_on_whisper_seed(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(seeds_dir / SEED_003)]) == 0
    out = capsys.readouterr().out
    assert "whisper-text" in out
    assert "2,233" in out
    assert "6781.5 s" in out
    assert "from the file" in out


def test_info_on_untimed_note_says_times_are_estimated(
        seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(seeds_dir / SEED_000)]) == 0
    out = capsys.readouterr().out
    assert "markdown-note" in out
    assert "Q6ISUYLpI4A" in out
    assert "estimated" in out


def test_convert_seed_to_srt_and_back(seeds_dir: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "episode.srt"
    assert main(["convert", str(seeds_dir / SEED_003), str(target)]) == 0
    assert "2,233 lines" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8").startswith("1\n00:00:00,000 --> 00:00:08,660\n")
    assert main(["info", str(target)]) == 0
    assert "2,233" in capsys.readouterr().out


def test_convert_refuses_to_overwrite_without_force(tmp_path: Path, seeds_dir: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.vtt"
    target.write_text("keep me", encoding="utf-8")
    assert main(["convert", str(seeds_dir / SEED_003), str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert main(["convert", "--force", str(seeds_dir / SEED_003), str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("WEBVTT")


def test_convert_never_writes_over_its_input(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mine.srt"
    original = "1\n00:00:01,000 --> 00:00:02,000\nHallo\n"
    source.write_text(original, encoding="utf-8")
    assert main(["convert", "--force", str(source), str(source)]) == 1
    assert "never changes your files" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == original


def test_convert_with_duration_spreads_estimates(seeds_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "note.json"
    assert main(["convert", "--duration", "3000", str(seeds_dir / SEED_000), str(target)]) == 0
    last_end = re.findall(r'"endTime": ([0-9.]+)', target.read_text(encoding="utf-8"))[-1]
    assert float(last_end) == 3000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["info", "does-not-exist.srt"], "file not found"),
        (["convert", "in.srt", "out.docx"], "cannot write .docx"),
        (["info"], "the following arguments are required"),
        (["convert", "x.srt", "y.srt", "--duration", "-5"], "positive"),
    ],
)
def test_errors_are_one_line_without_traceback(tmp_path: Path, args: list[str],
                                                message: str) -> None:
    if args[0] == "convert" and Path(args[1]).name == "x.srt":
        source = tmp_path / "x.srt"
        source.write_text("1\n00:00:01,000 --> 00:00:02,000\nHoi\n", encoding="utf-8")
        args = ["convert", str(source), str(tmp_path / "y.srt"), *args[3:]]
    completed = subprocess.run([sys.executable, "-m", "meelezer.cli", *args],
                               capture_output=True, text=True, check=False, cwd=tmp_path)
    assert completed.returncode != 0
    assert message in completed.stderr
    assert "Traceback" not in completed.stderr
    assert len(completed.stderr.strip().splitlines()) <= 2  # usage line + error, at most


def test_broken_transcript_names_file_and_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.srt"
    broken.write_text("1\n00:00:05,000 --> 00:00:01,000\nBackwards\n", encoding="utf-8")
    assert main(["info", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "broken.srt:2" in err
    assert len(err.strip().splitlines()) == 1


def test_app_with_missing_transcript_fails_cleanly(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nothing.srt")]) == 1
    assert "file not found" in capsys.readouterr().err
