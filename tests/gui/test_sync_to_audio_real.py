"""Sync to audio in the window with the real aligner, in its child process, on a short Dutch
recording made by another espeak-ng voice than the aligner's, whose line times are known:
the preview, Apply, the word times, a hand-timed line kept, the closing line that is not
spoken flagged, Undo; and Cancel ending the child."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from helpers.fake_player import FakePlayer
from helpers.spoken_audio import SpokenTruth, write_recording
from helpers.windows import WindowFactory
from meelezer.episode_files import resolve_episode_files
from meelezer.store import episodes
from meelezer.ui.main_window import MainWindow

# Not spoken: a closing line the transcriber's model made up (as at the end of seed 003).
TAIL = "Bedankt voor het luisteren, en abonneer je vooral op onze nieuwsbrief."
SPOKEN = [
    "Welkom bij de podcast over kunstmatige intelligentie en wat die met ons werk doet.",
    "Vandaag praten we over taalmodellen die in Nederland worden gebouwd.",
    "Mijn gast werkt al tien jaar aan spraakherkenning voor het Nederlands.",
    "Zij vertelt hoe je een model traint met weinig gegevens en veel geduld.",
    "Daarna kijken we naar de vraag wie de rekenkracht eigenlijk betaalt.",
    "Tot slot lezen we een paar vragen van luisteraars voor.",
]
PAUSES_MS = [900, 600, 1400, 500, 1100, 800]
TAPPED_ROW = 2


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SpokenTruth]:
    folder = tmp_path_factory.mktemp("spoken")
    truth = write_recording(folder / "aflevering.wav", SPOKEN, voice="nl+f3", rate=160,
                            pauses_ms=PAUSES_MS)
    return folder / "aflevering.wav", truth


@pytest.fixture
def episode(tmp_path: Path, recording: tuple[Path, SpokenTruth]) -> Path:
    """The untimed transcript (what is said, then a line that is not) beside its audio."""
    folder = tmp_path / "episode"
    folder.mkdir()
    (folder / "aflevering.wav").write_bytes(recording[0].read_bytes())
    text = folder / "aflevering.txt"
    text.write_text("\n\n".join([*SPOKEN, TAIL]) + "\n", encoding="utf-8")
    return text


def _open(make_window: WindowFactory, episode: Path, truth: SpokenTruth) -> MainWindow:
    window = make_window(FakePlayer(duration_ms=truth.duration_ms))
    window.analysis.start_delay_ms = 10**8  # the aligner needs no analysis (speech=None)
    assert window.open_episode_files(resolve_episode_files([episode]))
    assert [row.text for row in _rows(window)] == [*SPOKEN, TAIL]
    assert all(row.times_estimated for row in _rows(window))
    return window


def _rows(window: MainWindow) -> list[episodes.SegmentRow]:
    return episodes.load_segments(window.library.database, window.session.episode_id or 0)


@pytest.mark.slow
def test_the_real_aligner_times_lines_and_words_and_apply_undoes_exactly(
        qtbot: QtBot, make_window: WindowFactory, episode: Path,
        recording: tuple[Path, SpokenTruth]) -> None:
    truth = recording[1]
    window = _open(make_window, episode, truth)
    tapped = _rows(window)[TAPPED_ROW]
    tapped_ms = truth.line_starts_ms[TAPPED_ROW] + 120
    window.annotator.set_line_start(tapped.id, tapped_ms)
    qtbot.waitUntil(lambda: _rows(window)[TAPPED_ROW].time_set_by_user)
    before = (_rows(window), episodes.load_words(window.library.database,
                                                 window.session.episode_id or 0))
    progress: list[float] = []
    window.sync_bar.progress.valueChanged.connect(progress.append)

    with qtbot.waitSignal(window.sync.plan_ready, timeout=180_000):
        assert window.sync.start("nl")
    plan = window.sync.plan
    assert plan is not None and progress and max(progress) > 0
    assert [line.found for line in plan.lines] == [True] * len(SPOKEN) + [False]
    assert "1 not found in the audio" in window.sync_bar.label.text()
    assert (_rows(window), episodes.load_words(window.library.database,
                                               window.session.episode_id or 0)) == before

    window.sync.apply()  # written on a worker thread; the view follows once it is done
    qtbot.waitUntil(lambda: not window.sync.applying and window.sync.plan is None)
    rows = _rows(window)
    for row, start in zip(rows, truth.line_starts_ms, strict=False):
        if row.time_set_by_user:
            continue
        assert abs(row.start_ms - start) <= 250, (row.text, row.start_ms, start)
        assert not row.times_estimated
    assert rows[TAPPED_ROW].start_ms == tapped_ms  # the hand-timed line never moved
    tail = len(SPOKEN)
    assert rows[tail].found_in_audio is False
    assert window.transcript.model.line(tail).not_in_audio
    assert rows[tail].start_ms >= rows[tail - 1].start_ms  # still after the line before it
    words = episodes.load_words(window.library.database, window.session.episode_id or 0)
    first = words[rows[0].id]
    assert [word.text for word in first] == SPOKEN[0].split()
    spoken = [start for start in truth.word_starts_ms[0] if start >= 0]
    assert abs(first[3].start_ms - spoken[3]) <= 250
    # The word highlight follows the stored word times.
    window.transcript.set_position_ms(first[3].start_ms + 10)
    assert window.transcript.current_row() == 0 and window.transcript.current_word() == 3

    window.annotator.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.sync.applying)
    assert _rows(window) == before[0]
    assert episodes.load_words(window.library.database,
                               window.session.episode_id or 0) == before[1]


@pytest.mark.slow
def test_cancel_ends_the_aligner_process(qtbot: QtBot, make_window: WindowFactory,
                                         tmp_path: Path) -> None:
    # Three minutes of speech, so the aligner surely still works when Cancel comes.
    lines = SPOKEN * 6
    audio = tmp_path / "lang.wav"
    truth = write_recording(audio, lines, voice="nl+f3", rate=160, pauses_ms=PAUSES_MS * 6)
    text = tmp_path / "lang.txt"
    text.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    window = make_window(FakePlayer(duration_ms=truth.duration_ms))
    window.analysis.start_delay_ms = 10**8
    assert window.open_episode_files(resolve_episode_files([text]))
    assert window.sync.start("nl")
    qtbot.waitUntil(lambda: window.sync_bar.progress.value() > 0, timeout=60_000)
    assert window.sync_bar.progress.value() < 100
    assert any(child.name == "meelezer-align" for child in multiprocessing.active_children())
    with qtbot.waitSignal(window.sync.job_ended, timeout=30_000):
        window.sync_bar.cancel_button.click()
    assert not any(child.name == "meelezer-align"
                   for child in multiprocessing.active_children())
    assert window.sync.plan is None and window.annotator.undo_stack.count() == 0
    assert not any(row.found_in_audio is not None for row in _rows(window))


def test_unreadable_audio_is_named_and_nothing_changes(qtbot: QtBot, make_window: WindowFactory,
                                                        tmp_path: Path) -> None:
    (tmp_path / "kapot.opus").write_bytes(bytes(range(256)) * 20)  # not audio at all
    text = tmp_path / "kapot.txt"
    text.write_text("\n\n".join(SPOKEN) + "\n", encoding="utf-8")
    window = make_window()
    window.analysis.start_delay_ms = 10**8
    assert window.open_episode_files(resolve_episode_files([text]))
    before = _rows(window)
    with qtbot.waitSignal(window.sync.job_ended, timeout=60_000):
        assert window.sync.start("nl")
    message = window.messages.text()
    assert message.startswith("Could not sync to the audio: This file cannot be read as audio")
    assert "kapot.opus" in message
    assert window.sync.plan is None and _rows(window) == before
