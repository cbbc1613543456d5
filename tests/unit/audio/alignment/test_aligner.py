"""The aligner on short recordings with known truth, spoken by an espeak-ng voice and rate
other than its reference (Dutch "nl+f3" and English "en+m3" against "nl"/"en-us" at 175 wpm),
with pauses and noise: lines and words land where they are spoken, anchors stay, text that
is not spoken and audio that is not in the text are reported, and a cancel stops it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpers.spoken_audio import SpokenTruth, write_recording
from meelezer.audio.alignment import Alignment, LineToAlign, align
from meelezer.work import Cancelled, WorkContext

DUTCH = [
    "Welkom bij de podcast over kunstmatige intelligentie en wat die met ons werk doet.",
    "Vandaag praten we over taalmodellen die in Nederland worden gebouwd.",
    "Die modellen moeten beter Nederlands spreken dan de grote Amerikaanse modellen.",
    "Dat is best lastig, want er is veel minder tekst in het Nederlands.",
    "Ja, en die tekst moet je ook nog eerlijk verkrijgen.",
    "Daar komen we straks uitgebreid op terug.",
]
ENGLISH = [
    "Welcome to the show about artificial intelligence and how it changes our work.",
    "Today we talk about language models that are built in Europe.",
    "Those models have to speak the local languages better than the big ones.",
    "That is quite hard, because there is much less text to learn from.",
    "And that text has to be collected in a fair way as well.",
    "We will come back to that in a minute.",
]
PAUSES_MS = [300, 900, 200, 1400, 600, 1100]


def _estimated(texts: list[str], duration_ms: int) -> list[LineToAlign]:
    """Times spread by text length over the whole file, as for an untimed transcript."""
    weights = np.array([len(text) for text in texts], dtype=float)
    edges = np.concatenate(([0.0], np.cumsum(weights))) / weights.sum() * duration_ms
    return [LineToAlign(text, int(edges[index]), int(edges[index + 1]))
            for index, text in enumerate(texts)]


def _start_errors(result: Alignment, truth: SpokenTruth) -> tuple[list[int], list[int]]:
    lines = [abs(line.start_ms - start)
             for line, start in zip(result.lines, truth.line_starts_ms, strict=True)]
    words = [abs(word.start_ms - start)
             for line, starts in zip(result.lines, truth.word_starts_ms, strict=True)
             for word, start in zip(line.words, starts, strict=True) if start >= 0]
    return lines, words


@pytest.mark.parametrize(("texts", "voice", "rate", "language"), [
    (DUTCH, "nl+f3", 150, "nl"), (ENGLISH, "en+m3", 200, "en")])
def test_lines_and_words_land_where_they_are_spoken(
        tmp_path: Path, texts: list[str], voice: str, rate: int, language: str) -> None:
    audio = tmp_path / "episode.wav"
    truth = write_recording(audio, texts, voice=voice, rate=rate, pauses_ms=PAUSES_MS,
                            noise_db=30.0)

    result = align(audio, _estimated(texts, truth.duration_ms))

    assert result.language == language
    assert all(line.found for line in result.lines)
    assert [len(line.words) for line in result.lines] == [len(text.split()) for text in texts]
    line_errors, word_errors = _start_errors(result, truth)
    assert max(line_errors) <= 150, line_errors
    assert np.median(word_errors) <= 60 and np.percentile(word_errors, 90) <= 200, word_errors
    assert result.unmatched_audio == ()


def test_an_anchored_line_keeps_its_time(tmp_path: Path) -> None:
    audio = tmp_path / "episode.wav"
    truth = write_recording(audio, DUTCH, voice="nl+f3", rate=160, pauses_ms=PAUSES_MS)
    lines = _estimated(DUTCH, truth.duration_ms)
    # The user tapped line 3 a little late; that time is theirs to keep.
    tapped = truth.line_starts_ms[3] + 120
    lines[3] = LineToAlign(DUTCH[3], tapped, lines[3].end_ms, anchored=True)

    result = align(audio, lines)

    assert result.lines[3].start_ms == tapped and result.lines[3].found
    line_errors, _ = _start_errors(result, truth)
    assert max(line_errors[:3] + line_errors[4:]) <= 150, line_errors


def test_text_not_in_the_audio_is_flagged_and_keeps_its_times(tmp_path: Path) -> None:
    audio = tmp_path / "episode.wav"
    # The audio lacks line 3 (a part cut out), a title and a hallucinated tail.
    spoken = DUTCH[:3] + DUTCH[4:]
    truth = write_recording(audio, spoken, voice="nl+f3", rate=160,
                            pauses_ms=PAUSES_MS[:3] + PAUSES_MS[4:])
    title = LineToAlign("Aflevering twaalf: taalmodellen uit de polder", 0, 2000)
    tail = LineToAlign("Ondertiteling door de Amara punt org gemeenschap en TV Gelderland 2021",
                       truth.duration_ms - 3000, truth.duration_ms)
    lines = [title, *_estimated(DUTCH, truth.duration_ms), tail]

    result = align(audio, lines)

    assert [line.found for line in result.lines] == [False, True, True, True, False, True,
                                                     True, False]
    for given, aligned in zip(lines, result.lines, strict=True):
        if not aligned.found:
            assert (aligned.start_ms, aligned.end_ms) == (given.start_ms, given.end_ms)
            assert len(aligned.words) == len(given.text.split())
            assert aligned.confidence < 0.5
    found = [line for line in result.lines if line.found]
    line_errors, _ = _start_errors(
        Alignment(tuple(found), result.language, (), 0, 0.0, result.duration_ms), truth)
    assert max(line_errors) <= 150, line_errors


def test_an_intro_the_text_does_not_have_is_reported_and_skipped(tmp_path: Path) -> None:
    audio = tmp_path / "episode.wav"
    intro = ["Deze aflevering wordt u aangeboden door een bank die graag uw geld beheert.",
             "Kijk voor de voorwaarden op onze website."]
    truth = write_recording(audio, DUTCH, voice="nl+f3", rate=160, pauses_ms=PAUSES_MS,
                            intro=intro, intro_ms=12_000)
    # The transcript is of the cut without the intro: its times are 12 s early.
    lines = [LineToAlign(text, start - 12_000, end - 12_000) for text, start, end in zip(
        DUTCH, truth.line_starts_ms, truth.line_ends_ms, strict=True)]

    result = align(audio, lines)

    assert all(line.found for line in result.lines)
    line_errors, _ = _start_errors(result, truth)
    assert max(line_errors) <= 150, line_errors
    assert len(result.unmatched_audio) == 1
    start, end = result.unmatched_audio[0]
    assert start <= 500 and 6_000 <= end <= truth.line_starts_ms[0]
    assert abs(result.offset_ms - 12_000) <= 150 and abs(result.drift) <= 0.01


def test_cancel_stops_the_work(tmp_path: Path) -> None:
    audio = tmp_path / "episode.wav"
    truth = write_recording(audio, DUTCH, voice="nl+f3", rate=160, pauses_ms=PAUSES_MS)
    before = sorted(tmp_path.iterdir())
    fractions: list[float] = []

    def report(fraction: float, partial: object | None) -> None:
        fractions.append(fraction)
        if fraction >= 0.5:
            context.cancel()

    context = WorkContext(report)
    with pytest.raises(Cancelled):
        align(audio, _estimated(DUTCH, truth.duration_ms), context=context)
    assert fractions and max(fractions) < 1.0
    assert sorted(tmp_path.iterdir()) == before
