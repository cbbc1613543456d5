"""Audio made for tests: clips of the demo, espeak-ng speech with known silences (the truth
for speech activity), and the same sound in every format podcasts use."""

from __future__ import annotations

import subprocess
import wave
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from meelezer.audio.decode import SAMPLE_RATE, AudioDecoder

Samples = npt.NDArray[np.float32]


def write_wav(path: Path, samples: Samples, rate: int = SAMPLE_RATE) -> Path:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return path


def read_wav(path: Path) -> Samples:
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        assert wav.getframerate() == SAMPLE_RATE
        pcm = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    return (pcm.astype(np.float32) / 32768).astype(np.float32)


def demo_clip(demo_audio: Path, seconds: float, target: Path) -> Path:
    """The first ``seconds`` of the demo audio as a 16 kHz WAV."""
    wanted = int(seconds * SAMPLE_RATE)
    blocks: list[Samples] = []
    with AudioDecoder(demo_audio) as decoder:
        for block in decoder.blocks():
            blocks.append(block)
            if sum(len(b) for b in blocks) >= wanted:
                break
    return write_wav(target, np.concatenate(blocks)[:wanted])


def espeak_utterance(text: str, voice: str, folder: Path, name: str) -> Samples:
    """``text`` spoken by espeak-ng, its leading and trailing silence cut off by sox, 16 kHz."""
    raw = folder / f"{name}.raw.wav"
    trimmed = folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", str(raw), text],
                   check=True, capture_output=True)
    subprocess.run(["sox", str(raw), "-r", str(SAMPLE_RATE), "-c", "1", "-b", "16",
                    str(trimmed), "silence", "1", "0.005", "1%", "reverse", "silence", "1",
                    "0.005", "1%", "reverse"], check=True, capture_output=True)
    return read_wav(trimmed)


@dataclass(frozen=True)
class KnownSpeech:
    samples: Samples
    truth: list[tuple[int, int]]  # speech stretches in ms


ENGLISH = ["The committee met again on Tuesday morning",
           "Nobody expected the results to be so clear",
           "Please bring the documents to the second floor",
           "We will publish everything next week",
           "That was the last question for today", "Thank you all for listening"]
DUTCH = ["De vergadering begon om negen uur", "Niemand had verwacht dat het zo snel zou gaan",
         "We praten volgende week verder over de plannen", "Dank je wel voor het luisteren"]
SILENCES_MS = [400, 1500, 650, 2500, 900, 3000, 500, 1200, 800, 2000]


def speech_with_silences(folder: Path, snr_db: float | None = None, seed: int = 1,
                         music_db: float | None = None) -> KnownSpeech:
    """English and Dutch espeak-ng sentences with silences of known length between them;
    with ``snr_db`` white noise under all of it, with ``music_db`` a quiet tone chord."""
    rng = np.random.default_rng(seed)
    pieces: list[Samples] = []
    truth: list[tuple[int, int]] = []
    position = 0
    sentences = [(text, "en") for text in ENGLISH] + [(text, "nl") for text in DUTCH]
    lead = np.zeros(SAMPLE_RATE, dtype=np.float32)  # a second of silence first
    pieces.append(lead)
    position += len(lead)
    for index, (text, voice) in enumerate(sentences):
        speech = espeak_utterance(text, voice, folder, f"utterance{index}") * 0.7
        truth.append((position * 1000 // SAMPLE_RATE,
                      (position + len(speech)) * 1000 // SAMPLE_RATE))
        pieces.append(speech)
        position += len(speech)
        gap = np.zeros(SILENCES_MS[index % len(SILENCES_MS)] * SAMPLE_RATE // 1000,
                       dtype=np.float32)
        pieces.append(gap)
        position += len(gap)
    samples = np.concatenate(pieces)
    if snr_db is not None:
        speech_rms = float(np.sqrt(np.mean(np.concatenate(
            [samples[s * 16:e * 16] for s, e in truth]) ** 2)))
        noise_rms = speech_rms / (10 ** (snr_db / 20))
        samples = samples + rng.normal(0, noise_rms, len(samples)).astype(np.float32)
    if music_db is not None:
        t = np.arange(len(samples)) / SAMPLE_RATE
        chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6)) / 3
        samples = samples + (10 ** (music_db / 20) * chord).astype(np.float32)
    return KnownSpeech(samples.astype(np.float32), truth)


def encode_with_pyav(source_wav: Path, target: Path, codec: str, rate: int = 44_100) -> Path:
    """Encode ``source_wav`` with one of FFmpeg's encoders in the ``av`` wheel (for formats
    no Debian tool installed here writes, such as AAC in M4A)."""
    samples = read_wav(source_wav)
    with av.open(str(target), "w") as output:
        stream = output.add_stream(codec, rate=rate, layout="mono")  # type: ignore[call-overload]
        resampler = av.AudioResampler(format=stream.codec_context.format.name,
                                      layout="mono", rate=rate)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        frame.time_base = Fraction(1, SAMPLE_RATE)
        frame.pts = 0
        for resampled in resampler.resample(frame) + resampler.resample(None):
            for packet in stream.encode(resampled):
                output.mux(packet)
        for packet in stream.encode(None):
            output.mux(packet)
    return target
