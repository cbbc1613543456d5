"""The aligner's truth recordings (tests/helpers/alignment_truth.py) say the truth: speech
starts where a line's truth says, after a pause; words are in order inside their line; cut
lines are absent from the audio, the intro is where it is said to be; and a second run
makes the same files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from helpers.alignment_truth import Condition, TruthRecording, truth_recording
from helpers.audio_files import read_wav

DUTCH = Condition("nl test", "nl", "espeak", "nl+f3", first_line=5, line_count=5, speed=1.5,
                  cut_lines=(2, 3), unspoken_tail=True)
ENGLISH = Condition("en test", "en", "festival", "kal", first_line=3, line_count=3)
DUTCH_INTRO = Condition("nl intro test", "nl", "espeak", "nl+m2", first_line=9, line_count=2,
                        intro_s=45.0)


def _db(samples: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(samples.astype(np.float64) ** 2)) + 1e-9))


def _spoken_from_the_truth(recording: TruthRecording, after_the_intro: bool = False) -> None:
    """Before each line's start only the pause's silence (the intro's music goes on up to
    the first line), right after it speech."""
    samples = read_wav(recording.audio)
    per_ms = 16
    for number, line in enumerate(recording.lines):
        if not line.in_audio:
            continue
        start = line.start_ms * per_ms
        if not (after_the_intro and number == 0):
            assert _db(samples[start - 120 * per_ms:start - 10 * per_ms]) < -60, line.text
        assert _db(samples[start:start + 150 * per_ms]) > -42, line.text
        starts = [word for word in line.word_starts_ms if word is not None]
        assert len(starts) == len(line.text.split())  # every word has its time
        assert starts == sorted(starts) and starts[0] == line.start_ms
        assert starts[-1] < line.end_ms


@pytest.mark.parametrize("condition", [DUTCH, ENGLISH], ids=["espeak-ng nl", "festival en"])
def test_lines_start_where_the_truth_says(condition: Condition, tmp_path: Path) -> None:
    _spoken_from_the_truth(truth_recording(condition, tmp_path))


def test_cut_lines_and_the_unspoken_tail_are_not_in_the_audio(tmp_path: Path) -> None:
    recording = truth_recording(DUTCH, tmp_path)
    assert [line.in_audio for line in recording.lines] == [True, True, False, True, True,
                                                           False, False]
    cut, after = recording.lines[2], recording.lines[3]
    # The next line follows where the cut one would have started: its audio is gone.
    assert 0 <= after.start_ms - cut.start_ms < 100
    assert recording.lines[-1].text == "TV Gelderland 2021"
    assert recording.unmatched_audio == []


def test_the_intro_is_before_the_text_and_said_so(tmp_path: Path) -> None:
    recording = truth_recording(DUTCH_INTRO, tmp_path)
    assert recording.unmatched_audio == [(1000, 46000)]
    samples = read_wav(recording.audio)
    assert _db(samples[20 * 16_000:40 * 16_000]) > -35  # music and an advert: not silence
    assert recording.lines[0].start_ms >= 46000
    _spoken_from_the_truth(recording, after_the_intro=True)


def test_a_second_run_makes_the_same_files(tmp_path: Path) -> None:
    first = truth_recording(DUTCH, tmp_path / "one")
    second = truth_recording(DUTCH, tmp_path / "two")
    assert first.audio.read_bytes() == second.audio.read_bytes()
    truth = first.audio.with_suffix(".json")
    assert json.loads(truth.read_text()) == json.loads(
        second.audio.with_suffix(".json").read_text())
