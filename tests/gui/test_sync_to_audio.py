"""Sync to audio in the window, with an aligner whose answer the test builds by hand (as a
fake player is): the preview, Apply as one undo step, Discard, Cancel, anchors kept, the
"not found in the audio" marks, and stopping when the episode goes. The real aligner on a
real clip is in test_sync_to_audio_real.py."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpers.fake_alignment import FakeAlignment, FakeLine, FakeWord
from helpers.windows import WindowFactory, fake
from meelezer.audio.decode import AudioError
from meelezer.episode_files import resolve_episode_files
from meelezer.store import episodes
from meelezer.store.rows import SegmentRow
from meelezer.sync_plan import SyncRequest
from meelezer.ui.line_layout import marker_tooltip
from meelezer.ui.main_window import MainWindow
from meelezer.ui.sync_dialog import SyncDialog
from meelezer.ui.timeline.content import MarkKind
from meelezer.ui.timeline.strip import mark_description
from meelezer.work import WorkContext

NOT_FOUND_ROW = 7
ANCHOR_ROW = 3
SHIFT_MS = 1_500  # every found line starts this much later than it did


def shifted(request: SyncRequest, context: WorkContext) -> FakeAlignment:
    """Every line found 1.5 s later with evenly spread words, except one not found; anchors
    where they are (as the real aligner keeps them)."""
    context.progress(0.5)
    lines = []
    for index, row in enumerate(request.rows):
        if index == NOT_FOUND_ROW:
            lines.append(FakeLine(row.start_ms, row.end_ms, (), False, 0.1))
            continue
        start = row.start_ms if row.time_set_by_user else row.start_ms + SHIFT_MS
        end = max(start + 10, row.end_ms + SHIFT_MS)
        tokens = row.text.split()
        step = (end - start) // max(1, len(tokens))
        words = tuple(FakeWord(token, start + k * step, start + (k + 1) * step)
                      for k, token in enumerate(tokens))
        lines.append(FakeLine(start, end, words, True, 0.9))
    return FakeAlignment(tuple(lines), request.language or "nl")


def _open(window: MainWindow, transcript: Path,
          aligner: Callable[[SyncRequest, WorkContext], object] = shifted) -> None:
    window.analysis.start_delay_ms = 10**8  # the analysis is not what these tests are about
    window.sync.aligner = aligner  # type: ignore[assignment]
    window.sync.detect_language = lambda _texts: "nl"
    assert window.open_episode_files(resolve_episode_files([transcript]))


def _rows(window: MainWindow) -> list[SegmentRow]:
    return episodes.load_segments(window.library.database, window.session.episode_id or 0)


def _state(window: MainWindow) -> tuple[object, ...]:
    database, episode_id = window.library.database, window.session.episode_id or 0
    return (_rows(window), episodes.load_words(database, episode_id),
            episodes.get_episode(database, episode_id))


def _sync(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sync.plan_ready, timeout=20_000):
        assert window.sync.start("nl")


def test_the_menu_item_needs_audio(qtbot: QtBot, make_window: WindowFactory, demo: Path,
                                   tmp_path: Path) -> None:
    window = make_window()
    assert not window.sync.actions.sync.isEnabled()  # nothing open
    _open(window, demo)
    assert window.sync.actions.sync.isEnabled()
    annotate = next(action.menu() for action in window.menuBar().actions()
                    if action.text() == "&Annotate")
    assert window.sync.actions.sync in annotate.actions()
    alone = tmp_path / "alone" / demo.name
    alone.parent.mkdir()
    alone.write_bytes(demo.read_bytes().replace(b"Grok", b"Grik"))
    _open(window, alone)
    assert not window.sync.actions.sync.isEnabled()
    assert not window.sync.start("nl")
    assert "needs the episode's audio" in window.messages.text()


def test_preview_then_apply_is_one_undo_step_with_exact_undo_and_redo(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    annotator = window.annotator
    anchor = _rows(window)[ANCHOR_ROW]
    annotator.set_line_start(anchor.id, anchor.start_ms + 400)  # tap-to-sync: an anchor
    before = _state(window)
    rows = _rows(window)
    steps = annotator.undo_stack.count()

    _sync(qtbot, window)

    # The preview: nothing written yet, old and new boundaries on the timeline, a summary.
    assert _state(window) == before
    preview = window.timeline.content.sync_preview
    assert preview is not None
    assert preview.old_starts[5] == rows[5].start_ms
    assert preview.new_starts[5] == rows[5].start_ms + SHIFT_MS
    assert not preview.found[NOT_FOUND_ROW]
    assert window.sync_bar.isVisibleTo(window) and window.sync_bar.apply_button.isVisibleTo(
        window)
    lines = len(rows)
    expected = (f"{lines - 2} of {lines} lines get new times, {lines - 2} move by more than "
                f"1 s, 1 not found in the audio")
    assert expected in window.sync_bar.label.text()

    window.sync_bar.apply_button.click()  # written on a worker thread
    qtbot.waitUntil(lambda: not window.sync.applying and window.sync.plan is None)
    assert annotator.undo_stack.count() == steps + 1
    assert annotator.undo_stack.undoText() == "Sync to audio"
    assert window.messages.text() == (
        f"Synced to the audio: {lines - 2} lines have new times. 1 line was not found in the "
        "audio (marked amber; Ctrl+Shift+N goes to it). Ctrl+Z puts the old times back.")
    assert window.timeline.content.sync_preview is None
    assert not window.sync_bar.isVisibleTo(window)
    synced = _state(window)
    after = _rows(window)
    assert after[5].start_ms == rows[5].start_ms + SHIFT_MS and after[5].found_in_audio
    assert (after[ANCHOR_ROW].start_ms, after[ANCHOR_ROW].end_ms) == (
        rows[ANCHOR_ROW].start_ms, rows[ANCHOR_ROW].end_ms)  # the anchor never moved
    assert after[ANCHOR_ROW].time_set_by_user
    lost = after[NOT_FOUND_ROW]
    assert lost.found_in_audio is False
    assert (lost.start_ms, lost.end_ms) == (rows[NOT_FOUND_ROW].start_ms,
                                             rows[NOT_FOUND_ROW].end_ms)
    words = episodes.load_words(window.library.database, window.session.episode_id or 0)
    assert [w.text for w in words[after[5].id]] == after[5].text.split()
    assert not any(w.estimated for w in words[after[5].id])
    # The window shows it: the flag on the line, and the stored words drive the highlight.
    model = window.transcript.model
    assert model.line(NOT_FOUND_ROW).not_in_audio and not model.line(5).not_in_audio
    assert model.line(5).words == tuple(words[after[5].id])
    third = words[after[5].id][2]
    window.transcript.set_position_ms(third.start_ms + 1)
    assert window.transcript.current_row() == 5 and window.transcript.current_word() == 2

    annotator.undo_stack.undo()  # on a worker thread too; the view follows once written
    qtbot.waitUntil(lambda: not window.sync.applying)
    assert _state(window) == before
    assert not window.transcript.model.line(NOT_FOUND_ROW).not_in_audio
    assert window.messages.text() == ""  # "Synced … Ctrl+Z puts the old times back" is done
    annotator.undo_stack.redo()
    qtbot.waitUntil(lambda: not window.sync.applying)
    assert _state(window)[0] == synced[0]
    assert _state(window)[1] == synced[1]


def test_discard_changes_nothing(qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    before = _state(window)
    _sync(qtbot, window)
    window.sync_bar.discard_button.click()
    assert window.timeline.content.sync_preview is None
    assert not window.sync_bar.isVisibleTo(window)
    assert window.annotator.undo_stack.count() == 0
    assert _state(window) == before


@pytest.fixture
def held() -> Iterator[tuple[threading.Event, Callable[[SyncRequest, WorkContext], object]]]:
    """An aligner that holds (checking for cancel) until the event is set."""
    started = threading.Event()
    release = threading.Event()

    def aligner(request: SyncRequest, context: WorkContext) -> object:
        started.set()
        while not release.wait(0.01):
            context.check()
        return shifted(request, context)

    yield started, aligner
    release.set()


def test_cancel_stops_it_and_writes_nothing(
        qtbot: QtBot, make_window: WindowFactory, demo: Path,
        held: tuple[threading.Event, Callable[[SyncRequest, WorkContext], object]]) -> None:
    started, aligner = held
    window = make_window()
    _open(window, demo, aligner)
    before = _state(window)
    assert window.sync.start("nl")
    assert started.wait(10)
    assert window.sync_bar.cancel_button.isVisibleTo(window)
    assert not window.sync.actions.sync.isEnabled()  # one at a time
    with qtbot.waitSignal(window.sync.job_ended, timeout=10_000):
        window.sync_bar.cancel_button.click()
    assert "cancelled; nothing was changed" in window.messages.text()
    assert not window.sync_bar.isVisibleTo(window)
    assert window.timeline.content.sync_preview is None
    assert _state(window) == before and window.annotator.undo_stack.count() == 0
    assert window.sync.actions.sync.isEnabled()


@pytest.mark.parametrize("leave", ["close", "open another"])
def test_leaving_the_episode_cancels_the_sync(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, tmp_path: Path, leave: str,
        held: tuple[threading.Event, Callable[[SyncRequest, WorkContext], object]]) -> None:
    started, aligner = held
    window = make_window()
    _open(window, demo, aligner)
    episode_id = window.session.episode_id or 0
    before = _state(window)
    assert window.sync.start("nl")
    assert started.wait(10)
    with qtbot.waitSignal(window.sync.job_ended, timeout=10_000):
        if leave == "close":
            window.session.close()
        else:
            other = tmp_path / "other" / demo.name
            other.parent.mkdir()
            other.write_bytes(demo.read_bytes().replace(b"Grok", b"Grik"))
            _open(window, other, aligner)
    assert window.sync.plan is None and window.timeline.content.sync_preview is None
    qtbot.waitUntil(lambda: "stopped because the episode changed" in window.messages.text())
    window.session.open_episode(episode_id)
    assert _state(window)[:2] == before[:2]


def test_a_preview_goes_when_another_episode_opens(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    _sync(qtbot, window)
    window.session.close()
    assert window.sync.plan is None and window.timeline.content.sync_preview is None
    assert not window.sync_bar.isVisibleTo(window)


def test_unreadable_audio_gets_a_clear_message(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    def broken(request: SyncRequest, _context: WorkContext) -> object:
        raise AudioError(f"The audio could not be read: {request.audio_path.name} is damaged.")

    window = make_window()
    _open(window, demo, broken)
    before = _state(window)
    with qtbot.waitSignal(window.sync.job_ended, timeout=10_000):
        assert window.sync.start("nl")
    assert window.messages.text() == (
        "Could not sync to the audio: The audio could not be read: "
        "ai-report-grok3-demo.opus is damaged.")
    assert window.sync.plan is None and _state(window) == before


def test_nothing_found_means_no_preview(qtbot: QtBot, make_window: WindowFactory,
                                        demo: Path) -> None:
    def nothing(request: SyncRequest, _context: WorkContext) -> object:
        return FakeAlignment(tuple(FakeLine(row.start_ms, row.end_ms, (), False, 0.0)
                                for row in request.rows), "nl")

    window = make_window()
    _open(window, demo, nothing)
    with qtbot.waitSignal(window.sync.job_ended, timeout=10_000):
        assert window.sync.start("nl")
    assert window.sync.plan is None
    assert "No line was found in the audio" in window.messages.text()


def test_lines_not_found_are_marked_and_reviewable(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    _sync(qtbot, window)
    window.sync.apply()
    view = window.transcript
    qtbot.waitUntil(lambda: view.model.line(NOT_FOUND_ROW).not_in_audio)
    metrics = view.delegate.metrics
    assert marker_tooltip(metrics, view.model.line(NOT_FOUND_ROW), 5).startswith(
        "Not found in the audio")
    assert marker_tooltip(metrics, view.model.line(5), 5) == ""
    spoken = view.model.data(view.model.index(NOT_FOUND_ROW, 0),
                             Qt.ItemDataRole.AccessibleTextRole)
    assert ", not found in the audio" in spoken
    # On the timeline too: an amber mark that names itself and jumps there.
    lost = view.model.line(NOT_FOUND_ROW)
    marks = [mark for mark in window.timeline.content.marks_between(0, lost.start_ms + 1)
             if mark.kind is MarkKind.NOT_IN_AUDIO]
    assert [(mark.time_ms, mark.text) for mark in marks] == [(lost.start_ms, lost.text)]
    assert mark_description(marks[0]).startswith("Not found in the audio at ")
    view.select_row(0)
    assert window.sync.next_not_found() == NOT_FOUND_ROW
    assert view.selected_rows() == [NOT_FOUND_ROW]
    assert fake(window).position_ms() == view.model.line(NOT_FOUND_ROW).start_ms
    assert window.sync.next_not_found() == NOT_FOUND_ROW  # round again: the only one
    # Timed by hand (T while it plays), the line counts as checked: the mark goes.
    window.annotator.set_line_start(view.model.line(NOT_FOUND_ROW).segment_id,
                                    view.model.line(NOT_FOUND_ROW).start_ms + 100)
    qtbot.waitUntil(lambda: not view.model.line(NOT_FOUND_ROW).not_in_audio)
    assert window.timeline.content.not_in_audio == []
    assert window.sync.next_not_found() == -1
    assert "No line is flagged" in window.messages.text()


def test_the_dialog_offers_the_detected_language(qtbot: QtBot) -> None:
    dialog = SyncDialog("en", anchors=2)
    qtbot.addWidget(dialog)
    assert dialog.language() == "en"
    assert dialog.language_box.currentText() == "English (detected from the text)"
    assert "The 2 lines you timed yourself stay where they are." in dialog.explanation.text()
    dialog.language_box.setCurrentIndex(0)
    assert dialog.language() == "nl"


def test_cancelling_the_dialog_starts_nothing(qtbot: QtBot, make_window: WindowFactory,
                                              demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    asked: list[tuple[str, int]] = []
    window.sync.ask_language = lambda detected, anchors: asked.append((detected, anchors))
    assert not window.sync.start()
    assert asked == [("nl", 0)] and window.sync.job is None


def test_the_timeline_draws_old_and_new_starts(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    strip = window.timeline.zoomed
    plain = strip.grab().toImage()
    _sync(qtbot, window)
    preview = window.timeline.content.sync_preview
    assert preview is not None
    shown = strip.grab().toImage()
    wave = strip.areas().wave
    row = next(k for k in range(len(preview.new_starts))
               if strip.x_of(float(preview.new_starts[k])) > 10 and preview.found[k])
    x = round(strip.x_of(float(preview.new_starts[row])))
    y = wave.bottom() - 2
    assert plain.pixelColor(QPoint(x, y)) != shown.pixelColor(QPoint(x, y))
    assert shown.pixelColor(QPoint(x, y)).blue() > 150  # the strong new-start tick


def test_a_split_line_drops_the_preview(qtbot: QtBot, make_window: WindowFactory,
                                        demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    _sync(qtbot, window)
    line = _rows(window)[5]
    point = window.annotator.split_point(line.id, (line.start_ms + line.end_ms) // 2)
    assert point is not None
    window.annotator.split_line(point)
    qtbot.waitUntil(lambda: window.sync.plan is None)
    assert window.timeline.content.sync_preview is None
    assert "preview was dropped" in window.messages.text()


def test_the_menu_item_asks_the_language_then_syncs(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    window.sync.detect_language = None  # the aligner's own guess: the demo is Dutch
    chosen: list[str] = []

    def answer() -> None:
        dialog = next(widget for widget in QApplication.topLevelWidgets()
                      if isinstance(widget, SyncDialog) and widget.isVisible())
        chosen.append(dialog.language())
        start = next(button for button in dialog.buttons.buttons() if button.text() == "Start")
        start.click()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.sync.plan_ready, timeout=20_000):
        window.sync.actions.sync.trigger()
    assert chosen == ["nl"]
    assert window.sync.plan is not None and window.sync.plan.language == "nl"
