"""read_transcript as callers use it: ordering, overlaps, detection and errors across formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript

SRT_OUT_OF_ORDER = """\
2
00:00:05,000 --> 00:00:07,000
Tweede regel

1
00:00:01,000 --> 00:00:06,000
Eerste regel, die overlapt

3
00:00:06,500 --> 00:00:08,000
Derde regel
"""


def test_segments_out_of_order_are_sorted_and_overlaps_kept(tmp_path: Path) -> None:
    path = tmp_path / "episode.srt"
    path.write_text(SRT_OUT_OF_ORDER, encoding="utf-8")
    segments = read_transcript(path).segments
    assert [s.text for s in segments] == ["Eerste regel, die overlapt", "Tweede regel",
                                          "Derde regel"]
    assert [(s.start_ms, s.end_ms) for s in segments] == [(1000, 6000), (5000, 7000),
                                                          (6500, 8000)]


def test_content_wins_over_a_misleading_extension(tmp_path: Path) -> None:
    path = tmp_path / "really-srt.txt"
    path.write_text(SRT_OUT_OF_ORDER, encoding="utf-8")
    transcript = read_transcript(path)
    assert transcript.source_format == "srt"
    assert not transcript.times_estimated


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.srt", b"", "empty"),
        ("noise.mp3.srt", bytes(range(256)) * 40, "not a text"),
        ("cut.json", b'{"segments": [{"start": 0, "end": 1, "text": "Ha',
         "cut.json:1: not valid JSON"),
        ("mystery.xyz", b"some words in an unknown kind of file", "unknown transcript format"),
    ],
)
def test_bad_input_raises_one_error_type_naming_the_file(
        tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TranscriptError) as caught:
        read_transcript(path)
    assert str(caught.value).startswith(str(path))
    assert reason in str(caught.value)


def test_untimed_text_spreads_over_the_audio_duration(seeds_dir: Path) -> None:
    note = seeds_dir / "ai-report-gpt-nl-youtube-note.md"
    transcript = read_transcript(note, audio_duration_ms=3_600_000)
    assert transcript.times_estimated
    assert transcript.duration_ms == 3_600_000
    assert all(s.times_estimated for s in transcript.segments)
