"""Check labels on a generated episode: planted wrong labels are marked, right ones are
not, and a line holding two voices gets the time where the voice changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from helpers.audio_files import read_wav, write_wav
from meelezer.audio.analyser import analyse
from meelezer.audio.decode import SAMPLE_RATE
from meelezer.audio.voices.check import check_labels
from meelezer.audio.voices.embeddings import LineSpan, embed_lines

from .conftest import EmbeddedEpisode

pytestmark = pytest.mark.slow
NAMES = ("Ann", "Bob", "Cas")


def test_planted_wrong_labels_are_marked(three_voices: EmbeddedEpisode) -> None:
    episode, embeddings = three_voices.episode, three_voices.embeddings
    labels: list[str | None] = [NAMES[s] for s in episode.speakers]
    strong = [i for i in range(len(labels)) if not embeddings.weak[i]]
    planted = strong[3::7]
    for line in planted:
        labels[line] = NAMES[(episode.speakers[line] + 1) % 3]
    checks = check_labels(embeddings, labels)
    assert {check.line for check in checks} == {
        i for i in range(len(labels)) if embeddings.speech_ms[i] > 0}
    flagged = {check.line for check in checks if check.flagged}
    assert set(planted) <= flagged
    false_marks = flagged - set(planted)
    assert len(false_marks) <= 1, false_marks
    for check in checks:
        assert 0.0 <= check.distance <= 2.0
        assert check.speaker == labels[check.line]


def test_a_line_holding_two_voices_gets_the_change_time(three_voices: EmbeddedEpisode,
                                                        tmp_path: Path) -> None:
    episode = three_voices.episode
    samples = read_wav(episode.audio)
    # Join two long lines of different voices into one line of a new episode.
    long_lines = sorted(range(len(episode.lines)), key=lambda i: episode.lines[i].start_ms
                        - episode.lines[i].end_ms)
    first = long_lines[0]
    second = next(i for i in long_lines if episode.speakers[i] != episode.speakers[first])

    def clip(line: LineSpan) -> np.ndarray:
        return samples[line.start_ms * 16:line.end_ms * 16]

    a, b = clip(episode.lines[first]), clip(episode.lines[second])
    pause = np.zeros(SAMPLE_RATE // 5, dtype=np.float32)
    joined = np.concatenate([samples[: max(line.end_ms for line in episode.lines) * 16],
                             pause, a, pause, b, pause])
    audio = write_wav(tmp_path / "two-voices.wav", joined)
    start = (len(joined) - len(a) - len(b) - 2 * len(pause)) * 1000 // SAMPLE_RATE
    change = start + (len(a) + len(pause) // 2) * 1000 // SAMPLE_RATE
    lines = (*episode.lines, LineSpan(start, len(joined) * 1000 // SAMPLE_RATE))
    analysis, _ = analyse(audio)
    embeddings = embed_lines(audio, lines, analysis.speech)
    labels: list[str | None] = [NAMES[s] for s in episode.speakers]
    labels.append(NAMES[episode.speakers[first]])
    checks = {check.line: check for check in check_labels(embeddings, labels)}
    joined_check = checks[len(lines) - 1]
    assert joined_check.flagged
    assert joined_check.change_ms is not None
    assert abs(joined_check.change_ms - change) <= 1200, (joined_check.change_ms, change)
    assert all(check.change_ms is None for line, check in checks.items()
               if line < len(lines) - 1)


def test_a_profile_stands_for_the_speakers_voice(three_voices: EmbeddedEpisode) -> None:
    from meelezer.audio.voices.profiles import profile_from_lines

    episode, embeddings = three_voices.episode, three_voices.embeddings
    profiles = {}
    for voice, name in enumerate(NAMES):
        profile = profile_from_lines(
            embeddings, [i for i, s in enumerate(episode.speakers) if s == voice])
        assert profile is not None
        profiles[name] = profile
    # Everyone labelled Ann: with profiles, only the lines that are really Ann's pass.
    labels: list[str | None] = ["Ann"] * len(episode.lines)
    checks = check_labels(embeddings, labels, profiles)
    strong = {check.line: check.flagged for check in checks if not embeddings.weak[check.line]}
    assert strong
    for line, flagged in strong.items():
        assert flagged == (episode.speakers[line] != 0), line
    unused = replace(embeddings)
    assert check_labels(unused, [None] * len(episode.lines)) == ()
