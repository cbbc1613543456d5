"""The structure of an alignment checked with the acoustic model (``verification``), on short
generated recordings whose truth is known (tests/helpers/alignment_truth.py: English by
Festival voices, Dutch by espeak-ng variants, never the aligner's reference voice): lines are
not matched into an intro the text lacks, nor smeared over a removed part; the removed lines
are flagged and keep their times, their neighbours keep their own audio, and the audio no
line covers is reported."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from helpers.alignment_truth import Condition, TruthRecording, truth_recording
from meelezer.audio.alignment import Alignment, LineToAlign, align

OFF_MS = 1000  # a line further than this from where it is spoken is in the wrong place


def _estimated(recording: TruthRecording) -> list[LineToAlign]:
    """Times spread by text length over the whole file, as for an untimed transcript."""
    texts = [line.text for line in recording.lines]
    weights = np.array([len(text) for text in texts], dtype=float)
    edges = np.concatenate(([0.0], np.cumsum(weights))) / weights.sum() * recording.duration_ms
    return [LineToAlign(text, int(edges[index]), int(edges[index + 1]))
            for index, text in enumerate(texts)]


def _misplaced(recording: TruthRecording, result: Alignment) -> list[tuple[int, int]]:
    """(line, error ms) of each spoken line further than OFF_MS from its truth."""
    return [(index, line.start_ms - truth.start_ms)
            for index, (truth, line) in enumerate(zip(recording.lines, result.lines,
                                                      strict=True))
            if truth.in_audio and abs(line.start_ms - truth.start_ms) > OFF_MS]


def test_lines_are_not_matched_into_an_intro_in_another_voice(tmp_path: Path) -> None:
    # 15 s of music, then an advert in Festival's "slt" voice; the text is spoken by "ked".
    recording = truth_recording(Condition("verify en intro", "en", "festival", "ked", 20, 8,
                                          intro_s=30.0), cache=tmp_path)
    (intro_start, intro_end), = recording.unmatched_audio

    result = align(recording.audio, _estimated(recording), language="en")

    assert _misplaced(recording, result) == []
    assert all(line.found for line in result.lines)
    assert all(line.start_ms >= intro_end - OFF_MS for line in result.lines)
    covered = sum(max(0, min(end, intro_end) - max(start, intro_start))
                  for start, end in result.unmatched_audio)
    assert covered >= 0.8 * (intro_end - intro_start), result.unmatched_audio


@pytest.mark.parametrize("condition", [
    Condition("verify en removed middle", "en", "festival", "slt", 30, 12, cut_lines=(5, 8)),
    Condition("verify nl removed middle", "nl", "espeak", "nl+m2", 480, 12, speed=1.6,
              cut_lines=(5, 8)),
], ids=["en", "nl"])
def test_lines_cut_from_the_audio_are_flagged_and_their_neighbours_keep_their_audio(
        tmp_path: Path, condition: Condition) -> None:
    recording = truth_recording(condition, cache=tmp_path)
    lines = _estimated(recording)

    result = align(recording.audio, lines, language=condition.language)

    cut = [index for index, line in enumerate(recording.lines) if not line.in_audio]
    assert cut == [5, 6, 7]
    assert [index for index, line in enumerate(result.lines) if not line.found] == cut
    for index in cut:  # flagged lines keep the times they came with
        assert (result.lines[index].start_ms, result.lines[index].end_ms) == (
            lines[index].start_ms, lines[index].end_ms)
    assert _misplaced(recording, result) == []
