"""The refinement (pocketsphinx forced alignment after the warping) on short recordings whose
truth is known, made by voices the aligner does not use (tests/helpers/alignment_truth.py):
English words land closer to the truth than the warping put them (Dutch keeps the warped
times, which are better there); anchored lines, lines not found
and chunks pocketsphinx cannot place keep the warped times; the work stops between chunks
on cancel, and gives the same times (within the dither) in two worker processes as in this one."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pytest

import meelezer.audio.alignment.aligner as aligner
from helpers.alignment_truth import Condition, TruthRecording, truth_recording
from helpers.audio_files import read_wav, write_wav
from meelezer.audio.alignment import AlignedLine, LineToAlign, align
from meelezer.audio.alignment.phonetic import ChunkResult, PhoneticAligner
from meelezer.audio.alignment.refine import refine
from meelezer.audio.alignment.sample_file import SampleFile
from meelezer.audio.alignment.timing import spread_words
from meelezer.audio.decode import AudioDecoder
from meelezer.transcript.timing import estimate_times
from meelezer.work import Cancelled

ENGLISH = Condition("en refine test", "en", "festival", "kal", first_line=3, line_count=8,
                    speed=1.1)
DUTCH = Condition("nl refine test", "nl", "espeak", "nl+m3", first_line=30, line_count=8,
                  speed=1.6)


@dataclass(frozen=True)
class Run:
    """One ``align`` with the lines the warping gave to ``refine`` and what it made of them."""

    recording: TruthRecording
    lines: list[LineToAlign]
    warped: list[AlignedLine]
    refined: list[AlignedLine]


def _untimed(recording: TruthRecording) -> list[LineToAlign]:
    estimated = estimate_times([line.text for line in recording.lines], recording.duration_ms)
    return [LineToAlign(segment.text, segment.start_ms, segment.end_ms) for segment in estimated]


def _aligned(recording: TruthRecording, lines: list[LineToAlign],
             monkeypatch: pytest.MonkeyPatch) -> Run:
    seen: dict[str, list[AlignedLine]] = {}

    def watched(samples: SampleFile, given: Sequence[LineToAlign],
                warped: Sequence[AlignedLine], *args: object,
                **kwargs: object) -> list[AlignedLine]:
        seen["warped"] = list(warped)
        seen["refined"] = refine(samples, given, warped, *args, **kwargs)  # type: ignore[arg-type]
        return seen["refined"]

    monkeypatch.setattr(aligner, "refine", watched)
    result = align(recording.audio, lines, language=recording.condition.language)
    assert list(result.lines) == seen["refined"]
    return Run(recording, lines, seen["warped"], seen["refined"])


def _kept(audio: Path) -> SampleFile:
    """The file's samples, as ``align`` keeps them for ``refine``."""
    kept = SampleFile()
    with AudioDecoder(audio) as decoder:
        for block in decoder.blocks():
            kept.append(block)
    return kept


def _word_errors(recording: TruthRecording, lines: Sequence[AlignedLine]) -> list[int]:
    return [abs(word.start_ms - start)
            for line, truth in zip(lines, recording.lines, strict=True) if truth.in_audio
            for word, start in zip(line.words, truth.word_starts_ms, strict=True)
            if start is not None]


@pytest.fixture(scope="module")
def recordings(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Condition],
                                                                      TruthRecording]:
    folder = tmp_path_factory.mktemp("truth")
    return lambda condition: truth_recording(condition, folder)


@pytest.fixture(scope="module")
def english(recordings: Callable[[Condition], TruthRecording]) -> Run:
    """The English recording aligned once from untimed text (the tests only read it)."""
    recording = recordings(ENGLISH)
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _aligned(recording, _untimed(recording), monkeypatch)


def test_words_land_closer_to_the_truth_than_the_warping_put_them(
        english: Run) -> None:
    recording, run = english.recording, english

    warped = np.array(_word_errors(recording, run.warped))
    refined = np.array(_word_errors(recording, run.refined))
    assert np.percentile(refined, 90) < np.percentile(warped, 90), (warped, refined)
    assert refined.mean() < warped.mean(), (warped, refined)
    assert np.percentile(refined, 90) <= 60, refined
    for line, result in zip(run.lines, run.refined, strict=True):
        assert [word.text for word in result.words] == line.text.split()
        assert result.start_ms == result.words[0].start_ms
        assert all(earlier.end_ms <= later.start_ms
                   for earlier, later in zip(result.words, result.words[1:], strict=False))


