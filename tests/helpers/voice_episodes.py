"""Test episodes with known speakers: who says each transcript line is the truth the speaker
suggestions, voice profiles and label checks are measured against.

The English voices are Debian's festival voices, made from recordings of real people
(festvox-kallpc16k, festvox-kdlpc16k: two men; festvox-us-slt-hts: a woman); festival has no
Dutch, so the Dutch voices are espeak-ng variants at their own pitch and rate. A show mixes
turns of one to eight sentences, interjections ("ja", "yes") as lines of their own, pauses,
short overlaps where two voices speak at once (the line's own speaker is the truth), a level
per voice and optionally a faint noise bed; the audio is Opus, as podcasts are lossy.

Each episode is built once into ``build/voice-episodes/<name>-<digest>/`` (the digest covers
its recipe, so a changed recipe builds anew) and holds ``episode.opus``, ``episode.srt`` (no
speakers: what a transcription tool gives), ``labelled.vtt`` (the true speaker on every line)
and ``truth.json``. ``python tests/helpers/voice_episodes.py`` builds the benchmark corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

if __package__ in (None, ""):  # run as a script: python tests/helpers/voice_episodes.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers.episode_texts import INTERJECTIONS, sentence_part
from meelezer.audio.decode import SAMPLE_RATE, AudioDecoder
from meelezer.transcript.files import write_transcript
from meelezer.transcript.model import Segment, Transcript

Samples = npt.NDArray[np.float32]

REPO = Path(__file__).resolve().parents[2]
BUILD = REPO / "build" / "voice-episodes"
RECIPE_VERSION = 1  # raise when the way episodes are made changes

SPEECH_RMS_DB = -23.0  # each voice's level before its own gain
SILENCE_LEVEL = 0.01  # |sample| below this is silence when trimming a synthesised clip
OPUS_BITRATE = "32"
OPUS_SERIAL = "20261203"  # fixed, so the same recipe gives the same file


@dataclass(frozen=True)
class Voice:
    """One speaker of a show: ``name`` is the truth label."""

    name: str
    engine: str  # "festival" or "espeak"
    voice: str  # festival's voice (voice_<this>) or espeak-ng's "nl+f3"
    language: str  # "en" or "nl"
    pitch: int = 50  # espeak-ng -p
    rate: int = 165  # espeak-ng -s (words per minute)
    stretch: float = 1.0  # festival Duration_Stretch
    gain_db: float = 0.0


KAL = Voice("Kal", "festival", "kal_diphone", "en", gain_db=-1.0)
KED = Voice("Ked", "festival", "ked_diphone", "en", stretch=1.05, gain_db=1.0)
SLT = Voice("Slt", "festival", "cmu_us_slt_arctic_hts", "en")
ANOUK = Voice("Anouk", "espeak", "nl+f3", "nl", pitch=62, rate=170, gain_db=-2.0)
BRAM = Voice("Bram", "espeak", "nl+m3", "nl", pitch=38, rate=150, gain_db=1.0)
COR = Voice("Cor", "espeak", "nl+m7", "nl", pitch=28, rate=185)
# espeak-ng's plain "nl" and "nl+m1" sound the same as nl+m3 to a speaker encoder (cosine
# 0.94-0.96 between their means, as close as one voice to itself), so they are not used next to
# it; the klatt variant, anika and iven are as far from the others as real people are.
DIRK = Voice("Dirk", "espeak", "nl+klatt", "nl", pitch=50, rate=175, gain_db=-1.0)
EVA = Voice("Eva", "espeak", "nl+anika", "nl", pitch=60, rate=160, gain_db=2.0)
IVEN = Voice("Iven", "espeak", "nl+iven", "nl", pitch=40, rate=170)


@dataclass(frozen=True)
class Show:
    """Voices that meet in every episode of a show, the first speaking most."""

    name: str
    voices: tuple[Voice, ...]
    seed: int


EN3 = Show("en3", (KAL, SLT, KED), 3)  # three English festival voices
NL3 = Show("nl3", (BRAM, ANOUK, COR), 31)  # three Dutch espeak-ng variants
MIX5 = Show("mix5", (SLT, BRAM, KAL, ANOUK, KED), 5)  # festival English and espeak-ng Dutch
NL5 = Show("nl5", (DIRK, EVA, BRAM, ANOUK, IVEN), 51)  # five espeak-ng variants
SHOWS = {show.name: show for show in (EN3, NL3, MIX5, NL5)}


@dataclass(frozen=True)
class EpisodeRecipe:
    show: Show
    part: int  # 1, 2: episodes of one show say different sentences
    minutes: float
    noise_db: float | None = -50.0  # RMS of a pink noise bed, None for none
    overlap_share: float = 0.1  # of turn changes that start before the last turn ended

    @property
    def name(self) -> str:
        noise = "clean" if self.noise_db is None else f"noise{-self.noise_db:g}"
        return f"{self.show.name}-part{self.part}-{self.minutes:g}min-{noise}"

    def digest(self) -> str:
        text = json.dumps([RECIPE_VERSION, asdict(self)], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class TruthLine:
    start_ms: int  # as in the transcript (a little wider than the speech, as Whisper's)
    end_ms: int
    text: str
    speaker: str
    speech_start_ms: int  # where the voice really is
    speech_end_ms: int
    overlapped: bool  # another voice speaks during part of it
    interjection: bool


@dataclass(frozen=True)
class VoiceEpisode:
    name: str
    folder: Path
    speakers: tuple[str, ...]
    lines: tuple[TruthLine, ...]

    @property
    def audio(self) -> Path:
        return self.folder / "episode.opus"

    @property
    def transcript(self) -> Path:
        """SRT without speakers."""
        return self.folder / "episode.srt"

    @property
    def labelled(self) -> Path:
        """WebVTT with the true speaker of every line (as voice tags)."""
        return self.folder / "labelled.vtt"

    @property
    def duration_ms(self) -> int:
        return max(line.end_ms for line in self.lines)


class SynthesisError(Exception):
    """A voice could not be made (the message names what to install)."""


# -- the script: who says what, when ----------------------------------------------------------


@dataclass
class _Planned:
    voice: Voice
    text: str
    gap_s: float  # from the end of the previous line; negative: overlaps it
    interjection: bool


TURN_SENTENCES = (1, 2, 3, 4, 5, 6, 7, 8)
TURN_WEIGHTS = (30, 20, 15, 10, 8, 7, 5, 5)


def _plan(recipe: EpisodeRecipe, seconds_per_line: float) -> list[_Planned]:
    show = recipe.show
    rng = random.Random(f"{show.seed}-{recipe.part}")
    texts = {language: iter(sentence_part(language, recipe.part, seed=show.seed))
             for language in {voice.language for voice in show.voices}}
    # The first voice is the host; the later ones speak less, as guests do.
    weights = [1.0 / (1 + 0.4 * index) for index in range(len(show.voices))]
    wanted = recipe.minutes * 60 / seconds_per_line
    planned: list[_Planned] = []
    current: Voice | None = None
    # Everyone speaks early on, so even a one-minute episode has every voice.
    first_round = list(show.voices[1:])
    rng.shuffle(first_round)
    first_round.insert(0, show.voices[0])
    while len(planned) < wanted or first_round:
        choices = [(v, w) for v, w in zip(show.voices, weights, strict=True) if v != current]
        current = (first_round.pop(0) if first_round
                   else rng.choices([v for v, _ in choices], [w for _, w in choices])[0])
        sentences = rng.choices(TURN_SENTENCES, TURN_WEIGHTS)[0]
        for index in range(sentences):
            if index == 0 and planned:
                gap = (-rng.uniform(0.3, 1.0) if rng.random() < recipe.overlap_share
                       else rng.uniform(2.0, 3.0) if rng.random() < 0.08
                       else rng.uniform(0.3, 1.2))
            else:
                gap = rng.uniform(0.15, 0.5)
            planned.append(_Planned(current, next(texts[current.language]), gap, False))
            if index < sentences - 1 and rng.random() < 0.15:
                other = rng.choice([v for v in show.voices if v != current])
                # A third of interjections come while the other still speaks.
                gap = -rng.uniform(0.4, 0.9) if rng.random() < 0.33 else rng.uniform(0.2, 0.5)
                word = rng.choice(INTERJECTIONS[other.language])
                planned.append(_Planned(other, word, gap, True))
    return planned


# -- synthesis ---------------------------------------------------------------------------------


def _decode(path: Path) -> Samples:
    with AudioDecoder(path) as decoder:
        blocks = list(decoder.blocks())
    return np.concatenate(blocks) if blocks else np.zeros(0, np.float32)


def _trim(samples: Samples) -> Samples:
    loud = np.flatnonzero(np.abs(samples) > SILENCE_LEVEL)
    if len(loud) == 0:
        return samples[:0]
    margin = SAMPLE_RATE // 100
    return samples[max(0, loud[0] - margin): loud[-1] + 1 + margin]


def _festival(voice: Voice, texts: Sequence[str], folder: Path) -> list[Samples]:
    if shutil.which("festival") is None:
        raise SynthesisError("festival is not installed: sudo apt-get install festival "
                             "festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts")
    script = [f"(voice_{voice.voice})", f"(Parameter.set 'Duration_Stretch {voice.stretch})"]
    for index, text in enumerate(texts):
        quoted = text.replace("\\", " ").replace('"', " ")
        script += [f'(set! u (utt.synth (Utterance Text "{quoted}")))',
                   f'(utt.save.wave u "{folder}/{index:05d}.wav" \'riff)']
    (folder / "script.scm").write_text("\n".join(script) + "\n", encoding="utf-8")
    done = subprocess.run(["festival", "-b", str(folder / "script.scm")], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0 or not (folder / f"{len(texts) - 1:05d}.wav").exists():
        raise SynthesisError(f"festival voice {voice.voice} failed (is its festvox package "
                             f"installed?): {done.stderr.strip()[-300:]}")
    return [_decode(folder / f"{index:05d}.wav") for index in range(len(texts))]


def _espeak(voice: Voice, texts: Sequence[str], folder: Path) -> list[Samples]:
    clips = []
    for index, text in enumerate(texts):
        wav = folder / f"{index:05d}.wav"
        subprocess.run(["espeak-ng", "-v", voice.voice, "-p", str(voice.pitch), "-s",
                        str(voice.rate), "-w", str(wav), text], check=True, capture_output=True)
        clips.append(_decode(wav))
    return clips


def _synthesise(voice: Voice, texts: Sequence[str], work: Path) -> list[Samples]:
    folder = work / voice.name
    folder.mkdir()
    clips = (_festival if voice.engine == "festival" else _espeak)(voice, texts, folder)
    shutil.rmtree(folder)
    level = 10 ** ((SPEECH_RMS_DB + voice.gain_db) / 20)
    trimmed = [_trim(clip) for clip in clips]
    return [(clip * (level / max(float(np.sqrt(np.mean(clip ** 2))), 1e-6))).astype(np.float32)
            if len(clip) else clip for clip in trimmed]


def _pink_noise(length: int, rms_db: float, seed: int) -> Samples:
    rng = np.random.default_rng(seed)
    noise = np.empty(length, np.float32)
    chunk = 1 << 20
    for start in range(0, length, chunk):
        size = min(chunk, length - start)
        spectrum = np.fft.rfft(rng.standard_normal(size))
        spectrum[1:] /= np.sqrt(np.arange(1, len(spectrum)))
        spectrum[0] = 0
        noise[start: start + size] = np.fft.irfft(spectrum, size)
    return (noise * (10 ** (rms_db / 20) / float(np.sqrt(np.mean(noise ** 2))))).astype(
        np.float32)


# -- assembling --------------------------------------------------------------------------------


def _assemble(recipe: EpisodeRecipe, planned: list[_Planned], clips: list[Samples]
              ) -> tuple[Samples, list[TruthLine]]:
    rng = random.Random(f"{recipe.show.seed}-{recipe.part}-times")
    starts: list[int] = []
    cursor = SAMPLE_RATE // 2
    previous_start = 0
    previous_length = 0
    for item, clip in zip(planned, clips, strict=True):
        start = cursor + round(item.gap_s * SAMPLE_RATE)
        if item.gap_s < 0:
            # Overlap at most half of either line: both stay mostly clear.
            start = max(start, previous_start + previous_length // 2,
                        cursor - len(clip) // 2)
        starts.append(start)
        previous_start, previous_length = start, len(clip)
        cursor = max(cursor, start + len(clip))
    total = cursor + SAMPLE_RATE
    mix = (np.zeros(total, np.float32) if recipe.noise_db is None
           else _pink_noise(total, recipe.noise_db, recipe.show.seed * 10 + recipe.part))
    for start, clip in zip(starts, clips, strict=True):
        mix[start: start + len(clip)] += clip
    spans = [(start, start + len(clip)) for start, clip in zip(starts, clips, strict=True)]
    lines = []
    for index, (item, (start, end)) in enumerate(zip(planned, spans, strict=True)):
        overlapped = any(other_start < end and start < other_end
                         for other, (other_start, other_end) in enumerate(spans)
                         if other != index and abs(other - index) <= 3
                         and planned[other].voice != item.voice)
        speech = (start * 1000 // SAMPLE_RATE, end * 1000 // SAMPLE_RATE)
        # Whisper's line times are a little wide and rounded to 10 ms.
        shown = (max(0, speech[0] - rng.randint(0, 15) * 10), speech[1] + rng.randint(0, 25) * 10)
        lines.append(TruthLine(shown[0], shown[1], item.text, item.voice.name, speech[0],
                               speech[1], overlapped, item.interjection))
    peak = float(np.max(np.abs(mix)))
    if peak > 0.99:
        mix *= 0.99 / peak
    return mix, lines


def _write_wav(path: Path, samples: Samples) -> None:
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())


def _write_episode(folder: Path, recipe: EpisodeRecipe, mix: Samples,
                   lines: list[TruthLine]) -> None:
    wav = folder / "episode.wav"
    _write_wav(wav, mix)
    subprocess.run(["opusenc", "--quiet", "--bitrate", OPUS_BITRATE, "--serial", OPUS_SERIAL,
                    "--title", recipe.name, str(wav), str(folder / "episode.opus")],
                   check=True, capture_output=True)
    wav.unlink()
    segments = [Segment(line.start_ms, line.end_ms, line.text) for line in lines]
    write_transcript(Transcript(segments), folder / "episode.srt")
    labelled = [Segment(line.start_ms, line.end_ms, line.text, line.speaker) for line in lines]
    write_transcript(Transcript(labelled), folder / "labelled.vtt")
    truth = {"name": recipe.name, "recipe": asdict(recipe),
             "speakers": [voice.name for voice in recipe.show.voices],
             "lines": [asdict(line) for line in lines]}
    (folder / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False),
                                       encoding="utf-8")


def _load(folder: Path) -> VoiceEpisode:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return VoiceEpisode(truth["name"], folder, tuple(truth["speakers"]),
                        tuple(TruthLine(**line) for line in truth["lines"]))


# Seconds a line takes on average, with its pause; fixes how many lines fill the minutes.
SECONDS_PER_LINE = {"en": 5.0, "nl": 3.7}


def build_episode(recipe: EpisodeRecipe, root: Path = BUILD) -> VoiceEpisode:
    """The episode of ``recipe``, made once and then read from ``root``."""
    folder = root / f"{recipe.name}-{recipe.digest()}"
    if (folder / "truth.json").exists():
        return _load(folder)
    root.mkdir(parents=True, exist_ok=True)
    languages = [voice.language for voice in recipe.show.voices]
    per_line = sum(SECONDS_PER_LINE[language] for language in languages) / len(languages)
    planned = _plan(recipe, per_line)
    with tempfile.TemporaryDirectory(prefix=".building-", dir=root) as work_name:
        work = Path(work_name)
        by_voice: dict[Voice, list[int]] = {}
        for index, item in enumerate(planned):
            by_voice.setdefault(item.voice, []).append(index)
        clips: list[Samples] = [np.zeros(0, np.float32)] * len(planned)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            futures = {voice: pool.submit(_synthesise, voice,
                                          [planned[i].text for i in indexes], work)
                       for voice, indexes in by_voice.items()}
            for voice, future in futures.items():
                for index, clip in zip(by_voice[voice], future.result(), strict=True):
                    clips[index] = clip
        kept = [i for i, clip in enumerate(clips) if len(clip)]  # a text with nothing to say
        mix, lines = _assemble(recipe, [planned[i] for i in kept], [clips[i] for i in kept])
        result = work / "episode"
        result.mkdir()
        _write_episode(result, recipe, mix, lines)
        try:
            result.rename(folder)  # whole or not at all
        except OSError:
            if not (folder / "truth.json").exists():  # not a twin build that finished first
                raise
    return _load(folder)


# -- the corpora -------------------------------------------------------------------------------


def short_recipe(show: Show, part: int = 1) -> EpisodeRecipe:
    """About a minute: for tests."""
    return EpisodeRecipe(show, part, 1.0)


BENCHMARK_MINUTES = 10.0


def benchmark_recipes() -> list[EpisodeRecipe]:
    """Both parts of every show at benchmark length."""
    return [EpisodeRecipe(show, part, BENCHMARK_MINUTES)
            for show in SHOWS.values() for part in (1, 2)]


def noisy_recipe() -> EpisodeRecipe:
    """The first English episode under a louder noise bed (about 15 dB below the speech)."""
    return EpisodeRecipe(EN3, 1, BENCHMARK_MINUTES, noise_db=-38.0)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Build the test episodes with known speakers.")
    parser.add_argument("--short", action="store_true", help="only the one-minute ones")
    options = parser.parse_args(argv)
    recipes = ([short_recipe(show, part) for show in SHOWS.values() for part in (1, 2)]
               if options.short else [*benchmark_recipes(), noisy_recipe()])
    for recipe in recipes:
        started = time.perf_counter()
        episode = build_episode(recipe)
        print(f"{episode.folder}: {len(episode.lines)} lines, "
              f"{episode.duration_ms / 60000:.1f} min, {len(episode.speakers)} voices "
              f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
