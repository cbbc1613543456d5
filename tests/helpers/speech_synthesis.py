"""Speech with known word times, for the aligner's truth: Festival's English voices (word
times from the utterance's Word relation) and espeak-ng's Dutch and English variants (word
times from libespeak-ng's word events). Neither goes through Meelezer's own code, so a
mistake there cannot hide in the truth as well."""

from __future__ import annotations

import ctypes
import multiprocessing
import subprocess
import tempfile
import wave
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

RATE = 16_000  # every utterance is handed out at this rate, mono float32
Samples = npt.NDArray[np.float32]

# Festival's voices by the short names the corpus uses (Debian packages festvox-kallpc16k,
# festvox-kdlpc16k, festvox-us-slt-hts).
FESTIVAL_VOICES = {"kal": "voice_kal_diphone", "ked": "voice_ked_diphone",
                   "slt": "voice_cmu_us_slt_arctic_hts"}
FESTIVAL_TIMEOUT_S = 120
# A word's start is where its first segment starts: the end of the segment before it.
_FESTIVAL_WORD_START = "R:SylStructure.daughter1.daughter1.R:Segment.p.end"
_FESTIVAL_WORD_END = "R:SylStructure.daughtern.daughtern.R:Segment.end"


@dataclass(frozen=True)
class TimedWord:
    """A word of the text as spoken: its place in the text's whitespace-split words."""

    index: int
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class Utterance:
    samples: Samples  # starts at the first word (a few ms before it), ends after the last
    words: list[TimedWord]  # in order; words the engine did not mark are absent


def _scheme_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def festival_utterances(texts: list[str], voice: str,
                        stretches: list[float] | None = None) -> list[Utterance]:
    """Each text spoken by Festival's ``voice`` (a key of FESTIVAL_VOICES), slower for a
    stretch > 1 (the HTS voice ignores it), with the times of its words; one Festival run."""
    stretches = stretches or [1.0] * len(texts)
    with tempfile.TemporaryDirectory(prefix="festival-") as folder:
        wavs = [Path(folder) / f"utterance{index}.wav" for index in range(len(texts))]
        script = [f"({FESTIVAL_VOICES[voice]})"]
        for index, (text, stretch, wav) in enumerate(zip(texts, stretches, wavs, strict=True)):
            script += [
                f"(Parameter.set 'Duration_Stretch {stretch:.4f})",
                f"(set! utt (utt.synth (Utterance Text {_scheme_string(text)})))",
                f"(utt.save.wave utt {_scheme_string(str(wav))} 'riff)",
                f'(format t "@@ {index}\n")',
                "(mapcar (lambda (w) (format t \"%s\\t%f\\t%f\\n\" (item.name w) "
                f"(item.feat w \"{_FESTIVAL_WORD_START}\") "
                f"(item.feat w \"{_FESTIVAL_WORD_END}\"))) (utt.relation.items utt 'Word))"]
        (Path(folder) / "say.scm").write_text("\n".join(script) + "\n", encoding="utf-8")
        printed = subprocess.run(["festival", "--batch", str(Path(folder) / "say.scm")],
                                 capture_output=True, text=True, check=True,
                                 timeout=FESTIVAL_TIMEOUT_S).stdout
        spoken: list[list[tuple[str, float, float]]] = [[] for _ in texts]
        current = -1
        for row in printed.splitlines():
            if row.startswith("@@ "):
                current = int(row[3:])
            elif row.count("\t") == 2 and current >= 0:
                name, start, end = row.split("\t")
                spoken[current].append((name, float(start) * 1000, float(end) * 1000))
        # Festival's Word relation holds tokens as it says them ("well-known" becomes two
        # words); each is matched to the text's word it came from by spelling, in order.
        return [_cut(_read_wav_at_rate(wav), _match_words(text, words))
                for text, wav, words in zip(texts, wavs, spoken, strict=True)]


class _EspeakEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8)]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.POINTER(_EspeakEvent))
_ESPEAK_WORD_EVENT, _ESPEAK_LIST_END = 1, 0
_ESPEAK_RATE, _ESPEAK_PITCH = 1, 3
_ESPEAK_RETRIEVAL = 1
_ESPEAK_CHARS_UTF8 = 1


class _Espeak:
    """libespeak-ng loaded once, synthesising into memory with its word events."""

    def __init__(self) -> None:
        self.library = ctypes.CDLL("libespeak-ng.so.1")
        self.rate = self.library.espeak_Initialize(_ESPEAK_RETRIEVAL, 0, None, 0)
        if self.rate <= 0:
            raise RuntimeError("libespeak-ng did not start")
        self.chunks: list[npt.NDArray[np.int16]] = []
        self.events: list[tuple[int, int]] = []  # (text position, ms from the start)
        self.callback = _CALLBACK(self._collect)  # kept: the library calls it later
        self.library.espeak_SetSynthCallback(self.callback)

    def _collect(self, wav: ctypes._Pointer[ctypes.c_short], count: int,
                 events: ctypes._Pointer[_EspeakEvent]) -> int:
        if wav and count > 0:
            self.chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
        index = 0
        while events[index].type != _ESPEAK_LIST_END:
            event = events[index]
            if event.type == _ESPEAK_WORD_EVENT:
                self.events.append((event.text_position, event.audio_position))
            index += 1
        return 0

    def speak(self, text: str, voice: str, words_per_minute: int,
              pitch: int) -> tuple[Samples, list[tuple[int, int]]]:
        if self.library.espeak_SetVoiceByName(voice.encode()) != 0:
            raise RuntimeError(f"espeak-ng has no voice {voice!r}")
        self.library.espeak_SetParameter(_ESPEAK_RATE, words_per_minute, 0)
        self.library.espeak_SetParameter(_ESPEAK_PITCH, pitch, 0)
        self.chunks, self.events = [], []
        data = text.encode("utf-8")
        buffer = ctypes.create_string_buffer(data)
        self.library.espeak_Synth(buffer, len(data) + 1, 0, 0, 0, _ESPEAK_CHARS_UTF8, None,
                                  None)
        self.library.espeak_Synchronize()
        pcm = np.concatenate(self.chunks) if self.chunks else np.zeros(0, np.int16)
        return _resample(pcm.astype(np.float32) / 32768, self.rate), self.events


