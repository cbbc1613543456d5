"""The timeline's colours, from the widget palette so light and dark both read well."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from meelezer.ui.theme import SEARCH_CURRENT, blend, is_dark, speaker_color
from meelezer.ui.transcript_model import LineItem


@dataclass(frozen=True, slots=True)
class TimelineColors:
    dark: bool
    background: QColor
    pending: QColor  # audio not analysed yet
    text: QColor
    faint_text: QColor
    grid: QColor
    unlabelled: QColor  # lines nobody is assigned to
    playhead: QColor
    window_fill: QColor  # the zoomed stretch, on the overview
    window_edge: QColor
    note: QColor
    bookmark: QColor
    find: QColor

    def speaker(self, line: LineItem) -> QColor:
        """The colour of ``line``'s speaker (grey when unlabelled), as the transcript's bar."""
        if not line.speaker:
            return self.unlabelled
        color = speaker_color(line.speaker_color, line.speaker)
        return color.lighter(115) if self.dark else color

    def tint(self, color: QColor, amount: float) -> QColor:
        """``color`` laid faintly over the background (behind lines without audio)."""
        return blend(self.background, color, amount)


def timeline_colors(palette: QPalette) -> TimelineColors:
    dark = is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    accent = palette.color(QPalette.ColorRole.Highlight)
    background = blend(window, base, 0.5)
    fill = QColor(accent)
    fill.setAlphaF(0.16 if dark else 0.12)
    return TimelineColors(
        dark=dark,
        background=background,
        pending=blend(background, text, 0.05),
        text=text,
        faint_text=blend(background, text, 0.62),
        grid=blend(background, text, 0.10 if dark else 0.08),
        unlabelled=blend(background, text, 0.38 if dark else 0.30),
        # The playhead must stand out from every speaker colour: the text colour does.
        playhead=text,
        window_fill=fill,
        window_edge=accent.lighter(130) if dark else accent,
        note=accent.lighter(135) if dark else accent,
        bookmark=QColor("#e0a030") if dark else QColor("#c07a10"),
        find=QColor(SEARCH_CURRENT),
    )
