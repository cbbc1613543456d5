"""The window warns when an episode's audio file was swapped for another (issue 13, item 14)."""

from __future__ import annotations

from pathlib import Path

from helpers.windows import DEMO_AUDIO, WindowFactory, fake


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
