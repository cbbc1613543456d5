"""Generated episodes embedded once per test session (espeak-ng, ~5 s each)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from helpers.espeak_voices import VoiceEpisode, voice_episode
from meelezer.audio.analyser import analyse
from meelezer.audio.analysis import SpeechRegion
from meelezer.audio.voices.embeddings import EpisodeEmbeddings, embed_lines


@dataclass(frozen=True)
class EmbeddedEpisode:
    episode: VoiceEpisode
    speech: tuple[SpeechRegion, ...]
    embeddings: EpisodeEmbeddings


def _embedded(folder_factory: pytest.TempPathFactory, voices: int, seed: int,
              turns: int) -> EmbeddedEpisode:
    episode = voice_episode(folder_factory.mktemp(f"voices{voices}-{seed}"), voices=voices,
                            turns=turns, seed=seed)
    analysis, _report = analyse(episode.audio)
    return EmbeddedEpisode(episode, analysis.speech,
                           embed_lines(episode.audio, episode.lines, analysis.speech))


@pytest.fixture(scope="session")
def three_voices(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedEpisode:
    return _embedded(tmp_path_factory, voices=3, seed=1, turns=30)


@pytest.fixture(scope="session")
def three_voices_again(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedEpisode:
    """Another episode of the same 'show': the same voices, other turns."""
    return _embedded(tmp_path_factory, voices=3, seed=2, turns=24)
