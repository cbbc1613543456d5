"""`meelezer align AUDIO TRANSCRIPT OUTPUT`: the transcript written with the times found in
the audio (.json with word times), a summary, progress on stderr; clear one-line errors for
missing or unplayable audio and broken transcripts; Ctrl-C cancels and writes nothing; the
inputs are never changed."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.alignment_truth import Condition, TruthRecording, truth_recording
from meelezer.cli import main
from meelezer.transcript.files import read_transcript

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Five Dutch lines of seed 003 spoken by an espeak-ng variant the aligner does not use.
SHORT = Condition("cli test", "nl", "espeak", "nl+m2", first_line=30, line_count=5, speed=1.6)


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> TruthRecording:
    return truth_recording(SHORT, tmp_path_factory.mktemp("truth"))


@pytest.fixture
def episode(recording: TruthRecording, tmp_path: Path) -> tuple[Path, Path]:
    """The recording and its untimed text, copied where the test may look at them."""
    audio = Path(shutil.copy(recording.audio, tmp_path / "episode.wav"))
    text = tmp_path / "episode.txt"
    text.write_text("\n".join(line.text for line in recording.lines) + "\n", encoding="utf-8")
    return audio, text


def test_untimed_text_gets_line_and_word_times_in_json(
        episode: tuple[Path, Path], recording: TruthRecording, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    audio, text = episode
    before = (audio.read_bytes(), text.read_bytes())
    output = tmp_path / "synced.json"
    assert main(["align", str(audio), str(text), str(output)]) == 0
    captured = capsys.readouterr()
    assert re.search(r"^Aligned 5 of 5 lines \(language: nl\) in [\d.]+ s", captured.out, re.M)
    assert "Not found in the audio: 0 lines" in captured.out
    assert re.search(r"^Moved by more than 1 s: \d+ lines?$", captured.out, re.M)
    assert f"Wrote 5 lines with word times to {output}" in captured.out
    assert "Aligning … 100 %" in captured.err  # progress, on stderr
    assert (audio.read_bytes(), text.read_bytes()) == before

    written = json.loads(output.read_text(encoding="utf-8"))["segments"]
    assert all(len(entry["words"]) == len(entry["body"].split()) for entry in written)
    synced = read_transcript(output).segments
    for segment, truth in zip(synced, recording.lines, strict=True):
        assert not segment.times_estimated
        assert abs(segment.start_ms - truth.start_ms) < 300, segment.text
        assert [word.text for word in segment.words] == truth.text.split()


def test_a_line_not_in_the_audio_is_listed_and_keeps_its_time(
        episode: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    audio, text = episode
    titled = tmp_path / "titled.txt"
    title = "Aflevering twaalf over zeilboten in de winter en de prijs van verse haring"
    titled.write_text(title + "\n" + text.read_text(encoding="utf-8"), encoding="utf-8")
    output = tmp_path / "synced.json"
    assert main(["align", str(audio), str(titled), str(output)]) == 0
    out = capsys.readouterr().out
    assert "Aligned 5 of 6 lines" in out
    assert "Not found in the audio: 1 line (they keep their times)" in out
    assert "  - line 1 (0:00): Aflevering twaalf over zeilboten in de winter en de prijs v…" in out
    first = read_transcript(output).segments[0]
    assert first.text == title and first.start_ms == 0 and first.words == []


def test_subtitles_are_written_and_said_to_lack_word_times(
        episode: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    audio, text = episode
    output = tmp_path / "synced.srt"
    assert main(["align", str(audio), str(text), str(output), "--language", "nl"]) == 0
    assert "this format has no word times; .json keeps them" in capsys.readouterr().out
    assert len(read_transcript(output).segments) == 5


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    [line] = captured.err.strip().splitlines()
    assert line.startswith("meelezer: error: ")
    return line


def test_missing_or_unplayable_audio_is_one_clear_line(
        episode: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, text = episode
    output = tmp_path / "out.json"
    assert main(["align", str(tmp_path / "gone.mp3"), str(text), str(output)]) == 1
    assert "gone.mp3: no such file (the audio)" in _one_error_line(capsys)
    fake = tmp_path / "episode.mp3"
    fake.write_text("not audio at all\n" * 50)
    assert main(["align", str(fake), str(text), str(output)]) == 1
    assert "cannot be read as audio" in _one_error_line(capsys)
    assert not output.exists()


def test_broken_transcript_is_one_clear_line(episode: tuple[Path, Path], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    audio, _ = episode
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    assert main(["align", str(audio), str(empty), str(tmp_path / "out.json")]) == 1
    assert "the file is empty" in _one_error_line(capsys)
    broken = tmp_path / "broken.json"
    broken.write_text('{"segments": [{"start": 1, ')
    assert main(["align", str(audio), str(broken), str(tmp_path / "out.json")]) == 1
    assert "not valid JSON" in _one_error_line(capsys)


def test_inputs_are_never_overwritten(episode: tuple[Path, Path], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    audio, text = episode
    before = text.read_bytes()
    assert main(["align", str(audio), str(text), str(text), "--force"]) == 1
    assert "OUTPUT is the transcript file" in _one_error_line(capsys)
    existing = tmp_path / "existing.json"
    existing.write_text("keep me")
    assert main(["align", str(audio), str(text), str(existing)]) == 1
    assert "already exists; add --force" in _one_error_line(capsys)
    assert main(["align", str(audio), str(text), str(tmp_path / "out.xyz")]) == 1
    _one_error_line(capsys)
    assert existing.read_text() == "keep me" and text.read_bytes() == before


def test_ctrl_c_cancels_and_writes_nothing(tmp_path: Path) -> None:
    """SIGINT while aligning the 10-minute demo: exit 130, a word on stderr, no output."""
    output = tmp_path / "demo.json"
    child = subprocess.Popen(
        [sys.executable, "-m", "meelezer.cli", "align", str(SEEDS / "ai-report-grok3-demo.opus"),
         str(SEEDS / "ai-report-grok3-demo.txt"), str(output)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert child.stderr is not None
    first = child.stderr.readline()  # the first progress line: it has started
    assert first.startswith("Aligning"), first
    time.sleep(0.5)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert "Cancelled; nothing was written." in err and "Traceback" not in err
    assert "Wrote" not in out
    assert not output.exists() and list(tmp_path.iterdir()) == []
