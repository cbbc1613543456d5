"""Colours of the transcript view, derived from the widget palette so light and dark both work."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette

# Calm, distinguishable hues for speakers the library has not given a colour yet.
FALLBACK_SPEAKER_COLORS = (
    "#3b7dd8", "#d9822b", "#2e9e6a", "#b04a9a", "#c2453d", "#6a5acd", "#1f9aa8", "#8a7a2e",
)


def blend(under: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``under`` at ``amount`` (0..1) opacity, as an opaque 8-bit colour."""
    keep = 1.0 - amount
    return QColor(
        round(under.red() * keep + over.red() * amount),
        round(under.green() * keep + over.green() * amount),
        round(under.blue() * keep + over.blue() * amount),
    )


SEARCH_YELLOW = "#ffd84d"
SEARCH_CURRENT = "#ff9f1a"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def fallback_speaker_color(name: str) -> str:
    """A stable colour for ``name`` (same name, same colour, on every run)."""
    return FALLBACK_SPEAKER_COLORS[zlib.crc32(name.encode("utf-8")) % len(FALLBACK_SPEAKER_COLORS)]


def speaker_color(color_hex: str | None, name: str) -> QColor:
    """A speaker's colour: the one the library keeps for them, else a stable one by name.

    The transcript's bars and chips, the speakers panel and the timeline all use this, so
    a speaker looks the same everywhere.
    """
    color = QColor(color_hex) if color_hex else QColor()
    return color if color.isValid() else QColor(fallback_speaker_color(name))


@dataclass(frozen=True, slots=True)
class SpeakerChipColors:
    background: QColor
    text: QColor


@dataclass(frozen=True, slots=True)
class TranscriptTheme:
    """Every colour the line delegate paints with."""

    dark: bool
    base: QColor
    text: QColor
    played_text: QColor
    time_text: QColor
    time_estimated: QColor
    time_hover: QColor
    accent: QColor
    current_band: QColor
    current_bar: QColor
    word_box: QColor
    word_text: QColor
    selection: QColor
    selection_current: QColor
    hover: QColor
    focus_outline: QColor
    search_box: QColor = field(default_factory=QColor)  # behind each find match: soft yellow
    search_current: QColor = field(default_factory=QColor)  # the match stepped to: stronger
    note_marker: QColor = field(default_factory=QColor)
    edited_marker: QColor = field(default_factory=QColor)
    selection_border: QColor = field(default_factory=QColor)  # a frame: selected, not spoken

    def quote_colors(self, color_hex: str) -> tuple[QColor, QColor]:
        """A quote highlight's (tint under the line, stripe at its left) for ``color_hex``."""
        color = QColor(color_hex)
        if not color.isValid():
            color = QColor(SEARCH_YELLOW)
        tint = blend(self.base, color, 0.22 if self.dark else 0.14)
        stripe = color.lighter(115) if self.dark else color
        return tint, stripe

    def speaker_chip(self, color_hex: str | None, name: str) -> SpeakerChipColors:
        """Chip colours for a speaker: a pale tint of their colour behind readable text."""
        color = speaker_color(color_hex, name)
        background = blend(self.base, color, 0.30 if self.dark else 0.16)
        hue, saturation = color.hslHueF(), color.hslSaturationF()
        lightness = color.lightnessF()
        # Clamp the lightness so the name stays readable on the tint in either mode.
        lightness = max(lightness, 0.72) if self.dark else min(lightness, 0.36)
        return SpeakerChipColors(background, QColor.fromHslF(max(hue, 0.0), saturation, lightness))


    def speaker_bar(self, color_hex: str | None, name: str) -> QColor:
        """The bar beside each of a speaker's lines: their colour, a little lifted on dark."""
        color = speaker_color(color_hex, name)
        return color.lighter(115) if self.dark else color


def transcript_theme(palette: QPalette) -> TranscriptTheme:
    """The transcript colours for ``palette`` (the view's, so a palette change restyles it)."""
    dark = is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    accent = palette.color(QPalette.ColorRole.Highlight)
    # Strong enough to find the spoken line from across the room, light enough to read on.
    band = blend(base, accent, 0.40 if dark else 0.28)
    focus = QColor(accent)
    focus.setAlphaF(0.6)
    return TranscriptTheme(
        dark=dark,
        base=base,
        text=text,
        played_text=blend(base, text, 0.70),
        time_text=blend(base, text, 0.58),
        time_estimated=blend(base, text, 0.40),
        time_hover=accent.lighter(135) if dark else accent,
        accent=accent,
        current_band=band,
        current_bar=accent.lighter(120) if dark else accent,
        word_box=accent,
        word_text=palette.color(QPalette.ColorRole.HighlightedText),
        # A tint of the accent with a frame, plain to see (a grey tint was lost on white).
        selection=blend(base, accent, 0.34 if dark else 0.22),
        selection_current=blend(band, text, 0.08),
        selection_border=accent.lighter(120) if dark else accent,
        hover=blend(base, text, 0.05 if dark else 0.035),
        focus_outline=focus,
        search_box=blend(base, QColor(SEARCH_YELLOW), 0.40 if dark else 0.55),
        search_current=blend(base, QColor(SEARCH_CURRENT), 0.65 if dark else 0.75),
        note_marker=accent.lighter(135) if dark else accent,
        edited_marker=blend(base, text, 0.58),
    )
