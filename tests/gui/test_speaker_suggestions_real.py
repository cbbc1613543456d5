"""Suggest speakers with the real voice model (in its child process) on short generated
episodes of three espeak-ng voices: groups that are voices, naming them, the show's next
episode coming named from the profiles, and a damaged embedding cache recomputed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.espeak_voices import VoiceEpisode, voice_episode
from helpers.windows import WindowFactory
from meelezer.episode_files import resolve_episode_files
from meelezer.store.episodes import load_segments
from meelezer.transcript.files import write_transcript
from meelezer.transcript.model import EpisodeMetadata, Segment, Transcript
from meelezer.ui.main_window import MainWindow
from meelezer.ui.voices.panel import VoicePanel

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _episode(folder: Path, seed: int) -> tuple[VoiceEpisode, Path]:
    """The audio and an SRT of its lines (no speakers), side by side."""
    folder.mkdir()
    episode = voice_episode(folder, voices=3, turns=24, seed=seed)
    lines = [Segment(line.start_ms, line.end_ms, f"Line {index + 1} of episode {seed}.")
             for index, line in enumerate(episode.lines)]
    audio = episode.audio.rename(folder / "episode.wav")
    transcript = folder / "episode.srt"
    write_transcript(Transcript(lines, EpisodeMetadata(title=f"Episode {seed}")), transcript)
    return VoiceEpisode(audio, episode.lines, episode.speakers), transcript


def _open(qtbot: QtBot, window: MainWindow, transcript: Path) -> VoicePanel:
    window.analysis.start_delay_ms = 0
    assert window.open_episode_files(resolve_episode_files([transcript]))
    window.annotator.set_show("Generated")
    panel = window.voices.panel
    qtbot.waitUntil(panel.suggest_button.isEnabled, timeout=60_000)  # analysed
    return panel


def _suggest(qtbot: QtBot, window: MainWindow, panel: VoicePanel) -> None:
    qtbot.mouseClick(panel.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.voices.suggestions.suggestions is not None
                    and not window.voices.suggestions.is_running, timeout=120_000)


def _purity(window: MainWindow, episode: VoiceEpisode) -> float:
    """Share of labelled lines whose speaker's lines are mostly this line's true voice."""
    assert window.session.episode_id is not None
    rows = load_segments(window.library.database, window.session.episode_id)
    voices: dict[str, Counter[int]] = {}
    for row, truth in zip(rows, episode.speakers, strict=True):
        if row.speaker_name:
            voices.setdefault(row.speaker_name, Counter())[truth] += 1
    right = sum(counter.most_common(1)[0][1] for counter in voices.values())
    return right / len(rows)


def test_real_voices_grouped_named_and_recognised_in_the_next_episode(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    first, first_srt = _episode(tmp_path / "one", seed=1)
    second, second_srt = _episode(tmp_path / "two", seed=2)
    window = make_window()

    panel = _open(qtbot, window, first_srt)
    _suggest(qtbot, window, panel)
    suggestions = window.voices.suggestions.suggestions
    assert suggestions is not None and not suggestions.from_cache
    assert 2 <= panel.groups.count() <= 4, [panel.group_row(i).title.text()
                                            for i in range(panel.groups.count())]
    for index in range(panel.groups.count()):
        row = panel.group_row(index)
        row.name_box.setCurrentText(f"Speaker {index + 1}")
        qtbot.mouseClick(row.name_button, Qt.MouseButton.LeftButton)
    assert _purity(window, first) >= 0.8
    assert len(window.annotator.voice_profiles()) == panel.groups.count()

    panel = _open(qtbot, window, second_srt)
    _suggest(qtbot, window, panel)
    titles = [panel.group_row(i).title.text() for i in range(panel.groups.count())]
    assert all("% sure: " in title for title in titles), titles
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert _purity(window, second) >= 0.8


def test_a_damaged_embedding_cache_is_recomputed_without_a_traceback(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    _first, transcript = _episode(tmp_path / "one", seed=3)
    window = make_window()
    panel = _open(qtbot, window, transcript)
    _suggest(qtbot, window, panel)
    cached = list((window.library.database.path.parent / "voice-embeddings").glob("*.npz"))
    assert len(cached) == 1
    cached[0].write_bytes(b"PK\x03\x04 not a zip any more")

    messages: list[str] = []
    window.voices.suggestions.failed.connect(messages.append)
    _suggest(qtbot, window, panel)
    suggestions = window.voices.suggestions.suggestions
    assert suggestions is not None and not suggestions.from_cache and panel.groups.count() >= 2
    assert messages == []
    _suggest(qtbot, window, panel)  # and the rewritten cache is read back
    suggestions = window.voices.suggestions.suggestions
    assert suggestions is not None and suggestions.from_cache


def test_reopening_shows_the_voices_heard_before_and_a_new_episode_waits_to_be_asked(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    _first, transcript = _episode(tmp_path / "one", seed=4)
    window = make_window()
    panel = _open(qtbot, window, transcript)
    assert window.voices.suggestions.suggestions is None  # never heard: nothing by itself
    _suggest(qtbot, window, panel)
    groups = panel.groups.count()

    window.session.close()
    assert window.voices.suggestions.suggestions is None
    _open(qtbot, window, transcript)
    qtbot.waitUntil(lambda: window.voices.suggestions.suggestions is not None, timeout=60_000)
    suggestions = window.voices.suggestions.suggestions
    assert suggestions is not None and suggestions.from_cache
    assert panel.groups.count() == groups
