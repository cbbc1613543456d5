"""The audio analysis as the window runs it: it starts by itself, fills in, shows progress,
cancels, says what is wrong with bad audio, and is read back from the cache next time."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import meelezer.audio.analyser as analyser_module
import meelezer.audio.separate_process as separate_process
from helpers.audio_files import demo_clip
from helpers.windows import DEMO_AUDIO, DEMO_TEXT, WindowFactory
from meelezer.audio.analysis import AudioAnalysis, FloatArray
from meelezer.audio.decode import AudioDecoder
from meelezer.episode_files import resolve_episode_files
from meelezer.ui.jobs import Job
from meelezer.ui.main_window import MainWindow

CLIP_MS = 40_000


@pytest.fixture
def episode(tmp_path: Path, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo transcript beside the first 40 s of its audio (a WAV; the whole demo would
    take the suite's time), made once per session."""
    clip = tmp_path_factory.getbasetemp() / "demo-clip.wav"
    if not clip.exists():
        demo_clip(seeds_dir / DEMO_AUDIO, CLIP_MS / 1000, clip)
    folder = tmp_path / "episode"
    folder.mkdir()
    shutil.copy(clip, folder / "ai-report-grok3-demo.wav")
    return Path(shutil.copy(seeds_dir / DEMO_TEXT, folder / DEMO_TEXT))


def _open(window: MainWindow, transcript: Path) -> list[object]:
    """Open the episode and record everything the analysis controller emits."""
    seen: list[object] = []
    window.analysis.analysis_changed.connect(seen.append)
    window.analysis.start_delay_ms = 0
    window.analysis.partial_every_s = 0.0  # a partial after every block
    assert window.open_episode_files(resolve_episode_files([transcript]))
    return seen


def _wait_until_done(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.analysis.audio_path is not None
                    and not window.analysis.is_running
                    and window.analysis.analysis is not None
                    and window.analysis.analysis.complete, timeout=120_000)


def test_opening_an_episode_analyses_its_audio_filling_in_as_it_goes(
        qtbot: QtBot, make_window: WindowFactory, episode: Path) -> None:
    window = make_window()
    progress: list[float] = []
    window.analysis.progressed.connect(progress.append)
    seen = _open(window, episode)
    qtbot.waitUntil(lambda: window.analysis.is_running, timeout=5000)
    assert window.analysis_progress.isVisibleTo(window)
    assert window.statusBar().isVisibleTo(window)
    _wait_until_done(qtbot, window)
    analyses = [item for item in seen if isinstance(item, AudioAnalysis)]
    assert len(analyses) >= 2
    assert not analyses[0].complete  # a partial first: the waveform fills in
    assert analyses[0].analysed_ms < analyses[-1].analysed_ms
    final = analyses[-1]
    assert final.complete and abs(final.duration_ms - CLIP_MS) < 100
    assert 0.5 < final.speech_share() < 0.98
    assert progress[0] == 0.0 and progress[-1] == 1.0
    assert progress == sorted(progress)
    assert not window.analysis_progress.isVisibleTo(window)
    assert not window.statusBar().isVisibleTo(window)
    assert window.messages.text() == ""


