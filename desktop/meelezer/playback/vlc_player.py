"""The Player implemented on libvlc: the only code that drives a vlc media player."""

from __future__ import annotations

import contextlib
import enum
import itertools
import logging
import time
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from meelezer.texts import translate
from meelezer.transcript.timecode import format_clock

from .clock import SmoothClock, TimeSource
from .libvlc import LibVlc, Unavailable, has_audio_track, open_libvlc
from .player import PlaybackState, Player, clamp_rate, clamp_volume

logger = logging.getLogger(__name__)

PARSE_TIMEOUT_MS = 5000
# Ending without one time report with this much media left means nothing was decoded
# (libvlc "plays" a file whose codec it lacks by ending at once, without an error).
SILENT_END_MS = 2500

# libvlc holds raw pointers to python-vlc's ctypes callbacks, which live on the
# EventManager objects; they must outlive the player if shutdown() is never called.
_KEEP_ALIVE: dict[int, tuple[Any, ...]] = {}
_keys = itertools.count()


class _Ev(enum.IntEnum):
    PLAYING = 1
    PAUSED = 2
    END = 3
    ERROR = 4
    TIME = 5
    LENGTH = 6
    PARSED = 7


_PLAYER_EVENTS = {
    "MediaPlayerPlaying": _Ev.PLAYING,
    "MediaPlayerPaused": _Ev.PAUSED,
    "MediaPlayerEndReached": _Ev.END,
    "MediaPlayerEncounteredError": _Ev.ERROR,
    "MediaPlayerTimeChanged": _Ev.TIME,
    "MediaPlayerLengthChanged": _Ev.LENGTH,
}


class _Engine(enum.Enum):
    """What libvlc's media player is doing, which decides which calls it honours."""

    IDLE = enum.auto()  # no input: play() starts one, set_time()/set_pause() are ignored
    STARTING = enum.auto()  # play() called, the Playing event not seen yet
    RUNNING = enum.auto()  # playing or paused: set_time()/set_pause() work
    ENDED = enum.auto()  # EndReached: stale time, play()/set_time() ignored until stop()


