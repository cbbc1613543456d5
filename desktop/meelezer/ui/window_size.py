"""The first window's size: as roomy as the layout likes, never larger than the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

# Room for the transcript and both side panels.
PREFERRED = QSize(1200, 820)
# What a window manager adds around the window (title bar, borders), so the frame fits too.
FRAME_ALLOWANCE = QSize(16, 48)


def first_window_size(available: QRect) -> QSize:
    """``PREFERRED``, shrunk to the screen's free area (without its panels) less the frame."""
    room = available.size() - FRAME_ALLOWANCE
    return PREFERRED.boundedTo(room).expandedTo(QSize(480, 360))

