"""Speakers from more transcript shapes (issue 12): meeting-tool exports, dialogue subtitles,
and the Podcasting 2.0 HTML transcript."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.files import read_transcript
from meelezer.transcript.formats import ReadOptions, detect_reader
from meelezer.transcript.model import Transcript

FIXTURES = Path(__file__).parents[2] / "fixtures" / "transcripts"


def rows(transcript: Transcript) -> list[tuple[int, str | None, str]]:
    return [(s.start_ms, s.speaker, s.text) for s in transcript.segments]


def read_file(tmp_path: Path, name: str, text: str, duration: int | None = None) -> Transcript:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_transcript(path, audio_duration_ms=duration)


# --- meeting and interview tools: "Name  0:01:02" or "Name (00:01:02)", text below ----------

OTTER = """\
Speaker 1  0:00
Welkom bij de podcast.

Speaker 2  0:05
Dank je, fijn om er te zijn.
Echt waar.

Speaker 1  1:02
Zullen we beginnen?
"""

DESCRIPT = """\
Anne Jansen (00:00:03)
Goedemorgen allemaal.

Bram de Vries (00:00:09)
Goedemorgen Anne.
"""

TEAMS = """\
Anne Jansen   0:03
Hallo.
Bram de Vries   0:07
Hoi Anne, hoor je me?
Anne Jansen   0:12
Ja, prima.
"""


@pytest.mark.parametrize(("text", "expected"), [
    (OTTER, [(0, "Speaker 1", "Welkom bij de podcast."),
             (5000, "Speaker 2", "Dank je, fijn om er te zijn. Echt waar."),
             (62_000, "Speaker 1", "Zullen we beginnen?")]),
    (DESCRIPT, [(3000, "Anne Jansen", "Goedemorgen allemaal."),
                (9000, "Bram de Vries", "Goedemorgen Anne.")]),
    (TEAMS, [(3000, "Anne Jansen", "Hallo."), (7000, "Bram de Vries", "Hoi Anne, hoor je me?"),
             (12_000, "Anne Jansen", "Ja, prima.")]),
])
def test_meeting_exports_give_speakers_times_and_clean_text(
        tmp_path: Path, text: str, expected: list[tuple[int, str | None, str]]) -> None:
    transcript = read_file(tmp_path, "meeting.txt", text)
    assert rows(transcript) == expected
    segments = transcript.segments
    # A turn runs until the next one starts; the times given in the file are not estimates.
    assert segments[0].end_ms == segments[1].start_ms
    assert not segments[0].times_estimated


def test_a_long_turn_is_split_into_readable_lines_within_its_span(tmp_path: Path) -> None:
    sentence = "Dit is een zin van ongeveer tien woorden lang, echt waar. "
    text = f"Anne  0:00\n{sentence * 8}\n\nBram  2:00\nKort.\n"
    transcript = read_file(tmp_path, "lang.txt", text)
    anne = [s for s in transcript.segments if s.speaker == "Anne"]
    assert len(anne) > 1
    assert anne[0].start_ms == 0 and anne[-1].end_ms == 120_000
    assert " ".join(s.text for s in anne).split() == (sentence * 8).split()


def test_ordinary_prose_with_a_time_in_it_is_not_a_meeting_export() -> None:
    text = "We spraken om 10:30 af.\nDat was laat.\nDaarna gingen we naar huis.\n"
    assert detect_reader(text).name == "plain-text"


# --- subtitles with "NAME:" and "- Name:" dialogue lines --------------------------------

def test_srt_capital_name_labels_become_speakers(tmp_path: Path) -> None:
    text = ("1\n00:00:01,000 --> 00:00:03,000\nANNE: Hoi daar.\n\n"
            "2\n00:00:03,000 --> 00:00:05,000\nBRAM: Hallo.\n\n"
            "3\n00:00:05,000 --> 00:00:07,000\nANNE: Alles goed?\n")
    assert rows(read_file(tmp_path, "caps.srt", text)) == [
        (1000, "ANNE", "Hoi daar."), (3000, "BRAM", "Hallo."), (5000, "ANNE", "Alles goed?")]


@pytest.mark.parametrize("name", ["dialoog.srt", "dialoog.vtt"])
def test_dialogue_dashes_split_a_cue_per_speaker(tmp_path: Path, name: str) -> None:
    timing = ("00:00:01,000 --> 00:00:05,000", "00:00:05,000 --> 00:00:07,000")
    if name.endswith(".vtt"):
        timing = tuple(t.replace(",", ".") for t in timing)
    head = "WEBVTT\n\n" if name.endswith(".vtt") else "1\n"
    text = (f"{head}{timing[0]}\n- Anne: Hoi.\n- Bram: Dag Anne, hoe gaat het?\n\n"
            f"{'' if name.endswith('.vtt') else '2' + chr(10)}{timing[1]}\n- Anne: Goed!\n")
    transcript = read_file(tmp_path, name, text)
    assert [(s.speaker, s.text) for s in transcript.segments] == [
        ("Anne", "Hoi."), ("Bram", "Dag Anne, hoe gaat het?"), ("Anne", "Goed!")]
    first, second, third = transcript.segments
    assert first.start_ms == 1000 and first.end_ms == second.start_ms and second.end_ms == 5000
    assert third.start_ms == 5000
    assert not transcript.times_estimated


def test_a_dash_without_a_second_turn_stays_text(tmp_path: Path) -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\n-5 graden vandaag.\n"
    assert rows(read_file(tmp_path, "min.srt", text)) == [(1000, None, "-5 graden vandaag.")]


# --- the Podcasting 2.0 HTML transcript -------------------------------------------------

def test_podcasting20_html_example_gives_speakers_and_estimated_times() -> None:
    transcript = read_transcript(FIXTURES / "podcasting20.html")
    assert transcript.source_format == "podcasting20-html"
    assert transcript.speakers == ["Travis", "Sarah", "Gilon"]
    assert transcript.times_estimated
    assert all(s.times_estimated for s in transcript.segments)
    first = transcript.segments[0]
    assert (first.start_ms, first.speaker) == (0, "Travis")
    assert first.text.startswith("When you first get started in podcasting, it's almost")
    sarah = next(s for s in transcript.segments if s.speaker == "Sarah")
    assert sarah.start_ms == 53_000
    assert all("<" not in s.text and "&#" not in s.text for s in transcript.segments)


def test_html_is_read_as_text_never_rendered(tmp_path: Path) -> None:
    html = ('<html><head><title>x</title><style>p {color: red}</style></head><body>\n'
            '<cite>Anne &lt;b&gt;:</cite>\n<time>0:00</time>\n'
            '<p>Kijk <img src="/dev/zero"> <b>hier</b>.<script>alert(1)</script></p>\n'
            '<cite>Bram:</cite>\n<time>0:10</time>\n<p>Ja &amp; nee.</p>\n</body></html>\n')
    transcript = read_file(tmp_path, "vreemd.html", html, duration=30_000)
    assert rows(transcript) == [(0, "Anne <b>", "Kijk hier."), (10_000, "Bram", "Ja & nee.")]
    assert transcript.duration_ms == 30_000


def test_html_without_transcript_paragraphs_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="no transcript"):
        read_file(tmp_path, "leeg.html", "<html><body><h1>Niets</h1></body></html>")


def test_html_is_detected_by_content_too() -> None:
    text = (FIXTURES / "podcasting20.html").read_text(encoding="utf-8")
    assert detect_reader(text).name == "podcasting20-html"
    assert detect_reader(text).read(text, ReadOptions()).speakers[0] == "Travis"


def test_zoom_style_times_of_day_count_from_the_first_turn(tmp_path: Path) -> None:
    text = "[Anne Jansen] 10:01:02\nGoedemorgen.\n[Bram] 10:01:05\nHoi.\n"
    assert rows(read_file(tmp_path, "zoom.txt", text)) == [
        (0, "Anne Jansen", "Goedemorgen."), (3000, "Bram", "Hoi.")]


def test_info_says_which_times_came_from_the_file(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from meelezer.cli import main

    sentence = "Dit is een zin van ongeveer tien woorden lang, echt waar. "
    meeting = tmp_path / "meeting.txt"
    meeting.write_text(f"Anne  0:00\n{sentence * 8}\n\nBram  2:00\nKort.\n", encoding="utf-8")
    assert main(["info", str(meeting)]) == 0
    assert "turn starts from the file, lines within a turn estimated" in capsys.readouterr().out
    assert main(["info", str(FIXTURES / "podcasting20.html")]) == 0
    assert "estimated (the file has only coarse or no timestamps)" in capsys.readouterr().out
