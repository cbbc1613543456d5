"""A deterministic Player for UI tests: time moves only when the test says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from meelezer.playback.player import PlaybackState, Player, clamp_rate, clamp_volume

UNAVAILABLE_REASON = "libvlc (VLC's playback library) was not found. Install VLC (fake)."


class FakePlayer(Player):
    """Behaves like VlcPlayer, with the same signals, but synchronously and without audio.

    ``load()`` succeeds at once (LOADING, duration_changed, STOPPED) unless
    ``load_error`` is set or the fake was built unavailable. The position moves only
    through :meth:`advance` (wall-clock ms, scaled by the rate while PLAYING) and
    :meth:`set_position`. ``calls`` records every command, for asserting what the UI did.
    """

    def __init__(
        self,
        duration_ms: int = 60_000,
        *,
        available: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.media_duration_ms = duration_ms  # what the next load() reports
        self.load_error: str | None = None  # set to make the next load() fail
        self.calls: list[str] = []
        self.loaded: Path | None = None
        self.volume = 100
        self.muted = False
        self.sync_offset_ms = 0
        self.is_shut_down = False
        self._available = available
        self._position = 0
        self._rate = 1.0

    # -- test controls -----------------------------------------------------------

    def advance(self, ms: int) -> None:
        """Let ``ms`` of wall time pass; playback moves ``ms × rate`` and may end."""
        if self._state is not PlaybackState.PLAYING:
            return
        self._position += round(ms * self._rate)
        if self._position >= self._duration:
            self.finish()

    def set_position(self, ms: int) -> None:
        """Put the playback clock at ``ms`` as playing would (no ``seeked`` signal)."""
        self._position = max(0, min(int(ms), self._duration))

    def finish(self) -> None:
        """Reach the end of the media, as libvlc's EndReached does."""
        self._position = self._duration
        self._set_state(PlaybackState.ENDED)

    def fail(self, message: str) -> None:
        """A playback error in the middle of playing."""
        self._set_state(PlaybackState.ERROR)
        self.error.emit(message)

    # -- Player ------------------------------------------------------------------

    def load(self, path: Path) -> None:
        self.calls.append("load")
        if not self._available:
            self.fail(UNAVAILABLE_REASON)
            return
        self.loaded = Path(path)
        self._position = 0
        self._set_duration(0)
        if self.load_error is not None:
            self.fail(self.load_error)
            return
        self._set_state(PlaybackState.LOADING)
        self._set_duration(self.media_duration_ms)
        self._set_state(PlaybackState.STOPPED)

    def play(self) -> None:
        self.calls.append("play")
        if self._state in (PlaybackState.NO_MEDIA, PlaybackState.LOADING, PlaybackState.ERROR):
            return
        if self._state is PlaybackState.ENDED:
            self._position = 0
        self._set_state(PlaybackState.PLAYING)

    def pause(self) -> None:
        self.calls.append("pause")
        if self._state is PlaybackState.PLAYING:
            self._set_state(PlaybackState.PAUSED)

    def toggle(self) -> None:
        self.calls.append("toggle")
        if self._state is PlaybackState.PLAYING:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        self.calls.append("stop")
        if self._has_media():
            self._position = 0
            self._set_state(PlaybackState.STOPPED)

    def seek(self, ms: int) -> None:
        self.calls.append(f"seek {ms}")
        if not self._has_media():
            return
        self._position = max(0, min(int(ms), self._duration))
        self.seeked.emit(self._position)
        if self._state is PlaybackState.ENDED:
            self._set_state(PlaybackState.PAUSED)

    def position_ms(self) -> int:
        if self.loaded is None:
            return 0
        return max(0, min(self._position + self.sync_offset_ms, self._duration))

    def set_rate(self, rate: float) -> None:
        self.calls.append(f"set_rate {rate}")
        self._rate = clamp_rate(rate)

    def rate(self) -> float:
        return self._rate

    def set_volume(self, volume: int) -> None:
        self.volume = clamp_volume(volume)

    def set_muted(self, muted: bool) -> None:
        self.muted = bool(muted)

    def set_sync_offset_ms(self, offset_ms: int) -> None:
        self.sync_offset_ms = int(offset_ms)

    def is_available(self) -> bool:
        return self._available

    def unavailable_reason(self) -> str | None:
        return None if self._available else UNAVAILABLE_REASON

    def shutdown(self) -> None:
        self.calls.append("shutdown")
        self.is_shut_down = True

    # -- helpers -----------------------------------------------------------------

    def _has_media(self) -> bool:
        return self._state not in (PlaybackState.NO_MEDIA, PlaybackState.ERROR)

