"""Draws the still part of a timeline strip (waveform, speaker band, marks, time ticks) once
into a picture that the strip then copies on every frame; only the playhead moves on top.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPixmap, QPolygonF

from meelezer.audio.analysis import AudioAnalysis
from meelezer.transcript.timecode import format_clock
from meelezer.ui.timeline.colors import TimelineColors
from meelezer.ui.timeline.content import Mark, MarkKind, TimelineContent
from meelezer.ui.timeline.sync_preview import NOT_FOUND_COLOR, paint_sync_preview
from meelezer.ui.timeline.window import TimeWindow
from meelezer.ui.transcript_model import LineItem
from meelezer.ui.voices.marks import paint_mark

TICK_STEPS_S = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200)
MIN_TICK_GAP_PX = 90  # room for a "1:23:45" label between two ticks
RUN_JOIN_MS = 1500  # a speaker's lines closer than this draw as one stretch


@dataclass(frozen=True, slots=True)
class StripAreas:
    """Where a strip draws each part, top to bottom."""

    marks: QRect
    wave: QRect
    band: QRect


@dataclass(frozen=True, slots=True)
class LayerStyle:
    font: QFont  # for tick labels and speaker names
    ticks: bool = False  # time labels and grid (the zoomed strip)
    names: bool = False  # speaker names in the band where they fit
    find_lines: bool = False  # find hits also as a faint line across the waveform


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive lines of one speaker, drawn as one stretch of the band."""

    start_ms: int
    end_ms: int
    line: LineItem  # the first; its speaker and colour stand for the run


def speaker_runs(lines: list[LineItem], rows: range) -> list[Run]:
    runs: list[Run] = []
    for row in rows:
        line = lines[row]
        end = max(line.end_ms, line.start_ms + 1)
        if runs:
            last = runs[-1]
            same = (last.line.speaker == line.speaker
                    and last.line.speaker_color == line.speaker_color
                    and last.line.times_estimated == line.times_estimated)
            if same and line.start_ms - last.end_ms <= RUN_JOIN_MS:
                runs[-1] = Run(last.start_ms, max(last.end_ms, end), last.line)
                continue
        runs.append(Run(line.start_ms, end, line))
    return runs


def render_layer(size: QSize, dpr: float, areas: StripAreas, content: TimelineContent,
                 window: TimeWindow, colors: TimelineColors, style: LayerStyle) -> QPixmap:
    pixmap = QPixmap(QSize(max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr))))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(colors.background)
    painter = QPainter(pixmap)
    try:
        width = size.width()
        rows = content.rows_between(window.start_ms, window.end_ms)
        runs = speaker_runs(content.lines, rows)
        if style.ticks:
            _paint_ticks(painter, areas, window, width, colors, style.font)
        analysis = content.analysis
        if analysis is not None:
            _paint_pending(painter, areas, analysis, window, width, colors)
            _paint_waveform(painter, areas.wave, analysis, content, window, colors)
        else:
            _paint_line_blocks(painter, areas.wave, runs, window, colors)
        if content.sync_preview is not None:
            paint_sync_preview(painter, areas.wave, content.sync_preview, window, colors,
                               detailed=style.ticks)
        _paint_band(painter, areas.band, runs, window, colors, style)
        _paint_marks(painter, areas, content.marks_between(window.start_ms, window.end_ms),
                     window, width, colors, style.find_lines)
    finally:
        painter.end()
    return pixmap


