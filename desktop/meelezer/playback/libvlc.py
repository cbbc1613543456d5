"""Finding libvlc at run time and the few raw libvlc calls python-vlc gets wrong."""

from __future__ import annotations

import ctypes
import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

INSTALL_HINT = (
    "Install VLC (Debian/Ubuntu: sudo apt install vlc; Fedora: sudo dnf install vlc; "
    "macOS and Windows: the installer from videolan.org, with the same 32/64-bit as "
    "Python) and restart Meelezer."
)

# Always on: Meelezer plays audio only, must not open windows, and libvlc's console
# chatter is noise in a desktop app.
BASE_ARGS = ("--no-video", "--quiet", "--no-xlib")


@dataclass(frozen=True)
class LibVlc:
    module: Any  # the vlc module (python-vlc has no type hints)
    instance: Any  # vlc.Instance


@dataclass(frozen=True)
class Unavailable:
    reason: str


def open_libvlc(args: Sequence[str] = (), vlc_module: Any | None = None) -> LibVlc | Unavailable:
    """Create a libvlc instance, or say why that is impossible and how to fix it.

    ``vlc_module`` replaces ``import vlc`` (tests pass a stand-in). On Linux the import
    succeeds even without libvlc: python-vlc then binds to the Python executable and
    the first call, ``vlc.Instance()``, raises ``NameError: no function 'libvlc_new'``.
    macOS/Windows fail at import with OSError or NotImplementedError, and
    ``libvlc_new`` returns NULL (→ None) when libvlc loads but its plugins do not.
    """
    module = vlc_module
    if module is None:
        try:
            module = importlib.import_module("vlc")
        except ImportError:
            return Unavailable(
                "The python-vlc package is missing; reinstall Meelezer (pip install python-vlc)."
            )
        except SystemExit:
            # python-vlc calls sys.exit() when PYTHON_VLC_LIB_PATH points nowhere.
            return Unavailable(
                "libvlc named by PYTHON_VLC_LIB_PATH could not be loaded; fix or unset "
                f"that variable. {INSTALL_HINT}"
            )
        except (OSError, NotImplementedError) as exc:
            return Unavailable(
                f"libvlc (VLC's playback library) was not found ({exc}). {INSTALL_HINT}"
            )
    try:
        instance = module.Instance([*BASE_ARGS, *args])
    except (NameError, AttributeError, OSError) as exc:
        return Unavailable(f"libvlc (VLC's playback library) was not found ({exc}). {INSTALL_HINT}")
    if instance is None:
        return Unavailable(
            "libvlc was found but failed to start (a broken VLC installation, missing "
            f"VLC plugins, or an unknown option in {list(args)!r}). {INSTALL_HINT}"
        )
    return LibVlc(module, instance)


def has_audio_track(vlc_module: Any, media: Any) -> bool:
    """Whether a parsed media has an audio stream (python-vlc's tracks_get leaks).

    python-vlc declares the out-parameter one pointer level short, so the variable
    passed by reference really receives the ``libvlc_media_track_t **`` array.
    """
    out = ctypes.POINTER(vlc_module.MediaTrack)()
    count = int(vlc_module.libvlc_media_tracks_get(media, ctypes.byref(out)))
    if count == 0:
        return False
    tracks = ctypes.cast(out, ctypes.POINTER(ctypes.POINTER(vlc_module.MediaTrack)))
    try:
        audio = vlc_module.TrackType.audio
        return any(tracks[i].contents.type == audio for i in range(count))
    finally:
        vlc_module.libvlc_media_tracks_release(tracks, count)
