"""VlcPlayer without a working libvlc: unavailable with a fix-it reason, and harmless."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from pytestqt.qtbot import QtBot

from meelezer.playback import PlaybackState
from meelezer.playback.vlc_player import VlcPlayer


def _missing_library(*args: Any) -> Any:
    # Exactly what python-vlc does on Linux without libvlc: the import binds to the
    # Python executable itself, and the first call finds no libvlc_new there.
    raise NameError("no function 'libvlc_new'")


def _broken_install(*args: Any) -> Any:
    return None  # libvlc_new() returned NULL: libvlc loaded, its plugins did not


@pytest.mark.parametrize("instance", [_missing_library, _broken_install])
def test_unavailable_player_explains_and_does_no_harm(
    qtbot: QtBot, tmp_path: Path, instance: Any
) -> None:
    player = VlcPlayer(["--aout=dummy"], vlc_module=SimpleNamespace(Instance=instance))
    assert not player.is_available()
    reason = player.unavailable_reason()
    assert reason is not None
    assert "Install VLC (Debian/Ubuntu: sudo apt install vlc" in reason

    audio = tmp_path / "episode.mp3"
    audio.write_bytes(b"\0" * 100)
    with qtbot.waitSignal(player.error, timeout=1000) as error:
        player.load(audio)
    assert error.args == [reason]
    assert player.state() is PlaybackState.ERROR

    for command in (player.play, player.pause, player.toggle, player.stop, player.shutdown):
        command()
    player.seek(1000)
    player.set_rate(2.0)
    player.set_volume(30)
    player.set_muted(True)
    player.set_sync_offset_ms(-100)
    assert player.position_ms() == 0
    assert player.duration_ms() == 0
    assert player.raw_time_ms() == -1


def test_missing_python_vlc_package_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "vlc", None)  # makes `import vlc` raise ImportError
    player = VlcPlayer()
    assert not player.is_available()
    assert "python-vlc" in (player.unavailable_reason() or "")
