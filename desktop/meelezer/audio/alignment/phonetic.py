"""Word times from a speaker-independent acoustic model: PocketSphinx forced alignment.

The espeak-ng/MFCC comparison (dtw) finds roughly where each line is; within such a window
PocketSphinx's US English model (shipped inside the pocketsphinx wheel with CMUdict, BSD
licence) finds where each word starts to within a few tens of milliseconds for any voice.
Dutch uses the same model, each Dutch sound mapped to the nearest English phone.

The scores are PocketSphinx's acoustic scores, which it normalises per 10 ms frame by the best
state it evaluated: a natural log per frame, 0 at best; comparable only between calls of
the same ``PhoneticAligner`` (``phone_loop_score`` is the yardstick for ``line_scores``).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from meelezer.audio.alignment.model import AlignmentError
from meelezer.audio.alignment.pronunciation import Pronouncer, Pronunciations
from meelezer.texts import translate

PHONETIC_RATE = 16_000  # samples per second the aligner takes (mono)
FRAME_MS = 10  # PocketSphinx's frame step
LANGUAGES = ("nl", "en")
# The search's options, chosen on the truth recordings (tests/benchmarks, phonetic oracle):
# wider beams than PocketSphinx's defaults keep the path alive through a word said otherwise
# than its pronunciation here (a Dutch sound mapped to an English phone, a number).
# (1e-150 rather than 1e-80: Dutch over a music bed had 6 % of words > 0.5 s off, 1.5 % now,
# at the same speed.)
_SEARCH_OPTIONS: dict[str, Any] = {"bestpath": False, "beam": 1e-150, "pbeam": 1e-150,
                                   "wbeam": 1e-120, "fsgusefiller": False}
# Free phone recognition: a weak phone bigram (lw 2) and narrower beams, as in
# PocketSphinx's own allphone example; only its score is used.
_PHONE_LOOP_OPTIONS: dict[str, Any] = {"lw": 2.0, "beam": 1e-10, "pbeam": 1e-10,
                                       "bestpath": False}
# The probability of each phone before the first word or after the last, tried in turn
# until a path reaches the last word (0: none allowed); measured on the truth recordings.
EDGE_PHONE_PENALTIES = (1e-10, 1e-20, 0.0)
# A few broad phones explain a neighbour's speech as well as all 39 for this purpose, and
# the search runs two to three times faster (measured: same word errors, 25x -> 60x).
EDGE_PHONES = ("AA", "AH", "F", "IY", "K", "L", "M", "N", "R", "S", "T", "UW")
# PocketSphinx's own filler handling in a grammar lost whole lines of fast Dutch speech (no
# path); an explicit optional silence between words did not, at the same word errors.
SILENCE_PROB = 0.005
_KEY_PREFIX = "w"  # dictionary entries of the words being aligned: w0, w0(2), w1 ...


@dataclass(frozen=True, slots=True)
class WordTiming:
    """One ``text.split()`` token; ms relative to ``samples[0]``."""

    start_ms: int
    end_ms: int


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """Per line, per token: where it is spoken (None: the token has no sound, e.g. "-");
    per line: the mean acoustic score per frame over its words (higher is better; nan for
    a line with no sounding token)."""

    words: tuple[tuple[WordTiming | None, ...], ...]
    line_scores: tuple[float, ...]


class PhoneticAligner:
    """One per align() call (loads the model, ~0.2 s); not thread-safe."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise AlignmentError(translate(
                "Alignment", "Word times can be found for Dutch and English only, not for "
                "\"{language}\". Choose Dutch or English.").format(language=language))
        self.language = language
        self._decoder = _decoder(**_SEARCH_OPTIONS)
        self._phone_loop: Any = None  # made on first use: verification needs it, refining not
        self._pronouncer = Pronouncer(language, self._decoder.lookup_word)
        self._keys: dict[Pronunciations, str] = {}
        self._edge_words: list[str] = []

    def align_chunk(self, samples: npt.NDArray[np.int16],
                    lines: Sequence[str]) -> ChunkResult | None:
        """Forced alignment of the lines' words, in order, to the whole of ``samples``
        (16 kHz mono), with optional silence or noise between words. None: PocketSphinx
        found no path (e.g. far too little audio for the text)."""
        keys = [[self._key(token) for token in line.split()] for line in lines]
        spoken = [key for line in keys for key in line if key is not None]
        if not spoken:
            return ChunkResult(tuple((None,) * len(line) for line in keys),
                               (math.nan,) * len(keys))
        if len(samples) < PHONETIC_RATE * FRAME_MS // 1000 * len(spoken):
            return None  # not even a frame per word
        segments = self._decode(samples, spoken)
        words = [segment for segment in segments or () if _is_key(segment.word)]
        if len(words) != len(spoken):
            return None
        return _chunk_result(keys, words)

    def phone_loop_score(self, samples: npt.NDArray[np.int16]) -> float:
        """Mean acoustic score per 10 ms frame of free phone recognition over ``samples``:
        what the best any-phones explanation scores (nan for no audio)."""
        if self._phone_loop is None:
            self._phone_loop = _decoder(allphone=_model_file("en-us-phone.lm.bin"),
                                        **_PHONE_LOOP_OPTIONS)
        segments = _run(self._phone_loop, samples)
        if not segments:
            return math.nan
        return _mean_score(segments)

    def _key(self, token: str) -> str | None:
        """The dictionary entry for ``token``'s pronunciations, added on first use."""
        pronunciations = self._pronouncer.pronounce(token)
        if pronunciations is None:
            return None
        key = self._keys.get(pronunciations)
        if key is None:
            key = f"{_KEY_PREFIX}{len(self._keys)}"
            for index, phones in enumerate(pronunciations):
                name = key if index == 0 else f"{key}({index + 1})"
                self._decoder.add_word(name, phones, index == len(pronunciations) - 1)
            self._keys[pronunciations] = key
        return key

    def _decode(self, samples: npt.NDArray[np.int16], words: list[str]) -> list[Any] | None:
        """The segments of the words in order (silence or noise may come between them), None
        when no path reaches the last word. Any phones may come before the first word and
        after the last, as a window's edges may hold the end of the line before or the start
        of the next; each costs a penalty, raised when such phones crowd the words out of
        the search, and in the end plain alignment (no phones at the edges) is tried."""
        for penalty in EDGE_PHONE_PENALTIES:
            if penalty > 0:
                self._decoder.add_fsg("chunk", self._grammar(words, penalty))
                self._decoder.activate_search("chunk")
            else:
                try:
                    self._decoder.set_align_text(" ".join(words))
                except RuntimeError:  # it refuses what it cannot align; nothing else to try
                    return None
            segments = _run(self._decoder, samples)
            if segments is not None:
                return segments
        return None

    def _grammar(self, words: list[str], penalty: float) -> Any:
        if not self._edge_words:
            for phone in EDGE_PHONES:
                self._decoder.add_word(f"+{phone}", phone, phone == EDGE_PHONES[-1])
            self._edge_words = [f"+{phone}" for phone in EDGE_PHONES]
        last = len(words)
        transitions: list[tuple[Any, ...]] = [(state, state, penalty, phone)
                                              for state in (0, last) for phone in self._edge_words]
        transitions += [(index, index + 1, 1.0, word) for index, word in enumerate(words)]
        transitions += [(state, state, SILENCE_PROB, "<sil>") for state in range(last + 1)]
        return self._decoder.create_fsg("chunk", 0, last, transitions)



