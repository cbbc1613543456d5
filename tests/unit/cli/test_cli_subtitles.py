"""`--subtitles` on `meelezer convert` and `meelezer export`: short cues for video."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.cli import main
from meelezer.transcript.files import read_transcript
from meelezer.transcript.writers.subtitle_cues import MAX_CUE_MS, MAX_LINE_CHARS

SEED_003 = "ai-report-2025-02-20-grok3-whisper.txt"


def _cue_texts(path: Path) -> list[list[str]]:
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    return [block.split(" --> ", 1)[1].splitlines()[1:] for block in blocks if " --> " in block]


def test_convert_with_subtitles_writes_short_cues(
        seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain, short = tmp_path / "plain.srt", tmp_path / "short.srt"
    assert main(["convert", str(seeds_dir / SEED_003), str(plain)]) == 0
    assert max(len(line) for cue in _cue_texts(plain) for line in cue) > 500
    assert main(["convert", "--subtitles", str(seeds_dir / SEED_003), str(short)]) == 0
    assert "2,233 lines as " in capsys.readouterr().out
    cues = _cue_texts(short)
    assert max(len(line) for cue in cues for line in cue) <= MAX_LINE_CHARS
    assert max(len(cue) for cue in cues) == 2
    back = read_transcript(short)
    assert max(s.end_ms - s.start_ms for s in back.segments) <= MAX_CUE_MS


def test_subtitles_for_another_format_fail_before_reading(
        seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.txt"
    assert main(["convert", "--subtitles", str(seeds_dir / SEED_003), str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".srt or .vtt" in err
    assert not target.exists()


def test_export_with_subtitles(library: int, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "episode.vtt"
    assert main(["export", "--subtitles", str(library), "vtt", str(target)]) == 0
    cues = _cue_texts(target)
    assert max(len(line) for cue in cues for line in cue) <= MAX_LINE_CHARS
    assert "Verbeterde eerste regel" in target.read_text(encoding="utf-8")
    assert main(["export", "--subtitles", str(library), "md", str(tmp_path / "n.md")]) == 1
    assert ".srt or .vtt" in capsys.readouterr().err
