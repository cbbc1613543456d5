"""Fixtures of the tests against the real libvlc."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from meelezer.playback.vlc_player import VlcPlayer


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[VlcPlayer]:
    """A real libvlc player with the dummy audio output (nothing is heard), shut down after."""
    player = VlcPlayer(["--aout=dummy"])
    assert player.is_available(), player.unavailable_reason()
    yield player
    player.shutdown()
