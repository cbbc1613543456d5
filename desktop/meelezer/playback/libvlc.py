"""Finding libvlc at run time and the few raw libvlc calls python-vlc gets wrong."""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from meelezer.texts import translate

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
            import vlc  # here, not at the top: a missing libvlc is a message, not a crash

            module = vlc
        except ImportError:
            return Unavailable(translate(
                "Player",
                "The python-vlc package is missing; reinstall Meelezer (pip install python-vlc).",
            ))
        except SystemExit:
            # python-vlc calls sys.exit() when PYTHON_VLC_LIB_PATH points nowhere.
            return Unavailable(translate(
                "Player", "libvlc named by PYTHON_VLC_LIB_PATH could not be loaded; fix or "
                "unset that variable. {install}",
            ).format(install=_install_hint()))
        except (OSError, NotImplementedError) as exc:
            return _not_found(exc)
    try:
        instance = module.Instance([*BASE_ARGS, *args])
    except (NameError, AttributeError, OSError) as exc:
        return _not_found(exc)
    if instance is None:
        return Unavailable(translate(
            "Player", "libvlc was found but failed to start (a broken VLC installation, "
            "missing VLC plugins, or an unknown option in {options}). {install}",
        ).format(options=repr(list(args)), install=_install_hint()))
    return LibVlc(module, instance)


def _install_hint() -> str:
    """How to get libvlc, in the UI's language."""
    return translate(
        "Player", "Install VLC (Debian/Ubuntu: sudo apt install vlc; Fedora: sudo dnf install "
        "vlc; macOS and Windows: the installer from videolan.org, with the same 32/64-bit as "
        "Python) and restart Meelezer.")


def _not_found(exc: BaseException) -> Unavailable:
    return Unavailable(translate(
        "Player", "libvlc (VLC's playback library) was not found ({problem}). {install}",
    ).format(problem=exc, install=_install_hint()))


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
