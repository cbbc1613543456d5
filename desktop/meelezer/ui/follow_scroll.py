"""Where follow mode scrolls to: the current line a third from the top, but only when needed."""

from __future__ import annotations

from collections.abc import Callable

ANCHOR = 1 / 3  # the current line's top sits this far down the viewport after a follow scroll
# While the current line stays inside this band (fractions of the viewport height) the view
# does not move: reading is easier when the text holds still for several lines at a time.
BAND_TOP = 0.08
BAND_BOTTOM = 0.82


def top_row_for(row: int, row_height: Callable[[int], int], viewport_height: int,
                anchor: float = ANCHOR) -> int:
    """The row to scroll to the top so that ``row`` starts at about ``anchor`` of the height.

    The view scrolls per row, so the line lands at or a little above the anchor; a line
    whose predecessors do not fill that space (near the start) ends up higher.
    """
    if row <= 0:
        return 0
    room = max(0, int(viewport_height * anchor))
    top = row
    used = 0
    while top > 0:
        height = row_height(top - 1)
        if used + height > room:
            break
        used += height
        top -= 1
    return top


def in_comfort_band(line_top: int, line_bottom: int, viewport_height: int) -> bool:
    """Whether a current line at ``line_top``..``line_bottom`` (viewport pixels) may stay put.

    A line taller than the band is fine as long as it starts in the upper part.
    """
    band_top = viewport_height * BAND_TOP
    band_bottom = viewport_height * BAND_BOTTOM
    if line_top < band_top:
        return False
    if line_bottom <= band_bottom:
        return True
    return line_bottom - line_top > band_bottom - band_top and line_top <= viewport_height * ANCHOR
