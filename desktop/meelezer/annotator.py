"""Every annotation a user makes, as an undoable command that writes the store at once.

The window calls these methods; each one pushes a command on one QUndoStack whose redo
and undo both go straight to the store (one transaction each), so nothing waits for a
Save, a killed app loses nothing, and an undo is as durable as the action it undoes.
Sync to audio's steps take seconds on a long episode: they run on a worker thread
(``busy_changed``), and what the user does meanwhile is saved after them, in order.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from meelezer.store import (
    assignments,
    audio_sync,
    corrections,
    notes,
    retiming,
    speakers,
    splitting,
    voice_profiles,
)
from meelezer.store.database import Database
from meelezer.store.errors import StoreError
from meelezer.store.rows import NoteRow, SpeakerRow
from meelezer.work import Cancelled, WorkContext
from meelezer.write_queue import WriteQueue

# A command's first run, its redo and its undo: what a background write is doing
# (``Annotator.background_step``).
DO, REDO, UNDO = "do", "redo", "undo"


class Change(enum.Flag):
    """What an action changed, so the window refreshes only that."""

    LINES = enum.auto()
    SPEAKERS = enum.auto()
    NOTES = enum.auto()


class _StoreCommand(QUndoCommand):
    """A command whose redo/undo are plain functions run by the write queue; a store failure
    cancels it. ``background``: they run on a worker thread, and the first run may be
    cancelled."""

    def __init__(self, text: str, do: Callable[[WorkContext], None],
                 undo: Callable[[WorkContext], None],
                 after: Callable[[_StoreCommand, str, Exception | None], None],
                 writes: WriteQueue, background: bool = False,
                 read_back: Callable[[], None] | None = None):
        super().__init__(text)
        self._read_back = read_back  # after a background step, on its worker thread
        self._do = do
        self._undo = undo
        self._after = after  # told the step (DO/REDO/UNDO) and its error, None when it succeeded
        self._writes = writes
        self._background = background
        self._ran = False

    def redo(self) -> None:
        self._run(self._do, REDO if self._ran else DO)
        self._ran = True

    def undo(self) -> None:
        self._run(self._undo, UNDO)

    def _run(self, step: Callable[[WorkContext], None], kind: str) -> None:
        # Qt calls redo() and undo() from C++, where an exception cannot reach the caller:
        # the failure is reported instead, and the command leaves the stack. A step that
        # waits for another program's lock (or for a background write) runs later, in order
        # (WriteQueue).
        def done(error: Exception | None) -> None:
            if error is not None:
                self.setObsolete(True)
            self._after(self, kind, error)

        if self._background:
            self._writes.run_in_background(step, done, cancellable=kind == DO, tag=kind,
                                           read_back=self._read_back)
        else:
            self._writes.run(lambda: step(WorkContext()), done)


class Annotator(QObject):
    """The annotations of one open episode, behind an undo stack."""

    changed = Signal(object)  # Change
    failed = Signal(str)  # a store error's message, fit to show
    notice = Signal(str)  # writes waiting for another program's lock, or saved after it
    busy_changed = Signal(bool)  # a long step started (True) or ended on its worker thread
    progressed = Signal(float)  # that step's progress, 0..1

    def __init__(self, database: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self.episode_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self._writes = WriteQueue(self)
        self._writes.notice.connect(self.notice)
        self._writes.busy_changed.connect(self.busy_changed)
        self._writes.progressed.connect(self.progressed)
        # The lines (segment ids) the step just done or undone changed, read when ``changed``
        # arrives so only those rows are refreshed; None: unknown, any line may have changed.
        self.changed_segments: frozenset[int] | None = None
        # After a long step, its worker thread also reads the changed lines back for the
        # window (``preload(changed segment ids)``); the result is ``preloaded`` while
        # ``changed`` is emitted, None otherwise.
        self.preload: Callable[[Collection[int]], object] | None = None
        self.preloaded: object = None

    def set_episode(self, episode_id: int) -> None:
        """A new episode: its own history starts (undo never reaches into another one)."""
        self.clear_history()  # a step still being written ends first, under its own episode
        self.episode_id = episode_id

    def clear_history(self) -> None:
        """Forget the undo steps, once a step running in the background has ended (it is
        saved whole, not dropped half-way)."""
        self._writes.finish_background()
        self.undo_stack.clear()

    @property
    def is_busy(self) -> bool:
        """A long step (Sync to audio, its undo or redo) is being written in the background."""
        return self._writes.busy

    @property
    def background_step(self) -> str:
        """DO, REDO or UNDO for the step running in the background; "" when none runs."""
        return self._writes.running_tag

    def cancel_background(self) -> None:
        """Stop the first run of a long step (its undo and redo are not cancelled): nothing
        of it is written and it leaves the undo history."""
        self._writes.cancel_background()

    # -- speakers ---------------------------------------------------------------------------

    def list_speakers(self) -> list[SpeakerRow]:
        return speakers.list_speakers(self.database, self._episode())

    def talk_times(self) -> dict[int, int]:
        return speakers.talk_times(self.database, self._episode())

    def add_speaker(self, name: str) -> None:
        state: dict[str, Any] = {}

        def do() -> None:
            if "row" in state:  # redo after undo: the same speaker, same id
                speakers.restore_speaker(self.database,
                                         speakers.DeletedSpeaker(state["row"], ()))
            else:
                state["row"] = speakers.add_speaker(self.database, self._episode(), name)

        def undo() -> None:
            speakers.delete_speaker(self.database, state["row"].id)

        self._push(self.tr("Add speaker {name}").format(name=name), do, undo, Change.SPEAKERS)

    def rename_speaker(self, speaker_id: int, name: str) -> None:
        old: list[str] = []

        def do() -> None:
            old[:] = [speakers.rename_speaker(self.database, speaker_id, name)]

        def undo() -> None:
            speakers.rename_speaker(self.database, speaker_id, old[0])

        self._push(self.tr("Rename speaker to {name}").format(name=name), do, undo,
                   Change.SPEAKERS | Change.LINES)

    def recolor_speaker(self, speaker_id: int, color: str) -> None:
        old: list[str] = []

        def do() -> None:
            old[:] = [speakers.set_speaker_color(self.database, speaker_id, color)]

        def undo() -> None:
            speakers.set_speaker_color(self.database, speaker_id, old[0])

        self._push(self.tr("Change speaker colour"), do, undo, Change.SPEAKERS | Change.LINES)

    def set_speaker_hotkey(self, speaker_id: int, hotkey: int | None) -> None:
        previous: dict[int, int | None] = {}

        def do() -> None:
            previous.clear()
            previous.update(speakers.set_speaker_hotkey(self.database, speaker_id, hotkey))

        self._push(self.tr("Change speaker key"), do,
                   lambda: speakers.restore_hotkeys(self.database, previous), Change.SPEAKERS)

    def delete_speaker(self, speaker_id: int) -> None:
        self._removal(self.tr("Delete speaker"),
                      lambda: speakers.delete_speaker(self.database, speaker_id))

    def merge_speakers(self, source_id: int, target_id: int) -> None:
        self._removal(self.tr("Merge speakers"),
                      lambda: speakers.merge_speakers(self.database, source_id, target_id))

    def _removal(self, text: str, remove: Callable[[], speakers.DeletedSpeaker]) -> None:
        state: list[speakers.DeletedSpeaker] = []

        def do() -> None:
            state[:] = [remove()]

        self._push(text, do, lambda: speakers.restore_speaker(self.database, state[0]),
                   Change.SPEAKERS | Change.LINES)

    def show_name(self) -> str | None:
        from meelezer.store.episodes import get_episode

        episode = get_episode(self.database, self._episode())
        return episode.show_name if episode is not None else None

    def set_show(self, show_name: str | None) -> None:
        change: list[speakers.ShowChange] = []

        def do() -> None:
            change[:] = [speakers.set_episode_show(self.database, self._episode(), show_name)]

        text = (self.tr("Set show to {show}").format(show=show_name) if show_name
                else self.tr("Take the episode out of its show"))
        self._push(text, do,
                   lambda: speakers.restore_episode_show(self.database, change[0]),
                   Change.SPEAKERS | Change.LINES)

    # -- labelling lines --------------------------------------------------------------------

    def assign(self, segment_ids: Sequence[int], speaker_id: int | None,
               speaker_name: str = "") -> None:
        ids = list(segment_ids)
        self._assignment(_label_text(len(ids), speaker_id, speaker_name),
                         lambda: assignments.assign_speaker(self.database, ids, speaker_id),
                         ids)

    def fill_forward(self, from_segment_id: int, speaker_id: int) -> None:
        self._assignment(self.tr("Label until the next labelled line"),
                         lambda: assignments.fill_speaker_forward(
                             self.database, self._episode(), from_segment_id, speaker_id))

    def _assignment(self, text: str, assign: Callable[[], dict[int, int | None]],
                    segment_ids: Collection[int] | None = None) -> None:
        previous: dict[int, int | None] = {}

        def do() -> None:
            previous.clear()
            previous.update(assign())

        self._push(text, do, lambda: assignments.restore_assignments(self.database, previous),
                   Change.LINES | Change.SPEAKERS,
                   lambda: previous.keys() if segment_ids is None else segment_ids)

    def name_voices(self, namings: Sequence[voice_profiles.VoiceNaming], text: str) -> None:
        """Label voice groups' unlabelled lines (new speakers made by name) and remember the
        voices in the speakers' profiles: one undo step, one transaction."""
        state: list[voice_profiles.VoiceNamingDone] = []

        def do() -> None:
            if state:  # redo after undo: the same speakers, same ids
                voice_profiles.redo_voice_naming(self.database, state[0])
            else:
                state.append(voice_profiles.name_voices(self.database, self._episode(),
                                                        list(namings)))

        self._push(text, do, lambda: voice_profiles.undo_voice_naming(self.database, state[0]),
                   Change.LINES | Change.SPEAKERS, lambda: state[0].labelled.keys())

    def voice_profiles(self) -> dict[int, voice_profiles.VoiceProfileRow]:
        """The remembered voices of the speakers usable in the episode, by speaker id."""
        return voice_profiles.list_voice_profiles(self.database, self._episode())

    # -- notes, bookmarks, highlights -------------------------------------------------------

    def list_notes(self) -> list[NoteRow]:
        return notes.list_notes(self.database, self._episode())

    def add_note(self, time_ms: int, kind: str = "note", text: str = "",
                 color: str | None = None, end_ms: int | None = None) -> None:
        state: list[NoteRow] = []

        def do() -> None:
            if state:
                notes.restore_note(self.database, state[0])
            else:
                state.append(notes.add_note(self.database, self._episode(), time_ms, kind,
                                            text, color, end_ms))

        def undo() -> None:
            notes.delete_note(self.database, state[0].id)

        self._push(_add_note_text(kind), do, undo, Change.NOTES | Change.LINES, tuple)

    def edit_note(self, note_id: int, text: str) -> None:
        old: list[NoteRow] = []

        def do() -> None:
            old[:] = [notes.update_note(self.database, note_id, text=text)]

        self._push(self.tr("Edit note"), do, lambda: notes.restore_note(self.database, old[0]),
                   Change.NOTES)

    def delete_note(self, note_id: int) -> None:
        old: list[NoteRow] = []

        def do() -> None:
            old[:] = [notes.delete_note(self.database, note_id)]

        self._push(self.tr("Delete note"), do, lambda: notes.restore_note(self.database, old[0]),
                   Change.NOTES | Change.LINES, tuple)

    # -- corrections and re-timing ----------------------------------------------------------

    def edit_text(self, segment_id: int, text: str) -> None:
        self._text_change(self.tr("Correct line"), lambda: [
            corrections.set_segment_text(self.database, segment_id, text)])

    def revert_text(self, segment_id: int) -> None:
        self._text_change(self.tr("Revert line"), lambda: [
            corrections.revert_segment_text(self.database, segment_id)])

    def count_matches(self, find: str) -> tuple[int, int]:
        """(occurrences, lines) of ``find`` in the episode, case-insensitive, for a preview."""
        if not find:
            return 0, 0
        return corrections.count_matches(self.database, self._episode(), find)

    def find_replace(self, find: str, replace: str) -> int:
        """Replace every occurrence; the number replaced (0: nothing pushed)."""
        if self.count_matches(find)[0] == 0:
            return 0
        count: list[int] = [0]

        def replace_all() -> list[corrections.TextChange]:
            result = corrections.find_replace(self.database, self._episode(), find, replace)
            count[0] = result.occurrences
            return list(result.changes)

        self._text_change(self.tr("Replace “{find}” with “{replace}”").format(
            find=find, replace=replace), replace_all)
        return count[0]

    def _text_change(self, text: str,
                     change: Callable[[], list[corrections.TextChange]]) -> None:
        before: list[corrections.TextChange] = []

        def do() -> None:
            before[:] = change()

        self._push(text, do, lambda: corrections.restore_texts(self.database, before),
                   Change.LINES, lambda: [change.segment_id for change in before])

    def set_line_start(self, segment_id: int, start_ms: int) -> None:
        before: list[retiming.TimeChange] = []

        def do() -> None:
            before[:] = retiming.set_segment_start(self.database, segment_id, start_ms)

        self._push(self.tr("Set line start"), do,
                   lambda: retiming.restore_times(self.database, before), Change.LINES,
                   lambda: [change.segment_id for change in before])

    def split_point(self, segment_id: int, change_ms: int) -> splitting.SplitPoint | None:
        """Where the line would be split for a voice change at ``change_ms`` (None: at its
        very edge, nothing to split)."""
        return splitting.split_point(self.database, segment_id, change_ms)

    def split_line(self, point: splitting.SplitPoint) -> None:
        """Split a line in two at ``point`` (``splitting.split_point``); the second part is a
        new, unlabelled line."""
        state: list[splitting.SplitDone] = []

        def do() -> None:
            if state:  # redo after undo: the same new line
                splitting.split_segment(self.database, point, state[0].new_segment_id)
            else:
                state.append(splitting.split_segment(self.database, point))

        self._push(self.tr("Split line"), do,
                   lambda: splitting.unsplit_segment(self.database, state[0]), Change.LINES)

    def sync_to_audio(self, lines: Sequence[audio_sync.SyncedLine],
                      then: Callable[[Exception | None], None] | None = None) -> None:
        """New times and words for many lines at once (Sync to audio), as one undo step,
        written on a worker thread (``busy_changed``). ``then`` is told when the first run
        has ended: None when saved, else the error (``Cancelled`` after
        ``cancel_background``)."""
        episode_id = self._episode()
        state: list[audio_sync.SyncUndo] = []

        def do(context: WorkContext) -> None:
            state[:] = [audio_sync.apply_sync(self.database, episode_id, lines, context)]

        def undo(context: WorkContext) -> None:
            if state:  # an undo asked for while the first run was cancelled has nothing to do
                audio_sync.restore_sync(self.database, state[0], context)

        self._push(self.tr("Sync to audio"), do, undo, Change.LINES,
                   lambda: state[0].segment_ids if state else (), background=True, then=then)

    # -- plumbing ---------------------------------------------------------------------------

    def _episode(self) -> int:
        if self.episode_id is None:
            raise StoreError(self.tr("Open an episode first."))
        return self.episode_id

    def _push(self, text: str, do: Callable[..., None], undo: Callable[..., None],
              change: Change, lines: Callable[[], Collection[int]] | None = None,
              background: bool = False,
              then: Callable[[Exception | None], None] | None = None) -> None:
        """``lines`` tells, after the step or its undo, which lines it changed.
        ``background``: ``do`` and ``undo`` take a ``WorkContext`` and run on a worker
        thread; ``then`` hears how the first run ended."""

        read_back: list[object] = []

        def after(command: _StoreCommand, kind: str, error: Exception | None) -> None:
            if error is None:
                self.changed_segments = frozenset(lines()) if lines is not None else None
                self.preloaded = read_back.pop() if read_back else None
                try:
                    self.changed.emit(change)
                finally:
                    self.preloaded = None
            elif not isinstance(error, Cancelled):
                self.failed.emit(str(error))
            if kind == DO and error is not None:
                self._drop(command)
            if kind == DO and then is not None:
                then(error)

        def read() -> None:
            read_back.clear()
            if self.preload is not None and lines is not None:
                read_back.append(self.preload(lines()))

        if background:
            command = _StoreCommand(text, do, undo, after, self._writes, background=True,
                                    read_back=read)
        else:
            command = _StoreCommand(text, lambda _context: do(), lambda _context: undo(),
                                    after, self._writes)
        self.undo_stack.push(command)

    def _drop(self, command: _StoreCommand) -> None:
        """A first run that was cancelled or failed leaves the history now if it is the
        newest step (Qt drops an obsolete step without undoing it); further back, Qt drops
        it when an undo reaches it."""
        index = self.undo_stack.index()
        if index > 0 and self.undo_stack.command(index - 1) is command:
            self.undo_stack.undo()

    def pending_writes(self) -> int:
        """How many actions are not saved yet: waiting for another program to release the
        library, or for (or in) a long step running in the background."""
        return len(self._writes)

    def save_pending_writes(self, wait_ms: int = 5000) -> int:
        """At quit: try the waiting actions once more; how many still could not be saved."""
        return self._writes.save_waiting(wait_ms)


def _label_text(count: int, speaker_id: int | None, speaker_name: str) -> str:
    """The undo step's name for labelling lines, e.g. "Label 3 lines as Wietse"."""
    translate = QCoreApplication.translate
    if speaker_id is None:
        if count == 1:
            return translate("Annotator", "Remove the label of 1 line")
        return translate("Annotator", "Remove the labels of {count} lines").format(count=count)
    if not speaker_name:
        if count == 1:
            return translate("Annotator", "Label 1 line")
        return translate("Annotator", "Label {count} lines").format(count=count)
    if count == 1:
        return translate("Annotator", "Label 1 line as {speaker}").format(speaker=speaker_name)
    return translate("Annotator", "Label {count} lines as {speaker}").format(
        count=count, speaker=speaker_name)


def _add_note_text(kind: str) -> str:
    translate = QCoreApplication.translate
    names = {"note": translate("Annotator", "Add note"),
             "bookmark": translate("Annotator", "Add bookmark"),
             "highlight": translate("Annotator", "Add highlight")}
    return names.get(kind, names["note"])
