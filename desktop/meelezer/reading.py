"""How the transcript is set for reading: text size, line spacing, line width, colours.

Plain values (no Qt), kept in the settings and applied by the transcript view.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

TEXT_SCALES = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)  # Ctrl+minus / Ctrl+plus
LINE_SPACING_RANGE = (1.0, 2.0)
# Characters a line may hold; about 60–90 is easy to read, longer lines lose the eye on the
# way back. 0: as wide as the window.
MAX_LINE_CHARS_RANGE = (0, 200)
DEFAULT_MAX_LINE_CHARS = 90
COLOR_SCHEMES = ("system", "light", "dark")


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass(frozen=True, slots=True)
class ReadingStyle:
    text_scale: float = 1.0
    line_spacing: float = 1.0  # times the font's own line height
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS

    def clamped(self) -> ReadingStyle:
        return ReadingStyle(
            text_scale=_clamp(self.text_scale, TEXT_SCALES[0], TEXT_SCALES[-1]),
            line_spacing=_clamp(self.line_spacing, *LINE_SPACING_RANGE),
            max_line_chars=int(_clamp(self.max_line_chars, *MAX_LINE_CHARS_RANGE)))

    def bigger(self) -> ReadingStyle:
        scale = next((s for s in TEXT_SCALES if s > self.text_scale + 1e-6), TEXT_SCALES[-1])
        return replace(self, text_scale=scale)

    def smaller(self) -> ReadingStyle:
        scale = next((s for s in reversed(TEXT_SCALES) if s < self.text_scale - 1e-6),
                     TEXT_SCALES[0])
        return replace(self, text_scale=scale)

    def normal_size(self) -> ReadingStyle:
        return replace(self, text_scale=1.0)
