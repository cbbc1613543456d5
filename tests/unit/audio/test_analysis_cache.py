"""The analysis of the demo audio, cancelling it, and keeping it per fingerprint: reused
without decoding, small, and never half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import meelezer.audio.analyser as analyser_module
from helpers.audio_files import demo_clip
from meelezer.audio.analyser import analyse
from meelezer.audio.analysis import AudioAnalysis
from meelezer.audio.cache import AnalysisCache
from meelezer.audio.decode import AudioDecoder
from meelezer.audio.episode_analysis import analyse_episode_audio
from meelezer.store.hashing import audio_fingerprint
from meelezer.work import Cancelled, WorkContext

DEMO_MS = 604_780


@pytest.fixture(scope="module")
def demo_analysis(seeds_dir_module: Path) -> AudioAnalysis:
    analysis, report = analyse(seeds_dir_module / "ai-report-grok3-demo.opus")
    assert not report.ended_early and report.damaged_packets == 0
    return analysis


@pytest.fixture(scope="module")
def seeds_dir_module() -> Path:
    return Path(__file__).resolve().parents[3] / "seeds"


@pytest.mark.slow
def test_the_demo_audio(demo_analysis: AudioAnalysis) -> None:
    analysis = demo_analysis
    assert analysis.complete and abs(analysis.duration_ms - DEMO_MS) < 50
    # espeak-ng reading 172 lines with pauses between them: mostly speech, many pauses.
    assert 0.6 < analysis.speech_share() < 0.95
    pauses = [b.start_ms - a.end_ms for a, b in zip(analysis.speech, analysis.speech[1:],
                                                    strict=False)]
    assert len(pauses) > 50 and all(pause >= 300 for pause in pauses)
    levels = analysis.waveform.levels
    assert [level.ms_per_bucket for level in levels] == [10, 40, 160, 640, 2560]
    assert len(levels[0].minima) == pytest.approx(DEMO_MS / 10, abs=2)
    # Coarser levels are the envelopes of finer ones.
    assert levels[1].maxima.max() == levels[0].maxima.max()
    minima, maxima = analysis.waveform.columns(0, DEMO_MS, 1280)
    assert (minima <= maxima).all() and maxima.max() > 0.1 and minima.min() < -0.1
    loudness = analysis.loudness
    assert loudness is not None and len(loudness.db) == pytest.approx(DEMO_MS / 100, abs=2)
    # Speech is loud, pauses quiet: the loudness agrees with the speech regions.
    region = analysis.speech[5]
    inside = loudness.db[region.start_ms // 100 + 2: region.end_ms // 100 - 2]
    assert np.median(inside) > -35
    assert analysis.method["vad"].startswith("energy")


def test_cancelling_stops_the_pass_and_nothing_is_kept(tmp_path: Path,
                                                      seeds_dir_module: Path) -> None:
    clip = demo_clip(seeds_dir_module / "ai-report-grok3-demo.opus", 30, tmp_path / "clip.wav")
    seen: list[float] = []
    context = WorkContext(lambda fraction, _partial: seen.append(fraction))
    blocks = []

    class CancellingDecoder(AudioDecoder):
        def blocks(self):  # type: ignore[no-untyped-def]
            for block in super().blocks():
                blocks.append(len(block))
                if len(blocks) == 3:
                    context.cancel()
                yield block

    cache = AnalysisCache(tmp_path / "data")
    original = analyser_module.AudioDecoder
    analyser_module.AudioDecoder = CancellingDecoder  # type: ignore[misc]
    try:
        with pytest.raises(Cancelled):
            analyse_episode_audio(clip, cache, context, partial_every_s=0.0)
    finally:
        analyser_module.AudioDecoder = original  # type: ignore[misc]
    assert len(blocks) == 3  # stopped at once, not after the whole file (16 blocks)
    assert cache.load(audio_fingerprint(clip)) is None
    assert not cache.folder.exists() or list(cache.folder.iterdir()) == []


def test_a_second_analysis_of_the_same_audio_reads_the_cache(
        tmp_path: Path, seeds_dir_module: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clip = demo_clip(seeds_dir_module / "ai-report-grok3-demo.opus", 20, tmp_path / "clip.wav")
    cache = AnalysisCache(tmp_path / "data")
    first = analyse_episode_audio(clip, cache)
    assert not first.from_cache
    # A copy elsewhere is the same audio: same fingerprint, no second decode.
    copy = tmp_path / "elsewhere.wav"
    copy.write_bytes(clip.read_bytes())

    def no_decoding(path: Path) -> AudioDecoder:
        raise AssertionError(f"decoded again: {path}")

    monkeypatch.setattr(analyser_module, "AudioDecoder", no_decoding)
    second = analyse_episode_audio(copy, cache)
    assert second.from_cache
    a, b = first.analysis, second.analysis
    assert (a.duration_ms, a.analysed_ms, a.speech) == (b.duration_ms, b.analysed_ms, b.speech)
    assert a.method == b.method
    for mine, stored in zip(a.waveform.levels, b.waveform.levels, strict=True):
        assert mine.ms_per_bucket == stored.ms_per_bucket
        assert np.abs(mine.maxima - stored.maxima).max() <= 1 / 127  # 8-bit peaks
    assert a.loudness is not None and b.loudness is not None
    assert np.abs(a.loudness.db - b.loudness.db).max() < 0.05  # float16


@pytest.mark.slow
def test_storage_stays_under_1_mb_per_hour(tmp_path: Path,
                                           demo_analysis: AudioAnalysis) -> None:
    path = AnalysisCache(tmp_path).save("604780:abc", demo_analysis)
    per_hour = path.stat().st_size * 3_600_000 / demo_analysis.duration_ms
    assert per_hour < 1_000_000


def test_a_damaged_or_foreign_cache_file_is_not_used(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path)
    cache.folder.mkdir()
    cache.path_for("1:abc").write_bytes(b"PK\x03\x04 half a zip")
    assert cache.load("1:abc") is None
    assert cache.load("2:never-stored") is None


def test_only_a_finished_analysis_is_stored(tmp_path: Path, seeds_dir_module: Path) -> None:
    clip = demo_clip(seeds_dir_module / "ai-report-grok3-demo.opus", 5, tmp_path / "clip.wav")
    partials: list[AudioAnalysis] = []
    context = WorkContext(lambda _f, partial: partials.append(partial)  # type: ignore[arg-type]
                          if isinstance(partial, AudioAnalysis) else None)
    analyse(clip, context, partial_every_s=0.0)
    assert partials and not partials[0].complete
    with pytest.raises(ValueError):
        AnalysisCache(tmp_path).save("1:x", partials[0])


def test_killed_mid_write_leaves_no_complete_looking_file(tmp_path: Path,
                                                          seeds_dir_module: Path) -> None:
    clip = demo_clip(seeds_dir_module / "ai-report-grok3-demo.opus", 10, tmp_path / "clip.wav")
    data = tmp_path / "data"
    # A child analyses, then stalls inside the write (after half the bytes) until killed.
    script = textwrap.dedent(f"""
        import sys, time
        import numpy as np
        from pathlib import Path
        from meelezer.audio.analyser import analyse
        from meelezer.audio.cache import AnalysisCache
        real = np.savez_compressed
        def stalling(handle, **arrays):
            real(handle, **arrays)
            handle.seek(handle.tell() // 2)
            handle.truncate()
            handle.flush()
            print("writing", flush=True)
            time.sleep(600)
        np.savez_compressed = stalling
        analysis, _ = analyse(Path({str(clip)!r}))
        AnalysisCache(Path({str(data)!r})).save("1:abc", analysis)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    cache = AnalysisCache(data)
    assert not cache.path_for("1:abc").exists()
    assert cache.load("1:abc") is None
    # What the kill left is a temporary file, which the next save clears away.
    leftovers = list(cache.folder.iterdir())
    assert leftovers and all(path.name.endswith(".tmp") for path in leftovers)
    analysis, _ = analyse(clip)
    cache.save("1:abc", analysis)
    assert cache.load("1:abc") is not None
    assert list(cache.folder.iterdir()) == [cache.path_for("1:abc")]  # leftovers cleared


def test_in_a_child_process_partials_arrive_and_cancel_ends_the_child(
        tmp_path: Path, seeds_dir_module: Path) -> None:
    import multiprocessing

    from meelezer.audio.separate_process import analyse_in_child

    clip = demo_clip(seeds_dir_module / "ai-report-grok3-demo.opus", 60, tmp_path / "clip.wav")
    partials: list[AudioAnalysis] = []

    def report(_fraction: float, partial: object | None) -> None:
        if isinstance(partial, AudioAnalysis):
            partials.append(partial)
            if len(partials) == 2:
                context.cancel()

    context = WorkContext(report)
    with pytest.raises(Cancelled):
        analyse_in_child(clip, context, partial_every_s=0.0)
    assert len(partials) == 2 and partials[1].analysed_ms > partials[0].analysed_ms
    assert multiprocessing.active_children() == []
    # Uncancelled, the child's result is the same as analysing here.
    analysis, report_ = analyse_in_child(clip, WorkContext(), partial_every_s=1.0)
    here, _ = analyse(clip)
    assert analysis.speech == here.speech and analysis.duration_ms == here.duration_ms == 60_000
    assert not report_.ended_early


def test_a_child_process_that_dies_is_reported_not_waited_for_forever(
        tmp_path: Path, seeds_dir_module: Path) -> None:
    """Killed mid-pass (out of memory, say), the child closes the pipe without a result:
    that is an error for the user, not an endless loop reading the closed pipe."""
    import multiprocessing
    import os
    import signal
    import threading

    from meelezer.audio.decode import AudioError
    from meelezer.audio.separate_process import analyse_in_child

    clip = demo_clip(seeds_dir_module / "ai-report-grok3-demo.opus", 60, tmp_path / "clip.wav")
    reports: list[float] = []

    def report(fraction: float, _partial: object | None) -> None:
        reports.append(fraction)
        if len(reports) == 1:
            for child in multiprocessing.active_children():
                if child.name == "meelezer-audio-analysis" and child.pid is not None:
                    os.kill(child.pid, signal.SIGKILL)

    context = WorkContext(report)
    # The old loop never returned: a cancel after a minute ends it (Cancelled: the test fails).
    guard = threading.Timer(60, context.cancel)
    guard.start()
    try:
        with pytest.raises(AudioError, match="stopped unexpectedly"):
            analyse_in_child(clip, context, partial_every_s=0.0)
    finally:
        guard.cancel()
