"""The timeline's keyboard commands (zoom, pan, show): Alt with keys no other command uses."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from meelezer.ui.actions import make_action


@dataclass(frozen=True)
class TimelineActions:
    zoom_in: QAction
    zoom_out: QAction
    pan_back: QAction
    pan_forward: QAction
    show: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, field.name) for field in fields(self)]


def build_timeline_actions(window: QWidget) -> TimelineActions:
    translate = QCoreApplication.translate  # texts in the "Timeline" context
    actions = TimelineActions(
        zoom_in=make_action(window, translate("Timeline", "Zoom timeline in"), "Alt+=",
                            translate("Timeline", "Show a shorter stretch around the playhead")),
        zoom_out=make_action(window, translate("Timeline", "Zoom timeline out"), "Alt+-",
                             translate("Timeline", "Show a longer stretch of the episode")),
        pan_back=make_action(window, translate("Timeline", "Scroll timeline back"), "Alt+Left",
                             translate("Timeline", "Look earlier in the timeline; playback "
                                       "goes on (Ctrl+Return comes back)")),
        pan_forward=make_action(window, translate("Timeline", "Scroll timeline forward"),
                                "Alt+Right",
                                translate("Timeline", "Look further ahead in the timeline")),
        show=make_action(window, translate("Timeline", "&Timeline"),
                         tip=translate("Timeline", "Show the timeline under the transcript"),
                         checkable=True),
    )
    # "+" is Shift+= on many keyboards: both zoom in.
    actions.zoom_in.setShortcuts([QKeySequence("Alt+="), QKeySequence("Alt++")])
    actions.show.setChecked(True)
    for action in actions.all():
        window.addAction(action)
    return actions
