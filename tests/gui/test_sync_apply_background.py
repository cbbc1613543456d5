"""Applying Sync to audio (and undoing or redoing it) writes on a worker thread, as one
transaction and one undo step, while the window stays responsive: the bar says what runs
(with Cancel for the Apply), the transcript cannot be edited meanwhile, anything the user
does meanwhile is saved after it in order, and the views show the result once it is done.

The store's real write runs on a real library file; the tests only hold it at its start
(an event) to look at the window while it runs."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from test_sync_to_audio import NOT_FOUND_ROW, SHIFT_MS, _open, _rows, _state, _sync

from helpers.library_files import write_lock_held
from helpers.windows import WindowFactory
from meelezer.store import audio_sync, episodes
from meelezer.ui.main_window import MainWindow


@dataclass
class Held:
    """Holds each call of a store function at its start until ``release`` is set, and
    records the thread it ran on."""

    started: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread())
            self.started.set()
            # On the GUI thread nobody could release it: go on at once (the test fails on
            # what it sees instead of hanging).
            if threading.current_thread() is not threading.main_thread():
                assert self.release.wait(20)
            return real(*args, **kwargs)

        return held

    @property
    def off_the_gui_thread(self) -> bool:
        return bool(self.threads) and all(
            thread is not threading.main_thread() for thread in self.threads)


def _hold(monkeypatch: pytest.MonkeyPatch, name: str) -> Iterator[Held]:
    held = Held()
    monkeypatch.setattr(audio_sync, name, held.wrap(getattr(audio_sync, name)))
    yield held
    held.release.set()


@pytest.fixture
def held_apply(monkeypatch: pytest.MonkeyPatch) -> Iterator[Held]:
    yield from _hold(monkeypatch, "apply_sync")


@pytest.fixture
def held_restore(monkeypatch: pytest.MonkeyPatch) -> Iterator[Held]:
    yield from _hold(monkeypatch, "restore_sync")


def _editing_enabled(window: MainWindow) -> bool:
    actions = window.annotation_actions
    return any(action.isEnabled() for action in (
        actions.edit_line, actions.set_line_start, actions.replace, actions.label[0]))


def test_apply_writes_off_the_gui_thread_while_the_window_shows_it_runs(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, held_apply: Held) -> None:
    window = make_window()
    _open(window, demo)
    before = _state(window)
    rows = _rows(window)
    steps = window.annotator.undo_stack.count()
    _sync(qtbot, window)

    window.sync_bar.apply_button.click()
    assert held_apply.started.wait(10)
    # Running: the GUI thread is free (this test runs on it), the bar says so, with Cancel.
    assert held_apply.off_the_gui_thread
    assert window.sync.applying
    bar = window.sync_bar
    assert bar.isVisibleTo(window) and bar.label.text() == "Applying the new times…"
    assert bar.cancel_button.isVisibleTo(window) and bar.progress.isVisibleTo(window)
    assert not bar.apply_button.isVisibleTo(window)
    # Nothing can edit the transcript half-way, nor start another sync.
    assert not _editing_enabled(window)
    assert not window.sync.actions.sync.isEnabled()
    window.transcript.edit_row(5)
    assert window.transcript.editing_row() == -1
    assert _state(window) == before

    held_apply.release.set()
    qtbot.waitUntil(lambda: not window.sync.applying, timeout=20_000)
    assert window.annotator.undo_stack.count() == steps + 1
    assert window.annotator.undo_stack.undoText() == "Sync to audio"
    after = _rows(window)
    assert after[5].start_ms == rows[5].start_ms + SHIFT_MS
    assert after[NOT_FOUND_ROW].found_in_audio is False
    # The views show it, and editing is back.
    assert window.transcript.model.line(5).start_ms == rows[5].start_ms + SHIFT_MS
    assert window.transcript.model.line(NOT_FOUND_ROW).not_in_audio
    assert window.messages.text().startswith("Synced to the audio: ")
    assert not bar.isVisibleTo(window) and window.timeline.content.sync_preview is None
    assert _editing_enabled(window) and window.sync.actions.sync.isEnabled()


def test_undo_and_redo_of_a_sync_run_off_the_gui_thread(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, held_restore: Held,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    _open(window, demo)
    before = _state(window)
    _sync(qtbot, window)
    window.sync.apply()
    qtbot.waitUntil(lambda: not window.sync.applying, timeout=20_000)
    synced = _state(window)

    window.annotator.undo_stack.undo()
    assert held_restore.started.wait(10)
    assert held_restore.off_the_gui_thread
    assert window.sync_bar.label.text() == "Putting the old times back…"
    assert not window.sync_bar.cancel_button.isVisibleTo(window)  # an undo is not cancelled
    assert not _editing_enabled(window)
    held_restore.release.set()
    qtbot.waitUntil(lambda: _state(window) == before and not window.sync.applying,
                    timeout=20_000)
    assert window.transcript.model.line(5).start_ms == before[0][5].start_ms  # type: ignore[index]
    assert _editing_enabled(window)

    redone = Held()
    monkeypatch.setattr(audio_sync, "apply_sync", redone.wrap(audio_sync.apply_sync))
    window.annotator.undo_stack.redo()
    assert redone.started.wait(10) and redone.off_the_gui_thread
    redone.release.set()
    qtbot.waitUntil(lambda: _state(window)[:2] == synced[:2] and not window.sync.applying,
                    timeout=20_000)
    assert not window.sync_bar.isVisibleTo(window)


def test_cancel_while_applying_writes_nothing_and_keeps_the_preview(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, held_apply: Held) -> None:
    window = make_window()
    _open(window, demo)
    before = _state(window)
    steps = window.annotator.undo_stack.count()
    _sync(qtbot, window)
    window.sync_bar.apply_button.click()
    assert held_apply.started.wait(10)
    window.sync_bar.cancel_button.click()
    held_apply.release.set()
    qtbot.waitUntil(lambda: not window.sync.applying, timeout=20_000)
    assert _state(window) == before
    assert window.annotator.undo_stack.count() == steps  # no undo step for what was not done
    assert window.messages.text() == "Apply cancelled; nothing was changed."
    # The preview is still there, to apply later.
    assert window.sync.plan is not None and window.timeline.content.sync_preview is not None
    assert window.sync_bar.apply_button.isVisibleTo(window)
    window.sync_bar.apply_button.click()
    qtbot.waitUntil(lambda: not window.sync.applying and window.sync.plan is None,
                    timeout=20_000)
    assert _rows(window)[5].start_ms == before[0][5].start_ms + SHIFT_MS  # type: ignore[index]


def test_what_the_user_does_meanwhile_is_saved_after_it_in_order(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, held_apply: Held) -> None:
    window = make_window()
    _open(window, demo)
    annotator = window.annotator
    before = _state(window)
    _sync(qtbot, window)
    rows = _rows(window)
    window.sync.apply()
    assert held_apply.started.wait(10)
    annotator.add_note(rows[2].start_ms, text="tijdens het toepassen")
    annotator.undo_stack.undo()  # takes the note back, after it was written
    annotator.undo_stack.undo()  # then the sync, after it was written
    held_apply.release.set()
    qtbot.waitUntil(lambda: annotator.pending_writes() == 0 and not window.sync.applying,
                    timeout=20_000)
    assert annotator.list_notes() == []
    assert _state(window) == before
    annotator.undo_stack.redo()
    qtbot.waitUntil(lambda: annotator.pending_writes() == 0 and not window.sync.applying,
                    timeout=20_000)
    assert _rows(window)[5].start_ms == rows[5].start_ms + SHIFT_MS


@pytest.mark.parametrize("leave", ["close the episode", "quit"])
def test_leaving_while_applying_finishes_the_write_first(
        qtbot: QtBot, make_window: WindowFactory, demo: Path, held_apply: Held,
        leave: str) -> None:
    window = make_window()
    _open(window, demo)
    episode_id = window.session.episode_id or 0
    rows = _rows(window)
    _sync(qtbot, window)
    window.sync.apply()
    assert held_apply.started.wait(10)
    # The worker goes on once the window waits for it (in the closing below).
    releaser = threading.Thread(target=lambda: (threading.Event().wait(0.2),
                                                held_apply.release.set()))
    releaser.start()
    if leave == "quit":
        window.close()
    else:
        window.session.close()
    releaser.join()
    assert not window.sync.applying and window.annotator.pending_writes() == 0
    stored = episodes.load_segments(window.library.database, episode_id)
    assert stored[5].start_ms == rows[5].start_ms + SHIFT_MS  # applied whole, not dropped


def test_apply_waits_for_another_programs_lock_then_saves(
        qtbot: QtBot, make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    _open(window, demo)
    rows = _rows(window)
    _sync(qtbot, window)
    with write_lock_held(window.library.database.path) as release:
        window.sync.apply()
        qtbot.waitUntil(lambda: "waiting for it" in window.messages.text(), timeout=20_000)
        assert _rows(window)[5].start_ms == rows[5].start_ms
        release.set()
        qtbot.waitUntil(lambda: window.annotator.pending_writes() == 0
                        and not window.sync.applying, timeout=20_000)
    assert _rows(window)[5].start_ms == rows[5].start_ms + SHIFT_MS
    assert window.annotator.undo_stack.undoText() == "Sync to audio"


def test_the_changed_lines_are_read_back_on_the_worker_thread_too(
        qtbot: QtBot, make_window: WindowFactory, demo: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading 200,000 new words back took seconds on the GUI thread at 20,000 lines."""
    window = make_window()
    _open(window, demo)
    rows = _rows(window)
    _sync(qtbot, window)
    readers: list[threading.Thread] = []
    library = window.library
    for name in ("reload", "reload_lines"):
        real = getattr(library, name)
        monkeypatch.setattr(library, name, lambda *args, real=real: (
            readers.append(threading.current_thread()), real(*args))[1])
    window.sync.apply()
    qtbot.waitUntil(lambda: not window.sync.applying, timeout=20_000)
    assert readers and threading.main_thread() not in readers
    assert window.transcript.model.line(5).start_ms == rows[5].start_ms + SHIFT_MS
    words = episodes.load_words(window.library.database, window.session.episode_id or 0)
    assert window.transcript.model.line(5).words == tuple(words[rows[5].id])
    readers.clear()
    window.annotator.undo_stack.undo()
    qtbot.waitUntil(lambda: not window.sync.applying, timeout=20_000)
    assert readers and threading.main_thread() not in readers
    assert window.transcript.model.line(5).start_ms == rows[5].start_ms
    assert window.transcript.model.line(5).words == ()


def test_a_cancel_after_the_write_was_committed_keeps_it(
        qtbot: QtBot, make_window: WindowFactory, demo: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancel pressed while the new lines are being read back: they are saved already, so
    the Apply stands (with its undo step), rather than being called cancelled."""
    window = make_window()
    _open(window, demo)
    rows = _rows(window)
    steps = window.annotator.undo_stack.count()
    _sync(qtbot, window)
    reading = Held()
    monkeypatch.setattr(window.library, "reload_lines",
                        reading.wrap(window.library.reload_lines))
    window.sync.apply()
    assert reading.started.wait(10) and reading.off_the_gui_thread
    window.sync_bar.cancel_button.click()
    reading.release.set()
    qtbot.waitUntil(lambda: not window.sync.applying, timeout=20_000)
    assert _rows(window)[5].start_ms == rows[5].start_ms + SHIFT_MS
    assert window.annotator.undo_stack.count() == steps + 1
    assert window.messages.text().startswith("Synced to the audio: ")
    assert window.transcript.model.line(5).start_ms == rows[5].start_ms + SHIFT_MS
