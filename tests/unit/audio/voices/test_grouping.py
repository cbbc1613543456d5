"""Grouping a generated episode's lines by voice: the voices found by themselves, hand
labels kept and seeding groups, one more voice on request, merging two groups."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from meelezer.audio.voices.grouping import Grouping, group_voices, merge_groups

from .conftest import EmbeddedEpisode

pytestmark = pytest.mark.slow


def _correct_share(grouping: Grouping, speakers: tuple[int, ...],
                   labels: list[str | None]) -> float:
    """Lines that end up with their true voice after naming each group once (by the voice
    most of its lines have); unassigned lines count as wrong."""
    correct = sum(1 for label in labels if label is not None)
    for group in grouping.groups:
        truth = Counter(speakers[i] for i in group.lines + group.hand_labelled)
        majority = truth.most_common(1)[0][0]
        correct += sum(1 for i in group.lines if speakers[i] == majority)
    return correct / len(speakers)


def test_three_voices_are_found_by_themselves(three_voices: EmbeddedEpisode) -> None:
    episode = three_voices.episode
    labels: list[str | None] = [None] * len(episode.lines)
    grouping = group_voices(three_voices.embeddings, episode.lines, labels)
    assert len(grouping.groups) == 3
    assert _correct_share(grouping, episode.speakers, labels) >= 0.9
    # Every line is in exactly one group or in the review list.
    placed = [i for group in grouping.groups for i in group.lines] + list(grouping.unassigned)
    assert sorted(placed) == list(range(len(episode.lines)))
    for index, group in enumerate(grouping.groups):
        assert (grouping.line_group[list(group.lines)] == index).all()
        assert group.typical_line in group.lines
        start, end = group.typical
        line = episode.lines[group.typical_line]
        assert line.start_ms == start < end <= line.end_ms
        assert group.total_ms == sum(episode.lines[i].end_ms - episode.lines[i].start_ms
                                     for i in group.lines)
        assert np.linalg.norm(group.centroid) == pytest.approx(1.0, abs=1e-5)
    assert [g.total_ms for g in grouping.groups] == sorted(
        (g.total_ms for g in grouping.groups), reverse=True)


def test_hand_labels_seed_groups_and_are_never_changed(three_voices: EmbeddedEpisode) -> None:
    episode = three_voices.episode
    names = ("Ann", "Bob", "Cas")
    labels: list[str | None] = [None] * len(episode.lines)
    # Two lines of each voice labelled by hand, and one of voice 0's lines labelled wrongly
    # as Bob: the user's word stands.
    for voice, name in enumerate(names):
        for line in [i for i, s in enumerate(episode.speakers) if s == voice][:2]:
            labels[line] = name
    wrong = [i for i, s in enumerate(episode.speakers) if s == 0][2]
    labels[wrong] = "Bob"
    grouping = group_voices(three_voices.embeddings, episode.lines, labels)
    assert {group.speaker for group in grouping.groups} == set(names)
    for group in grouping.groups:
        assert all(labels[i] is None for i in group.lines)
        assert all(labels[i] == group.speaker for i in group.hand_labelled)
        voice = names.index(group.speaker) if group.speaker else -1
        wrongly = [i for i in group.lines if episode.speakers[i] != voice]
        assert len(wrongly) <= 1, (group.speaker, wrongly)
    labelled = [i for i, label in enumerate(labels) if label]
    assert not set(labelled) & set(grouping.unassigned)


def test_asking_for_one_more_voice_and_merging_two(three_voices: EmbeddedEpisode) -> None:
    episode, embeddings = three_voices.episode, three_voices.embeddings
    labels: list[str | None] = [None] * len(episode.lines)
    two = group_voices(embeddings, episode.lines, labels, voices=2)
    assert len(two.groups) == 2
    three = group_voices(embeddings, episode.lines, labels, voices=len(two.groups) + 1)
    assert len(three.groups) == 3
    assert _correct_share(three, episode.speakers, labels) > _correct_share(
        two, episode.speakers, labels)
    merged = merge_groups(embeddings, episode.lines, labels, three, 1, 2)
    assert len(merged.groups) == 2
    together = set(three.groups[1].lines + three.groups[2].lines)
    assert any(set(group.lines) == together for group in merged.groups)
    assert merged.unassigned == three.unassigned
    for index, group in enumerate(merged.groups):
        assert (merged.line_group[list(group.lines)] == index).all()


def test_two_groups_of_different_speakers_are_not_merged(
        three_voices: EmbeddedEpisode) -> None:
    episode = three_voices.episode
    labels: list[str | None] = [None] * len(episode.lines)
    for voice, name in enumerate(("Ann", "Bob")):
        labels[episode.speakers.index(voice)] = name
    grouping = group_voices(three_voices.embeddings, episode.lines, labels)
    named = [i for i, group in enumerate(grouping.groups) if group.speaker]
    assert len(named) == 2
    with pytest.raises(ValueError, match="different speakers"):
        merge_groups(three_voices.embeddings, episode.lines, labels, grouping, *named)


def test_unclear_lines_are_left_for_review(three_voices: EmbeddedEpisode) -> None:
    episode, embeddings = three_voices.episode, three_voices.embeddings
    labels: list[str | None] = [None] * len(episode.lines)
    # A line whose voice is halfway between two voices (as in overlapping speech).
    before = group_voices(embeddings, episode.lines, labels)
    blended = embeddings.line_embeddings.copy()
    first = before.groups[0].lines[0]
    mix = before.groups[0].centroid + before.groups[1].centroid
    blended[first] = mix / np.linalg.norm(mix)
    from dataclasses import replace

    grouping = group_voices(replace(embeddings, line_embeddings=blended), episode.lines, labels)
    assert first in grouping.unassigned
    assert grouping.line_group[first] == -1


def test_mismatched_inputs_are_refused(three_voices: EmbeddedEpisode) -> None:
    with pytest.raises(ValueError, match="same episode"):
        group_voices(three_voices.embeddings, three_voices.episode.lines[:3], [None] * 3)
