"""Connects speaker suggestions to the window: the Voices panel, the transcript and the
timeline marks, going to a line, and the "next line to check" action."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from meelezer.annotator import Annotator, Change
from meelezer.store.splitting import SplitPoint
from meelezer.texts import translate
from meelezer.transcript.timecode import format_clock
from meelezer.ui.actions import make_action
from meelezer.ui.analysis_controller import AnalysisController
from meelezer.ui.annotation_wiring import AnnotationWiring
from meelezer.ui.episode_session import EpisodeSession
from meelezer.ui.message_bar import MessageBar
from meelezer.ui.playback_controller import PlaybackController
from meelezer.ui.timeline.content import Mark, MarkKind
from meelezer.ui.timeline.timeline import Timeline
from meelezer.ui.transcript_view import TranscriptView
from meelezer.ui.voices.controller import VoiceSuggestions
from meelezer.ui.voices.marks import mark_tooltip
from meelezer.ui.voices.model import LabelMark, VoiceEngine


class VoiceWiring(QObject):
    def __init__(self, window: QWidget, session: EpisodeSession, annotator: Annotator,
                 analysis: AnalysisController, playback: PlaybackController,
                 view: TranscriptView, timeline: Timeline, annotations: AnnotationWiring,
                 messages: MessageBar, data_dir: Path,
                 engine_factory: Callable[[], VoiceEngine]):
        super().__init__(window)
        self.session = session
        self.annotator = annotator
        self.playback = playback
        self.view = view
        self.timeline = timeline
        self.panel = panel = annotations.speakers_panel.voices
        self.messages = messages
        self.annotations = annotations
        self.suggestions = VoiceSuggestions(session, annotator, analysis, playback, data_dir,
                                            engine_factory, self)
        self.next_check: QAction = make_action(
            window, translate("MainWindow", "Next line to check"), "Ctrl+Shift+K",
            translate("MainWindow", "Go to the next line whose voice does not sound like its "
                                    "speaker"))
        self.suggest = make_action(window, translate("MainWindow", "&Suggest speakers"),
                                   tip=translate("MainWindow", "Group the lines by voice, to "
                                                               "name each voice at once"))
        window.addAction(self.next_check)
        annotations.line_menu_extras.append(self.add_split_offer)
        self.next_check.setEnabled(False)
        self._shown_named: dict[int, str] | None = None

        s, p = self.suggestions, panel
        p.suggest_requested.connect(s.start)
        self.suggest.triggered.connect(self.start_from_menu)
        p.cancel_requested.connect(s.cancel)
        p.play_requested.connect(s.play_typical)
        p.name_requested.connect(s.name_group)
        p.accept_all_requested.connect(self.accept_all)
        p.merge_requested.connect(s.merge)
        p.one_more_requested.connect(s.one_more_voice)
        p.line_requested.connect(self.go_to_segment)
        p.next_mark_requested.connect(self.next_mark)
        p.done.connect(annotations.back_to_transcript)
        self.next_check.triggered.connect(self.next_mark)
        s.availability_changed.connect(p.set_available)
        s.availability_changed.connect(lambda able, _why: self.suggest.setEnabled(able))
        s.running_changed.connect(p.set_running)
        s.progressed.connect(p.set_progress)
        s.suggestions_changed.connect(lambda _s: self.show_suggestions(force=True))
        s.marks_changed.connect(lambda _marks: self.show_marks())
        s.failed.connect(messages.show_message)
        # The lines as the transcript shows them now (after the window has updated them):
        # once per turn of the event loop, however many rows changed.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self._lines_changed)
        view.model.modelReset.connect(self._refresh.start)
        view.model.dataChanged.connect(lambda *_args: self._refresh.start())
        annotator.changed.connect(
            lambda change: self.show_suggestions(force=True) if Change.SPEAKERS in change
            and Change.LINES not in change else None)
        p.set_available(*s.availability())
        self.suggest.setEnabled(s.availability()[0])

    # -- showing ----------------------------------------------------------------------------

    def _lines_changed(self) -> None:
        self.show_suggestions()
        self.show_marks()

    def show_suggestions(self, force: bool = False) -> None:
        """The groups as the store has their lines now: a group whose lines all have a
        speaker shows as named (and again as unnamed after an undo)."""
        s, opened = self.suggestions, self.session.episode
        if s.suggestions is None or opened is None:
            self._shown_named = None
            self.panel.show_suggestions(None, [], {}, [])
            return
        named = s.named_groups()
        if not force and named == self._shown_named:
            return  # rebuilding the rows would drop a name being typed
        self._shown_named = named
        rows = {row.id: row for row in opened.segments}
        unclear = [(segment_id, rows[segment_id].start_ms, rows[segment_id].text)
                   for segment_id in s.segment_ids(s.suggestions.unclear)
                   if segment_id in rows and rows[segment_id].speaker_id is None]
        names = [speaker.name for speaker in self.annotator.list_speakers()]
        self.panel.show_suggestions(s.suggestions, names, named, unclear)

    def show_marks(self) -> None:
        """Check-label marks on the transcript's lines and on the timeline."""
        marks = self.suggestions.marks
        model = self.view.model
        by_row: dict[int, LabelMark] = {}
        if marks:
            for row in range(model.rowCount()):
                mark = marks.get(model.line(row).segment_id)
                if mark is not None and model.line(row).speaker == mark.speaker:
                    by_row[row] = mark  # relabelled since: no longer marked
        self.view.delegate.voice_marks = {row: mark_tooltip(mark) for row, mark in by_row.items()}
        self.view.list_view.viewport().update()
        self.timeline.set_voice_checks(
            Mark(MarkKind.VOICE, model.line(row).start_ms, model.line(row).end_ms,
                 mark_tooltip(mark)) for row, mark in by_row.items())
        self.panel.show_mark_count(len(by_row))
        self.next_check.setEnabled(bool(by_row))

    # -- actions ----------------------------------------------------------------------------

    def actions(self) -> list[QAction]:
        return [self.suggest, self.next_check]

    def start_from_menu(self) -> None:
        """Suggest speakers, with the Speakers panel in sight to show the groups."""
        self.annotations.speakers_dock.show()
        self.suggestions.start()

    def accept_all(self) -> None:
        count = self.suggestions.accept_all()
        if count:
            self.messages.show_message(
                translate("MainWindow", "Named 1 voice as suggested. Undo (Ctrl+Z) takes it "
                          "back.") if count == 1 else
                translate("MainWindow", "Named {count} voices as suggested. Undo (Ctrl+Z) takes "
                          "it back.").format(count=count))

    def add_split_offer(self, menu: QMenu, row: int) -> None:
        """On a marked line that holds two voices: "Split here" at the change."""
        model = self.view.model
        if not 0 <= row < model.rowCount():
            return
        segment_id = model.line(row).segment_id
        mark = self.suggestions.marks.get(segment_id)
        if mark is None or mark.change_ms is None or row not in self.view.delegate.voice_marks:
            return
        point = self.annotator.split_point(segment_id, mark.change_ms)
        if point is None:
            return
        words = point.second_text.split()
        start = " ".join(words[:3]) + ("…" if len(words) > 3 else "")
        action = menu.addAction(translate("MainWindow", "Split here, before “{words}” ({time})")
                                .format(words=start, time=format_clock(point.at_ms)))
        action.triggered.connect(lambda: self.split(point))
        menu.insertAction(menu.actions()[0], action)
        menu.insertSeparator(menu.actions()[1])

    def split(self, point: SplitPoint) -> None:
        """Split the line where the second voice starts (one undo step); its mark goes."""
        self.suggestions.forget_mark(point.segment_id)
        self.annotator.split_line(point)

    def go_to_segment(self, segment_id: int) -> None:
        model = self.view.model
        row = next((r for r in range(model.rowCount())
                    if model.line(r).segment_id == segment_id), -1)
        if row >= 0:
            self.playback.seek(model.line(row).start_ms)
            self.view.select_row(row)

    def next_mark(self) -> None:
        """Select the next marked line after the current one (around to the first)."""
        rows = sorted(self.view.delegate.voice_marks)
        if not rows:
            return
        selected = self.view.selected_rows()
        current = max(selected) if selected else self.view.current_row()
        row = next((r for r in rows if r > current), rows[0])
        self.go_to_segment(self.view.model.line(row).segment_id)
