"""Voice profiles made from one generated episode name the groups of another episode with
the same voices; a voice without a profile stays unknown."""

from __future__ import annotations

import numpy as np
import pytest

from meelezer.audio.voices.grouping import group_voices
from meelezer.audio.voices.profiles import (
    VoiceProfile,
    match_profiles,
    profile_from_lines,
    update_profile,
)

from .conftest import EmbeddedEpisode

pytestmark = pytest.mark.slow
NAMES = ("Ann", "Bob", "Cas")


def _profiles(episode: EmbeddedEpisode, voices: int = 3) -> dict[str, VoiceProfile]:
    profiles: dict[str, VoiceProfile] = {}
    for voice in range(voices):
        lines = [i for i, s in enumerate(episode.episode.speakers) if s == voice]
        profile = profile_from_lines(episode.embeddings, lines)
        assert profile is not None
        profiles[NAMES[voice]] = profile
    return profiles


def test_profiles_name_the_groups_of_the_next_episode(
        three_voices: EmbeddedEpisode, three_voices_again: EmbeddedEpisode) -> None:
    profiles = _profiles(three_voices)
    episode = three_voices_again.episode
    grouping = group_voices(three_voices_again.embeddings, episode.lines,
                            [None] * len(episode.lines))
    matches = match_profiles(grouping, profiles)
    assert len(matches) == len(grouping.groups) == 3
    for group, match in zip(grouping.groups, matches, strict=True):
        voices = [episode.speakers[i] for i in group.lines]
        assert match.name == NAMES[max(set(voices), key=voices.count)]
        assert match.confidence >= 0.9
        assert 0.0 <= match.confidence <= 1.0
    assert len({match.name for match in matches}) == 3


def test_a_voice_without_a_profile_is_unknown(
        three_voices: EmbeddedEpisode, three_voices_again: EmbeddedEpisode) -> None:
    profiles = _profiles(three_voices)
    del profiles["Cas"]
    episode = three_voices_again.episode
    grouping = group_voices(three_voices_again.embeddings, episode.lines,
                            [None] * len(episode.lines))
    matches = match_profiles(grouping, profiles)
    by_voice = {}
    for group, match in zip(grouping.groups, matches, strict=True):
        voices = [episode.speakers[i] for i in group.lines]
        by_voice[max(set(voices), key=voices.count)] = match
    assert by_voice[2].name is None
    assert by_voice[2].confidence < 0.5
    assert by_voice[0].name == "Ann" and by_voice[1].name == "Bob"


def test_a_hand_labelled_group_keeps_its_speaker(
        three_voices: EmbeddedEpisode, three_voices_again: EmbeddedEpisode) -> None:
    episode = three_voices_again.episode
    labels: list[str | None] = [None] * len(episode.lines)
    labels[episode.speakers.index(0)] = "Someone"
    grouping = group_voices(three_voices_again.embeddings, episode.lines, labels)
    matches = match_profiles(grouping, _profiles(three_voices))
    named = [m for g, m in zip(grouping.groups, matches, strict=True) if g.speaker]
    assert [(m.name, m.confidence) for m in named] == [("Someone", 1.0)]
    assert "Ann" not in {m.name for m in matches}  # Ann's voice is Someone's group now


def test_updating_a_profile_weighs_by_lines_and_it_survives_storage(
        three_voices: EmbeddedEpisode, three_voices_again: EmbeddedEpisode) -> None:
    first = [i for i, s in enumerate(three_voices.episode.speakers) if s == 0]
    second = [i for i, s in enumerate(three_voices_again.episode.speakers) if s == 0]
    profile = profile_from_lines(three_voices.embeddings, first)
    assert profile is not None
    updated = update_profile(profile, three_voices_again.embeddings, second)
    assert updated is not None
    strong = [i for i in second if not three_voices_again.embeddings.weak[i]]
    assert updated.count == profile.count + len(strong)
    assert np.linalg.norm(updated.embedding) == pytest.approx(1.0, abs=1e-5)
    assert float(updated.embedding @ profile.embedding) > 0.95
    stored = VoiceProfile.from_bytes(updated.to_bytes(), updated.count, updated.model)
    np.testing.assert_array_equal(stored.embedding, updated.embedding)
    with pytest.raises(ValueError, match="1024 bytes"):
        VoiceProfile.from_bytes(b"\0" * 10, 1, updated.model)
    assert profile_from_lines(three_voices.embeddings, []) is None


def test_profiles_of_another_model_are_ignored(
        three_voices: EmbeddedEpisode, three_voices_again: EmbeddedEpisode) -> None:
    profiles = {name: VoiceProfile(p.embedding, p.count, "another-model/1")
                for name, p in _profiles(three_voices).items()}
    episode = three_voices_again.episode
    grouping = group_voices(three_voices_again.embeddings, episode.lines,
                            [None] * len(episode.lines))
    assert all(match.name is None for match in match_profiles(grouping, profiles))
