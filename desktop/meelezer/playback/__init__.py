"""Audio playback behind a small Player interface; libvlc lives only here."""

from __future__ import annotations

from collections.abc import Sequence

from .clock import SmoothClock
from .player import PlaybackState, Player
from .vlc_player import VlcPlayer


def create_player(vlc_args: Sequence[str] = ()) -> Player:
    """The application's player: libvlc-backed, reporting unavailable if libvlc is missing."""
    return VlcPlayer(vlc_args)


__all__ = ["PlaybackState", "Player", "SmoothClock", "VlcPlayer", "create_player"]
