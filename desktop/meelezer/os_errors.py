"""How the system's file errors are put to the user, the same in the window and the terminal."""

from __future__ import annotations

import errno

from meelezer.texts import translate

_FULL = (errno.ENOSPC, errno.EDQUOT)


def disk_full_text() -> str:
    """The one way every part of Meelezer says that a write failed for lack of space."""
    return translate("Files", "the disk is full; free some space and try again")


def reason(error: OSError) -> str:
    """Why a file operation failed, in words (a full disk always in the same ones)."""
    if error.errno in _FULL:
        return disk_full_text()
    return str(error.strerror or error)
