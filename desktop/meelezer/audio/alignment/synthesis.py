"""The reference speech: each line spoken by espeak-ng, with where every word starts.

libespeak-ng (the espeak-ng Debian package) is called through ctypes in synchronous mode:
its callback hands over the samples together with a WORD event per spoken word, whose
``text_position`` (1-based, in characters) tells which token it is and ``audio_position``
(ms) where it starts. That is the timing of the synthetic speech for free, hundreds of
times faster than real time; no subprocess, no temporary files.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from meelezer.audio.alignment.model import AlignmentError
from meelezer.texts import translate

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1
_PARAMETER_RATE = 1
_PHONEMES_IPA = 0x02  # espeak_TextToPhonemes: IPA in UTF-8 rather than espeak's own names
_PHONEME_SEPARATOR = ord("_") << 8  # ... with "_" between phonemes
VOICES = {"nl": "nl", "en": "en-us"}
DEFAULT_RATE = 175  # espeak-ng's words per minute


class _Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_void_p)]


_Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.POINTER(_Event))


@dataclass(frozen=True, slots=True)
class SpokenLine:
    """One line's synthetic speech (int16 at ``rate``) and, per ``text.split()`` token, the
    sample where espeak-ng starts it (-1: it said nothing for it, e.g. a lone dash)."""

    samples: npt.NDArray[np.int16]
    rate: int
    word_starts: tuple[int, ...]


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each ``text.split()`` token."""
    spans: list[tuple[int, int]] = []
    position = 0
    for token in text.split():
        start = text.index(token, position)
        spans.append((start, start + len(token)))
        position = start + len(token)
    return spans


class Speaker:
    """libespeak-ng, loaded once per process; one synthesis at a time (it keeps global state)."""

    _lock = threading.Lock()
    _library: ctypes.CDLL | None = None
    _rate = 0

    def __init__(self, language: str, words_per_minute: int = DEFAULT_RATE):
        self.voice = VOICES.get(language, language)
        self.words_per_minute = words_per_minute
        self._chunks: list[npt.NDArray[np.int16]] = []
        self._events: list[tuple[int, int]] = []
        self._callback = _Callback(self._receive)

    @classmethod
    def load(cls) -> ctypes.CDLL:
        """libespeak-ng, initialised; raises ``AlignmentError`` when it is missing."""
        if cls._library is None:
            name = ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1"
            try:
                library = ctypes.CDLL(name)
            except OSError as error:
                raise AlignmentError(translate(
                    "Alignment", "Syncing to audio needs espeak-ng, which is not installed "
                    "({reason}). Install the espeak-ng package and try again.").format(
                        reason=error)) from error
            rate = library.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0)
            if rate <= 0:
                raise AlignmentError(translate(
                    "Alignment", "espeak-ng could not start (its voice data is missing?). "
                    "Reinstall the espeak-ng package and try again."))
            cls._library, cls._rate = library, rate
        return cls._library

    def _receive(self, wave: ctypes._Pointer[ctypes.c_short], count: int,
                 events: ctypes._Pointer[_Event]) -> int:
        if count > 0 and wave:
            self._chunks.append(np.ctypeslib.as_array(wave, shape=(count,)).copy())
        index = 0
        while events[index].type != _EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == _EVENT_WORD:
                self._events.append((event.text_position - 1, event.sample))
            index += 1
        return 0

    def _set_voice(self, library: ctypes.CDLL) -> None:
        if library.espeak_SetVoiceByName(self.voice.encode()) != 0:
            raise AlignmentError(translate(
                "Alignment", "espeak-ng has no voice for the language \"{language}\". "
                "Choose Dutch or English.").format(language=self.voice))

    def speak(self, text: str) -> SpokenLine:
        """``text`` spoken, with the start sample of each of its tokens."""
        with self._lock:
            library = self.load()
            library.espeak_SetSynthCallback(self._callback)
            self._set_voice(library)
            library.espeak_SetParameter(_PARAMETER_RATE, self.words_per_minute, 0)
            self._chunks, self._events = [], []
            encoded = text.encode("utf-8")
            library.espeak_Synth(encoded, len(encoded) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8,
                                 None, None)
            samples = (np.concatenate(self._chunks) if self._chunks
                       else np.zeros(0, dtype=np.int16))
            events, rate = self._events, self._rate
        return SpokenLine(samples, rate, _token_starts(text, events))

    def phonemes(self, text: str) -> str:
        """espeak-ng's IPA for ``text`` in this voice: phonemes separated by "_", words by
        spaces (numbers and abbreviations as it would say them)."""
        with self._lock:
            library = self.load()
            self._set_voice(library)
            convert = library.espeak_TextToPhonemes
            convert.restype = ctypes.c_char_p
            convert.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int]
            remaining = ctypes.c_char_p(text.encode("utf-8"))
            clauses: list[str] = []
            while remaining.value:  # one call per clause; it moves the pointer on
                result = convert(ctypes.byref(remaining), _CHARS_UTF8,
                                 _PHONEMES_IPA | _PHONEME_SEPARATOR)
                clauses.append((result or b"").decode("utf-8", "replace"))
        return " ".join(clauses)


def _token_starts(text: str, events: list[tuple[int, int]]) -> tuple[int, ...]:
    """Each token's first WORD event sample (a number read as several words counts once;
    a token of only punctuation gets none)."""
    spans = token_spans(text)
    # espeak-ng puts a word after a lone dash or quote at the punctuation's position.
    spoken = [any(char.isalnum() for char in text[start:end]) for start, end in spans]
    starts = [-1] * len(spans)
    token = 0
    for position, sample in events:
        while token < len(spans) and (position >= spans[token][1] or not spoken[token]):
            token += 1
        if token == len(spans):
            break
        if starts[token] < 0:
            starts[token] = sample
    return tuple(starts)
