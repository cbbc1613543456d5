"""Only regular files are transcripts: FIFOs, devices and folders are refused by name, at once.

Issue 13 item 6: ``info fifo.srt`` hung, ``info /dev/zero`` read until MemoryError, and the
window called a FIFO "file not found". Reads are bounded by the bytes read, not ``st_size``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from meelezer.cli import main
from meelezer.transcript import file_checks
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import check_transcript_file, read_transcript, read_transcript_bytes

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "episode.srt"
    os.mkfifo(path)
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command in its own process: a hang fails the test instead of stalling it."""
    command = Path(sys.executable).with_name("meelezer")
    return subprocess.run([str(command), *args], capture_output=True, text=True, timeout=60,
                          check=False)


@needs_fifo
def test_info_on_a_fifo_says_what_it_is_and_does_not_hang(fifo: Path) -> None:
    result = run_cli("info", str(fifo))
    assert result.returncode == 1
    assert "named pipe (FIFO)" in result.stderr
    assert "Traceback" not in result.stderr


@needs_fifo
def test_opening_a_fifo_in_the_app_names_it(fifo: Path) -> None:
    result = run_cli(str(fifo))
    assert result.returncode == 1
    assert "named pipe (FIFO)" in result.stderr
    assert "not found" not in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_info_on_a_device_is_refused_without_reading_it() -> None:
    result = run_cli("info", "/dev/zero")
    assert result.returncode == 1
    assert "device" in result.stderr
    assert "MemoryError" not in result.stderr


@needs_fifo
@pytest.mark.parametrize("kind", ["fifo", "folder", "missing"])
def test_check_names_the_kind(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "thing.srt"
    expected = {"fifo": r"named pipe \(FIFO\)", "folder": "folder", "missing": "not found"}[kind]
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    with pytest.raises(TranscriptError, match=expected) as caught:
        check_transcript_file(path)
    assert caught.value.path == path
    with pytest.raises(TranscriptError, match=expected):
        read_transcript(path)


def test_a_symlink_to_a_regular_file_is_fine(tmp_path: Path) -> None:
    target = tmp_path / "real.srt"
    target.write_text("1\n00:00:01,000 --> 00:00:02,000\nHoi\n", encoding="utf-8")
    link = tmp_path / "link.srt"
    link.symlink_to(target)
    check_transcript_file(link)
    assert read_transcript(link).segments[0].text == "Hoi"


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux /proc")
def test_reads_are_bounded_by_the_bytes_read_not_the_reported_size(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files report a size of 0 and hold more: a size check alone lets them through.
    proc_file = Path("/proc/self/maps")
    assert proc_file.stat().st_size == 0
    monkeypatch.setattr(file_checks, "MAX_TRANSCRIPT_BYTES", 64)
    with pytest.raises(TranscriptError, match="too large"):
        read_transcript_bytes(proc_file)


def test_info_on_a_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "episode.srt"
    folder.mkdir()
    assert main(["info", str(folder)]) == 1
    assert "folder" in capsys.readouterr().err
