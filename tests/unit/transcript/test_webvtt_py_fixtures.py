"""webvtt-py's own test subtitles: one bad cue costs only that cue; no cue text is an error.

Issue 13 item 13. The files are copied unchanged from webvtt-py's repository
(tests/fixtures/webvtt-py, with its licence).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.cli import main
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript

FIXTURES = Path(__file__).parents[2] / "fixtures" / "webvtt-py"


@pytest.mark.parametrize(
    ("name", "texts", "skipped_lines"),
    [
        ("invalid_timeframe.vtt",
         [f"Caption text #{n}" for n in (1, 3, 4, 5, 6, 7)], [6]),
        ("sample.srt", None, []),
        ("sample.vtt", None, []),
        ("using_identifiers.vtt", None, []),
        ("missing_caption_text.srt", [f"Caption text #{n}" for n in (1, 3, 4, 5)], []),
        ("missing_caption_text.vtt", [f"Caption text #{n}" for n in (1, 3, 4, 5)], []),
        # A timing line as the first text line starts a cue of its own (no blank line).
        ("invalid_timeframe_in_cue_text.vtt",
         ["Caption text #1", "Caption text #2", "Caption text #3"], []),
    ],
)
def test_readable_fixtures_keep_every_good_cue(name: str, texts: list[str] | None,
                                               skipped_lines: list[int]) -> None:
    transcript = read_transcript(FIXTURES / name)
    if texts is not None:
        assert [segment.text for segment in transcript.segments] == texts
    else:
        assert transcript.segments
    assert [warning.split(":")[0] for warning in transcript.warnings] == [
        f"line {line}" for line in skipped_lines]


def test_the_skipped_cue_says_why() -> None:
    (warning,) = read_transcript(FIXTURES / "invalid_timeframe.vtt").warnings
    assert warning.startswith("line 6: ")
    assert "00:00:1d.890" in warning or "timing" in warning


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("invalid_format4.srt", "no text"),
        ("invalid_format1.srt", "no subtitle cues"),
        ("no_captions.vtt", "no cues"),
    ],
)
def test_fixtures_without_cue_text_are_errors(name: str, reason: str) -> None:
    with pytest.raises(TranscriptError, match=reason):
        read_transcript(FIXTURES / name)


def test_convert_of_a_file_without_cue_text_fails_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.txt"
    assert main(["convert", str(FIXTURES / "invalid_format4.srt"), str(target)]) == 1
    captured = capsys.readouterr()
    assert "Wrote 0 lines" not in captured.out
    assert "invalid_format4.srt" in captured.err
    assert not target.exists()


def test_convert_and_info_name_the_skipped_line(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / "invalid_timeframe.vtt"
    assert main(["convert", str(source), str(tmp_path / "out.srt")]) == 0
    captured = capsys.readouterr()
    assert "Wrote 6 lines" in captured.out
    assert "warning" in captured.err
    assert "invalid_timeframe.vtt" in captured.err
    assert "line 6" in captured.err
    assert main(["info", str(source)]) == 0
    assert "line 6" in capsys.readouterr().err


def test_add_names_the_skipped_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "invalid_timeframe.vtt"
    copy.write_bytes((FIXTURES / "invalid_timeframe.vtt").read_bytes())
    assert main(["add", str(copy)]) == 0
    captured = capsys.readouterr()
    assert "Added episode" in captured.out
    assert "line 6" in captured.err
