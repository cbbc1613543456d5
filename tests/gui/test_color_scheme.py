"""Dark mode: the dark palette, and the app following a dark system scheme."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.color_scheme import dark_palette
from meelezer.ui.theme import is_dark, transcript_theme


def test_dark_palette_is_dark_and_readable(qtbot: QtBot) -> None:
    palette = dark_palette()
    assert is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    assert text.lightness() - base.lightness() > 150
    theme = transcript_theme(palette)
    assert theme.dark and theme.current_band.lightness() > base.lightness()


def test_the_app_starts_dark_when_asked(tmp_path: object) -> None:
    # A fresh process: the app's palette is process-wide and the test session shares one.
    script = (
        "import sys; from meelezer.app import build_app;"
        "r = build_app(sys.argv[1], None, ('--aout=dummy',));"
        "from PySide6.QtGui import QPalette;"
        "print(r.qt.palette().color(QPalette.ColorRole.Base).lightness()); r.close()"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MEELEZER_COLOR_SCHEME": "dark"}
    completed = subprocess.run([sys.executable, "-c", script, str(tmp_path)], env=env,
                               capture_output=True, text=True, check=True, timeout=60)
    assert int(completed.stdout.strip().splitlines()[-1]) < 60


def test_icons_are_redrawn_when_the_palette_turns_dark(make_window: WindowFactory) -> None:
    window = make_window()
    action = window.actions_.play_pause
    before = action.icon().pixmap(24, 24).toImage()
    window.setPalette(dark_palette())
    after = action.icon().pixmap(24, 24).toImage()
    assert before != after
