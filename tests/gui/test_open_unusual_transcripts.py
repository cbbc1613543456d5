"""The window with transcripts that are not plain good files: it says what is wrong and goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.windows import WindowFactory


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_named_as_such_and_the_open_episode_stays(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    window.open_paths([demo])
    fifo = tmp_path / "episode.srt"
    os.mkfifo(fifo)
    assert not window.open_paths([fifo])  # before the fix: hashing the FIFO waited forever
    assert "named pipe (FIFO)" in window.messages.text()
    assert "not found" not in window.messages.text()
    assert window.transcript.model.rowCount() == 172
