"""Connects the annotator's actions, panels and the transcript view for one main window.

Decides *which* lines an action is about (the selection, or while playing the line being
spoken), hands the action to the Annotator (which stores it as an undoable command), and
refreshes what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMainWindow, QMenu, QWidget

from meelezer.annotator import Annotator, Change
from meelezer.library import OpenedEpisode
from meelezer.store.rows import NoteRow
from meelezer.transcript.timecode import format_clock
from meelezer.ui.annotation_actions import HIGHLIGHT_COLORS, AnnotationActions
from meelezer.ui.episode_session import EpisodeSession, Preloaded
from meelezer.ui.find_bar import FindBar
from meelezer.ui.message_bar import MessageBar
from meelezer.ui.notes_panel import NotesPanel
from meelezer.ui.playback_controller import PlaybackController
from meelezer.ui.replace_dialog import ReplaceDialog
from meelezer.ui.speakers_panel import SpeakersPanel
from meelezer.ui.transcript_view import TranscriptView


class AnnotationWiring(QObject):
    def __init__(self, window: QMainWindow, session: EpisodeSession, annotator: Annotator,
                 actions: AnnotationActions, view: TranscriptView,
                 controller: PlaybackController, messages: MessageBar):
        super().__init__(window)
        self.window = window
        self.session = session
        self.annotator = annotator
        self.actions = actions
        self.view = view
        self.controller = controller
        self.messages = messages

        self.speakers_panel = SpeakersPanel()
        self.notes_panel = NotesPanel()
        self.speakers_dock = self._dock("speakersDock", self.tr("Speakers"), self.speakers_panel)
        self.notes_dock = self._dock("notesDock", self.tr("Notes"), self.notes_panel)
        self.find_bar = FindBar()
        view.attach_find_bar(self.find_bar)
        self._connect()
        self._panels_shown = False
        # Others add to a line's context menu (e.g. "Split here" at a voice change).
        self.line_menu_extras: list[Callable[[QMenu, int], None]] = []
        self.dock_sizes_restored = False  # the window restored the user's own panel sizes
        self.set_enabled(False)

    def _dock(self, name: str, title: str, panel: QObject) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)  # saveState needs a name, the same in every language
        dock.setWidget(panel)  # type: ignore[arg-type]
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        # Escape anywhere in a panel hands the keys back to the transcript (issue 12: focus
        # stayed in the speaker name box and Space, 1 were typed into it).
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), dock)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_to_transcript)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _connect(self) -> None:
        a, an = self.actions, self.annotator
        for key, action in enumerate(a.label, start=1):
            action.triggered.connect(lambda _checked=False, k=key: self.label_with_key(k))
        a.unlabel.triggered.connect(lambda: self._assign(None, ""))
        a.fill_forward.triggered.connect(lambda: self.fill_forward())
        a.add_note.triggered.connect(lambda: self.add_note("note"))
        a.add_bookmark.triggered.connect(lambda: self.add_note("bookmark"))
        a.highlight.triggered.connect(lambda: self.highlight())
        a.edit_line.triggered.connect(self.edit_line)
        a.revert_line.triggered.connect(self.revert_line)
        a.set_line_start.triggered.connect(self.set_line_start)
        a.find.triggered.connect(self.find_bar.open)
        a.replace.triggered.connect(self.replace)
        a.choose_show.triggered.connect(self.choose_show)

        sp = self.speakers_panel
        sp.add_requested.connect(an.add_speaker)
        sp.rename_requested.connect(an.rename_speaker)
        sp.color_requested.connect(an.recolor_speaker)
        sp.merge_requested.connect(an.merge_speakers)
        sp.delete_requested.connect(an.delete_speaker)
        sp.hotkey_requested.connect(an.set_speaker_hotkey)
        sp.assign_requested.connect(self._assign_speaker_id)
        sp.done.connect(self.back_to_transcript)
        np = self.notes_panel
        np.jump_requested.connect(self.controller.seek)
        np.edit_requested.connect(an.edit_note)
        np.delete_requested.connect(an.delete_note)
        self.view.text_edited.connect(an.edit_text)
        lines = self.view.list_view
        lines.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        lines.customContextMenuRequested.connect(self._show_line_menu)

        an.changed.connect(lambda change: self.refresh(change, an.changed_segments,
                                                       an.preloaded))
        an.preload = self.session.preload  # on the worker thread of a long step
        an.failed.connect(self.messages.show_message)
        an.notice.connect(self.messages.show_message)  # waiting for another program's lock
        # While Sync to audio's times are written (seconds on a long episode), nothing may
        # edit the lines half-way; what the user does elsewhere waits behind it (WriteQueue).
        an.busy_changed.connect(lambda busy: self.set_enabled(
            not busy and self.annotator.episode_id is not None, panels=False))
        # Connected before the window's own slots, so the annotator knows the episode when
        # the window draws its lines (with their notes).
        self.session.opened.connect(self._episode_opened)
        self.session.replaced.connect(self._episode_replaced)
        self.session.closed.connect(self._episode_closed)

    def _episode_opened(self, opened: OpenedEpisode) -> None:
        self.annotator.set_episode(opened.episode.id)  # its own undo history starts
        self.set_enabled(True)

    def _episode_replaced(self, _episode_id: int) -> None:
        # Undo steps point at the old lines, which are gone.
        self.annotator.clear_history()
        self.refresh()  # lines, speakers and notes

    def _episode_closed(self, _episode_id: int) -> None:
        self.annotator.clear_history()
        self.annotator.episode_id = None
        self.set_enabled(False)

    def back_to_transcript(self) -> None:
        """Leave a panel for the transcript; a note being written is saved, not dropped."""
        if self.notes_panel.editor.document().isModified():
            self.notes_panel.save()
        target: QWidget = self.view.list_view
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_enabled(self, enabled: bool, panels: bool = True) -> None:
        """Annotation needs an open episode; the panels appear with the first one.
        ``panels`` False: only the actions (and editing a line) change, e.g. while a long
        write runs."""
        self.view.set_editable(enabled)
        if panels:
            self._show_panels(enabled)
        for action in self.actions.all():
            if action not in (self.actions.undo, self.actions.redo):
                action.setEnabled(enabled)

    def _show_panels(self, enabled: bool) -> None:
        if enabled and not self._panels_shown:
            self._panels_shown = True
            self.speakers_dock.show()
            self.notes_dock.show()
            if not self.dock_sizes_restored:
                # Notes need more room than an episode's few speakers. Docks take sizes only
                # once laid out, hence on the next turn of the event loop.
                docks = [self.speakers_dock, self.notes_dock]
                QTimer.singleShot(0, lambda: self.window.resizeDocks(
                    docks, [2, 3], Qt.Orientation.Vertical))
        elif not enabled:
            self.speakers_dock.hide()
            self.notes_dock.hide()

    def refresh(self, change: Change = Change.LINES | Change.SPEAKERS | Change.NOTES,
                segment_ids: Collection[int] | None = None, preloaded: object = None) -> None:
        """Panels and lines as the store has them; ``segment_ids``: only those lines changed;
        ``preloaded``: those lines as a worker thread already read them."""
        if self.annotator.episode_id is None:
            return
        self.refresh_panels(change)
        if Change.LINES in change and isinstance(preloaded, Preloaded):
            self.session.show_preloaded(preloaded, segment_ids)
        elif Change.LINES in change:
            # The lines themselves changed: read again those the step changed (all if unknown).
            self.session.reload(segment_ids=segment_ids)
        elif Change.NOTES in change:
            self.session.reload(from_store=False)  # only the note markers on the lines moved

    def refresh_panels(self, change: Change = Change.SPEAKERS | Change.NOTES) -> None:
        """The speakers and notes panels, as the store has them now."""
        if self.annotator.episode_id is None:
            return
        if Change.SPEAKERS in change:
            self.speakers_panel.set_speakers(self.annotator.list_speakers(),
                                             self.annotator.talk_times(),
                                             self.session.duration_ms())
        if Change.NOTES in change:
            notes = self.annotator.list_notes()
            self.notes_panel.set_notes(notes, self._quotes(notes))

    # -- which lines ------------------------------------------------------------------------

    def target_rows(self) -> list[int]:
        """While playing: the line being spoken. Otherwise the selection, else that line."""
        current = self.view.current_row()
        if self.controller.is_playing() and current >= 0:
            return [current]
        selected = self.view.selected_rows()
        if selected:
            return selected
        return [current] if current >= 0 else []

    def _segment_ids(self, rows: list[int]) -> list[int]:
        return [self.view.model.line(row).segment_id for row in rows]

    # -- actions ----------------------------------------------------------------------------

    def label_with_key(self, key: int) -> None:
        speaker = next((s for s in self.annotator.list_speakers() if s.hotkey == key), None)
        if speaker is None:
            self.messages.show_message(
                self.tr("No speaker has key {key} yet. Add speakers in the Speakers panel; the "
                        "first nine get keys 1–9.").format(key=key))
            return
        self._assign(speaker.id, speaker.name)

    def _assign_speaker_id(self, speaker_id: int) -> None:
        name = next((s.name for s in self.annotator.list_speakers() if s.id == speaker_id), "")
        self._assign(speaker_id, name)

    def _assign(self, speaker_id: int | None, name: str) -> None:
        ids = self._segment_ids(self.target_rows())
        if ids:
            self.annotator.assign(ids, speaker_id, name)

    def fill_forward(self, speaker_id: int | None = None) -> None:
        rows = self.target_rows()
        if speaker_id is None:
            speaker_id = self.speakers_panel.current_speaker_id()
        if not rows or speaker_id is None:
            self.messages.show_message(self.tr(
                "Choose a speaker in the Speakers panel and a line to start from; the lines up "
                "to the next labelled line get that speaker."))
            return
        self.annotator.fill_forward(self._segment_ids(rows)[0], speaker_id)

    def add_note(self, kind: str) -> None:
        rows = self.view.selected_rows()
        if self.controller.is_playing() or not rows:
            time_ms = self.controller.position_ms()
        else:
            time_ms = self.view.model.line(rows[0]).start_ms
        self.annotator.add_note(time_ms, kind)
        if kind == "note":
            self.notes_dock.show()
            newest = max(self.annotator.list_notes(), key=lambda note: note.id, default=None)
            if newest is not None:
                self.notes_panel.edit_note(newest.id)  # the cursor in it: typing writes the note

    def highlight(self, color: str = HIGHLIGHT_COLORS["Yellow"]) -> None:
        rows = sorted(self.target_rows())
        if not rows:
            return
        first, last = self.view.model.line(rows[0]), self.view.model.line(rows[-1])
        self.annotator.add_note(first.start_ms, "highlight", color=color,
                                end_ms=max(last.end_ms, first.start_ms + 1))

    def edit_line(self) -> None:
        rows = self.view.selected_rows() or [self.view.current_row()]
        if rows and rows[0] >= 0:
            self.view.edit_row(rows[0])

    def revert_line(self) -> None:
        for segment_id in self._segment_ids(self.view.selected_rows()):
            self.annotator.revert_text(segment_id)

    def set_line_start(self) -> None:
        """Tap-to-sync: the selected line if it is in sight, else the current line, starts now.

        A selection scrolled out of sight is left alone: moving a line the user cannot see
        (issue 12: one chosen minutes earlier) looks like the transcript broke.
        """
        rows = self.view.visible_selected_rows()
        row = rows[0] if rows else self.view.current_row()
        model = self.view.model
        if not 0 <= row < model.rowCount():
            self.messages.show_message(self.tr(
                "Select the line that starts at this moment, then press T again."))
            return
        line, now_ms = model.line(row), self.controller.position_ms()
        self.annotator.set_line_start(line.segment_id, now_ms)
        self.messages.show_message(self.tr(
            "Line {number} now starts at {new} (was {old}): “{text}”. Ctrl+Z puts it back.")
            .format(number=f"{row + 1:,}", new=format_clock(now_ms),
                    old=("~" if line.times_estimated else "") + format_clock(line.start_ms),
                    text=_shortened(line.text)))
        if row + 1 < model.rowCount():
            self.view.select_row(row + 1)  # the next tap syncs the next line

    def replace(self) -> None:
        episode = self.annotator
        dialog = ReplaceDialog(lambda text: episode.count_matches(text), parent=self.window)
        if dialog.exec() and dialog.find_text():
            count = episode.find_replace(dialog.find_text(), dialog.replace_text())
            message = (self.tr("Replaced 1 occurrence of “{text}”. Undo (Ctrl+Z) puts them back.")
                       if count == 1 else
                       self.tr("Replaced {count} occurrences of “{text}”. Undo (Ctrl+Z) puts "
                               "them back."))
            self.messages.show_message(message.format(count=f"{count:,}",
                                                      text=dialog.find_text()))

    def _show_line_menu(self, position: QPoint) -> None:
        """Right-click on a line: what the keys do, for people who use the mouse."""
        menu = self.line_menu(self.view.list_view.indexAt(position).row())
        menu.exec(self.view.list_view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def line_menu(self, row: int) -> QMenu:
        """The context menu for ``row`` (which becomes the selection if it was not in it)."""
        if row >= 0 and row not in self.view.selected_rows():
            self.view.select_row(row)  # act on the line under the pointer, as file managers do
        menu = QMenu(self.view)
        speakers = self.annotator.list_speakers()
        label = menu.addMenu(self.tr("Label as"))
        fill = menu.addMenu(self.tr("Label until the next labelled line as"))
        for speaker in speakers:
            key = f"\t{speaker.hotkey}" if speaker.hotkey else ""
            label.addAction(speaker.name + key).triggered.connect(
                lambda _checked=False, s=speaker: self._assign(s.id, s.name))
            fill.addAction(speaker.name).triggered.connect(
                lambda _checked=False, s=speaker: self.fill_forward(s.id))
        for submenu in (label, fill):
            submenu.setEnabled(bool(speakers))
        a = self.actions
        for action in (a.unlabel, None, a.add_note, a.add_bookmark, a.highlight):
            menu.addSeparator() if action is None else menu.addAction(action)
        self.add_highlight_colors(menu.addMenu(self.tr("Highlight as quote in")))
        for action in (None, a.edit_line, a.revert_line, a.set_line_start):
            menu.addSeparator() if action is None else menu.addAction(action)
        for extra in self.line_menu_extras:
            extra(menu, row)
        return menu

    def add_highlight_colors(self, menu: QMenu) -> None:
        names = {"Yellow": self.tr("Yellow"), "Green": self.tr("Green"), "Blue": self.tr("Blue"),
                 "Pink": self.tr("Pink")}
        for name, color in HIGHLIGHT_COLORS.items():
            menu.addAction(names.get(name, name)).triggered.connect(
                lambda _checked=False, c=color: self.highlight(c))

    def choose_show(self) -> None:
        current = self.annotator.show_name() or ""
        name, accepted = QInputDialog.getText(
            self.window, self.tr("Show"), self.tr("The podcast this episode belongs to (its "
                                                  "speakers are offered in every episode of the "
                                                  "show):"), text=current)
        if accepted and name.strip() != current:
            self.annotator.set_show(name.strip() or None)

    def _quotes(self, notes: list[NoteRow]) -> dict[int, str]:
        model = self.view.model
        quotes: dict[int, str] = {}
        for note in notes:
            if note.kind == "highlight" and model.rowCount():
                row = max(0, model.row_at_time(note.time_ms))
                quotes[note.id] = model.line(row).text
        return quotes


def _shortened(text: str, max_chars: int = 60) -> str:
    """A line's text cut at a word with "…", for a one-line message (shown as plain text)."""
    if len(text) <= max_chars:
        return text
    return text[:max_chars].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
