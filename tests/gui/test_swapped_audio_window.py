"""The window warns when an episode's audio file was swapped for another (issue 13, item 14)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from helpers.windows import DEMO_AUDIO, WindowFactory, fake
from meelezer.store.hashing import audio_fingerprint
from meelezer.ui import audio_identity_check


def test_swapped_audio_is_named_in_the_message_bar_and_still_plays(
        make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    assert window.open_paths([demo])
    assert window.episode is not None
    episode_id = window.episode.episode.id
    audio = demo.parent / DEMO_AUDIO
    audio.write_bytes(audio.read_bytes()[:500_000])  # another (shorter) file, same name
    assert window.open_library_episode(episode_id)
    assert window.messages.isVisible()
    assert str(audio.resolve()) in window.messages.text()
    assert "not the audio" in window.messages.text()
    assert fake(window).loaded == audio.resolve()


def test_same_size_swapped_audio_is_found_by_its_fingerprint_in_the_background(
        qtbot: QtBot, make_window: WindowFactory, demo: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []

    def fingerprint(path: Path) -> str:
        threads.append(threading.current_thread().name)
        return audio_fingerprint(path)

    monkeypatch.setattr(audio_identity_check, "audio_fingerprint", fingerprint)
    window = make_window()
    assert window.open_paths([demo])
    assert window.episode is not None
    episode_id = window.episode.episode.id
    audio = demo.parent / DEMO_AUDIO
    other = bytearray(audio.read_bytes())
    other[1000:2000] = bytes(1000)  # another file of exactly the same size
    audio.write_bytes(bytes(other))
    check = window.audio_check
    with qtbot.waitSignal(check.checked, timeout=10_000) as checked:
        assert window.open_library_episode(episode_id)
    assert checked.args == [False]
    assert str(audio.resolve()) in window.messages.text()
    assert "not the audio" in window.messages.text()
    assert set(threads) == {"audio-identity"}  # read on a worker thread


def test_the_same_audio_passes_the_check_quietly(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    assert window.open_paths([demo])
    assert window.episode is not None
    with qtbot.waitSignal(window.audio_check.checked, timeout=10_000) as checked:
        assert window.open_library_episode(window.episode.episode.id)
    assert checked.args == [True]
    assert not window.messages.isVisible()
