"""The ONNX voice encoder and the numpy mel front end against values computed once with
Resemblyzer itself (PyTorch + librosa; packaging/models/make_reference.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from meelezer.audio.voices.encoder import VoiceEncoder, window_starts
from meelezer.audio.voices.frontend import (
    HOP_SAMPLES,
    mel_filters,
    mel_spectrogram,
    normalise_volume,
)

REFERENCE = Path(__file__).parents[3] / "fixtures" / "voices" / "ge2e_reference.npz"


@pytest.fixture(scope="module")
def reference() -> dict[str, np.ndarray]:
    with np.load(REFERENCE) as stored:
        return {key: stored[key] for key in stored.files}


@pytest.fixture(scope="module")
def encoder() -> VoiceEncoder:
    return VoiceEncoder()


def _samples(reference: dict[str, np.ndarray], index: int) -> np.ndarray:
    return reference[f"pcm{index}"].astype(np.float32) / 32767


def test_mel_filters_are_librosas(reference: dict[str, np.ndarray]) -> None:
    np.testing.assert_allclose(mel_filters(), reference["mel_filters"], atol=1e-7)


@pytest.mark.parametrize("index", [0, 1])
def test_mel_spectrogram_is_resemblyzers(reference: dict[str, np.ndarray], index: int) -> None:
    expected = reference[f"mel{index}"]
    found = mel_spectrogram(_samples(reference, index))
    assert found.shape == expected.shape
    # Relative to the loudest band: float32 FFTs differ in the last bits, nothing more.
    assert np.abs(found - expected).max() <= 1e-5 * expected.max()


@pytest.mark.parametrize("index", [0, 1])
def test_embeddings_are_resemblyzers(reference: dict[str, np.ndarray], encoder: VoiceEncoder,
                                     index: int) -> None:
    samples = normalise_volume(_samples(reference, index))
    # Resemblyzer's default window rate, so its windows are the reference's.
    starts = window_starts(len(samples), rate=1.3)
    padded = np.pad(samples, (0, max(0, starts[-1] * HOP_SAMPLES + 25_600 - len(samples))))
    mel = mel_spectrogram(padded)
    windows = encoder.embed(np.stack([mel[start:start + 160] for start in starts]))
    np.testing.assert_allclose(windows, reference[f"partials{index}"], atol=1e-5)
    utterance = windows.mean(axis=0)
    utterance /= np.linalg.norm(utterance)
    np.testing.assert_allclose(utterance, reference[f"embedding{index}"], atol=1e-5)


def test_the_two_reference_voices_are_told_apart(reference: dict[str, np.ndarray]) -> None:
    # The quiet female voice was raised to -30 dBFS; without that the network sees a near
    # silence. Same voice ~0.9, another voice well below.
    assert float(reference["embedding0"] @ reference["embedding1"]) < 0.8


def test_a_wrong_input_shape_is_refused(encoder: VoiceEncoder) -> None:
    with pytest.raises(ValueError, match="expected"):
        encoder.embed(np.zeros((2, 100, 40), dtype=np.float32))
    assert encoder.embed(np.zeros((0, 160, 40), dtype=np.float32)).shape == (0, 256)


def test_quiet_audio_is_raised_and_loud_audio_left_alone() -> None:
    quiet = np.full(16_000, 0.001, dtype=np.float32)
    raised = normalise_volume(quiet)
    rms_db = 20 * np.log10(np.sqrt(np.mean(raised ** 2)))
    assert rms_db == pytest.approx(-30.0, abs=0.01)
    loud = np.full(16_000, 0.5, dtype=np.float32)
    assert normalise_volume(loud) is loud
