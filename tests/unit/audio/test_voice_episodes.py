"""The test episodes with known speakers say what their truth says: every line's voice is in
the audio where the truth puts it, the pauses between lines hold only the faint noise bed,
every voice of the show speaks, the transcript has the truth's lines, and the second episode
of a show has the same voices saying new sentences."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.voice_episodes import EN3, MIX5, build_episode, short_recipe
from helpers.voice_scores import (
    labels_after_naming,
    name_groups_by_majority,
    plant_wrong_labels,
    score_check,
    score_labels,
)
from meelezer.audio.decode import SAMPLE_RATE, AudioDecoder
from meelezer.transcript.files import read_transcript

pytestmark = pytest.mark.slow


def _rms_db(samples: np.ndarray) -> float:
    return 20 * float(np.log10(max(float(np.sqrt(np.mean(samples ** 2))), 1e-9)))


@pytest.mark.parametrize("show", [EN3, MIX5], ids=["en3", "mix5"])
def test_voices_are_where_the_truth_says(show: object) -> None:
    episode = build_episode(short_recipe(show))  # type: ignore[arg-type]
    with AudioDecoder(episode.audio) as decoder:
        audio = np.concatenate(list(decoder.blocks()))
    assert set(episode.speakers) == {line.speaker for line in episode.lines}
    spoken = np.zeros(len(audio), bool)
    for line in episode.lines:
        start = line.speech_start_ms * SAMPLE_RATE // 1000
        end = line.speech_end_ms * SAMPLE_RATE // 1000
        assert end <= len(audio)
        assert _rms_db(audio[start:end]) > -35, line  # speech at about -23 dBFS
        spoken[start:end] = True
    # Between lines (100 ms clear of them): only the noise bed at -50 dBFS.
    margin = SAMPLE_RATE // 10
    quiet = ~np.convolve(spoken, np.ones(2 * margin + 1), mode="same").astype(bool)
    quiet[: SAMPLE_RATE // 10] = False
    assert quiet.sum() > SAMPLE_RATE, "no pauses at all"
    assert _rms_db(audio[quiet]) < -45

    transcript = read_transcript(episode.transcript)
    assert [s.text for s in transcript.segments] == [line.text for line in episode.lines]
    assert all(s.speaker is None for s in transcript.segments)
    labelled = read_transcript(episode.labelled)
    assert [s.speaker for s in labelled.segments] == [line.speaker for line in episode.lines]
    for segment, line in zip(transcript.segments, episode.lines, strict=True):
        assert segment.start_ms <= line.speech_start_ms and segment.end_ms >= line.speech_end_ms


def test_second_episode_has_the_same_voices_and_new_sentences() -> None:
    first = build_episode(short_recipe(MIX5, 1))
    second = build_episode(short_recipe(MIX5, 2))
    assert set(first.speakers) == set(second.speakers)
    assert not {line.text for line in first.lines if not line.interjection} & {
        line.text for line in second.lines if not line.interjection}
    both = [*first.lines, *second.lines]
    assert any(line.overlapped for line in both)
    assert any(line.interjection for line in both)


def test_naming_groups_by_majority_and_scores() -> None:
    truth = ["A", "A", "B", "B", "C", "A"]
    groups = [0, 0, 1, 0, -1, 2]  # group 0 is mostly A; line 4 unclear
    names = name_groups_by_majority(groups, truth)
    assert names == {0: "A", 1: "B", 2: "A"}
    score = score_labels(labels_after_naming(groups, dict(names)), truth)
    assert (score.correct, score.wrong, score.unclear) == (4, 1, 1)

    labels, planted = plant_wrong_labels(["A"] * 50 + ["B"] * 50, 0.05, seed=1)
    assert len(planted) == 5
    assert all(labels[i] != ("A" if i < 50 else "B") for i in planted)
    check = score_check({*list(planted)[:4], 0 if 0 not in planted else 1}, planted, 100)
    assert (check.found, check.false_marks, check.right) == (4, 1, 95)
