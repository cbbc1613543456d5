"""Subtitle-quality cues: short enough to read, cut between words at good places, text kept."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from meelezer.transcript.files import read_transcript, render_transcript, write_transcript
from meelezer.transcript.model import Segment, Transcript, Word
from meelezer.transcript.writers import srt, webvtt
from meelezer.transcript.writers.subtitle_cues import (
    MAX_CUE_MS,
    MAX_LINE_CHARS,
    MAX_LINES,
    Cue,
    subtitle_cues,
)

SEED_003 = "ai-report-2025-02-20-grok3-whisper.txt"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "transcripts"


def _words(text: str) -> list[str]:
    return text.split()


def _broken_limits(cues: list[Cue]) -> list[Cue]:
    return [cue for cue in cues
            if len(cue.lines) > MAX_LINES or any(len(line) > MAX_LINE_CHARS for line in cue.lines)
            or cue.end_ms - cue.start_ms > MAX_CUE_MS or cue.end_ms < cue.start_ms]


def test_seed_003_cues_keep_every_limit_and_all_the_text(seeds_dir: Path) -> None:
    transcript = read_transcript(seeds_dir / SEED_003)
    # What the one-cue-per-line export gives: lines of hundreds of characters.
    assert max(len(segment.text) for segment in transcript.segments) > 500
    cues = subtitle_cues(transcript)
    assert _broken_limits(cues) == []
    assert len(cues) > len(transcript.segments)
    shown = [word for cue in cues for line in cue.lines for word in _words(line)]
    assert shown == [word for segment in transcript.segments for word in _words(segment.text)]
    starts = [cue.start_ms for cue in cues]
    assert starts == sorted(starts)


@pytest.mark.parametrize("suffix", [".srt", ".vtt"])
def test_written_subtitles_read_back_within_the_limits(
        seeds_dir: Path, tmp_path: Path, suffix: str) -> None:
    """Through the real writers and readers: what a video player would get."""
    transcript = read_transcript(seeds_dir / SEED_003)
    output = tmp_path / f"episode{suffix}"
    write_transcript(transcript, output, subtitles=True)
    text = output.read_text(encoding="utf-8")
    cue_lines = [block.splitlines()[1 if suffix == ".vtt" else 2:]
                 for block in text.split("\n\n") if " --> " in block]
    assert all(1 <= len(lines) <= MAX_LINES for lines in cue_lines)
    assert max(len(line) for lines in cue_lines for line in lines) <= MAX_LINE_CHARS
    back = read_transcript(output)
    assert max(segment.end_ms - segment.start_ms for segment in back.segments) <= MAX_CUE_MS
    assert ([w for s in back.segments for w in _words(s.text)]
            == [w for s in transcript.segments for w in _words(s.text)])


def test_cues_start_at_word_times_where_the_transcript_has_them() -> None:
    words = [Word(f"woord{i}", 1_000 + i * 900, 1_000 + i * 900 + 600) for i in range(20)]
    line = Segment(1_000, 19_000, " ".join(word.text for word in words), words=words)
    cues = subtitle_cues(Transcript([line]))
    assert len(cues) > 1 and _broken_limits(cues) == []
    word_starts = {word.start_ms for word in words}
    assert all(cue.start_ms in word_starts for cue in cues)
    # Without word times the same line is cut in proportion to its characters.
    plain = subtitle_cues(Transcript([Segment(1_000, 19_000, line.text)]))
    assert not all(cue.start_ms in word_starts for cue in plain)


def test_whisperx_word_times_drive_the_cues() -> None:
    transcript = read_transcript(FIXTURES / "whisperx.json")
    cues = subtitle_cues(transcript)
    first_words = {word.start_ms for segment in transcript.segments for word in segment.words}
    assert all(cue.start_ms in first_words or cue.first_of_line for cue in cues)
    assert _broken_limits(cues) == []


def test_cues_end_after_a_sentence_rather_than_mid_phrase() -> None:
    # Both sentences would fit one cue each, or the first with two words more.
    text = ("Dit is de eerste zin van het verhaal. Daarna komt een tweede zin die langer "
            "doorloopt tot het einde.")
    cues = subtitle_cues(Transcript([Segment(0, 6_000, text)]))
    assert cues[0].lines[-1].endswith("verhaal.")
    assert _broken_limits(cues) == []


def test_no_cue_is_cut_mid_word_except_a_word_longer_than_a_line() -> None:
    url = "https://example.org/" + "a" * 80
    text = f"Kijk op {url} voor meer over dit onderwerp en nog wat."
    cues = subtitle_cues(Transcript([Segment(0, 5_000, text)]))
    assert _broken_limits(cues) == []
    pieces = [word for cue in cues for line in cue.lines for word in _words(line)]
    assert "".join(pieces) == "".join(_words(text))
    assert all(piece in _words(text) for piece in pieces if not piece.startswith(("https",
                                                                                   "aaa")))


def test_a_long_pause_does_not_keep_a_cue_up_past_the_limit() -> None:
    cues = subtitle_cues(Transcript([Segment(0, 20_000, "Ja.")]))
    assert [(cue.start_ms, cue.end_ms, cue.lines) for cue in cues] == [(0, MAX_CUE_MS, ("Ja.",))]


def test_speakers_srt_names_them_once_per_line_and_webvtt_voices_every_cue() -> None:
    long = " ".join(["woorden"] * 30)
    transcript = Transcript([Segment(0, 12_000, long, speaker="Wietse"),
                             Segment(12_000, 14_000, "Klopt.", speaker="Alexander & co")])
    srt_text = srt.write_subtitles(transcript)
    assert srt_text.count("Wietse:") == 1 and "Alexander & co: Klopt." in srt_text
    vtt_text = webvtt.write_subtitles(transcript)
    cue_count = vtt_text.count(" --> ")
    assert cue_count > 2
    assert vtt_text.count("<v Wietse>") == cue_count - 1
    assert "<v Alexander &amp; co>Klopt." in vtt_text


def test_subtitles_are_only_for_srt_and_vtt(tmp_path: Path) -> None:
    from meelezer.transcript.errors import TranscriptError

    with pytest.raises(TranscriptError, match=r"\.srt or \.vtt"):
        render_transcript(Transcript([Segment(0, 1_000, "x")]), tmp_path / "x.txt",
                          subtitles=True)


def test_a_short_line_with_guessed_times_stays_one_cue() -> None:
    """Proportional word times are a guess: they do not cut "Klopt, dat zag ik ook" in two."""
    cues = subtitle_cues(Transcript([Segment(0, 9_000, "Klopt, dat zag ik ook.")]))
    assert [(cue.start_ms, cue.end_ms, cue.lines) for cue in cues] == [
        (0, MAX_CUE_MS, ("Klopt, dat zag ik ook.",))]
    timed = [Word(text, i * 2_200, i * 2_200 + 400)
             for i, text in enumerate(["Klopt,", "dat", "zag", "ik", "ook."])]
    cues = subtitle_cues(Transcript([Segment(0, 9_000, "Klopt, dat zag ik ook.", words=timed)]))
    assert len(cues) == 2 and _broken_limits(cues) == []


def test_a_speaker_label_never_stands_alone_in_a_cue() -> None:
    """"Name:" ends like a clause; it must still stay with the first words it introduces."""
    text = 'Zqimg1<img src="/tmp/nonexist.png">Zqimg2 <h2>Zqhead</h2> <b>bold</b>'
    cues = subtitle_cues(Transcript([Segment(0, 3_000, text, speaker="<b>Zq</b> Ann")]),
                         label_speakers=True)
    assert cues[0].lines[0].startswith("<b>Zq</b> Ann: Zqimg1")
    assert all(cue.end_ms > cue.start_ms for cue in cues)
    assert _broken_limits(cues) == []


def test_a_short_cue_stays_up_long_enough_to_read_but_not_into_the_next() -> None:
    transcript = Transcript([Segment(1_000, 1_400, "Yes!"), Segment(5_000, 5_300, "Nee."),
                             Segment(5_500, 8_000, "Dan gaan we verder met het volgende.")])
    cues = subtitle_cues(transcript)
    assert [(cue.start_ms, cue.end_ms) for cue in cues] == [
        (1_000, 2_000), (5_000, 5_500), (5_500, 8_000)]


def test_seed_003_cues_never_overlap(seeds_dir: Path) -> None:
    cues = subtitle_cues(read_transcript(seeds_dir / SEED_003))
    assert all(cue.end_ms <= later.start_ms for cue, later in itertools.pairwise(cues))
    assert sum(cue.end_ms - cue.start_ms < 700 for cue in cues) < len(cues) // 10