def _paint_ticks(painter: QPainter, areas: StripAreas, window: TimeWindow, width: int,
                 colors: TimelineColors, font: QFont) -> None:
    ms_per_px = window.span_ms / max(1, width)
    step_s = next((step for step in TICK_STEPS_S if step * 1000 / ms_per_px >= MIN_TICK_GAP_PX),
                  TICK_STEPS_S[-1])
    step_ms = step_s * 1000
    painter.setFont(font)
    ascent = QFontMetricsF(font).ascent()
    top, bottom = areas.marks.top(), areas.band.bottom()
    tick = int(window.start_ms // step_ms) * step_ms
    while tick < window.end_ms:
        x = round(window.x_of(tick, width))
        if x >= 0:
            painter.fillRect(QRect(x, top, 1, bottom - top + 1), colors.grid)
            painter.setPen(colors.faint_text)
            # In the marks row, above the waveform, so no label hides a line.
            painter.drawText(QPointF(x + 3, areas.marks.top() + ascent), format_clock(tick))
        tick += step_ms


def _paint_pending(painter: QPainter, areas: StripAreas, analysis: AudioAnalysis,
                   window: TimeWindow, width: int, colors: TimelineColors) -> None:
    """Shade the part of the audio the analysis has not reached yet."""
    if analysis.complete:
        return
    x = max(0, round(window.x_of(analysis.analysed_ms, width)))
    if x < width:
        painter.fillRect(QRect(x, areas.wave.top(), width - x, areas.wave.height()),
                         colors.pending)


def _peak_scale(analysis: AudioAnalysis) -> float:
    """Scale so the loudest moment of the episode fills the strip's height."""
    levels = analysis.waveform.levels
    if not levels or len(levels[-1].maxima) == 0:
        return 1.0
    coarsest = levels[-1]
    peak = float(max(np.abs(coarsest.maxima).max(), np.abs(coarsest.minima).max()))
    return 1.0 / peak if peak > 1e-4 else 1.0


def _argb(color: QColor) -> int:
    return int(color.rgba()) & 0xFFFFFFFF


def column_colors(content: TimelineContent, window: TimeWindow, count: int,
                  colors: TimelineColors) -> npt.NDArray[np.uint32]:
    """Each pixel column's colour: its speaker's, grey where no labelled line is spoken."""
    default = _argb(colors.unlabelled)
    result = np.full(count, default, dtype=np.uint32)
    lines = content.lines
    if not lines or count <= 0:
        return result
    rows = content.rows_between(window.start_ms, window.end_ms)
    if len(rows) == 0:
        return result
    starts = np.fromiter((lines[row].start_ms for row in rows), dtype=np.int64, count=len(rows))
    ends = np.fromiter((max(lines[row].end_ms, lines[row].start_ms + 1) for row in rows),
                       dtype=np.int64, count=len(rows))
    cache: dict[tuple[str | None, str | None], int] = {}
    palette = np.empty(len(rows), dtype=np.uint32)
    for position, row in enumerate(rows):
        line = lines[row]
        key = (line.speaker, line.speaker_color)
        value = cache.get(key)
        if value is None:
            value = cache[key] = _argb(colors.speaker(line))
        palette[position] = value
    centres = window.start_ms + (np.arange(count) + 0.5) * (window.span_ms / count)
    spoken = np.searchsorted(np.maximum.accumulate(starts), centres, side="right") - 1
    inside = (spoken >= 0) & (centres < ends[np.clip(spoken, 0, None)])
    result[inside] = palette[spoken[inside]]
    return result


def _paint_waveform(painter: QPainter, rect: QRect, analysis: AudioAnalysis,
                    content: TimelineContent, window: TimeWindow,
                    colors: TimelineColors) -> None:
    """The min/max envelope, one pixel column at a time, in the colour of who speaks there."""
    width, height = rect.width(), rect.height()
    if width <= 0 or height <= 1:
        return
    low, high = analysis.waveform.columns(window.start_ms, window.end_ms, width)
    scale = _peak_scale(analysis)
    middle = (height - 1) / 2
    top = np.clip(np.floor(middle - np.clip(high * scale, -1, 1) * middle), 0, height - 1)
    bottom = np.clip(np.ceil(middle - np.clip(low * scale, -1, 1) * middle), 0, height - 1)
    bottom = np.maximum(bottom, top)  # silence still shows as a one-pixel line
    centres = window.start_ms + (np.arange(width) + 0.5) * (window.span_ms / width)
    analysed = (centres >= 0) & (centres < analysis.analysed_ms)
    ys = np.arange(height)[:, None]
    mask = (ys >= top[None, :]) & (ys <= bottom[None, :]) & analysed[None, :]
    pixels = np.where(mask, column_colors(content, window, width, colors)[None, :],
                      np.uint32(0)).astype(np.uint32)
    image = QImage(pixels.tobytes(), width, height, width * 4, QImage.Format.Format_ARGB32)
    painter.drawImage(rect.topLeft(), image)


def _paint_line_blocks(painter: QPainter, rect: QRect, runs: list[Run], window: TimeWindow,
                       colors: TimelineColors) -> None:
    """Without audio analysis: pale blocks where the transcript says someone speaks."""
    width = rect.width()
    inset = rect.height() // 4
    for run in runs:
        x1 = round(window.x_of(run.start_ms, width))
        x2 = max(x1 + 1, round(window.x_of(run.end_ms, width)))
        painter.fillRect(QRect(x1, rect.top() + inset, x2 - x1, rect.height() - 2 * inset),
                         colors.tint(colors.speaker(run.line), 0.45))


def _name_color(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (by relative luminance)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF())
                 + 0.0722 * channel(background.blueF()))
    return QColor("#111111") if luminance > 0.22 else QColor("#ffffff")


