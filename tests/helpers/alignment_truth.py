"""Recordings whose line and word start times are known, for measuring the aligner.

None is made by the engine and voice the aligner uses as its reference (espeak-ng's default
"nl" and "en" voices at their normal rate): English comes from Festival (two diphone voices
and an HTS voice), Dutch from espeak-ng's voice variants at other rates (each line at its own
rate and loudness). Lines are separated by pauses of varying length; some recordings have a
pink-noise or music bed at a given SNR, a 45 s intro the text lacks (music, then an advert),
or lines whose audio was cut out (plus a tail of text that is never spoken).

Generation is deterministic (seeded by the condition's name) and cached under
build/alignment-truth/, so only the first run pays for the synthesis.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import zlib
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from helpers.alignment_texts import (
    DUTCH_ADVERT,
    DUTCH_NOT_SPOKEN,
    ENGLISH,
    ENGLISH_ADVERT,
    ENGLISH_NOT_SPOKEN,
    dutch_lines,
)
from helpers.audio_files import write_wav
from helpers.speech_synthesis import (
    RATE,
    EspeakRequest,
    Samples,
    Utterance,
    espeak_utterances,
    festival_utterances,
)

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "build" / "alignment-truth"
GENERATOR_VERSION = 4  # raise when the way recordings are made changes: the cache follows
SPEECH_PEAK = 0.5
INTRO_MUSIC_S = 15.0  # of the intro: music first, then the advert over quieter music


@dataclass(frozen=True)
class Condition:
    """How one truth recording is made."""

    name: str
    language: str  # "nl" or "en"
    engine: str  # "espeak" or "festival"
    voice: str  # espeak-ng voice ("nl+f3") or a key of speech_synthesis.FESTIVAL_VOICES
    first_line: int  # where in the language's lines the text starts
    line_count: int
    speed: float = 1.0  # espeak-ng: words per minute / 100; Festival: 1 / Duration_Stretch
    bed: str | None = None  # "pink" (noise) or "music" (a chord progression)
    snr_db: float = 20.0  # speech to bed, when there is a bed
    intro_s: float = 0.0  # audio the text does not contain, before the text starts
    cut_lines: tuple[int, int] | None = None  # lines [a, b) whose audio was removed
    unspoken_tail: bool = False  # lines at the end of the text that are never spoken
    timed_input: bool = False  # the input has real times, of the audio without its intro
    opus: bool = False  # the audio as Opus (a lossy codec, as podcasts are)
    room: bool = False  # a reverberant room (sox reverb), as a home recording has


@dataclass(frozen=True)
class TruthLine:
    text: str
    in_audio: bool
    start_ms: int  # for a line not in the audio: where it would have been
    end_ms: int
    word_starts_ms: list[int | None] = field(default_factory=list)  # per text.split() word


@dataclass(frozen=True)
class TruthRecording:
    condition: Condition
    audio: Path
    duration_ms: int
    lines: list[TruthLine]
    unmatched_audio: list[tuple[int, int]]  # audio the text does not contain (the intro)


def _dutch(name: str, first: int, voice: str = "nl+f3", speed: float = 1.45, count: int = 24,
           **extra: Any) -> Condition:
    return Condition(name, "nl", "espeak", voice, first, count, speed, **extra)


def _english(name: str, first: int, voice: str = "kal", speed: float = 1.0, count: int = 16,
             **extra: Any) -> Condition:
    return Condition(name, "en", "festival", voice, first, count, speed, **extra)


# The default set: about 40 minutes of audio in both languages.
CONDITIONS = [
    _dutch("nl clean (nl+f3, 145 wpm)", 0),
    _dutch("nl clean fast (nl+m2, 205 wpm)", 60, voice="nl+m2", speed=2.05),
    _dutch("nl opus (nl+m4, 170 wpm)", 120, voice="nl+m4", speed=1.7, opus=True),
    _dutch("nl pink noise 20 dB", 180, voice="nl+f2", bed="pink", snr_db=20.0),
    _dutch("nl pink noise 10 dB", 240, voice="nl+m3", bed="pink", snr_db=10.0, speed=1.6),
    _dutch("nl music bed 15 dB", 300, voice="nl+f4", bed="music", snr_db=15.0),
    _dutch("nl room reverb (nl+f2, 160 wpm)", 540, voice="nl+f2", speed=1.6, room=True),
    _dutch("nl intro 45 s", 360, voice="nl+m1", intro_s=45.0, speed=1.6),
    _dutch("nl intro 45 s, timed text of the cut without it", 420, voice="nl+f5",
           intro_s=45.0, timed_input=True),
    _dutch("nl middle cut + unspoken tail", 480, voice="nl+m2", count=30, cut_lines=(12, 17),
           unspoken_tail=True, speed=1.6),
    _english("en clean (kal)", 0),
    _english("en clean (slt, HTS)", 16, voice="slt"),
    _english("en slow (ked)", 32, voice="ked", speed=0.85),
    _english("en pink noise 15 dB (slt)", 44, voice="slt", bed="pink", snr_db=15.0),
    _english("en music bed 15 dB (kal)", 8, bed="music", snr_db=15.0, speed=1.1),
    _english("en room reverb (ked)", 50, voice="ked", room=True, count=12),
    _english("en intro 45 s (ked)", 20, voice="ked", intro_s=45.0),
    _english("en middle cut + unspoken tail (slt)", 30, voice="slt", count=24,
             cut_lines=(10, 14), unspoken_tail=True),
]


# The heavier set (`run.py alignment-accuracy-long`): every condition again with other and
# three times as many lines, about 1 h 20 min of audio.
LONG_CONDITIONS = [replace(condition, name=condition.name + ", long",
                           first_line=condition.first_line + 600 if condition.language == "nl"
                           else condition.first_line + 7,
                           line_count=condition.line_count * 3,
                           cut_lines=(condition.cut_lines[0] * 3, condition.cut_lines[1] * 3)
                           if condition.cut_lines else None)
                   for condition in CONDITIONS]


def truth_recording(condition: Condition, cache: Path = CACHE) -> TruthRecording:
    """The recording for ``condition``: from the cache, or made (a few seconds) and cached."""
    key = hashlib.sha1(json.dumps([GENERATOR_VERSION, asdict(condition)]).encode()).hexdigest()
    stem = cache / f"{_slug(condition.name)}-{key[:10]}"
    audio = stem.with_suffix(".opus" if condition.opus else ".wav")
    truth_file = stem.with_suffix(".json")
    if not (audio.exists() and truth_file.exists()):
        cache.mkdir(parents=True, exist_ok=True)
        samples, lines, unmatched = _make(condition)
        _write_audio(samples, audio, condition.opus)
        truth_file.write_text(json.dumps({"duration_ms": len(samples) * 1000 // RATE,
                                          "lines": [asdict(line) for line in lines],
                                          "unmatched_audio": unmatched}), encoding="utf-8")
    stored = json.loads(truth_file.read_text(encoding="utf-8"))
    return TruthRecording(condition, audio, stored["duration_ms"],
                          [TruthLine(**line) for line in stored["lines"]],
                          [(start, end) for start, end in stored["unmatched_audio"]])


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")


def _texts(condition: Condition) -> list[str]:
    source = dutch_lines() if condition.language == "nl" else ENGLISH
    start = condition.first_line % len(source)
    return [source[(start + i) % len(source)] for i in range(condition.line_count)]


def _speak(condition: Condition, texts: list[str], rng: np.random.Generator,
           voice: str | None = None) -> list[Utterance]:
    """Every line at its own pace (within ±10 % of the condition's) and loudness (±3 dB)."""
    voice = voice or condition.voice
    paces = [condition.speed * float(rng.uniform(0.9, 1.1)) for _ in texts]
    if condition.engine == "espeak":
        spoken = espeak_utterances([EspeakRequest(text, voice, round(100 * pace),
                                                  int(rng.integers(35, 65)))
                                    for text, pace in zip(texts, paces, strict=True)])
    else:
        spoken = festival_utterances(texts, voice, [1 / pace for pace in paces])
    result: list[Utterance] = []
    for utterance in spoken:
        peak = float(np.max(np.abs(utterance.samples))) or 1.0
        gain = SPEECH_PEAK / peak * 10 ** (float(rng.uniform(-3, 3)) / 20)
        result.append(Utterance((utterance.samples * gain).astype(np.float32), utterance.words))
    return result


def _pause_s(rng: np.random.Generator) -> float:
    """Mostly short pauses between lines, some of a breath or two, a few long ones."""
    kind = rng.random()
    if kind < 0.65:
        return float(rng.uniform(0.15, 0.7))
    if kind < 0.9:
        return float(rng.uniform(0.7, 1.8))
    return float(rng.uniform(1.8, 4.0))


def _make(condition: Condition) -> tuple[Samples, list[TruthLine], list[tuple[int, int]]]:
    rng = np.random.default_rng(zlib.crc32(condition.name.encode()))
    texts = _texts(condition)
    pieces: list[Samples] = []
    lines: list[TruthLine] = []
    unmatched: list[tuple[int, int]] = []
    position = RATE  # a second of silence first
    pieces.append(np.zeros(RATE, np.float32))
    if condition.intro_s:
        intro = _intro(condition, rng)
        pieces.append(intro)
        unmatched.append((position * 1000 // RATE, (position + len(intro)) * 1000 // RATE))
        position += len(intro)
    cut = range(*condition.cut_lines) if condition.cut_lines else range(0)
    for index, (text, spoken) in enumerate(zip(texts, _speak(condition, texts, rng),
                                                strict=True)):
        start_ms = position * 1000 // RATE
        if index in cut:  # made and dropped, so the other lines stay as they were
            lines.append(TruthLine(text, False, start_ms, start_ms))
            continue
        starts: list[int | None] = [None] * len(text.split())
        for word in spoken.words:
            starts[word.index] = start_ms + word.start_ms
        first = next(start for start in starts if start is not None)
        lines.append(TruthLine(text, True, first, start_ms + len(spoken.samples) * 1000 // RATE,
                               starts))
        gap = np.zeros(round(_pause_s(rng) * RATE), np.float32)
        pieces += [spoken.samples, gap]
        position += len(spoken.samples) + len(gap)
    pieces.append(np.zeros(RATE, np.float32))
    position += RATE
    if condition.unspoken_tail:
        tail = DUTCH_NOT_SPOKEN if condition.language == "nl" else ENGLISH_NOT_SPOKEN
        end_ms = position * 1000 // RATE
        lines += [TruthLine(text, False, end_ms, end_ms) for text in tail]
    samples = np.concatenate(pieces)
    if condition.room:
        samples = _reverberant(samples)
    if condition.bed is not None:
        samples = _with_bed(samples, condition, lines)
    return samples, lines, unmatched


def _intro(condition: Condition, rng: np.random.Generator) -> Samples:
    """``intro_s`` seconds: music alone, then an advert in another voice over quiet music,
    then music again to fill the time."""
    length = round(condition.intro_s * RATE)
    advert = DUTCH_ADVERT if condition.language == "nl" else ENGLISH_ADVERT
    other_voice = "nl+m7" if condition.language == "nl" else (
        "slt" if condition.voice != "slt" else "kal")
    speech: list[Samples] = []
    for utterance in _speak(condition, advert, rng, other_voice):
        speech += [utterance.samples, np.zeros(RATE // 3, np.float32)]
    spoken = np.concatenate(speech)[: length - round(INTRO_MUSIC_S * RATE)]
    intro = _music(length, seed=7) * 0.3
    begin = round(INTRO_MUSIC_S * RATE)
    intro[begin:begin + len(spoken)] = intro[begin:begin + len(spoken)] * 0.3 + spoken
    return intro.astype(np.float32)


def _with_bed(samples: Samples, condition: Condition, lines: list[TruthLine]) -> Samples:
    """The speech with noise or music under all of it, ``snr_db`` below the speech's RMS."""
    spoken = np.concatenate([samples[line.start_ms * RATE // 1000:line.end_ms * RATE // 1000]
                             for line in lines if line.in_audio])
    speech_rms = float(np.sqrt(np.mean(spoken.astype(np.float64) ** 2)))
    bed = _pink_noise(len(samples)) if condition.bed == "pink" else _music(len(samples), 3)
    bed_rms = float(np.sqrt(np.mean(bed.astype(np.float64) ** 2))) or 1.0
    scaled = bed * (speech_rms / 10 ** (condition.snr_db / 20) / bed_rms)
    return np.clip(samples + scaled, -1, 1).astype(np.float32)


def _reverberant(samples: Samples) -> Samples:
    """The speech in a room: sox's reverb (deterministic), the same length."""
    raw = subprocess.run(["sox", "-R", "-t", "raw", "-r", str(RATE), "-e", "float", "-b", "32",
                          "-c", "1", "-", "-t", "raw", "-", "reverb", "50", "50", "60",
                          "gain", "-3"], input=samples.astype("<f4").tobytes(),
                         capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype="<f4")[: len(samples)].astype(np.float32)


def _pink_noise(length: int) -> Samples:
    """sox's pink noise; -R makes it the same on every run."""
    raw = subprocess.run(["sox", "-R", "-n", "-t", "raw", "-r", str(RATE), "-e", "float",
                          "-b", "32", "-c", "1", "-", "synth", f"{length / RATE:.4f}",
                          "pinknoise"], capture_output=True, check=True).stdout
    noise = np.frombuffer(raw, dtype="<f4").astype(np.float32)
    return np.pad(noise, (0, max(0, length - len(noise))))[:length]


CHORDS = [(220.0, 277.2, 329.6), (196.0, 246.9, 293.7), (174.6, 220.0, 261.6),
          (164.8, 207.7, 246.9)]


def _music(length: int, seed: int) -> Samples:
    """A chord progression (two seconds a chord, bright saw-like tones with a soft attack)
    and a quiet beat: sound in the speech's range that is not speech."""
    rng = np.random.default_rng(seed)
    t = np.arange(length) / RATE
    music = np.zeros(length, np.float64)
    chord_len = 2 * RATE
    for begin in range(0, length, chord_len):
        chord = CHORDS[(begin // chord_len + int(rng.integers(0, 2))) % len(CHORDS)]
        part = slice(begin, min(length, begin + chord_len))
        local = t[part] - t[begin]
        envelope = np.minimum(1, local / 0.05) * np.exp(-local * 0.6)
        for frequency in chord:
            for harmonic in (1, 2, 3):
                tone = np.sin(2 * np.pi * frequency * harmonic * t[part])
                music[part] += envelope * tone / harmonic
    beat = np.exp(-(t % 0.5) * 30) * np.sin(2 * np.pi * 60 * t)
    music += 0.8 * beat
    return (music / np.max(np.abs(music)) * 0.5).astype(np.float32)


def _write_audio(samples: Samples, target: Path, opus: bool) -> None:
    """16-bit WAV, or Opus at 32 kbit/s (opusenc, fixed serial: the same file every run);
    through a temporary name, so a killed run leaves no half file in the cache."""
    wav = write_wav(target.with_suffix(".tmp.wav"), samples, RATE)
    if opus:
        encoded = target.with_suffix(".tmp.opus")
        subprocess.run(["opusenc", "--quiet", "--bitrate", "32", "--serial", "1", str(wav),
                        str(encoded)], check=True)
        wav.unlink()
        encoded.replace(target)
    else:
        wav.replace(target)
