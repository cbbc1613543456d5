"""The timeline under the transcript: the whole episode above, a zoomed stretch below.

The zoomed strip keeps still while the playhead walks across it and turns a page near its
right edge, so a frame of playback repaints only the few pixels around the playhead.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from meelezer.audio.analysis import AudioAnalysis
from meelezer.store.rows import NoteRow
from meelezer.ui.timeline.content import Mark, TimelineContent
from meelezer.ui.timeline.overview import OverviewStrip
from meelezer.ui.timeline.sync_preview import SyncPreview
from meelezer.ui.timeline.window import MIN_SPAN_MS, PAGE_LEAD, ZOOM_STEP, TimeWindow
from meelezer.ui.timeline.zoom_strip import ZoomStrip
from meelezer.ui.transcript_model import LineItem, TranscriptModel

DEFAULT_SPAN_MS = 60_000  # a minute: several lines with their speakers, words still apart
# A position change larger than this is a seek, not playback: the zoomed strip goes there.
JUMP_MS = 2_500
PAN_SHARE = 1 / 3  # a pan key moves a third of the zoomed stretch


class Timeline(QWidget):
    seek_requested = Signal(int)  # ms
    scrub_finished = Signal()  # a click, a drag or a mark jump is over
    span_changed = Signal(float)  # the user zoomed: the zoomed strip's span in ms

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(self.tr("Timeline"))
        self.content = TimelineContent()
        self.overview = OverviewStrip(self.content, self)
        self.zoomed = ZoomStrip(self.content, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.overview)
        layout.addWidget(self.zoomed)
        self._window = TimeWindow(0, DEFAULT_SPAN_MS)
        self._span_ms = float(DEFAULT_SPAN_MS)  # as zoomed; a short episode may show less
        self._following = True
        self._position_ms = 0
        self._wanted = True  # the user has not hidden it
        self._model: TranscriptModel | None = None
        for strip in (self.overview, self.zoomed):
            strip.seek_requested.connect(self.seek_requested)
            strip.scrub_finished.connect(self._on_scrub_finished)
            strip.pan_requested.connect(self.pan)
        self.zoomed.zoom_requested.connect(self.zoom)
        # Over the overview the wheel zooms the zoomed strip around the playhead.
        self.overview.zoom_requested.connect(lambda factor, _at: self.zoom(factor))
        self._apply_window(self._window)
        self.setVisible(False)  # until there are lines to show

    # --- content ---------------------------------------------------------------------------

    def attach_model(self, model: TranscriptModel) -> None:
        """Follow the transcript's lines: new episodes, and every changed row (a relabel)."""
        self._model = model
        model.modelReset.connect(lambda: self.set_lines(model.lines()))
        model.dataChanged.connect(self._on_rows_changed)
        self.set_lines(model.lines())

    def _on_rows_changed(self, top: QModelIndex | QPersistentModelIndex,
                         bottom: QModelIndex | QPersistentModelIndex) -> None:
        model = self._model
        if model is None:
            return
        self.update_lines({row: model.line(row) for row in range(top.row(), bottom.row() + 1)
                           if 0 <= row < model.rowCount()})

    def set_lines(self, lines: list[LineItem]) -> None:
        self.content.set_lines(lines)
        self._content_changed()
        self.setVisible(bool(lines) and self._wanted)

    def update_lines(self, changed: dict[int, LineItem]) -> None:
        if changed:
            self.content.replace_lines(changed)
            self._content_changed()

    def set_notes(self, notes: Iterable[NoteRow]) -> None:
        self.content.set_notes(notes)
        self._content_changed()

    def set_find_rows(self, rows: Iterable[int]) -> None:
        self.content.set_find_rows(rows)
        self._content_changed()

    def set_voice_checks(self, marks: Iterable[Mark]) -> None:
        """Lines whose voice does not sound like their speaker (check labels)."""
        self.content.set_voice_checks(marks)
        self._content_changed()

    def set_analysis(self, analysis: AudioAnalysis | None) -> None:
        """The audio analysis so far (partial ones fill the waveform in); None: no audio."""
        self.content.set_analysis(analysis)
        self._content_changed()

    def set_sync_preview(self, preview: SyncPreview | None) -> None:
        """Show (or, with None, stop showing) the line starts Sync to audio would change."""
        self.content.set_sync_preview(preview)
        self._content_changed()

    def set_duration_ms(self, duration_ms: int) -> None:
        self.content.set_audio_duration(duration_ms)
        self._content_changed()

    def _content_changed(self) -> None:
        duration = self.content.duration_ms()
        self.overview.set_window(TimeWindow(0, duration))
        start = self._window.start_ms
        self._apply_window(TimeWindow(start, start + self._span_ms).clamped(duration))
        self.overview.invalidate()
        self.zoomed.invalidate()

    # --- the user hides or shows it --------------------------------------------------------

    def set_wanted(self, wanted: bool) -> None:
        self._wanted = wanted
        self.setVisible(wanted and bool(self.content.lines))

    # --- playback --------------------------------------------------------------------------

    def set_position_ms(self, position_ms: int) -> None:
        """Move the playhead (about 60 times a second while playing)."""
        jumped = abs(position_ms - self._position_ms) > JUMP_MS
        self._position_ms = position_ms
        if self.zoomed.is_scrubbing():
            pass  # the stretch under the pointer stays put while it drags
        elif jumped or self._following:
            self._following = True
            self._apply_window(self._window.following(position_ms, self.content.duration_ms()))
        self.overview.set_playhead(position_ms)
        self.zoomed.set_playhead(position_ms)

    def _on_scrub_finished(self) -> None:
        # The user chose a moment on the timeline: from there on, the zoomed strip follows
        # the playhead again (even after zooming or scrolling elsewhere).
        self._following = True
        self.scrub_finished.emit()

    def position_ms(self) -> int:
        return self._position_ms

    def follow_playhead(self) -> None:
        """Bring the playhead back into the zoomed strip and keep it there."""
        self._following = True
        self._apply_window(self._window.following(self._position_ms, self.content.duration_ms()))

    def following(self) -> bool:
        return self._following

    # --- zoom and pan ----------------------------------------------------------------------

    def zoom_window(self) -> TimeWindow:
        """The zoomed strip's stretch."""
        return self._window

    def zoom(self, factor: float, around_ms: float | None = None) -> None:
        """Zoom the lower strip in (``factor`` > 1) or out, keeping ``around_ms`` in place
        (the playhead when not given, or when it is out of view)."""
        duration = self.content.duration_ms()
        if around_ms is None:
            around_ms = (self._position_ms if self._window.contains(self._position_ms)
                         else (self._window.start_ms + self._window.end_ms) / 2)
        window = self._window.zoomed(factor, around_ms, duration)
        if not window.contains(self._position_ms):
            self._following = False  # looking elsewhere: do not page back to the playhead
        self._apply_window(window)
        if window.span_ms != self._span_ms:
            self._span_ms = window.span_ms
            self.span_changed.emit(window.span_ms)

    def set_span_ms(self, span_ms: float) -> None:
        """Zoom to show ``span_ms`` (a remembered zoom), around the playhead."""
        self._span_ms = max(float(MIN_SPAN_MS), span_ms)
        start = self._position_ms - self._span_ms * PAGE_LEAD
        self._apply_window(TimeWindow(start, start + self._span_ms).clamped(
            self.content.duration_ms()))

    def zoom_in(self) -> None:
        self.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / ZOOM_STEP)

    def pan(self, delta_ms: float) -> None:
        self._following = False
        self._apply_window(self._window.panned(delta_ms, self.content.duration_ms()))

    def pan_back(self) -> None:
        self.pan(-self._window.span_ms * PAN_SHARE)

    def pan_forward(self) -> None:
        self.pan(self._window.span_ms * PAN_SHARE)

    def _apply_window(self, window: TimeWindow) -> None:
        self._window = window
        self.zoomed.set_window(window)
        self.overview.set_zoomed_window(window)