@dataclass(frozen=True)
class EspeakRequest:
    text: str
    voice: str  # e.g. "nl+f3"
    words_per_minute: int = 160
    pitch: int = 50


def espeak_utterances(requests: list[EspeakRequest]) -> list[Utterance]:
    """Each text spoken by espeak-ng with its word times, in a fresh process: libespeak-ng
    carries a little state from one utterance to the next (a few ms of difference), so
    only the same calls in a fresh process give the same audio every run."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_espeak_here, requests).result()


def _espeak_here(requests: list[EspeakRequest]) -> list[Utterance]:
    engine = _Espeak()
    return [_espeak_utterance(engine, request) for request in requests]


def _espeak_utterance(engine: _Espeak, request: EspeakRequest) -> Utterance:
    text = request.text
    samples, events = engine.speak(text, request.voice, request.words_per_minute,
                                   request.pitch)
    # Word events name the character (1-based, counted in characters) the word starts at.
    starts = [offset for offset, _ in _word_spans(text)]
    words: list[TimedWord] = []
    for position, ms in events:
        index = int(np.searchsorted(starts, position - 1, side="right")) - 1
        if index >= 0 and (not words or index > words[-1].index):
            words.append(TimedWord(index, ms, ms))
    speech_end = _speech_end_ms(samples)
    ends = [word.start_ms for word in words[1:]] + [speech_end]
    return _cut(samples, [TimedWord(w.index, w.start_ms, max(w.start_ms, end))
                          for w, end in zip(words, ends, strict=True)])


def _word_spans(text: str) -> list[tuple[int, str]]:
    spans: list[tuple[int, str]] = []
    offset = 0
    for word in text.split():
        offset = text.index(word, offset)
        spans.append((offset, word))
        offset += len(word)
    return spans


def _spelling(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _match_words(text: str, spoken: list[tuple[str, float, float]]) -> list[TimedWord]:
    """Festival's words placed on the text's words: a spoken word belongs to the next text
    word spelled the same, else to the text word it is part of ("well-known" is said as
    two words); a text word's time runs from its first spoken word to its last."""
    written = [_spelling(word) for _, word in _word_spans(text)]
    placed: dict[int, tuple[float, float]] = {}
    current = -1
    for name, start, end in spoken:
        wanted = _spelling(name)
        ahead = range(current + 1, min(current + 4, len(written)))
        exact = [index for index in ahead if written[index] == wanted]
        partial = [index for index in (current, *ahead)
                   if index >= 0 and wanted and wanted in written[index]]
        chosen = (exact or partial or [None])[0]
        if chosen is not None:
            current = chosen
            placed[chosen] = (placed.get(chosen, (start, end))[0], end)
    return [TimedWord(index, round(start), round(end))
            for index, (start, end) in sorted(placed.items())]


def _speech_end_ms(samples: Samples) -> int:
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    return int((loud[-1] + 1) * 1000 // RATE) if len(loud) else 0


EDGE_MS = 20  # kept before the first word and after the last one


def _cut(samples: Samples, words: list[TimedWord]) -> Utterance:
    """The utterance from just before its first word to just after its last, word times
    moved to match."""
    if not words:
        raise RuntimeError("the synthesiser marked no words")
    begin_ms = max(0, words[0].start_ms - EDGE_MS)
    end_ms = max(words[-1].end_ms, _speech_end_ms(samples)) + EDGE_MS
    cut = samples[begin_ms * RATE // 1000:end_ms * RATE // 1000]
    return Utterance(np.ascontiguousarray(cut, dtype=np.float32),
                     [TimedWord(w.index, w.start_ms - begin_ms, w.end_ms - begin_ms)
                      for w in words])


def _read_wav_at_rate(path: Path) -> Samples:
    with wave.open(str(path), "rb") as wav:
        rate, channels = wav.getframerate(), wav.getnchannels()
        pcm = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    mono = pcm.reshape(-1, channels).mean(axis=1) if channels > 1 else pcm
    return _resample(mono.astype(np.float32) / 32768, rate)


def _resample(samples: Samples, rate: int) -> Samples:
    """To RATE by sox (a good filter, deterministic with -R -D)."""
    if rate == RATE:
        return samples.astype(np.float32)
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
    converted = subprocess.run(
        ["sox", "-R", "-D", "-t", "raw", "-r", str(rate), "-e", "signed", "-b", "16", "-c",
         "1", "-", "-t", "raw", "-r", str(RATE), "-e", "signed", "-b", "16", "-c", "1", "-"],
        input=pcm, capture_output=True, check=True).stdout
    return (np.frombuffer(converted, dtype="<i2").astype(np.float32) / 32768)
