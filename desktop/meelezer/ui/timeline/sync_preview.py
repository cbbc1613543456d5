"""Sync to audio's preview on the timeline: where lines start now (faint ticks) and where
they would start (strong ticks), joined where they move; lines not found in the audio in
amber. Drawn into the strips' cached picture, so it costs nothing per frame."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QLineF, QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from meelezer.sync_plan import FAR_MOVE_MS, SyncPlan
from meelezer.ui.timeline.colors import TimelineColors
from meelezer.ui.timeline.window import TimeWindow

NOT_FOUND_COLOR = QColor(245, 158, 11)  # amber, as the transcript's badge
NEW_COLOR_LIGHT = QColor(0, 120, 212)
NEW_COLOR_DARK = QColor(96, 180, 255)
MIN_MOVE_PX = 2  # closer than this, old and new are one tick


@dataclass(frozen=True, slots=True)
class SyncPreview:
    """Old and new line starts and ends, by row, and whether each line was found."""

    old_starts: npt.NDArray[np.int64]
    new_starts: npt.NDArray[np.int64]
    new_ends: npt.NDArray[np.int64]
    found: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, plan: SyncPlan) -> SyncPreview:
        return cls(np.array([old[0] for old in plan.old], dtype=np.int64),
                   np.array([line.start_ms for line in plan.lines], dtype=np.int64),
                   np.array([line.end_ms for line in plan.lines], dtype=np.int64),
                   np.array([line.found for line in plan.lines], dtype=np.bool_))


def paint_sync_preview(painter: QPainter, wave: QRect, preview: SyncPreview,
                       window: TimeWindow, colors: TimelineColors, detailed: bool) -> None:
    """Over the waveform area ``wave``. ``detailed`` (the zoomed strip): every line's old
    and new start; otherwise (the whole episode) only lines moving more than a second and
    lines not found, which would else be lost among thousands of ticks."""
    width = wave.width()
    if width <= 0 or len(preview.new_starts) == 0:
        return
    new_color = NEW_COLOR_DARK if colors.dark else NEW_COLOR_LIGHT
    old_color = QColor(colors.text)
    old_color.setAlphaF(0.7)  # faint next to the new ticks, yet visible over the waveform
    top, height = wave.top(), wave.height()
    split = top + height * 0.4  # old ticks above, new ones below
    start, end = window.start_ms, window.end_ms
    visible = (((preview.new_starts >= start) & (preview.new_starts <= end))
               | ((preview.old_starts >= start) & (preview.old_starts <= end)))
    if not detailed:
        visible &= ((np.abs(preview.new_starts - preview.old_starts) > FAR_MOVE_MS)
                    | ~preview.found)
    rows = np.flatnonzero(visible)
    painter.save()
    for row in rows[~preview.found[rows]]:
        x1 = window.x_of(float(preview.new_starts[row]), width)
        x2 = max(x1 + 2, window.x_of(float(preview.new_ends[row]), width))
        fill = QColor(NOT_FOUND_COLOR)
        fill.setAlphaF(0.22)
        painter.fillRect(QRectF(x1, top, x2 - x1, height), fill)
        painter.fillRect(QRectF(x1, top, 2, height), NOT_FOUND_COLOR)
    found = rows[preview.found[rows]]
    old_x = [window.x_of(float(preview.old_starts[row]), width) for row in found]
    new_x = [window.x_of(float(preview.new_starts[row]), width) for row in found]
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(old_color, 1))
    for old, new in zip(old_x, new_x, strict=True):
        if detailed or abs(new - old) >= MIN_MOVE_PX:
            painter.drawLine(QLineF(old, top, old, split))
        if abs(new - old) >= MIN_MOVE_PX:
            painter.drawLine(QLineF(old, split, new, split + height * 0.2))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for new in new_x:
        painter.fillRect(QRectF(new - 1, split, 2, top + height - split), new_color)
    painter.restore()