def _paint_band(painter: QPainter, rect: QRect, runs: list[Run], window: TimeWindow,
                colors: TimelineColors, style: LayerStyle) -> None:
    """One colour per speaker; estimated times hatched; names where there is room."""
    width = rect.width()
    metrics = QFontMetricsF(style.font)
    painter.setFont(style.font)
    for run in runs:
        x1 = round(window.x_of(run.start_ms, width))
        x2 = max(x1 + 1, round(window.x_of(run.end_ms, width)))
        box = QRect(x1, rect.top(), x2 - x1, rect.height())
        color = colors.speaker(run.line)
        painter.fillRect(box, color)
        if run.line.times_estimated:  # hatched below, so a name above stays readable
            hatch = box.adjusted(0, box.height() * 3 // 5, 0, 0)
            painter.fillRect(hatch, QBrush(colors.background, Qt.BrushStyle.BDiagPattern))
        if style.names and run.line.speaker:
            left, right = max(x1, 0) + 4, min(x2, width) - 4
            if right - left > 24:
                name = metrics.elidedText(run.line.speaker, Qt.TextElideMode.ElideRight,
                                          right - left)
                painter.setPen(_name_color(color))
                painter.drawText(QRectF(left, rect.top(), right - left, rect.height()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 name)


def mark_x(mark: Mark, window: TimeWindow, width: int) -> float:
    return window.x_of(mark.time_ms, width)


def _paint_marks(painter: QPainter, areas: StripAreas, marks: list[Mark], window: TimeWindow,
                 width: int, colors: TimelineColors, find_lines: bool) -> None:
    rect = areas.marks
    height = rect.height()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    for mark in marks:
        x = mark_x(mark, window, width)
        if mark.kind is MarkKind.HIGHLIGHT:
            end = mark.end_ms if mark.end_ms is not None else mark.time_ms
            x2 = max(x + 2, window.x_of(end, width))
            color = QColor(mark.color or "#ffd54f")
            painter.fillRect(QRectF(x, rect.top() + height * 0.55, x2 - x, height * 0.45), color)
        elif mark.kind is MarkKind.FIND:
            painter.fillRect(QRectF(x - 1, rect.top(), 2, height), colors.find)
            if find_lines:
                line = QColor(colors.find)
                line.setAlphaF(0.5)
                painter.fillRect(QRectF(x, areas.wave.top(), 1, areas.wave.height()), line)
        elif mark.kind is MarkKind.VOICE:
            paint_mark(painter, x, rect.top() + height * 0.5, max(7.0, height * 0.9))
        elif mark.kind is MarkKind.NOT_IN_AUDIO:  # amber, as the transcript's badge
            painter.fillRect(QRectF(x - 1.5, rect.top(), 3, height), NOT_FOUND_COLOR)
        elif mark.kind is MarkKind.NOTE:
            radius = max(2.0, height * 0.32)
            painter.setBrush(colors.note)
            painter.drawEllipse(QPointF(x, rect.top() + height * 0.45), radius, radius)
        else:  # a bookmark: a small flag pointing down at its moment
            half = max(2.5, height * 0.38)
            painter.setBrush(colors.bookmark)
            painter.drawPolygon(QPolygonF([QPointF(x - half, rect.top()),
                                           QPointF(x + half, rect.top()),
                                           QPointF(x, rect.top() + height * 0.9)]))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
