"""The window with transcripts that are not plain good files: it says what is wrong and goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.windows import WindowFactory


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_named_as_such_and_the_open_episode_stays(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    fifo = tmp_path / "episode.srt"
    os.mkfifo(fifo)
    assert not window.open_paths([fifo])  # before the fix: hashing the FIFO waited forever
    assert "named pipe (FIFO)" in window.messages.text()
    assert "not found" not in window.messages.text()
    assert window.transcript.model.rowCount() == 172


def test_a_skipped_cue_is_named_in_the_window_and_the_rest_is_open(
        make_window: WindowFactory, tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "fixtures" / "webvtt-py" / "invalid_timeframe.vtt"
    copy = tmp_path / "invalid_timeframe.vtt"
    copy.write_bytes(source.read_bytes())
    window = make_window()
    assert window.open_paths([copy])
    assert window.transcript.model.rowCount() == 6
    message = window.messages.text()
    assert "invalid_timeframe.vtt" in message
    assert "line 6" in message
    assert "No audio file" in message  # what the audio check says is kept beside it


def test_a_transcript_without_cue_text_is_refused_in_the_window(
        make_window: WindowFactory, tmp_path: Path) -> None:
    empty = tmp_path / "empty_cue.srt"
    empty.write_text("some text\n00:00:00,500 --> 00:00:07,000", encoding="utf-8")
    window = make_window()
    assert not window.open_paths([empty])
    assert "no text" in window.messages.text()


def test_a_transcript_above_the_size_limit_is_refused_at_once(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    from meelezer.transcript.files import MAX_TRANSCRIPT_BYTES

    window = make_window()
    window.open_paths([demo])
    huge = tmp_path / "huge.srt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_TRANSCRIPT_BYTES + 1)  # sparse: nothing is written to the disk
    assert not window.open_paths([huge])
    message = window.messages.text()
    assert f"larger than {MAX_TRANSCRIPT_BYTES // (1024 * 1024)} MB" in message
    assert "split" in message  # says what to do
    assert window.transcript.model.rowCount() == 172


def test_the_size_limit_is_the_one_the_readme_documents() -> None:
    from meelezer.transcript.files import MAX_TRANSCRIPT_BYTES

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert MAX_TRANSCRIPT_BYTES == 32 * 1024 * 1024
    assert "32 MB" in readme


def test_the_podcasting20_html_example_opens_with_its_speakers(
        make_window: WindowFactory, tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "fixtures" / "transcripts" / "podcasting20.html"
    copy = tmp_path / "episode.html"
    copy.write_bytes(source.read_bytes())
    window = make_window()
    assert window.open_paths([copy])
    assert sorted(s.name for s in window.annotator.list_speakers()) == ["Gilon", "Sarah", "Travis"]
    first = window.transcript.model.line(0)
    assert first.speaker == "Travis"
    assert first.text.startswith("When you first get started in podcasting, it's")


def test_a_lone_surrogate_in_json_opens_in_the_window(make_window: WindowFactory,
                                                     tmp_path: Path) -> None:
    source = tmp_path / "episode.json"
    source.write_text('{"segments": [{"start": 0, "end": 1, "text": "Hallo \\ud800"}, '
                      '{"start": 1, "end": 2, "text": "daar"}]}', encoding="utf-8")
    window = make_window()
    assert window.open_paths([source])
    assert window.transcript.model.line(0).text == "Hallo \ufffd"


def test_a_reimport_names_the_lines_it_skipped(make_window: WindowFactory, demo: Path,
                                               tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    assert window.episode is not None
    lines = demo.read_text(encoding="utf-8").split("\n")
    broken_at = next(i for i, line in enumerate(lines) if line.startswith("[")) + 3
    lines[broken_at] = "[9.00 --> 4.00]" + lines[broken_at].split("]", 1)[1]
    newer = tmp_path / "newer.txt"
    newer.write_text("\n".join(lines), encoding="utf-8")
    assert window.library_controller.reimport(window.episode.episode.id, newer)
    message = window.messages.text()
    assert "Re-imported 171 lines" in message
    assert f"line {broken_at + 1}" in message
