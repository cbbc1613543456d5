"""Tests that need a real window manager (focus, activation, window sizes on a screen).

They run in their own pytest process under Xvfb + openbox, started by `make test` through
run_under_window_manager.py; the offscreen run skips this folder (tests/conftest.py).
"""

from __future__ import annotations

import subprocess

from gui.conftest import database, demo, make_window  # noqa: F401  (the window-test fixtures)
from meelezer.ui.main_window import MainWindow


def x_window_id(window: MainWindow) -> str:
    return str(int(window.winId()))


def xdotool(*args: str) -> None:
    """Real key presses through the X server, as a user's keyboard sends them."""
    subprocess.run(["xdotool", *args], check=True)
