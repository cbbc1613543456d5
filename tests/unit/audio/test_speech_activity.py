"""Speech activity on real speech (espeak-ng, English and Dutch) with silences of known
length, clean, under noise and over a music-like bed: boundaries within 50 ms."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from helpers.audio_files import KnownSpeech, speech_with_silences, write_wav
from meelezer.audio.analyser import analyse
from meelezer.audio.analysis import SpeechRegion

pytestmark = pytest.mark.slow


def _boundary_errors(found: tuple[SpeechRegion, ...], truth: list[tuple[int, int]]) -> list[int]:
    starts = np.array([region.start_ms for region in found])
    ends = np.array([region.end_ms for region in found])
    errors: list[int] = []
    for true_start, true_end in truth:
        errors.append(int(np.abs(starts - true_start).min()))
        errors.append(int(np.abs(ends - true_end).min()))
    return errors


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("speech")


@pytest.mark.parametrize("snr_db", [None, 30.0])
def test_every_boundary_within_50_ms(folder: Path, snr_db: float | None) -> None:
    known = speech_with_silences(folder, snr_db)
    # Through a real file and codec, as an episode comes: Opus at podcast bitrate.
    wav = write_wav(folder / "known.wav", known.samples)
    opus = folder / "known.opus"
    subprocess.run(["opusenc", "--quiet", "--bitrate", "48", str(wav), str(opus)], check=True)
    analysis, _report = analyse(opus)
    assert len(analysis.speech) == len(known.truth)
    errors = _boundary_errors(analysis.speech, known.truth)
    assert max(errors) <= 50, errors
    _pauses_are_where_the_silences_are(analysis.speech, known)


def _pauses_are_where_the_silences_are(found: tuple[SpeechRegion, ...],
                                       known: KnownSpeech) -> None:
    for (_start, end), (next_start, _end) in zip(known.truth, known.truth[1:], strict=False):
        middle = (end + next_start) // 2
        assert not any(region.start_ms <= middle < region.end_ms for region in found)


@pytest.mark.parametrize(("snr_db", "music_db"), [(20.0, None), (None, -36.0)])
def test_under_strong_noise_or_music_nearly_every_boundary_holds(
        folder: Path, snr_db: float | None, music_db: float | None) -> None:
    # 20 dB SNR white noise, or a chord 36 dB below full scale, masks a weak consonant at a
    # sentence's edge (66-76 ms off) or splits a sentence; no sentence is missed.
    known = speech_with_silences(folder, snr_db, seed=2, music_db=music_db)
    analysis, _report = analyse(write_wav(folder / "noisy.wav", known.samples))
    errors = _boundary_errors(analysis.speech, known.truth)
    assert sum(error <= 50 for error in errors) >= 0.9 * len(errors)
    for start, end in known.truth:
        assert any(region.start_ms < end and region.end_ms > start for region in analysis.speech)
    _pauses_are_where_the_silences_are(analysis.speech, known)
