"""The playback interface the UI talks to, independent of any audio library."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QObject, Signal


class PlaybackState(enum.Enum):
    NO_MEDIA = "no_media"  # nothing loaded yet
    LOADING = "loading"  # load() called, file being probed
    PLAYING = "playing"
    PAUSED = "paused"  # has a position, play() continues from it
    STOPPED = "stopped"  # loaded and ready; play() starts at position_ms()
    ENDED = "ended"  # reached the end; play() starts again from 0
    ERROR = "error"  # the last load or playback failed; see the error signal


class Player(QObject):
    """Abstract audio player; implementations emit the signals on the Qt main thread.

    Positions are media milliseconds. ``position_ms()`` is the smoothed clock and is
    meant to be polled every frame while playing; ``seek(ms)`` takes media time, and
    ``position_ms()`` adds the sync offset on top of it.

    Subclasses override every method below; the base raises ``NotImplementedError``
    (``abc`` cannot be used because QObject has its own metaclass).
    """

    state_changed = Signal(object)  # PlaybackState
    duration_changed = Signal(int)  # ms; 0 while unknown
    error = Signal(str)  # a message a person can act on
    seeked = Signal(int)  # ms, the target of seek()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = PlaybackState.NO_MEDIA
        self._duration = 0

    def load(self, path: Path) -> None:
        """Open ``path``; ends in STOPPED (ready, at 0) or ERROR plus the error signal."""
        raise NotImplementedError

    def play(self) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def toggle(self) -> None:
        """Pause if playing (or about to), play otherwise."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop and rewind to 0; the media stays loaded."""
        raise NotImplementedError

    def seek(self, ms: int) -> None:
        """Move to ``ms`` without changing playing/paused; after ENDED this leaves PAUSED."""
        raise NotImplementedError

    def position_ms(self) -> int:
        """The smoothed position plus the sync offset, within [0, duration]."""
        raise NotImplementedError

    def duration_ms(self) -> int:
        """The media length in ms, or 0 while unknown."""
        return self._duration

    def state(self) -> PlaybackState:
        return self._state

    # Implementations report changes through these, so a signal fires once per real change.
    def _set_state(self, state: PlaybackState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def _set_duration(self, duration: int) -> None:
        if duration != self._duration:
            self._duration = duration
            self.duration_changed.emit(duration)

    def set_rate(self, rate: float) -> None:
        """Playback speed, clamped to 0.5–3.0; pitch is kept."""
        raise NotImplementedError

    def rate(self) -> float:
        raise NotImplementedError

    def set_volume(self, volume: int) -> None:
        """Volume in percent, clamped to 0–100."""
        raise NotImplementedError

    def set_muted(self, muted: bool) -> None:
        raise NotImplementedError

    def set_sync_offset_ms(self, offset_ms: int) -> None:
        """Added to every reported position; negative for outputs that lag (Bluetooth)."""
        raise NotImplementedError

    def is_available(self) -> bool:
        """False when the audio backend cannot work at all (e.g. libvlc is missing)."""
        raise NotImplementedError

    def unavailable_reason(self) -> str | None:
        """Why ``is_available()`` is False, with how to fix it; None when available."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """Stop and release the audio backend (call once, on exit); later calls do nothing."""
        raise NotImplementedError


MIN_RATE = 0.5
MAX_RATE = 3.0


def clamp_rate(rate: float) -> float:
    """The rate every Player uses for ``set_rate(rate)``; NaN is refused."""
    if rate != rate:  # NaN compares unequal to itself
        raise ValueError("rate must be a number, not NaN")
    return min(MAX_RATE, max(MIN_RATE, float(rate)))


def clamp_volume(volume: int) -> int:
    return min(100, max(0, int(volume)))
