"""The encoder's input: Resemblyzer's mel spectrogram, computed with numpy.

Resemblyzer takes ``librosa.feature.melspectrogram`` of 16 kHz audio: 25 ms Hann windows
(400 samples, periodic), 10 ms hop, centred frames padded with zeros, power spectrum, 40
Slaney-style mel bands (librosa's default ``htk=False, norm="slaney"``), and feeds the power
values (not their log) to the network. librosa brings numba and LLVM (~150 MB) for what is
here a framed FFT and one matrix; this module reproduces it and is tested against values
computed once with librosa (tests/fixtures/voices/ge2e_reference.npz).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt
import scipy.fft

from meelezer.audio.analysis import SAMPLE_RATE, FloatArray

WINDOW_SAMPLES = 400  # 25 ms
HOP_SAMPLES = 160  # 10 ms
MEL_BANDS = 40
# Resemblyzer raises quiet speech to this RMS level before the network sees it (never lowers).
TARGET_DBFS = -30.0
_INT16_MAX = 2**15 - 1
_FRAMES_PER_CHUNK = 4096  # bounds the FFT's working memory (~7 MB) for long stretches


def _hz_to_mel(hz: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Slaney's mel scale (as librosa's default): linear to 1 kHz, logarithmic above."""
    linear = hz / (200.0 / 3)
    log_part = 15.0 + np.log(np.maximum(hz, 1e-10) / 1000.0) / (np.log(6.4) / 27.0)
    return np.where(hz >= 1000.0, log_part, linear)


def _mel_to_hz(mel: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    linear = mel * (200.0 / 3)
    log_part = 1000.0 * np.exp((np.log(6.4) / 27.0) * (mel - 15.0))
    return np.where(mel >= 15.0, log_part, linear)


@cache
def mel_filters() -> FloatArray:
    """(40, 201) triangular filters, each normalised to unit area (Slaney)."""
    fft_freqs = np.linspace(0, SAMPLE_RATE / 2, 1 + WINDOW_SAMPLES // 2)
    edges = _mel_to_hz(np.linspace(0.0, float(_hz_to_mel(np.array(SAMPLE_RATE / 2.0))),
                                   MEL_BANDS + 2))
    widths = np.diff(edges)
    ramps = edges[:, None] - fft_freqs[None, :]
    rising = -ramps[:-2] / widths[:-1, None]
    falling = ramps[2:] / widths[1:, None]
    weights = np.maximum(0.0, np.minimum(rising, falling))
    weights *= (2.0 / (edges[2:] - edges[:-2]))[:, None]
    filters: FloatArray = weights.astype(np.float32)
    return filters


@cache
def _window() -> FloatArray:
    # Periodic Hann (scipy's get_window("hann", fftbins=True), which librosa uses).
    window: FloatArray = (0.5 - 0.5 * np.cos(
        2 * np.pi * np.arange(WINDOW_SAMPLES) / WINDOW_SAMPLES)).astype(np.float32)
    return window


def mel_spectrogram(samples: FloatArray) -> FloatArray:
    """(frames, 40) power mel spectrogram of 16 kHz audio, one frame per 10 ms (+1)."""
    padded = np.pad(samples.astype(np.float32, copy=False), WINDOW_SAMPLES // 2)
    count = 1 + (len(padded) - WINDOW_SAMPLES) // HOP_SAMPLES
    frames = np.lib.stride_tricks.as_strided(
        padded, shape=(count, WINDOW_SAMPLES),
        strides=(padded.strides[0] * HOP_SAMPLES, padded.strides[0]), writeable=False)
    filters_t = mel_filters().T
    result = np.empty((count, MEL_BANDS), dtype=np.float32)
    for start in range(0, count, _FRAMES_PER_CHUNK):
        # scipy's FFT keeps float32 (complex64) throughout: half the time of numpy's here.
        spectrum = scipy.fft.rfft(frames[start:start + _FRAMES_PER_CHUNK] * _window(), axis=1)
        power = spectrum.real ** 2
        power += spectrum.imag ** 2
        result[start:start + _FRAMES_PER_CHUNK] = power @ filters_t
    return result


def normalise_volume(samples: FloatArray) -> FloatArray:
    """Raise quiet audio to -30 dBFS RMS as Resemblyzer's ``preprocess_wav`` does (the
    network sees power values, so their scale matters); louder audio is left as it is."""
    if len(samples) == 0:
        return samples
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) * _INT16_MAX
    if rms <= 0.0:
        return samples
    change_db = TARGET_DBFS - 20.0 * np.log10(rms / _INT16_MAX)
    if change_db < 0:
        return samples
    raised: FloatArray = (samples * np.float32(10.0 ** (change_db / 20.0))).astype(np.float32)
    return raised
