"""Reference values for the voice encoder's tests, computed once with Resemblyzer itself
(librosa's mel spectrogram, PyTorch's network) in the throwaway environment of README.md:

    python make_reference.py ../../tests/fixtures/voices/ge2e_reference.npz

Two short espeak-ng utterances (a male and a female variant, one of them quiet so volume
normalisation is exercised) and, for each: its samples (16 kHz int16), Resemblyzer's mel
spectrogram, its partial-window embeddings and utterance embedding (``embed_utterance`` at
rate 1.3, min_coverage 0.75, after ``normalize_volume(..., -30, increase_only=True)``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import librosa
import numpy as np
from resemblyzer import VoiceEncoder, audio
from resemblyzer.hparams import audio_norm_target_dBFS

UTTERANCES = [
    ("en-us", "The committee met again on Tuesday morning to talk it over.", 1.0),
    ("en+f3", "Nobody expected the results to be quite so clear.", 0.05),
]


def _espeak(voice: str, text: str, folder: Path, name: str) -> np.ndarray:
    raw = folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", str(raw), text], check=True)
    samples, _rate = librosa.load(str(raw), sr=16000)
    return samples.astype(np.float32)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    encoder = VoiceEncoder(device="cpu", verbose=False)
    stored: dict[str, np.ndarray] = {}
    with tempfile.TemporaryDirectory() as folder:
        for index, (voice, text, gain) in enumerate(UTTERANCES):
            samples = _espeak(voice, text, Path(folder), f"u{index}") * gain
            pcm = np.round(np.clip(samples, -1, 1) * 32767).astype(np.int16)
            samples = pcm.astype(np.float32) / 32767  # exactly what the test reads back
            normalised = audio.normalize_volume(samples, audio_norm_target_dBFS,
                                                increase_only=True).astype(np.float32)
            embedding, partials, _slices = encoder.embed_utterance(normalised, return_partials=True)
            stored[f"pcm{index}"] = pcm
            stored[f"mel{index}"] = audio.wav_to_mel_spectrogram(samples)
            stored[f"partials{index}"] = partials.astype(np.float32)
            stored[f"embedding{index}"] = embedding.astype(np.float32)
    stored["mel_filters"] = librosa.filters.mel(sr=16000, n_fft=400, n_mels=40).astype(np.float32)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.output, **stored)
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e3:.0f} kB), librosa "
          f"{librosa.__version__}; cosine between the two voices: "
          f"{float(stored['embedding0'] @ stored['embedding1']):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
