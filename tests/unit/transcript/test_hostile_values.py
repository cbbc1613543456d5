"""Values no episode has: lone surrogates in JSON and absurd times give a message, not a crash.

Issue 13 item 2: ``"\\ud800"`` gave UnicodeEncodeError, and times of 2^63 ms or more gave
OverflowError in SQLite, ``info`` and ``convert``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.cli import main
from meelezer.store import file_sha256, import_transcript, load_segments, open_database
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript, write_transcript
from meelezer.transcript.timecode import MAX_TIME_MS

SURROGATE_JSON = (
    '{"text": "x", "segments": [{"start": 0, "end": 1, "text": "Hallo \\ud800 daar",'
    ' "speaker": "Anne\\udfff"}, {"start": 1, "end": 2, "text": "Goed \\ud83d\\ude00"}]}'
)
HOUR_20_DIGITS = "99999999999999999999"
SECONDS_400_DIGITS = "9" * 400


def test_lone_surrogates_in_json_are_replaced_and_survive_every_output(tmp_path: Path) -> None:
    source = tmp_path / "episode.json"
    source.write_text(SURROGATE_JSON, encoding="utf-8")
    transcript = read_transcript(source)
    assert [s.text for s in transcript.segments] == ["Hallo \ufffd daar", "Goed 😀"]
    assert transcript.segments[0].speaker == "Anne\ufffd"
    for extension in (".srt", ".vtt", ".json", ".md", ".txt"):
        write_transcript(transcript, tmp_path / f"out{extension}")
    with open_database(tmp_path / "library.sqlite3") as db:
        episode_id = import_transcript(db, transcript, source, file_sha256(source), None)
        assert load_segments(db, episode_id)[0].text == "Hallo \ufffd daar"


def test_convert_of_a_lone_surrogate_succeeds(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "episode.json"
    source.write_text(SURROGATE_JSON, encoding="utf-8")
    assert main(["convert", str(source), str(tmp_path / "out.srt")]) == 0
    assert "\ufffd" in (tmp_path / "out.srt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("hour.srt", f"1\n{HOUR_20_DIGITS}:00:00,000 --> {HOUR_20_DIGITS}:00:01,000\nHoi\n", 2),
        ("end.srt", "1\n00:00:01,000 --> 1001:00:00,000\nHoi\n\n", 2),
        ("cue.vtt", f"WEBVTT\n\n{HOUR_20_DIGITS}:00:00.000 --> {HOUR_20_DIGITS}:00:01.000\nHoi\n",
         3),
        ("whisper.txt", f"[{SECONDS_400_DIGITS} --> {SECONDS_400_DIGITS}]  Hoi\n", 1),
        ("note.md", f"## Transcript\n\n[0:00](#t={SECONDS_400_DIGITS}) Hoi\n", 3),
    ],
)
def test_absurd_times_are_refused_with_the_line(tmp_path: Path, name: str, content: str,
                                                line: int) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert caught.value.line == line
    assert "1,000 hours" in caught.value.reason


@pytest.mark.parametrize("seconds", [SECONDS_400_DIGITS, "1e400", "3600001"])
def test_absurd_json_seconds_are_refused(tmp_path: Path, seconds: str) -> None:
    path = tmp_path / "episode.json"
    path.write_text(f'{{"segments": [{{"start": 0, "end": {seconds}, "text": "x"}}]}}',
                    encoding="utf-8")
    with pytest.raises(TranscriptError, match="segment 1"):
        read_transcript(path)


def test_the_longest_allowed_time_reads_and_converts(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.srt"
    path.write_text("1\n999:59:59,000 --> 1000:00:00,000\nLaatste woord\n", encoding="utf-8")
    transcript = read_transcript(path)
    assert transcript.duration_ms == MAX_TIME_MS
    for extension in (".json", ".md"):
        assert main(["convert", str(path), str(tmp_path / f"out{extension}")]) == 0
    assert main(["info", str(path)]) == 0


@pytest.mark.parametrize("extension", [".json", ".md"])
def test_convert_and_info_of_a_huge_time_give_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], extension: str) -> None:
    path = tmp_path / "huge.srt"
    path.write_text(f"1\n{HOUR_20_DIGITS}:00:00,000 --> {HOUR_20_DIGITS}:00:01,000\nHoi\n",
                    encoding="utf-8")
    assert main(["info", str(path)]) == 1
    assert main(["convert", str(path), str(tmp_path / f"out{extension}")]) == 1
    err = capsys.readouterr().err
    assert "huge.srt:2:" in err
    assert "Traceback" not in err


def test_an_absurd_audio_duration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Een regel tekst.\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="1,000 hours"):
        read_transcript(path, audio_duration_ms=10**30)
