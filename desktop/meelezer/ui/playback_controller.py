"""What the playback controls mean for an episode: resume with rewind, skip, line steps, loop.

No widgets here: the window connects its actions to these methods, and the controller talks
only to the ``Player`` interface, so tests drive it with a fake player.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from meelezer.playback.player import PlaybackState, Player
from meelezer.transcript.timing import segment_index_at

TICK_MS = 16  # ~60 Hz: the highlight moves as smoothly as the screen refreshes
SAVE_EVERY_MS = 5000  # the last position survives a crash, give or take five seconds
# "Previous line" within this much of a line's start goes to the line before, as a
# music player's back button does; later in a line it goes to the line's own start.
RESTART_LINE_WITHIN_MS = 1500


class PlaybackController(QObject):
    position_changed = Signal(int)
    playing_changed = Signal(bool)

    def __init__(self, player: Player, parent: QObject | None = None):
        super().__init__(parent)
        self.player = player
        self.auto_rewind_ms = 1000
        self.save_position: Callable[[int], None] | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._loop: tuple[int, int] | None = None
        self._looping = False
        self._seeked_while_paused = False
        self._since_save_ms = 0

        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        player.state_changed.connect(self._on_state_changed)
        player.seeked.connect(lambda _ms: self._announce_position())

    # -- episode ------------------------------------------------------------------------------

    def set_lines(self, bounds: Sequence[tuple[int, int]]) -> None:
        """Start and end of every line, sorted by start, for line steps and looping."""
        self._starts = [start for start, _ in bounds]
        self._ends = [end for _, end in bounds]
        self._loop = None

    def position_ms(self) -> int:
        return self.player.position_ms()

    def is_playing(self) -> bool:
        return self.player.state() == PlaybackState.PLAYING

    # -- commands -----------------------------------------------------------------------------

    def toggle(self) -> None:
        state = self.player.state()
        if state == PlaybackState.PLAYING:
            self.player.pause()
            return
        if state == PlaybackState.PAUSED and self.auto_rewind_ms and not self._seeked_while_paused:
            # Back a little, so the listener picks up the thread of the sentence again.
            self.player.seek(max(0, self.player.position_ms() - self.auto_rewind_ms))
        self._seeked_while_paused = False
        self.player.play()

    def seek(self, position_ms: int) -> None:
        duration = self.player.duration_ms()
        target = max(0, min(position_ms, duration)) if duration > 0 else max(0, position_ms)
        if self.player.state() != PlaybackState.PLAYING:
            self._seeked_while_paused = True  # the user chose this exact spot: no rewind
        self.player.seek(target)
        if self._looping:
            self._loop = self._line_bounds_at(target)
        self._announce_position()

    def skip(self, delta_ms: int) -> None:
        self.seek(self.player.position_ms() + delta_ms)

    def previous_line(self) -> None:
        position = self.player.position_ms()
        row = segment_index_at(self._starts, position)
        if row < 0:
            self.seek(0)
        elif position - self._starts[row] > RESTART_LINE_WITHIN_MS or row == 0:
            self.seek(self._starts[row])
        else:
            self.seek(self._starts[row - 1])

    def next_line(self) -> None:
        row = segment_index_at(self._starts, self.player.position_ms())
        if row + 1 < len(self._starts):
            self.seek(self._starts[row + 1])

    def set_looping(self, looping: bool) -> None:
        """Repeat the line being spoken (the one current when looping starts or after a jump)."""
        self._looping = looping
        self._loop = self._line_bounds_at(self.player.position_ms()) if looping else None

    # -- internals ----------------------------------------------------------------------------

    def _line_bounds_at(self, position_ms: int) -> tuple[int, int] | None:
        row = segment_index_at(self._starts, position_ms)
        if row < 0:
            return None
        return self._starts[row], max(self._ends[row], self._starts[row] + 200)

    def _on_state_changed(self, state: PlaybackState) -> None:
        playing = state == PlaybackState.PLAYING
        if playing:
            self._ticker.start()
        else:
            self._ticker.stop()
            self._save_now()
        self.playing_changed.emit(playing)
        self._announce_position()

    def _tick(self) -> None:
        position = self.player.position_ms()
        if self._loop is not None and position >= self._loop[1]:
            self.player.seek(self._loop[0])
            position = self._loop[0]
        self.position_changed.emit(position)
        self._since_save_ms += TICK_MS
        if self._since_save_ms >= SAVE_EVERY_MS:
            self._save_now()

    def _announce_position(self) -> None:
        self.position_changed.emit(self.player.position_ms())

    def _save_now(self) -> None:
        self._since_save_ms = 0
        if self.save_position is not None and self.player.duration_ms() > 0:
            self.save_position(self.player.position_ms())