def test_dutch_keeps_the_warped_times(recordings: Callable[[Condition], TruthRecording],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    recording = recordings(DUTCH)
    run = _aligned(recording, _untimed(recording), monkeypatch)

    assert run.refined == run.warped
    assert np.percentile(_word_errors(recording, run.refined), 90) <= 60


def test_an_anchored_line_and_a_line_not_found_keep_their_warped_times(
        recordings: Callable[[Condition], TruthRecording],
        monkeypatch: pytest.MonkeyPatch) -> None:
    recording = recordings(ENGLISH)
    lines = _untimed(recording)
    # The user tapped line 3 a little late; a title line is not in the audio at all.
    tapped = recording.lines[3].start_ms + 120
    lines[3] = LineToAlign(lines[3].text, tapped, lines[3].end_ms, anchored=True)
    title = LineToAlign("Episode twelve: small models on old laptops, with a guest", 0, 3000)

    run = _aligned(recording, [title, *lines], monkeypatch)

    assert not run.warped[0].found and run.refined[0] == run.warped[0]
    assert run.refined[4].start_ms == tapped and run.refined[4] == run.warped[4]
    # The others were refined.
    assert sum(refined != warped for refined, warped in zip(run.refined, run.warped,
                                                            strict=True)) >= 5


def test_chunks_pocketsphinx_cannot_place_keep_their_warped_times(
        english: Run,
        monkeypatch: pytest.MonkeyPatch) -> None:
    recording, run = english.recording, english
    unplaceable = recording.lines[5].text
    real_align_chunk = PhoneticAligner.align_chunk

    def no_path_for_line_5(self: PhoneticAligner, samples: np.ndarray,
                           lines: Sequence[str]) -> ChunkResult | None:
        return None if unplaceable in lines else real_align_chunk(self, samples, lines)

    monkeypatch.setattr(PhoneticAligner, "align_chunk", no_path_for_line_5)
    again = refine(_kept(recording.audio), run.lines, run.warped, "en", lambda: None,
                   lambda done: None)

    assert again[5] == run.warped[5]
    assert sum(line != warped for line, warped in zip(again, run.warped, strict=True)) >= 1


def test_a_line_whose_text_is_not_what_is_said_there_keeps_its_warped_times(
        english: Run) -> None:
    recording, run = english.recording, english
    # Say the warping had taken line 5 for another sentence of about its length.
    other = "The weather in the mountains was cold and wet for most of the week"
    lines = [*run.lines[:5], LineToAlign(other, run.lines[5].start_ms, run.lines[5].end_ms),
             *run.lines[6:]]
    warped = [*run.warped[:5], replace(run.warped[5], words=spread_words(
        other.split(), run.warped[5].start_ms, run.warped[5].end_ms)), *run.warped[6:]]

    refined = refine(_kept(recording.audio), lines, warped, "en", lambda: None,
                     lambda done: None)

    assert refined[5] == warped[5]
    assert sum(line != before for line, before in zip(refined, warped, strict=True)) >= 5


def _music(seconds: float) -> np.ndarray:
    """Chords (a new one every 2 s, with overtones) over a beat: sound that is not speech."""
    t = np.arange(round(seconds * 16_000)) / 16_000
    chords = [(220.0, 277.2, 329.6), (196.0, 246.9, 293.7), (174.6, 220.0, 261.6)]
    root = np.array(chords)[(t // 2).astype(int) % len(chords)]
    music = sum(np.sin(2 * np.pi * root[:, k] * harmonic * t) / harmonic
                for k in range(3) for harmonic in (1, 2, 3))
    music = music + 0.8 * np.exp(-(t % 0.5) * 30) * np.sin(2 * np.pi * 60 * t)
    return (music / np.max(np.abs(music)) * 0.3).astype(np.float32)


def test_a_line_the_warping_put_in_music_keeps_its_times(
        recordings: Callable[[Condition], TruthRecording], tmp_path: Path) -> None:
    recording = recordings(ENGLISH)
    intro_ms = 10_000
    audio = write_wav(tmp_path / "music first.wav",
                      np.concatenate((_music(intro_ms / 1000), read_wav(recording.audio))))
    # The warping found every line where it is, and (wrongly) a title line in the music.
    title = LineToAlign("Small models on old laptops, a conversation", 2000, 7000)
    lines = [title] + [LineToAlign(line.text, line.start_ms + intro_ms, line.end_ms + intro_ms)
                       for line in recording.lines]
    warped = [AlignedLine(2000, 7000, spread_words(title.text.split(), 2000, 7000), 1.0, True)]
    warped += [AlignedLine(line.start_ms, line.end_ms, spread_words(line.text.split(),
                                                                    line.start_ms, line.end_ms),
                           1.0, True) for line in lines[1:]]

    refined = refine(_kept(audio), lines, warped, "en", lambda: None, lambda done: None)

    assert refined[0] == warped[0]
    errors = [abs(word.start_ms - intro_ms - start)
              for line, truth in zip(refined[1:], recording.lines, strict=True)
              for word, start in zip(line.words, truth.word_starts_ms, strict=True)
              if start is not None]
    assert np.percentile(errors, 90) <= 60, errors


def test_cancel_stops_between_chunks_and_ends_the_workers(
        english: Run,
        monkeypatch: pytest.MonkeyPatch) -> None:
    recording, run = english.recording, english
    # One chunk per line, so there is a between.
    monkeypatch.setattr("meelezer.audio.alignment.refine.CHUNK_MS", 1)
    for workers in (0, 2):
        progress: list[float] = []

        def check(progress: list[float] = progress) -> None:
            if progress:
                raise Cancelled

        with pytest.raises(Cancelled):
            refine(_kept(recording.audio), run.lines, run.warped, "en", check,
                   progress.append, workers=workers)
        assert len(progress) == 1 and 0 < progress[0] < 1
        assert multiprocessing.active_children() == []


def test_two_worker_processes_give_the_same_times(
        english: Run,
        monkeypatch: pytest.MonkeyPatch) -> None:
    recording, run = english.recording, english
    monkeypatch.setattr("meelezer.audio.alignment.refine.CHUNK_MS", 1)
    progress: list[float] = []

    kept = _kept(recording.audio)
    here = refine(kept, run.lines, run.warped, "en", lambda: None, lambda done: None,
                  workers=0)
    in_workers = refine(kept, run.lines, run.warped, "en", lambda: None, progress.append,
                        workers=2)

    assert here != run.warped
    # PocketSphinx's dither goes on from chunk to chunk, and the workers share the chunks
    # out: the same lines and words, at times that differ by a frame or two at most.
    assert [len(line.words) for line in in_workers] == [len(line.words) for line in here]
    assert max(abs(a.start_ms - b.start_ms) for line_a, line_b in zip(in_workers, here, strict=True)
               for a, b in zip(line_a.words, line_b.words, strict=True)) <= 30
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert multiprocessing.active_children() == []
