"""Advanced SubStation Alpha (.ass) and SubStation Alpha (.ssa), read with pysubs2.

Each event line is its own pysubs2 parse, so one broken line is skipped and named (pysubs2
alone refuses the whole file), and speakers come from the events' Name field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.formats import detect_reader

ASS = """\
[Script Info]
Title: Aflevering 12
ScriptType: v4.00+

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,\
2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:03.50,Default,Anne,0,0,0,,{\\i1}Hoi{\\i0} daar,\\Nhoe gaat het?
Comment: 0,0:00:04.00,0:00:05.00,Default,Bram,0,0,0,,een opmerking van de maker
Dialogue: 0,0:00:0x.00,0:00:05.00,Default,Bram,0,0,0,,Kapotte tijd
Dialogue: 0,0:00:05.00,0:00:04.00,Default,Bram,0,0,0,,Achteruit
Dialogue: 0,0:00:06.00,0:00:07.25,Default,Bram,0,0,0,,Goed, dank je.
Dialogue: 0,0:00:08.00,0:00:09.00,Default,,0,0,0,,{\\an8}[muziek]
"""


def test_ass_events_give_lines_speakers_and_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "aflevering.ass"
    path.write_text(ASS, encoding="utf-8")
    transcript = read_transcript(path)
    assert transcript.source_format == "ass"
    assert [(s.start_ms, s.end_ms, s.speaker, s.text) for s in transcript.segments] == [
        (1000, 3500, "Anne", "Hoi daar, hoe gaat het?"),
        (6000, 7250, "Bram", "Goed, dank je."),
        (8000, 9000, None, "[muziek]"),
    ]
    assert transcript.metadata.title == "Aflevering 12"
    assert [w.split(":")[0] for w in transcript.warnings] == ["line 13", "line 14"]


def test_ass_is_detected_by_content() -> None:
    assert detect_reader(ASS).name == "ass"


def test_ass_without_dialogue_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "leeg.ass"
    path.write_text(ASS.split("Dialogue:")[0], encoding="utf-8")
    with pytest.raises(TranscriptError, match="no dialogue"):
        read_transcript(path)


def test_ssa_events_are_read_too(tmp_path: Path) -> None:
    ssa = ("[Script Info]\nScriptType: v4.00\n\n[Events]\n"
           "Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
           "Dialogue: Marked=0,0:00:02.00,0:00:04.00,Default,Anne,0000,0000,0000,,Oude vorm\n")
    path = tmp_path / "oud.ssa"
    path.write_text(ssa, encoding="utf-8")
    transcript = read_transcript(path)
    assert [(s.start_ms, s.speaker, s.text) for s in transcript.segments] == [
        (2000, "Anne", "Oude vorm")]