@pytest.fixture
def paused_after_first_block(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The pass (kept in this process) holds after its first block until the event is set,
    so a test can act while it surely runs."""
    release = threading.Event()

    class PausingDecoder(AudioDecoder):
        def blocks(self) -> Iterator[FloatArray]:
            for index, block in enumerate(super().blocks()):
                yield block
                if index == 0:
                    release.wait(20)

    monkeypatch.setattr(analyser_module, "AudioDecoder", PausingDecoder)
    yield release
    release.set()


def _running_job(qtbot: QtBot, window: MainWindow, episode: Path) -> tuple[Job, list[object]]:
    window.analysis.separate_process = False  # so the pausing decoder is the one used
    seen = _open(window, episode)
    qtbot.waitUntil(lambda: any(isinstance(item, AudioAnalysis) for item in seen),
                    timeout=20_000)
    job = window.analysis.job
    assert job is not None and job.is_running
    return job, seen


def test_cancel_button_stops_the_analysis_and_keeps_what_was_shown(
        qtbot: QtBot, make_window: WindowFactory, episode: Path,
        paused_after_first_block: threading.Event) -> None:
    window = make_window()
    job, _seen = _running_job(qtbot, window, episode)
    assert window.analysis_progress.isVisibleTo(window)
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        qtbot.mouseClick(window.analysis_progress.cancel_button, Qt.MouseButton.LeftButton)
        paused_after_first_block.set()
    assert not window.analysis.is_running
    assert not window.analysis_progress.isVisibleTo(window)
    shown = window.analysis.analysis
    assert shown is not None and not shown.complete
    assert window.transcript.isVisibleTo(window)


def test_closing_the_episode_cancels_and_tells_the_views(
        qtbot: QtBot, make_window: WindowFactory, episode: Path,
        paused_after_first_block: threading.Event) -> None:
    window = make_window()
    job, seen = _running_job(qtbot, window, episode)
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        window.session.close()
        paused_after_first_block.set()
    assert seen[-1] is None
    assert window.analysis.analysis is None
    assert not window.analysis.is_running
    assert job.wait(5)


def test_reopening_reads_the_cache_without_decoding_again(
        qtbot: QtBot, make_window: WindowFactory, episode: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    _open(window, episode)
    _wait_until_done(qtbot, window)
    first = window.analysis.analysis
    assert first is not None
    window.session.close()

    decoders: list[Path] = []

    class CountingDecoder(AudioDecoder):
        def __init__(self, path: Path):
            decoders.append(path)
            super().__init__(path)

    monkeypatch.setattr(analyser_module, "AudioDecoder", CountingDecoder)
    # A pass in a child process checks the file here first, with this decoder.
    monkeypatch.setattr(separate_process, "AudioDecoder", CountingDecoder)
    seen = _open(window, episode)
    _wait_until_done(qtbot, window)
    assert decoders == []
    again = [item for item in seen if isinstance(item, AudioAnalysis)]
    assert len(again) == 1  # straight to the final one
    assert again[0].duration_ms == first.duration_ms
    assert again[0].speech == first.speech


def test_unreadable_audio_gives_a_message_and_the_transcript_still_works(
        qtbot: QtBot, make_window: WindowFactory, episode: Path) -> None:
    audio = episode.with_suffix(".wav")
    audio.write_bytes(b"this is not audio at all" * 1000)
    window = make_window()
    seen = _open(window, episode)
    qtbot.waitUntil(lambda: window.messages.text() != "", timeout=20_000)
    message = window.messages.text()
    assert "cannot be read as audio" in message and audio.name in message
    assert not window.analysis.is_running
    assert not any(isinstance(item, AudioAnalysis) for item in seen)
    assert window.transcript.isVisibleTo(window)
    assert window.transcript.model.rowCount() == 172


def test_truncated_audio_is_analysed_as_far_as_it_goes_with_a_message(
        qtbot: QtBot, make_window: WindowFactory, episode: Path, tmp_path: Path) -> None:
    # FLAC states its length up front, so a cut-off download can be told from a short file.
    wav = episode.with_suffix(".wav")
    audio = episode.with_suffix(".flac")
    subprocess.run(["sox", str(wav), str(audio)], check=True)
    wav.unlink()
    whole = audio.read_bytes()
    audio.write_bytes(whole[: len(whole) // 3])
    kept = audio.read_bytes()
    window = make_window()
    _open(window, episode)
    _wait_until_done(qtbot, window)
    analysis = window.analysis.analysis
    assert analysis is not None
    assert 5_000 < analysis.duration_ms < CLIP_MS / 2
    message = window.messages.text()
    assert "seems truncated" in message and "of its 0:40" in message
    assert audio.read_bytes() == kept  # the user's file is never modified
