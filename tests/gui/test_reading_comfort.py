"""Issue 12: text size from the keyboard, line spacing, line width and colours in Preferences,
all remembered."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.reading import ReadingStyle
from meelezer.settings import Settings
from meelezer.ui.main_window import MainWindow
from meelezer.ui.preferences_dialog import PreferencesDialog


def _text_size(window: MainWindow) -> float:
    return window.transcript.delegate.metrics.text_font.pointSizeF()


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key | str) -> None:
    view = window.transcript.list_view
    view.setFocus()
    qtbot.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_plus_minus_and_zero_size_the_text_and_are_remembered(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = make_window()
    assert window.open_paths([demo])
    normal = _text_size(window)
    _press(qtbot, window, Qt.Key.Key_Plus)
    _press(qtbot, window, Qt.Key.Key_Equal)  # Ctrl+= too, for keyboards where + needs Shift
    bigger = _text_size(window)
    assert bigger > normal * 1.15
    assert window.settings.reading.text_scale > 1.15
    window.close()

    again = make_window()  # the same settings file: the size is remembered
    assert _text_size(again) == bigger
    _press(qtbot, again, Qt.Key.Key_Minus)
    assert _text_size(again) < bigger
    _press(qtbot, again, Qt.Key.Key_0)
    assert _text_size(again) == normal
    assert again.settings.reading.text_scale == 1.0


def test_preferences_set_line_spacing_line_width_and_colours(
        make_window: WindowFactory, demo: Path, tmp_path: Path, qtbot: QtBot) -> None:
    window = make_window()
    assert window.open_paths([demo])
    before = window.transcript.delegate.metrics
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.line_spacing.setValue(1.5)
    dialog.line_width.setValue(40)
    dialog.text_size.setValue(120)
    dialog.accept()
    assert window.settings.reading == ReadingStyle(1.2, 1.5, 40)
    window.reading.apply()
    after = window.transcript.delegate.metrics
    assert after.line_spacing > before.line_spacing * 1.5  # 1.5× of a 1.2× font
    assert after.text_width(5_000) < 40 * after.text_font.pointSizeF()  # capped, not 5,000 px
    reopened = PreferencesDialog(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(reopened)
    assert reopened.line_spacing.value() == 1.5 and reopened.line_width.value() == 40


def test_the_colour_choice_is_remembered_and_applied_at_start(tmp_path: Path,
                                                               qtbot: QtBot) -> None:
    settings = Settings(tmp_path / "settings.ini")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.colors.setCurrentIndex(dialog.colors.findData("dark"))
    dialog.accept()
    settings.sync()
    assert Settings(tmp_path / "settings.ini").color_scheme == "dark"
    # A fresh process (the palette is process-wide): dark without any environment variable.
    script = (
        "import sys; from meelezer.app import build_app;"
        "r = build_app(sys.argv[1], None, ('--aout=dummy',));"
        "from PySide6.QtGui import QPalette;"
        "print(r.qt.palette().color(QPalette.ColorRole.Base).lightness()); r.close()"
    )
    env = {key: value for key, value in os.environ.items() if key != "MEELEZER_COLOR_SCHEME"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    completed = subprocess.run([sys.executable, "-c", script, str(tmp_path)], env=env,
                               capture_output=True, text=True, check=True, timeout=60)
    assert int(completed.stdout.strip().splitlines()[-1]) < 60
