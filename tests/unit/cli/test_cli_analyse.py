"""`meelezer analyse AUDIO`: duration, speech share, pauses and time taken; errors in a line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.audio_files import speech_with_silences, write_wav
from meelezer.cli import main


def test_prints_duration_speech_pauses_and_time(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    known = speech_with_silences(tmp_path)
    audio = write_wav(tmp_path / "episode.wav", known.samples)
    original = audio.read_bytes()
    assert main(["analyse", str(audio)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Duration: 0:37.2"
    spoken_ms = sum(end - start for start, end in known.truth)
    share = re.fullmatch(r"Speech: (\d+)% \(0:(\d+\.\d) in 10 stretches\)", lines[1])
    assert share is not None and abs(float(share[2]) * 1000 - spoken_ms) < 200
    # Nine silences between ten sentences; the longest is 3.0 s, after the sixth.
    pauses = re.fullmatch(r"Pauses: 9, the longest 3\.0 s \(at 0:(\d+\.\d)\)", lines[2])
    assert pauses is not None and abs(float(pauses[1]) * 1000 - known.truth[5][1]) <= 100
    assert re.fullmatch(r"Analysed in \d+\.\d s \([\d,]+× real time\)", lines[3])
    assert audio.read_bytes() == original


def test_not_audio_is_one_line_on_stderr_and_exit_1(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.mp3"
    bad.write_text("just text\n" * 100)
    assert main(["analyse", str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("meelezer: error: This file cannot be read as audio")
    assert main(["analyse", str(tmp_path / "missing.opus")]) == 1
    assert "missing" in capsys.readouterr().err
