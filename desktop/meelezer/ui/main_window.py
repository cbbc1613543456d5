"""The main window: transcript in the middle, playback controls below, menus, opening episodes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from meelezer import __version__
from meelezer.annotator import Annotator
from meelezer.audio.cache import AnalysisCache
from meelezer.episode_files import (
    AUDIO_EXTENSIONS,
    TRANSCRIPT_EXTENSIONS,
    EpisodeFiles,
    EpisodeFilesError,
    resolve_episode_files,
)
from meelezer.library import Library, OpenedEpisode
from meelezer.logs import log_folder
from meelezer.playback.player import PlaybackState, Player
from meelezer.settings import SPEEDS, Settings
from meelezer.store.errors import StoreError
from meelezer.ui.actions import WindowActions, build_actions
from meelezer.ui.analysis_controller import AnalysisController
from meelezer.ui.analysis_progress import add_to_status_bar
from meelezer.ui.annotation_actions import build_annotation_actions
from meelezer.ui.annotation_wiring import AnnotationWiring
from meelezer.ui.audio_identity_check import AudioIdentityCheck
from meelezer.ui.audio_status import AudioStatus
from meelezer.ui.empty_state import EmptyState
from meelezer.ui.episode_header import EpisodeHeader
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.error_reporter import open_folder
from meelezer.ui.export_controller import ExportController
from meelezer.ui.go_to_time_dialog import GoToTimeDialog
from meelezer.ui.icons import retheme_actions
from meelezer.ui.library_controller import LibraryController
from meelezer.ui.line_items import NoteMarks, line_items_at, line_items_for
from meelezer.ui.message_bar import MessageBar
from meelezer.ui.plain_text import plain_tooltip
from meelezer.ui.playback_bar import PlaybackBar
from meelezer.ui.playback_controller import PlaybackController
from meelezer.ui.preferences_dialog import PreferencesDialog
from meelezer.ui.reading_controls import ReadingControls
from meelezer.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from meelezer.ui.sync_bar import SyncBar
from meelezer.ui.sync_controller import SyncController
from meelezer.ui.timeline.timeline import Timeline
from meelezer.ui.timeline.wiring import wire_timeline
from meelezer.ui.transcript_model import LineItem
from meelezer.ui.transcript_view import TranscriptView
from meelezer.ui.voices.controller import WindowEngine
from meelezer.ui.voices.wiring import VoiceWiring
from meelezer.ui.window_size import first_window_size

VOLUME_STEP = 5


class MainWindow(QMainWindow):
    episode_opened = Signal(int)  # episode id, once its lines are shown

    def __init__(self, library: Library, player: Player, settings: Settings):
        super().__init__()
        self.library = library
        self.player = player
        self.settings = settings
        self.setWindowTitle("Meelezer")
        self.setAcceptDrops(True)

        self.actions_ = build_actions(self)
        self.controller = PlaybackController(player, self)
        self.controller.auto_rewind_ms = settings.auto_rewind_ms
        self.session = EpisodeSession(library, player, self.controller, self)
        self.messages = MessageBar()
        self.library_controller = LibraryController(self, self.session, self.messages)
        # The open episode's audio analysed in the background; the timeline draws from it.
        self.analysis = AnalysisController(
            self.session, AnalysisCache(library.database.path.parent), self)
        self.analysis.failed.connect(self.messages.show_message)
        self.audio_check = AudioIdentityCheck(self.session, self)
        self.audio_check.mismatch.connect(self.messages.prepend)
        self.exporter = ExportController(self, self.session, self.messages)
        self.header = EpisodeHeader()
        self.header.hide()
        self.transcript = TranscriptView()
        self.empty_state = EmptyState(self.actions_.open_episode)
        self.bar = PlaybackBar(self.actions_)
        self.audio_status = AudioStatus(player, self.session, self.bar, self.header,
                                        self.messages, self.library_controller.attach_audio, self)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.empty_state)
        self._pages.addWidget(self.transcript)
        self.annotator = Annotator(library.database, self)
        self._marks = NoteMarks()  # the note markers the transcript shows now
        self.annotation_actions = build_annotation_actions(self, self.annotator.undo_stack)
        self.annotations = AnnotationWiring(
            self, self.session, self.annotator, self.annotation_actions, self.transcript,
            self.controller, self.messages)
        self.timeline = Timeline()
        self.timeline_actions = wire_timeline(self, self.timeline, self.transcript,
                                              self.controller, self.annotator, settings)
        self.analysis.analysis_changed.connect(self.timeline.set_analysis)
        self.voices = VoiceWiring(
            self, self.session, self.annotator, self.analysis, self.controller, self.transcript,
            self.timeline, self.annotations, self.messages, library.database.path.parent,
            WindowEngine)
        self.sync_bar = SyncBar()
        self.sync = SyncController(self, self.session, self.annotator, self.analysis,
                                   self.timeline, self.transcript, self.controller,
                                   self.messages, self.sync_bar)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.messages)
        layout.addWidget(self.header)
        layout.addWidget(self.annotations.find_bar)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self.sync_bar)
        layout.addWidget(self.timeline)
        layout.addWidget(self.bar)
        self.setCentralWidget(central)

        self._build_menus(self.actions_)
        self._connect(self.actions_)
        self._apply_remembered_state()
        self.reading = ReadingControls(settings, self.transcript, self.actions_, self)
        self._refresh_recent()
        self.bar.set_playable(False)
        self.analysis_progress = add_to_status_bar(self, self.analysis)

    # -- building -----------------------------------------------------------------------------

    def _build_menus(self, a: WindowActions) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(a.open_episode)
        file_menu.addAction(a.library)
        file_menu.addSeparator()
        file_menu.addAction(a.export_episode)
        file_menu.addAction(a.export_episode_annotations)
        file_menu.addAction(a.export_annotations)
        file_menu.addAction(a.import_annotations)
        self._recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        file_menu.addSeparator()
        file_menu.addAction(a.preferences)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)

        playback = menus.addMenu(self.tr("&Playback"))
        for action in (a.play_pause, None, a.back_5, a.forward_5, a.back_30, a.forward_30,
                       None, a.previous_line, a.next_line, a.loop_line, None, a.slower,
                       a.faster, a.normal_speed, None, a.volume_up, a.volume_down, a.mute,
                       None, a.go_to_time):
            playback.addSeparator() if action is None else playback.addAction(action)

        n = self.annotation_actions
        edit = menus.addMenu(self.tr("&Edit"))
        for action in (n.undo, n.redo, None, n.find, n.replace, None, n.edit_line,
                       n.revert_line, n.set_line_start):
            edit.addSeparator() if action is None else edit.addAction(action)
        annotate = menus.addMenu(self.tr("&Annotate"))
        label_menu = annotate.addMenu(self.tr("&Label as speaker"))
        label_menu.addActions(list(n.label))
        annotate.addAction(n.unlabel)
        annotate.addAction(n.fill_forward)
        annotate.addSeparator()
        for action in (n.add_note, n.add_bookmark, n.highlight):
            annotate.addAction(action)
        self.annotations.add_highlight_colors(annotate.addMenu(self.tr("Highlight as quote in")))
        annotate.addSeparator()
        annotate.addActions(self.voices.actions())
        annotate.addSeparator()
        annotate.addAction(n.choose_show)
        annotate.addSeparator()
        annotate.addActions(self.sync.actions.all())

        view = menus.addMenu(self.tr("&View"))
        view.addAction(a.follow_playback)
        view.addAction(a.back_to_playback)
        view.addSeparator()
        for action in (a.text_bigger, a.text_smaller, a.text_normal):
            view.addAction(action)
        view.addSeparator()
        view.addAction(self.annotations.speakers_dock.toggleViewAction())
        view.addAction(self.annotations.notes_dock.toggleViewAction())
        view.addSeparator()
        view.addActions(self.timeline_actions.all()[-1:] + self.timeline_actions.all()[:-1])

        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(a.shortcuts)
        help_menu.addAction(a.open_log_folder)
        help_menu.addAction(a.about)

    def _connect(self, a: WindowActions) -> None:
        c = self.controller
        a.open_episode.triggered.connect(self.choose_files)
        a.library.triggered.connect(self.library_controller.show)
        a.export_episode.triggered.connect(lambda: self.exporter.export_episode())
        a.export_episode_annotations.triggered.connect(
            lambda: self.exporter.export_episode_annotations())
        self.episode_opened.connect(lambda _id: a.export_episode_annotations.setEnabled(True))
        a.export_annotations.triggered.connect(lambda: self.exporter.export_annotations())
        a.import_annotations.triggered.connect(self._import_annotations)
        a.quit.triggered.connect(self.close)
        a.play_pause.triggered.connect(c.toggle)
        a.back_5.triggered.connect(lambda: c.skip(-5000))
        a.forward_5.triggered.connect(lambda: c.skip(5000))
        a.back_30.triggered.connect(lambda: c.skip(-30000))
        a.forward_30.triggered.connect(lambda: c.skip(30000))
        a.previous_line.triggered.connect(c.previous_line)
        a.next_line.triggered.connect(c.next_line)
        a.slower.triggered.connect(lambda: self.set_speed(self._next_speed(-1)))
        a.faster.triggered.connect(lambda: self.set_speed(self._next_speed(+1)))
        a.normal_speed.triggered.connect(lambda: self.set_speed(1.0))
        a.volume_up.triggered.connect(lambda: self.set_volume(self.settings.volume + VOLUME_STEP))
        a.volume_down.triggered.connect(
            lambda: self.set_volume(self.settings.volume - VOLUME_STEP))
        a.mute.toggled.connect(self.set_muted)
        a.loop_line.toggled.connect(c.set_looping)
        a.follow_playback.toggled.connect(self.transcript.set_following)
        a.back_to_playback.triggered.connect(self.transcript.return_to_playback)
        a.back_to_playback.triggered.connect(self.timeline.follow_playhead)
        a.go_to_time.triggered.connect(self.go_to_time)
        a.preferences.triggered.connect(self.edit_preferences)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        a.open_log_folder.triggered.connect(self.open_log_folder)

        self.transcript.seek_requested.connect(c.seek)
        self.transcript.following_changed.connect(self._on_following_changed)
        self.bar.seek_requested.connect(c.seek)
        self.bar.speed_chosen.connect(self.set_speed)
        self.bar.volume_chosen.connect(self.set_volume)
        self.empty_state.recent_chosen.connect(self.open_library_episode)
        c.position_changed.connect(self._show_position)
        c.playing_changed.connect(self.bar.set_playing)
        self.player.duration_changed.connect(self.bar.set_duration)
        self.player.error.connect(self._on_player_error)
        self.player.state_changed.connect(self._on_player_state)

        s = self.session
        s.opened.connect(self._show_episode)
        s.lines_changed.connect(self._show_changed_lines)
        s.times_fitted.connect(
            lambda: self.transcript.set_position_ms(self.controller.position_ms()))
        s.audio_changed.connect(self._show_relinked_audio)
        s.position_chosen.connect(self._show_chosen_position)
        s.closed.connect(self._show_closed)
        s.removed.connect(lambda _id: self._refresh_recent())
        s.failed.connect(self.messages.show_message)

    def _apply_remembered_state(self) -> None:
        geometry = self.settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry()
            size = first_window_size(available)
            self.resize(size)
            self.move(available.center() - QPoint(size.width() // 2, size.height() // 2))
        state = self.settings.window_state
        self.annotations.dock_sizes_restored = state is not None and self.restoreState(state)
        self.set_volume(self.settings.volume)
        self.actions_.mute.setChecked(self.settings.muted)
        self.set_speed(self.settings.speed)
        self.actions_.follow_playback.setChecked(self.settings.follow_playback)
        self.transcript.set_following(self.settings.follow_playback)
        self.player.set_sync_offset_ms(self.settings.sync_offset_ms)

    # -- opening episodes ---------------------------------------------------------------------

    def choose_files(self) -> None:
        audio = " ".join(f"*{ext}" for ext in AUDIO_EXTENSIONS)
        text = " ".join(f"*{ext}" for ext in TRANSCRIPT_EXTENSIONS)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open an episode: audio and transcript, or one of them"), "",
            self.tr("Episodes ({audio} {text});;Transcripts ({text});;Audio ({audio});;"
                    "All files (*)").format(audio=audio, text=text))
        if paths:
            self.open_paths([Path(p) for p in paths])

    def open_paths(self, paths: list[Path]) -> bool:
        try:
            files = resolve_episode_files(paths)
        except EpisodeFilesError as error:
            self._report(self.tr("Cannot open these files"), str(error))
            return False
        return self.open_episode_files(files)

    @property
    def episode(self) -> OpenedEpisode | None:
        """The open episode (the session owns it)."""
        return self.session.episode

    def open_episode_files(self, files: EpisodeFiles) -> bool:
        try:
            edited = self.library.edited_episode(files)
        except StoreError as error:
            self._report(self.tr("Cannot open this transcript"), str(error))
            return False
        if edited is not None:  # its annotations would vanish behind a new episode: ask
            return self.library_controller.open_edited(edited, files)
        return self.session.open_files(files)

    def open_library_episode(self, episode_id: int) -> bool:
        return self.session.open_episode(episode_id)

    def _import_annotations(self) -> None:
        if self.exporter.import_annotations():
            # The import is not an undo step: undoing older steps over what it wrote could
            # take imported labels and corrections away without saying so.
            self.session.store_replaced(self.session.episode_id)

    def receive_handed_over_paths(self, paths: list[str]) -> None:
        """Files opened while Meelezer was already running come here (single instance)."""
        if paths:
            self.open_paths([Path(path) for path in paths])
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def forget_episode(self, episode_id: int) -> None:
        """The episode left the library: if it is open, close it."""
        self.session.episode_removed(episode_id)

    # -- showing the session's episode ----------------------------------------------------------

    def _show_episode(self, opened: OpenedEpisode) -> None:
        episode = opened.episode
        self.setWindowTitle(f"{episode.title} — Meelezer")
        self._show_lines(opened)
        self.annotations.refresh_panels()
        self._pages.setCurrentWidget(self.transcript)
        self.messages.hide()
        self.audio_status.show_audio_status(opened)
        if opened.read_warning:  # skipped cues, named beside what the audio check said
            self.messages.prepend(opened.read_warning)
        self.audio_status.show_header(opened)
        self.header.show()
        self.transcript.set_position_ms(episode.last_position_ms)
        self.bar.set_position(episode.last_position_ms)
        self.transcript.setFocus()
        self._refresh_recent()
        self.episode_opened.emit(episode.id)

    def _show_lines(self, opened: OpenedEpisode) -> list[LineItem]:
        self._marks = NoteMarks.of(opened, self.annotator.list_notes())
        lines = line_items_for(opened, self._marks)
        old = self.transcript.model.lines()
        if len(old) == len(lines) and all(
                a.segment_id == b.segment_id for a, b in zip(old, lines, strict=True)):
            # The same lines, some changed (a label, a correction): only those rows repaint.
            changed = {row: line for row, line in enumerate(lines) if line != old[row]}
            if changed:
                self.transcript.update_lines(changed)
        else:
            self.transcript.set_lines(lines)
        self.controller.set_lines([(line.start_ms, line.end_ms) for line in lines])
        return lines

    def _show_changed_lines(self, opened: OpenedEpisode, rows: list[int] | None) -> None:
        model = self.transcript.model
        if rows is None or len(opened.segments) != model.rowCount():
            self._show_lines(opened)
        else:
            self._show_rows(opened, rows)
        self.audio_status.show_header(opened)

    def _show_rows(self, opened: OpenedEpisode, rows: list[int]) -> None:
        """Only ``rows`` changed in the store (and perhaps the notes over the lines): show
        those, and the rows whose note markers moved, without building every line again."""
        model = self.transcript.model
        marks = NoteMarks.of(opened, self.annotator.list_notes())
        touched = set(rows) | marks.rows_differing_from(self._marks)
        self._marks = marks
        changed = {row: line for row, line in line_items_at(opened, touched, marks).items()
                   if line != model.line(row)}
        retimed = any((line.start_ms, line.end_ms) != (model.line(row).start_ms,
                                                       model.line(row).end_ms)
                      for row, line in changed.items())
        if changed:
            self.transcript.update_lines(changed)
        if retimed:
            self.controller.set_lines([(line.start_ms, line.end_ms) for line in model.lines()])

    def _show_relinked_audio(self, opened: OpenedEpisode) -> None:
        self.audio_status.show_audio_status(opened)
        self.audio_status.show_header(opened)

    def _show_chosen_position(self, position_ms: int) -> None:
        self.transcript.set_position_ms(position_ms)
        self.transcript.return_to_playback()

    def _show_closed(self, _episode_id: int) -> None:
        self.actions_.export_episode_annotations.setEnabled(False)
        self.transcript.set_lines([])
        self.header.hide()
        self.bar.set_playable(False)
        self.setWindowTitle("Meelezer")
        self._pages.setCurrentWidget(self.empty_state)

    def _refresh_recent(self) -> None:
        try:
            recent = self.library.recent_episodes()
        except StoreError:
            recent = []
        self.empty_state.set_recent(recent)
        self._recent_menu.clear()
        for episode in recent:
            action = self._recent_menu.addAction(episode.title.replace("&", "&&"))
            action.setToolTip(plain_tooltip(episode.title))
            action.triggered.connect(
                lambda _checked=False, eid=episode.id: self.open_library_episode(eid))
        self._recent_menu.setEnabled(bool(recent))

    # -- playback settings --------------------------------------------------------------------

    def set_speed(self, speed: float) -> None:
        speed = max(SPEEDS[0], min(SPEEDS[-1], speed))
        self.player.set_rate(speed)
        self.settings.speed = speed
        self.bar.set_speed(speed)

    def _next_speed(self, direction: int) -> float:
        current = self.settings.speed
        if direction > 0:
            return next((s for s in SPEEDS if s > current + 1e-6), SPEEDS[-1])
        return next((s for s in reversed(SPEEDS) if s < current - 1e-6), SPEEDS[0])

    def set_volume(self, volume: int) -> None:
        volume = max(0, min(100, volume))
        self.player.set_volume(volume)
        self.settings.volume = volume
        self.bar.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        self.player.set_muted(muted)
        self.settings.muted = muted
        self.bar.set_muted(muted)

    # -- dialogs ------------------------------------------------------------------------------

    def go_to_time(self) -> None:
        dialog = GoToTimeDialog(self.controller.position_ms(), self.player.duration_ms(), self)
        if dialog.exec() and dialog.target_ms() is not None:
            self.controller.seek(dialog.target_ms() or 0)
            self.transcript.return_to_playback()

    def edit_preferences(self) -> None:
        if PreferencesDialog(self.settings, self).exec():
            self.controller.auto_rewind_ms = self.settings.auto_rewind_ms
            self.player.set_sync_offset_ms(self.settings.sync_offset_ms)
            self.reading.apply()

    def show_shortcuts(self) -> None:
        actions = (self.actions_.all() + self.annotation_actions.all()
                   + self.timeline_actions.all() + self.voices.actions()
                   + self.sync.actions.all())
        ShortcutsDialog(shortcut_rows(actions), self).exec()

    def open_log_folder(self) -> bool:
        folder = log_folder(self.library.database.path.parent)
        if open_folder(folder):
            return True
        self.messages.show_message(self.tr("Cannot open the log folder here; it is {folder}")
                                   .format(folder=folder))
        return False

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Meelezer"),
                          self.tr("Meelezer {version}\nRead along with a podcast episode, label "
                                  "speakers and keep notes. Playback by libvlc.").format(
                              version=__version__))

    def _report(self, title: str, message: str) -> None:
        """A problem with something the user asked for: say it, and keep what is open.

        Shown in the message bar rather than a dialog: nothing is lost and reading goes on.
        """
        self.messages.show_message(self.tr("{title}: {message}").format(title=title,
                                                                        message=message))

    # -- reacting to the player and the view --------------------------------------------------

    def _show_position(self, position_ms: int) -> None:
        self.transcript.set_position_ms(position_ms)
        self.bar.set_position(position_ms)

    def _on_player_error(self, message: str) -> None:
        self.bar.set_playable(False)
        self.messages.show_message(
            self.tr("{message} The transcript stays open for reading.").format(message=message))

    def _on_player_state(self, state: PlaybackState) -> None:
        if state == PlaybackState.PLAYING:
            self.bar.set_playable(True)

    def _on_following_changed(self, following: bool) -> None:
        self.actions_.follow_playback.setChecked(following)
        self.settings.follow_playback = following

    # -- window events ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            # The system switched between light and dark: redraw our icons in the new colours.
            retheme_actions(self.actions_.all() + self.annotation_actions.all(), self.palette())
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.annotator.save_pending_writes()
        if unsaved and QMessageBox.question(
                self, self.tr("Changes not saved yet"),
                self.tr("Another program still holds the library, so {count} of your changes "
                        "could not be saved yet. Quit anyway and lose them?").format(
                    count=unsaved)) != QMessageBox.StandardButton.Yes:
            event.ignore()
            return
        self.analysis.shutdown()
        self.voices.suggestions.clear()  # stops suggesting; nothing half-applied
        self.sync.shutdown()
        self.session.save_position()
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        if self.player.state() == PlaybackState.PLAYING:
            self.player.pause()
        super().closeEvent(event)


def _local_paths(urls: list[QUrl]) -> list[Path]:
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
