"""The features both the real and the synthetic speech are compared on: MFCCs every 10 ms.

Written with numpy's FFT (librosa would pull in numba for three matrix products). The mel
filters are laid out in hertz, so 16 kHz real audio and espeak-ng's 22.05 kHz speech give
comparable values without resampling. Each stream is normalised on its own speech frames
(mean and spread per coefficient), which removes most of the difference between two voices
and two recording chains; silent frames get all-zero cepstra, so a pause matches a pause
whatever its noise floor.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]

HOP_MS = 20
WINDOW_MS = 30
_MEL_BANDS = 32
_CEPSTRA = 12  # c1..c12; c0 (loudness) is replaced by the energy feature
_LOW_HZ, _HIGH_HZ = 100.0, 7000.0
_PRE_EMPHASIS = 0.97
# The level feature: 0 at the noise floor, ENERGY_WEIGHT at loud speech; below
# SILENT_SHARE of the way up a frame counts as silent.
ENERGY_WEIGHT = 3.0
SILENT_SHARE = 0.35
_MAX_SPAN_DB = 50.0  # digital silence counts as this far below loud speech
_MIN_SPAN_DB = 15.0
FEATURES = _CEPSTRA + 1


def hop_samples(rate: int) -> int:
    return round(rate * HOP_MS / 1000)


@cache
def _analysis(rate: int) -> tuple[int, int, FloatArray, FloatArray, FloatArray]:
    """Window length, FFT size, window, mel filters and DCT matrix for a sample rate."""
    window = round(rate * WINDOW_MS / 1000)
    fft_size = 1 << (window - 1).bit_length()
    hann = np.hanning(window).astype(np.float32)
    bins = np.fft.rfftfreq(fft_size, 1.0 / rate)
    mel = 2595.0 * np.log10(1.0 + bins / 700.0)
    edges = np.linspace(2595.0 * np.log10(1.0 + _LOW_HZ / 700.0),
                        2595.0 * np.log10(1.0 + _HIGH_HZ / 700.0), _MEL_BANDS + 2)
    filters = np.zeros((len(bins), _MEL_BANDS), dtype=np.float32)
    for band in range(_MEL_BANDS):
        low, centre, high = edges[band], edges[band + 1], edges[band + 2]
        rising = (mel - low) / (centre - low)
        falling = (high - mel) / (high - centre)
        filters[:, band] = np.maximum(0.0, np.minimum(rising, falling))
    filters /= np.maximum(filters.sum(axis=0, keepdims=True), 1e-9)
    k = np.arange(_MEL_BANDS)
    dct = np.cos(np.pi / _MEL_BANDS * (k[:, None] + 0.5) * np.arange(1, _CEPSTRA + 1)[None, :])
    return window, fft_size, hann, filters, dct.astype(np.float32)


def raw_features(samples: FloatArray, rate: int) -> tuple[FloatArray, FloatArray]:
    """Cepstra (frames, 12) and frame levels in dB (frames,) of one stretch of audio; frame k
    covers samples from k * hop. The stretch's last partial frame is left out."""
    window, fft_size, hann, filters, dct = _analysis(rate)
    hop = hop_samples(rate)
    if len(samples) < window:
        return np.zeros((0, _CEPSTRA), np.float32), np.zeros(0, np.float32)
    emphasised = np.empty_like(samples)
    emphasised[0] = samples[0]
    emphasised[1:] = samples[1:] - _PRE_EMPHASIS * samples[:-1]
    count = (len(samples) - window) // hop + 1
    frames = np.lib.stride_tricks.as_strided(
        emphasised, shape=(count, window),
        strides=(emphasised.strides[0] * hop, emphasised.strides[0]))
    spectrum = np.fft.rfft(frames * hann, n=fft_size)
    power = (spectrum.real ** 2 + spectrum.imag ** 2).astype(np.float32)
    mel = np.log(power @ filters + 1e-10)
    cepstra: FloatArray = (mel @ dct).astype(np.float32)
    raw = frames.astype(np.float64)
    level: FloatArray = (10.0 * np.log10((raw * raw).mean(axis=1) + 1e-12)).astype(np.float32)
    return cepstra, level


class FeatureStream:
    """Raw features of audio arriving in blocks, as if computed over the whole stream."""

    def __init__(self, rate: int):
        self.rate = rate
        self._window = _analysis(rate)[0]
        self._hop = hop_samples(rate)
        self._pending = np.zeros(0, dtype=np.float32)

    def push(self, block: FloatArray) -> tuple[FloatArray, FloatArray]:
        joined = np.concatenate((self._pending, block)) if len(self._pending) else block
        cepstra, level = raw_features(joined, self.rate)
        self._pending = joined[len(level) * self._hop:]
        return cepstra, level


def normalised(cepstra: FloatArray, level: FloatArray,
               speaking: npt.NDArray[np.bool_] | None = None) -> FloatArray:
    """The comparable features (frames, 13) of one stream: cepstra normalised on its speech
    frames (zero where silent), and the level from the stream's noise floor (0) to its loud
    speech (``ENERGY_WEIGHT``), so digital silence and a noisy room's pause look alike."""
    loud = float(np.percentile(level, 95)) if len(level) else 0.0
    floor = max(float(np.percentile(level, 3)) if len(level) else 0.0, loud - _MAX_SPAN_DB)
    relative = np.clip((level - floor) / max(loud - floor, _MIN_SPAN_DB), 0.0, 1.0)
    voiced = relative > SILENT_SHARE
    if speaking is not None:
        voiced &= speaking
    result = np.zeros((len(level), FEATURES), dtype=np.float32)
    if voiced.any():
        frames = cepstra[voiced]
        mean = frames.mean(axis=0)
        spread = frames.std(axis=0) + 1e-6
        result[voiced, :_CEPSTRA] = (frames - mean) / spread
    result[:, _CEPSTRA] = relative * ENERGY_WEIGHT
    return result


def silent(features: FloatArray) -> npt.NDArray[np.bool_]:
    """Per frame of ``normalised`` features: too quiet to be speech."""
    flags: npt.NDArray[np.bool_] = features[:, _CEPSTRA] <= SILENT_SHARE * ENERGY_WEIGHT
    return flags
