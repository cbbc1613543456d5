"""Connects a timeline to the window's transcript, playback and annotations."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from meelezer.annotator import Annotator, Change
from meelezer.settings import Settings
from meelezer.ui.playback_controller import PlaybackController
from meelezer.ui.timeline.actions import TimelineActions, build_timeline_actions
from meelezer.ui.timeline.timeline import Timeline
from meelezer.ui.transcript_view import TranscriptView


def wire_timeline(window: QWidget, timeline: Timeline, view: TranscriptView,
                  controller: PlaybackController, annotator: Annotator,
                  settings: Settings) -> TimelineActions:
    """Lines, labels and find hits come from the view, notes from the annotator, the playhead
    from the controller; a click on the timeline seeks and brings the transcript along."""

    def refresh_notes() -> None:
        timeline.set_notes(annotator.list_notes() if annotator.episode_id is not None else [])

    timeline.attach_model(view.model)
    view.model.modelReset.connect(refresh_notes)  # a new episode: its notes
    annotator.changed.connect(
        lambda change: refresh_notes() if Change.NOTES in change else None)
    view.search_changed.connect(lambda _index, _count: timeline.set_find_rows(
        view.search_rows()))
    controller.position_changed.connect(timeline.set_position_ms)
    controller.player.duration_changed.connect(timeline.set_duration_ms)
    timeline.seek_requested.connect(controller.seek)
    timeline.scrub_finished.connect(view.return_to_playback)

    actions = build_timeline_actions(window)
    actions.zoom_in.triggered.connect(timeline.zoom_in)
    actions.zoom_out.triggered.connect(timeline.zoom_out)
    actions.pan_back.triggered.connect(timeline.pan_back)
    actions.pan_forward.triggered.connect(timeline.pan_forward)
    actions.show.toggled.connect(timeline.set_wanted)

    # Shown or hidden, and how far zoomed, as the user left it.
    actions.show.setChecked(settings.timeline_shown)
    timeline.set_wanted(settings.timeline_shown)
    actions.show.toggled.connect(lambda shown: setattr(settings, "timeline_shown", shown))
    timeline.set_span_ms(settings.timeline_span_ms)
    timeline.span_changed.connect(lambda span: setattr(settings, "timeline_span_ms", span))
    return actions
