"""Every annotation a user makes, as an undoable command that writes the store at once.

The window calls these methods; each one pushes a command on one QUndoStack whose redo
and undo both go straight to the store (one transaction each), so nothing waits for a
Save, a killed app loses nothing, and an undo is as durable as the action it undoes.
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
from meelezer.write_queue import WriteQueue


class Change(enum.Flag):
    """What an action changed, so the window refreshes only that."""

    LINES = enum.auto()
    SPEAKERS = enum.auto()
    NOTES = enum.auto()


class _StoreCommand(QUndoCommand):
    """A command whose redo/undo are plain functions run by the write queue; a store failure
    cancels it."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None],
                 after: Callable[[StoreError | None], None], writes: WriteQueue):
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._after = after  # told the error, or None when the step succeeded
        self._writes = writes

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], None]) -> None:
        # Qt calls redo() and undo() from C++, where an exception cannot reach the caller:
        # the failure is reported instead, and the command leaves the stack. A step that
        # waits for another program's lock runs later, in order (WriteQueue).
        def done(error: StoreError | None) -> None:
            if error is not None:
                self.setObsolete(True)
            self._after(error)

        self._writes.run(step, done)


class Annotator(QObject):
    """The annotations of one open episode, behind an undo stack."""

    changed = Signal(object)  # Change
    failed = Signal(str)  # a store error's message, fit to show
    notice = Signal(str)  # writes waiting for another program's lock, or saved after it

    def __init__(self, database: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.database = database
        self.episode_id: int | None = None
        self.undo_stack = QUndoStack(self)
        self._writes = WriteQueue(self)
        self._writes.notice.connect(self.notice)
        # The lines (segment ids) the step just done or undone changed, read when ``changed``
        # arrives so only those rows are refreshed; None: unknown, any line may have changed.
        self.changed_segments: frozenset[int] | None = None

    def set_episode(self, episode_id: int) -> None:
        """A new episode: its own history starts (undo never reaches into another one)."""
        self.episode_id = episode_id
        self.undo_stack.clear()

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

    def sync_to_audio(self, lines: Sequence[audio_sync.SyncedLine]) -> None:
        """New times and words for many lines at once (Sync to audio), as one undo step."""
        episode_id = self._episode()
        state: list[audio_sync.SyncUndo] = []

        def do() -> None:
            state[:] = [audio_sync.apply_sync(self.database, episode_id, lines)]

        self._push(self.tr("Sync to audio"), do,
                   lambda: audio_sync.restore_sync(self.database, state[0]), Change.LINES,
                   lambda: state[0].segment_ids if state else ())

    # -- plumbing ---------------------------------------------------------------------------

    def _episode(self) -> int:
        if self.episode_id is None:
            raise StoreError(self.tr("Open an episode first."))
        return self.episode_id

    def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None],
              change: Change, lines: Callable[[], Collection[int]] | None = None) -> None:
        """``lines`` tells, after the step or its undo, which lines it changed."""

        def after(error: StoreError | None) -> None:
            if error is None:
                self.changed_segments = frozenset(lines()) if lines is not None else None
                self.changed.emit(change)
            else:
                self.failed.emit(str(error))

        self.undo_stack.push(_StoreCommand(text, do, undo, after, self._writes))

    def pending_writes(self) -> int:
        """How many actions wait for another program to release the library."""
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
