"""PocketSphinx word times on short recordings of voices that are neither its training data
nor espeak-ng's reference voice (Festival's "kal" for English, espeak-ng's "nl+m3" at 130
words per minute for Dutch); pronunciations for words no dictionary has; what it gives for a
silent line, for far too little audio and for the wrong text."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import pytest

from helpers.speech_synthesis import (
    RATE,
    EspeakRequest,
    Utterance,
    espeak_utterances,
    festival_utterances,
)
from meelezer.audio.alignment import AlignmentError
from meelezer.audio.alignment.phone_map import ARPABET, arpabet_variants, ipa_to_arpabet
from meelezer.audio.alignment.phonetic import PHONETIC_RATE, ChunkResult, PhoneticAligner
from meelezer.audio.alignment.pronunciation import spoken_form

ENGLISH = ["Welcome back to the show about GPT-4o and the 3 biggest AI labs.",
           "Today Meelezer listens to the whole recording, from 1990 until now."]
DUTCH = ["Welkom bij de podcast over kunstmatige intelligentie en AI-tools.",
         "Vandaag praten we over 12 taalmodellen die in Nederland worden gebouwd."]
LEAD_MS, GAP_MS, TAIL_MS = 400, 700, 300
TOLERANCE_MS = 100


def _recording(utterances: list[Utterance]) -> tuple[npt.NDArray[np.int16], list[list[int]]]:
    """The utterances with pauses between them over faint noise, as int16 at 16 kHz, and the
    true start (ms) of each word per line (-1 where the engine marked none)."""
    assert RATE == PHONETIC_RATE
    parts: list[npt.NDArray[np.float32]] = []
    starts: list[list[int]] = []
    position_ms = 0

    def pause(ms: int) -> None:
        nonlocal position_ms
        parts.append(np.zeros(ms * RATE // 1000, dtype=np.float32))
        position_ms += ms

    pause(LEAD_MS)
    for number, utterance in enumerate(utterances):
        if number:
            pause(GAP_MS)
        line = [-1] * (max(word.index for word in utterance.words) + 1)
        for word in utterance.words:
            line[word.index] = position_ms + word.start_ms
        starts.append(line)
        parts.append(utterance.samples.astype(np.float32))
        position_ms += len(utterance.samples) * 1000 // RATE
    pause(TAIL_MS)
    audio = np.concatenate(parts)
    peak = float(np.max(np.abs(audio))) or 1.0
    noise = np.random.default_rng(7).normal(0.0, 0.003, len(audio))
    return (np.clip(audio / peak * 0.5 + noise, -1, 1) * 32767).astype(np.int16), starts


def _start_errors(result: ChunkResult, truth: list[list[int]]) -> list[int]:
    return [abs(timing.start_ms - start)
            for timings, starts in zip(result.words, truth, strict=True)
            for timing, start in zip(timings, starts, strict=False)
            if timing is not None and start >= 0]


@pytest.fixture(scope="module")
def english() -> tuple[npt.NDArray[np.int16], list[list[int]]]:
    return _recording(festival_utterances(ENGLISH, "kal"))


@pytest.fixture(scope="module")
def dutch() -> tuple[npt.NDArray[np.int16], list[list[int]]]:
    return _recording(espeak_utterances(
        [EspeakRequest(text, "nl+m3", words_per_minute=130) for text in DUTCH]))


@pytest.fixture(scope="module")
def english_aligner() -> PhoneticAligner:
    return PhoneticAligner("en")


def test_english_words_start_where_festival_spoke_them(
        english: tuple[npt.NDArray[np.int16], list[list[int]]],
        english_aligner: PhoneticAligner) -> None:
    samples, truth = english
    result = english_aligner.align_chunk(samples, ENGLISH)

    assert result is not None
    assert [len(words) for words in result.words] == [len(line.split()) for line in ENGLISH]
    assert all(timing is not None for words in result.words for timing in words)
    errors = _start_errors(result, truth)
    assert len(errors) >= 20 and max(errors) <= TOLERANCE_MS, errors
    assert all(score < 0 for score in result.line_scores)


def test_dutch_words_start_where_another_voice_spoke_them(
        dutch: tuple[npt.NDArray[np.int16], list[list[int]]]) -> None:
    samples, truth = dutch
    result = PhoneticAligner("nl").align_chunk(samples, DUTCH)

    assert result is not None
    errors = _start_errors(result, truth)
    assert len(errors) >= 18 and max(errors) <= TOLERANCE_MS, errors


SILENT_GAPS = [
    "Tegenover mij Wietse Hagen en we gaan het hebben Wietse over de New York Times.",
    "Die gaat ondanks hun rechtszaak tegen OpenAI zelf AI-tools inzetten op de redactie.",
    "En dat gaat wel weer ook, onder andere, over Grok met een K.",
    "Maar Grok met een Q is weer iets anders."]


def test_lines_between_digital_silence_are_found_in_windows_that_cross_it() -> None:
    # Exact zeros between the lines (an edited recording): each line in a window from 1 s
    # before its start to 1 s after its end, so the neighbours' words are in the window.
    utterances = espeak_utterances(
        [EspeakRequest(text, "nl+f3", words_per_minute=145) for text in SILENT_GAPS])
    gap = np.zeros(PHONETIC_RATE // 2, dtype=np.float32)
    parts: list[npt.NDArray[np.float32]] = []
    truth: list[list[int]] = []
    position = 0
    for utterance in utterances:
        parts += [gap, utterance.samples.astype(np.float32)]
        position += len(gap)
        truth.append([position * 1000 // PHONETIC_RATE + word.start_ms
                      for word in utterance.words])
        position += len(utterance.samples)
    audio = np.concatenate([*parts, gap])
    samples = (audio / np.max(np.abs(audio)) * 0.5 * 32767).astype(np.int16)
    aligner = PhoneticAligner("nl")
    per_ms = PHONETIC_RATE // 1000
    errors: list[int] = []
    for index, text in enumerate(SILENT_GAPS):
        start = max(0, truth[index][0] - 1000)
        end = truth[index + 1][0] + 300 if index + 1 < len(truth) else len(samples) // per_ms
        result = aligner.align_chunk(samples[start * per_ms:end * per_ms], [text])
        assert result is not None
        errors += _start_errors(result, [[ms - start for ms in truth[index]]])

    assert max(errors) <= 2 * TOLERANCE_MS, errors


def test_a_window_with_the_end_of_the_line_before_still_finds_the_line(
        english: tuple[npt.NDArray[np.int16], list[list[int]]],
        english_aligner: PhoneticAligner) -> None:
    samples, truth = english
    # The window starts 2 s before the second line: 1.3 s into the first line's last words.
    start_ms = truth[1][0] - 2000
    result = english_aligner.align_chunk(samples[start_ms * PHONETIC_RATE // 1000:],
                                         ENGLISH[1:])

    assert result is not None
    shifted = [[start - start_ms for start in truth[1]]]
    errors = _start_errors(result, shifted)
    assert max(errors) <= TOLERANCE_MS, errors


@pytest.mark.parametrize(("language", "token"), [
    ("en", "Meelezer"), ("en", "GPT-4o"), ("en", "1990"), ("en", "AI"), ("en", "€20"),
    ("en", "50%"), ("en", "ChatGPT's"), ("en", "state-of-the-art"), ("nl", "AI-tools"),
    ("nl", "12"), ("nl", "GPT-4o"), ("nl", "rechtszaak"), ("nl", "Wietse"), ("nl", "œuvre")])
def test_every_word_gets_phones_the_model_knows(
        english_aligner: PhoneticAligner, language: str, token: str) -> None:
    aligner = english_aligner if language == "en" else PhoneticAligner(language)

    pronunciations = aligner._pronouncer.pronounce(token)

    assert pronunciations
    for phones in pronunciations:
        assert phones.split() and set(phones.split()) <= ARPABET, phones


def test_an_abbreviation_may_be_spelled_out(english_aligner: PhoneticAligner) -> None:
    assert "EY AY" in (english_aligner._pronouncer.pronounce("AI") or ())


@pytest.mark.parametrize("token", ["-", "…", "—", "?!", "(", "''", "„"])
def test_punctuation_alone_has_no_sound(english_aligner: PhoneticAligner, token: str) -> None:
    assert spoken_form(token) == ""
    assert english_aligner._pronouncer.pronounce(token) is None


def test_a_line_of_punctuation_gets_no_times_and_no_score(
        english: tuple[npt.NDArray[np.int16], list[list[int]]],
        english_aligner: PhoneticAligner) -> None:
    samples, truth = english
    result = english_aligner.align_chunk(samples, [ENGLISH[0], "— … -", ENGLISH[1]])

    assert result is not None
    assert result.words[1] == (None, None, None)
    assert math.isnan(result.line_scores[1])
    assert not math.isnan(result.line_scores[0]) and not math.isnan(result.line_scores[2])
    errors = _start_errors(result, [truth[0], [], truth[1]])
    assert max(errors) <= TOLERANCE_MS, errors
    only_dashes = english_aligner.align_chunk(samples, ["-", "…"])
    assert only_dashes is not None and only_dashes.words == ((None,), (None,))


def test_far_too_little_audio_gives_none(
        english: tuple[npt.NDArray[np.int16], list[list[int]]],
        english_aligner: PhoneticAligner) -> None:
    samples, _ = english
    quarter_second = samples[: PHONETIC_RATE // 4]

    assert english_aligner.align_chunk(quarter_second, ENGLISH) is None
    assert english_aligner.align_chunk(samples[:0], ENGLISH) is None
    assert math.isnan(english_aligner.phone_loop_score(samples[:0]))


def test_free_phones_score_above_the_wrong_text_and_the_right_text_above_it_too(
        english: tuple[npt.NDArray[np.int16], list[list[int]]],
        english_aligner: PhoneticAligner) -> None:
    samples, truth = english
    first_line = samples[: (truth[1][0] - GAP_MS // 2) * PHONETIC_RATE // 1000]
    wrong = "Those models have to speak the local languages better than the big ones do."

    right = english_aligner.align_chunk(first_line, [ENGLISH[0]])
    wrong_result = english_aligner.align_chunk(first_line, [wrong])
    free = english_aligner.phone_loop_score(first_line)

    assert right is not None
    assert free > right.line_scores[0]
    if wrong_result is not None:  # no path at all is the clearest "not this text"
        assert free > wrong_result.line_scores[0]
        assert right.line_scores[0] > wrong_result.line_scores[0]


def test_an_unknown_language_is_refused_with_a_message() -> None:
    with pytest.raises(AlignmentError, match="Dutch and English"):
        PhoneticAligner("de")


def test_pocketsphinx_prints_nothing(capfd: pytest.CaptureFixture[str],
                                     english: tuple[npt.NDArray[np.int16], list[list[int]]]
                                     ) -> None:
    samples, _ = english
    aligner = PhoneticAligner("en")
    aligner.align_chunk(samples, ENGLISH)
    aligner.phone_loop_score(samples)

    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


@pytest.mark.parametrize(("ipa", "language", "phones"), [
    ("h_ə_l_ˈoʊ", "en", ["HH", "AH", "L", "OW"]),
    ("dʒ_ˌiː_p_ˌiː_t_ˈiː  f_ˈoː_ɹ ˈoʊ", "en", ["JH", "IY", "P", "IY", "T", "IY", "F", "OW",
                                              "R", "OW"]),
    ("ɣ_ˈu_t", "nl", ["HH", "UW", "T"]),
    ("h_ˈœy_s", "nl", ["HH", "AW", "S"]),
    ("ʋ_ˈɛ_l_k_ɔ_m", "nl", ["W", "EH", "L", "K", "AO", "M"]),
])
def test_ipa_becomes_the_nearest_model_phones(ipa: str, language: str,
                                              phones: list[str]) -> None:
    assert ipa_to_arpabet(ipa, language) == phones


def test_a_dutch_sound_between_two_english_phones_gets_both() -> None:
    assert arpabet_variants("ɣ_ˈu_t", "nl") == [["HH", "UW", "T"], ["G", "UW", "T"]]
    assert arpabet_variants("m_ˈɑ_n", "nl") == [["M", "AA", "N"]]
    assert arpabet_variants("ɡ_ˈʊ_d", "en") == [["G", "UH", "D"]]
