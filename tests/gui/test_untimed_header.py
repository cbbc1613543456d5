"""Issue 12 item 7: an untimed transcript's header shows the audio's length once it is known."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers.fake_player import FakePlayer
from helpers.windows import DEMO_AUDIO, WindowFactory
from meelezer.transcript.timecode import format_clock

AUDIO_MS = 58 * 60_000 + 33_000  # the 58:33


def _untimed_episode(demo: Path, tmp_path: Path) -> Path:
    untimed = tmp_path / "untimed"
    untimed.mkdir()
    text = demo.read_text(encoding="utf-8")
    plain = re.sub(r"^\[[^\]]*\]\s*", "", text, flags=re.MULTILINE)  # the times gone
    (untimed / "episode.txt").write_text(plain, encoding="utf-8")
    shutil.copy(demo.parent / DEMO_AUDIO, untimed / "episode.opus")
    return untimed / "episode.txt"


def test_header_shows_the_audio_length_of_an_untimed_transcript(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    untimed = _untimed_episode(demo, tmp_path).parent
    window = make_window(FakePlayer(duration_ms=AUDIO_MS))
    assert window.open_paths([untimed / "episode.txt"])
    assert window.episode is not None and window.episode.episode.times_estimated
    details = window.header.details()
    assert format_clock(AUDIO_MS) in details, details


def test_header_keeps_the_audio_length_when_the_untimed_episode_is_reopened(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    untimed = _untimed_episode(demo, tmp_path).parent
    window = make_window(FakePlayer(duration_ms=AUDIO_MS))
    assert window.open_paths([untimed / "episode.txt"])
    assert window.episode is not None
    episode_id = window.episode.episode.id
    window.session.close()
    assert window.open_library_episode(episode_id)
    assert format_clock(AUDIO_MS) in window.header.details(), window.header.details()


def test_header_shows_the_audio_length_when_a_tapped_time_keeps_the_estimates(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    transcript = _untimed_episode(demo, tmp_path)
    first = make_window(FakePlayer(available=False))  # no sound: the estimate stays
    assert first.open_paths([transcript]) and first.episode is not None
    estimated_ms = first.episode.episode.duration_ms
    assert abs(estimated_ms - AUDIO_MS) > 60_000
    first.annotator.set_line_start(first.transcript.model.line(3).segment_id, 20_000)
    first.close()

    window = make_window(FakePlayer(duration_ms=AUDIO_MS))
    assert window.open_paths([transcript])
    assert format_clock(AUDIO_MS) in window.header.details(), window.header.details()
