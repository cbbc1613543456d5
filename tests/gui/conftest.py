"""Fixtures for window tests: a real SQLite library, windows with a fake player, the demo pair."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from helpers.fake_player import FakePlayer
from helpers.windows import DEMO_AUDIO, DEMO_TEXT, WindowFactory
from meelezer.i18n import install_translators, remove_translators
from meelezer.library import Library
from meelezer.settings import Settings
from meelezer.store.database import Database, open_database
from meelezer.ui.main_window import MainWindow


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "library.sqlite3")
    yield db
    db.close()


@pytest.fixture
def make_window(qtbot: QtBot, database: Database, tmp_path: Path) -> WindowFactory:
    def make(player: FakePlayer | None = None) -> MainWindow:
        window = MainWindow(Library(database), player or FakePlayer(duration_ms=604_780),
                            Settings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        # Window shortcuts need the active window, as on a desktop.
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window
    return make


@pytest.fixture
def demo(tmp_path: Path, seeds_dir: Path) -> Path:
    """The demo pair copied, so no test can touch the committed files."""
    folder = tmp_path / "episode"
    folder.mkdir()
    shutil.copy(seeds_dir / DEMO_AUDIO, folder / DEMO_AUDIO)
    return Path(shutil.copy(seeds_dir / DEMO_TEXT, folder / DEMO_TEXT))


@pytest.fixture
def dutch(qapp: QCoreApplication) -> Iterator[None]:
    """The UI in Dutch for one test (installed before any window is built), then English."""
    assert install_translators(qapp, "nl") == "nl"
    yield
    remove_translators(qapp)
    assert QCoreApplication.translate("MainWindow", "&Play") == "&Play"