class VlcPlayer(Player):
    """Plays one local audio file through libvlc.

    libvlc calls its event callbacks on its own threads, and calling libvlc from
    inside one can deadlock (``stop()`` in EndReached hangs), so callbacks only stamp
    the time and emit ``_vlc_event``, queued to the main thread, where the slot acts.
    Each ``stop()`` bumps a generation number so events of the previous run that are
    still queued are dropped.

    Call :meth:`shutdown` before the application exits to release libvlc.
    """

    # generation, _Ev, value (ms, or parse status), time.monotonic() when it happened
    _vlc_event = Signal(int, int, object, float)

    def __init__(
        self,
        vlc_args: Sequence[str] = (),
        *,
        vlc_module: Any | None = None,
        now: TimeSource = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._clock = SmoothClock(now)
        self._engine = _Engine.IDLE
        self._generation = 0
        self._rate = 1.0
        self._volume = 100
        self._muted = False
        self._offset = 0
        self._path: Path | None = None
        self._media: Any = None
        self._ready = False  # the loaded media parsed fine and has an audio stream
        self._wants_play = False
        self._pending_seek: int | None = None  # for when libvlc is running again
        self._saw_time = False  # libvlc reported a time since this run started
        self._run_start_ms = 0  # where this run of libvlc started (or last seeked to)
        self._closed = False
        self._vlc_event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)

        opened = open_libvlc(vlc_args, vlc_module)
        self._libvlc: LibVlc | None = opened if isinstance(opened, LibVlc) else None
        self._reason = opened.reason if isinstance(opened, Unavailable) else None
        self._mp: Any = None
        self._events: Any = None
        self._media_events: Any = None
        if self._libvlc is not None:
            self._mp = self._libvlc.instance.media_player_new()
            self._events = self._mp.event_manager()
            for name, kind in _PLAYER_EVENTS.items():
                event_type = getattr(self._libvlc.module.EventType, name)
                self._events.event_attach(event_type, self._make_callback(kind))
            self._keep_alive_key = next(_keys)
            _KEEP_ALIVE[self._keep_alive_key] = (self._libvlc.instance, self._mp, self._events)

    # -- availability ------------------------------------------------------------

    def is_available(self) -> bool:
        return self._libvlc is not None and not self._closed

    def unavailable_reason(self) -> str | None:
        if self._closed:
            return translate("Player", "The player was closed.")
        return self._reason

    # -- Player: commands --------------------------------------------------------

    def load(self, path: Path) -> None:
        path = Path(path)
        if self._closed:
            return
        if self._libvlc is None:
            self._set_state(PlaybackState.ERROR)
            self.error.emit(self._reason or translate("Player", "Audio playback is not available."))
            return
        self._unload()
        self._path = path
        if not path.exists():
            self._fail(translate("Player", "Audio file not found: {path}").format(path=path))
            return
        if path.is_dir():
            self._fail(translate("Player", "Not an audio file: {path} is a folder").format(
                path=path))
            return
        vlc = self._libvlc.module
        media = self._libvlc.instance.media_new_path(str(path))
        self._media = media
        self._media_events = media.event_manager()
        self._media_events.event_attach(
            vlc.EventType.MediaParsedChanged, self._make_callback(_Ev.PARSED)
        )
        self._mp.set_media(media)
        self._set_state(PlaybackState.LOADING)
        # Parsing tells a playable file (an audio stream, a length) from one that
        # libvlc would "play" by ending at once without any error event.
        if media.parse_with_options(vlc.MediaParseFlag.local, PARSE_TIMEOUT_MS) != 0:
            self._fail(self._cannot_play())

    def play(self) -> None:
        if self._closed or self._path is None:
            return
        if self._state is PlaybackState.LOADING:
            self._wants_play = True  # started once parsing succeeds
            return
        if not self._ready:
            return
        self._wants_play = True
        if self._engine is _Engine.ENDED:
            self._halt()
        if self._state is PlaybackState.ENDED:
            self._pending_seek = None  # replay from the start
            self._clock.seek(0)
        if self._engine is _Engine.RUNNING:
            # libvlc resumes within a millisecond; following at once keeps the clock
            # right even if it folds a quick pause/play into no events at all.
            self._mp.set_pause(0)
            self._clock.resume()
            self._set_state(PlaybackState.PLAYING)
        elif self._engine is _Engine.IDLE:
            if self._mp.play() != 0:
                self._fail(self._cannot_play())
                return
            self._engine = _Engine.STARTING
            self._saw_time = False
            self._run_start_ms = self._pending_seek or 0

    def pause(self) -> None:
        self._wants_play = False
        if self._engine is _Engine.RUNNING:
            self._mp.set_pause(1)
            self._clock.pause()  # audio stops now; the Paused event only confirms
            self._set_state(PlaybackState.PAUSED)
        # STARTING: the Playing handler sees _wants_play is False and pauses libvlc.

    def toggle(self) -> None:
        if self._wants_play:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        self._wants_play = False
        if not self._ready:
            return
        self._halt()
        self._pending_seek = None
        self._clock.pause()
        self._clock.seek(0)
        self._set_state(PlaybackState.STOPPED)

    def seek(self, ms: int) -> None:
        if not self._ready and self._state is not PlaybackState.LOADING:
            return
        ms = max(0, int(ms))
        if self._duration > 0:
            ms = min(ms, self._duration)
        was_ended = self._state is PlaybackState.ENDED
        if self._engine is _Engine.ENDED:
            self._halt()
        if self._engine is _Engine.RUNNING:
            self._mp.set_time(ms)
            self._pending_seek = None
            # Damaged audio there ends the run without a time report: _on_end tells that
            # from a real end only if this run's reports start over from the new place.
            self._run_start_ms = ms
            self._saw_time = False
        else:
            # libvlc ignores set_time() without a running input; apply once Playing.
            self._pending_seek = ms
        self._clock.seek(ms)
        self.seeked.emit(ms)
        if was_ended:
            self._set_state(PlaybackState.PAUSED)

    def set_rate(self, rate: float) -> None:
        self._rate = clamp_rate(rate)
        self._clock.set_rate(self._rate)
        if self._mp is not None and not self._closed:
            # Pitch is kept: libvlc's default audio-time-stretch (scaletempo) is on.
            self._mp.set_rate(self._rate)

    def set_volume(self, volume: int) -> None:
        self._volume = clamp_volume(volume)
        if self._mp is not None and not self._closed:
            self._mp.audio_set_volume(self._volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if self._mp is not None and not self._closed:
            self._mp.audio_set_mute(self._muted)

    def set_sync_offset_ms(self, offset_ms: int) -> None:
        self._offset = int(offset_ms)

    # -- Player: queries ---------------------------------------------------------

    def position_ms(self) -> int:
        if self._path is None:
            return 0
        position = self._clock.position_ms() + self._offset
        if self._duration > 0:
            position = min(position, self._duration)
        return max(0, position)

    def rate(self) -> float:
        return self._rate

    def raw_time_ms(self) -> int:
        """libvlc's own, unsmoothed get_time() (-1 without input); for benchmarks."""
        if self._mp is None or self._closed:
            return -1
        return int(self._mp.get_time())

    # -- lifetime ----------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop playing and release libvlc; the player does nothing afterwards."""
        if self._closed:
            return
        self._closed = True
        self._generation += 1
        if self._mp is not None:
            for name in _PLAYER_EVENTS:
                self._events.event_detach(getattr(self._libvlc_module().EventType, name))
            self._unload()
            self._mp.release()
            self._libvlc_instance().release()
            _KEEP_ALIVE.pop(self._keep_alive_key, None)

    # -- libvlc events -----------------------------------------------------------

    def _make_callback(self, kind: _Ev) -> Callable[[Any], None]:
        # A weak reference, so a player never shut down can still be collected; its
        # callbacks then do nothing (the libvlc objects stay in _KEEP_ALIVE).
        this = weakref.ref(self)
        now = self._now

        def callback(event: Any) -> None:
            # Runs on a libvlc thread: no libvlc calls here, only stamp and forward.
            at = now()
            player = this()
            if player is None:
                return
            if kind is _Ev.TIME:
                value: object = int(event.u.new_time)
            elif kind is _Ev.LENGTH:
                value = int(event.u.new_length)
            elif kind is _Ev.PARSED:
                value = int(event.u.new_status)
            else:
                value = 0
            with contextlib.suppress(RuntimeError):  # the Qt side was deleted on exit
                player._vlc_event.emit(player._generation, int(kind), value, at)

        return callback

    def _on_vlc_event(self, generation: int, kind_value: int, value: object, at: float) -> None:
        if generation != self._generation or self._closed:
            return  # queued before a stop()/load(): describes a run that is gone
        kind = _Ev(kind_value)
        if kind is _Ev.PARSED:
            self._on_parsed(_as_int(value))
        elif kind is _Ev.PLAYING:
            self._on_playing(at)
        elif kind is _Ev.PAUSED:
            pass  # pause() already acted; a Paused queued before a play() is stale
        elif kind is _Ev.TIME:
            if self._engine is _Engine.RUNNING:
                self._saw_time = True
                self._clock.report(_as_int(value), at)
        elif kind is _Ev.LENGTH:
            if _as_int(value) > 0:
                self._set_duration(_as_int(value))
        elif kind is _Ev.END:
            self._on_end()
        elif kind is _Ev.ERROR:
            self._fail(self._cannot_play())

    def _on_parsed(self, status: int) -> None:
        if self._state is not PlaybackState.LOADING or self._libvlc is None:
            return
        vlc = self._libvlc.module
        if status != int(vlc.MediaParsedStatus.done.value) or not has_audio_track(vlc, self._media):
            self._fail(self._cannot_play())
            return
        self._ready = True
        duration = int(self._media.get_duration())
        if duration > 0:
            self._set_duration(duration)
        self._set_state(PlaybackState.STOPPED)
        if self._wants_play:
            self.play()

    def _on_playing(self, at: float) -> None:
        if self._engine is _Engine.STARTING:
            self._engine = _Engine.RUNNING
            # Some audio outputs forget these between runs; re-apply what the UI set.
            self._mp.audio_set_volume(self._volume)
            self._mp.audio_set_mute(self._muted)
            if self._pending_seek is not None:
                self._mp.set_time(self._pending_seek)
                at = self._now()
                self._clock.seek(self._pending_seek, at)
                self._pending_seek = None
            if not self._wants_play:  # pause() came while libvlc was starting
                self._mp.set_pause(1)
                self._set_state(PlaybackState.PAUSED)
                return
        elif self._engine is not _Engine.RUNNING or not self._wants_play:
            return  # a resume already handled by play(), or stale
        self._clock.resume(at)
        self._set_state(PlaybackState.PLAYING)

    def _on_end(self) -> None:
        if self._engine not in (_Engine.STARTING, _Engine.RUNNING):
            return
        left_ms = self._duration - self._run_start_ms
        if not self._saw_time and (self._duration <= 0 or left_ms > SILENT_END_MS):
            self._fail(self._cannot_play_from(self._run_start_ms))
            return
        # libvlc's time is stale from here on and it ignores play/seek until stop(),
        # which happens lazily (play/seek) so the audio output can drain its tail.
        self._engine = _Engine.ENDED
        self._wants_play = False
        self._pending_seek = None
        self._clock.pause()
        if self._duration > 0:
            self._clock.seek(self._duration)
        self._set_state(PlaybackState.ENDED)

    # -- helpers -----------------------------------------------------------------

    def _halt(self) -> None:
        """Stop libvlc's input, then void every event it queued before."""
        if self._engine is not _Engine.IDLE:
            self._mp.stop()  # synchronous: all events of this run are emitted by now
            self._engine = _Engine.IDLE
        self._generation += 1

    def _unload(self) -> None:
        if self._media is not None:
            # Detach before _halt() bumps the generation: detaching waits for a parse
            # callback in flight, which could otherwise stamp the new generation.
            vlc = self._libvlc_module()
            self._media_events.event_detach(vlc.EventType.MediaParsedChanged)
            self._media.release()
            self._media = None
            self._media_events = None
        self._halt()
        self._path = None
        self._ready = False
        self._wants_play = False
        self._pending_seek = None
        self._saw_time = False
        self._clock.pause()
        self._clock.seek(0)
        self._set_duration(0)

    def _fail(self, message: str) -> None:
        self._halt()
        self._ready = False
        self._wants_play = False
        self._pending_seek = None
        self._clock.pause()
        self._set_state(PlaybackState.ERROR)
        logger.warning("Playback failed for %s: %s", self._path, message)
        self.error.emit(message)

    def _cannot_play(self) -> str:
        name = self._path.name if self._path is not None else translate("Player", "this file")
        return translate("Player", "Cannot play {name}: not an audio file libvlc can decode"
                         ).format(name=name)


    def _cannot_play_from(self, start_ms: int) -> str:
        """Nothing was decoded from ``start_ms``: after a seek, the file is damaged there."""
        if start_ms <= 0:
            return self._cannot_play()
        name = self._path.name if self._path is not None else translate("Player", "this file")
        return translate("Player", "Cannot play {name} from {time}: the audio there cannot be "
                         "decoded (the file may be damaged).").format(
            name=name, time=format_clock(start_ms))

    def _libvlc_module(self) -> Any:
        assert self._libvlc is not None
        return self._libvlc.module

    def _libvlc_instance(self) -> Any:
        assert self._libvlc is not None
        return self._libvlc.instance


def _as_int(value: object) -> int:
    """Values crossing the queued signal are typed ``object`` (ms exceed 32 bits)."""
    assert isinstance(value, int)
    return value
