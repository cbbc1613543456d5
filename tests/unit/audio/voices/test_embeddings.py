"""Embeddings per line from a real decode of a generated episode: one per line, weak for
short lines, windows inside their line, cancellation, the cache and the child process."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from meelezer.audio.decode import AudioError
from meelezer.audio.voices.cache import EmbeddingCache, lines_key
from meelezer.audio.voices.embeddings import EpisodeEmbeddings, LineSpan, embed_lines
from meelezer.audio.voices.episode import episode_embeddings
from meelezer.store.hashing import audio_fingerprint
from meelezer.work import Cancelled, WorkContext

from .conftest import EmbeddedEpisode

pytestmark = pytest.mark.slow


def test_every_line_gets_a_unit_embedding_and_short_lines_are_weak(
        three_voices: EmbeddedEpisode) -> None:
    embeddings, episode = three_voices.embeddings, three_voices.episode
    assert embeddings.line_embeddings.shape == (len(episode.lines), 256)
    np.testing.assert_allclose(np.linalg.norm(embeddings.line_embeddings, axis=1), 1.0,
                               atol=1e-5)
    durations = np.array([line.end_ms - line.start_ms for line in episode.lines])
    assert embeddings.weak.any(), "the episode has interjections"
    assert (embeddings.weak == (embeddings.speech_ms < 1000)).all()
    assert (durations[embeddings.weak] < 1300).all()
    for window, line in enumerate(embeddings.window_line.tolist()):
        span = episode.lines[line]
        assert span.start_ms <= embeddings.window_start_ms[window] < span.end_ms
        assert embeddings.window_start_ms[window] < embeddings.window_end_ms[window] <= span.end_ms


def test_the_same_voice_is_nearer_than_another(three_voices: EmbeddedEpisode) -> None:
    embeddings, speakers = three_voices.embeddings, np.array(three_voices.episode.speakers)
    strong = ~embeddings.weak
    similarity = embeddings.line_embeddings[strong] @ embeddings.line_embeddings[strong].T
    same = speakers[strong][:, None] == speakers[strong][None, :]
    np.fill_diagonal(same, False)
    different = speakers[strong][:, None] != speakers[strong][None, :]
    assert similarity[same].mean() > similarity[different].mean() + 0.2


def test_a_line_in_silence_or_past_the_end_has_no_voice(three_voices: EmbeddedEpisode) -> None:
    episode = three_voices.episode
    end = max(line.end_ms for line in episode.lines)
    lines = (episode.lines[0], LineSpan(end + 60_000, end + 65_000))
    embeddings = embed_lines(episode.audio, lines, three_voices.speech)
    assert embeddings.speech_ms.tolist()[1] == 0
    assert not embeddings.line_embeddings[1].any()
    assert embeddings.has_voice().tolist() == [True, False]
    np.testing.assert_allclose(embeddings.line_embeddings[0],
                               three_voices.embeddings.line_embeddings[0], atol=1e-5)


def test_cancelling_stops_it(three_voices: EmbeddedEpisode) -> None:
    context = WorkContext()
    context.cancel()
    with pytest.raises(Cancelled):
        embed_lines(three_voices.episode.audio, three_voices.episode.lines,
                    three_voices.speech, context)


def test_a_file_that_is_no_audio_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "notes.mp3"
    bad.write_text("not audio")
    with pytest.raises(AudioError, match=r"notes\.mp3"):
        embed_lines(bad, [LineSpan(0, 1000)], [])


def _same(first: EpisodeEmbeddings, second: EpisodeEmbeddings) -> None:
    # float16 storage: a cosine similarity moves by well under 1e-3.
    np.testing.assert_allclose(first.line_embeddings, second.line_embeddings, atol=2e-3)
    np.testing.assert_allclose(first.window_embeddings, second.window_embeddings, atol=2e-3)
    for name in ("speech_ms", "weak", "window_line", "window_start_ms", "window_end_ms"):
        assert getattr(first, name).tolist() == getattr(second, name).tolist(), name


def test_reopening_takes_them_from_the_cache(three_voices: EmbeddedEpisode,
                                             tmp_path: Path) -> None:
    episode = three_voices.episode
    cache = EmbeddingCache(tmp_path)
    first = episode_embeddings(episode.audio, episode.lines, three_voices.speech, cache)
    assert not first.from_cache and not first.notice
    again = episode_embeddings(episode.audio, episode.lines, three_voices.speech, cache)
    assert again.from_cache
    _same(first.embeddings, again.embeddings)
    # Other times are other embeddings.
    moved = (LineSpan(episode.lines[0].start_ms + 100, episode.lines[0].end_ms),
             *episode.lines[1:])
    assert lines_key(moved) != lines_key(episode.lines)
    assert cache.load(audio_fingerprint(episode.audio), moved) is None
    assert not list(cache.folder.glob(".*.tmp"))


def test_a_damaged_cache_file_is_redone(three_voices: EmbeddedEpisode, tmp_path: Path) -> None:
    episode = three_voices.episode
    cache = EmbeddingCache(tmp_path)
    path = cache.path_for(audio_fingerprint(episode.audio), episode.lines)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"PK\x03\x04 half a file")
    outcome = episode_embeddings(episode.audio, episode.lines, three_voices.speech, cache)
    assert not outcome.from_cache
    assert cache.load(audio_fingerprint(episode.audio), episode.lines) is not None


def test_an_unwritable_cache_is_a_notice_not_a_failure(three_voices: EmbeddedEpisode,
                                                       tmp_path: Path) -> None:
    episode = three_voices.episode
    blocker = tmp_path / "file"
    blocker.write_text("")
    outcome = episode_embeddings(episode.audio, episode.lines[:3], three_voices.speech,
                                 EmbeddingCache(blocker))
    assert "could not be kept" in outcome.notice
    assert outcome.embeddings.line_count == 3


def test_in_a_child_process_it_gives_the_same_and_can_be_cancelled(
        three_voices: EmbeddedEpisode) -> None:
    episode = three_voices.episode
    progress: list[float] = []
    outcome = episode_embeddings(episode.audio, episode.lines, three_voices.speech, None,
                                 WorkContext(lambda fraction, _p: progress.append(fraction)),
                                 separate_process=True)
    np.testing.assert_allclose(outcome.embeddings.line_embeddings,
                               three_voices.embeddings.line_embeddings, atol=1e-5)
    assert progress and progress[-1] == 1.0
    started = threading.Event()

    def cancel_on_first_report(_fraction: float, _partial: object | None) -> None:
        started.set()
        context.cancel()

    context = WorkContext(cancel_on_first_report)
    with pytest.raises(Cancelled):
        episode_embeddings(episode.audio, episode.lines, three_voices.speech, None, context,
                           separate_process=True)
    assert started.is_set()


def test_a_file_that_is_no_audio_is_named_from_the_child_process_too(tmp_path: Path) -> None:
    bad = tmp_path / "notes.mp3"
    bad.write_text("not audio")
    with pytest.raises(AudioError, match=r"notes\.mp3"):
        episode_embeddings(bad, [LineSpan(0, 1000)], [], None, separate_process=True)