def _decoder(**options: Any) -> Any:
    """A quiet PocketSphinx decoder on the packaged US English model (no language model)."""
    try:
        import pocketsphinx  # here: only Sync to audio needs it
    except ImportError as error:
        raise AlignmentError(translate(
            "Alignment", "Word times need the pocketsphinx package, which is missing "
            "({reason}). Reinstall Meelezer and try again.").format(reason=error)) from error
    try:
        return pocketsphinx.Decoder(
            hmm=_model_file("en-us"), dict=_model_file("cmudict-en-us.dict"), lm=None,
            samprate=PHONETIC_RATE, loglevel="FATAL", logfn=os.devnull,
            # Digital silence (exact zeros, as between edited segments) gives features of
            # -inf energy that pulled words into it; half a bit of noise (seeded: the same
            # result every run) fixed lines of Dutch that were 1 s off.
            dither=True, seed=1, **options)
    except (RuntimeError, ValueError) as error:
        raise AlignmentError(translate(
            "Alignment", "pocketsphinx could not load its speech model ({reason}). "
            "Reinstall Meelezer and try again.").format(reason=error)) from error


def _model_file(name: str) -> str:
    import pocketsphinx

    return os.path.join(pocketsphinx.get_model_path(), "en-us", name)


def _run(decoder: Any, samples: npt.NDArray[np.int16]) -> list[Any] | None:
    """The segments of one utterance (words, silences, noises), None when no path."""
    if len(samples) == 0:
        return None
    decoder.start_utt()
    decoder.process_raw(np.ascontiguousarray(samples, dtype=np.int16).tobytes(),
                        full_utt=True)
    decoder.end_utt()
    segments = decoder.seg()
    return None if segments is None else list(segments)


def _is_key(word: str) -> bool:
    return word.startswith(_KEY_PREFIX) and word[len(_KEY_PREFIX):].split("(")[0].isdigit()


def _frames(segment: Any) -> int:
    return int(segment.end_frame) - int(segment.start_frame) + 1


def _mean_score(segments: Sequence[Any]) -> float:
    frames = sum(_frames(segment) for segment in segments)
    total = sum(math.log(max(float(segment.ascore), 1e-300)) for segment in segments)
    return total / frames if frames else math.nan


def _chunk_result(keys: list[list[str | None]], words: list[Any]) -> ChunkResult:
    found = iter(words)
    timings: list[tuple[WordTiming | None, ...]] = []
    scores: list[float] = []
    for line in keys:
        segments = [next(found) if key is not None else None for key in line]
        timings.append(tuple(
            None if segment is None else WordTiming(
                int(segment.start_frame) * FRAME_MS, (int(segment.end_frame) + 1) * FRAME_MS)
            for segment in segments))
        sounding = [segment for segment in segments if segment is not None]
        scores.append(_mean_score(sounding) if sounding else math.nan)
    return ChunkResult(tuple(timings), tuple(scores))
