"""Wiring: build the store, the player and the main window, and run the Qt event loop."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meelezer.episode_files import EpisodeFiles

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from meelezer.playback.player import Player
    from meelezer.store.database import Database
    from meelezer.ui.main_window import MainWindow


@dataclass
class RunningApp:
    """The pieces ``build_app`` made; ``close()`` releases them in a safe order."""

    qt: QApplication
    window: MainWindow
    player: Player
    database: Database

    def close(self) -> None:
        self.window.close()
        self.player.shutdown()
        self.database.close()


class StartupError(Exception):
    """The app cannot start (e.g. the library database cannot be opened); say why."""


def build_app(data_dir: str | None, episode: EpisodeFiles | None,
              vlc_args: tuple[str, ...] = ()) -> RunningApp:
    """Make the application and show its window with ``episode`` (or the last one) open."""
    from PySide6.QtWidgets import QApplication

    from meelezer.library import Library
    from meelezer.playback import create_player
    from meelezer.settings import Settings
    from meelezer.store.database import open_database
    from meelezer.store.errors import StoreError
    from meelezer.store.paths import database_path, resolve_data_dir
    from meelezer.ui.main_window import MainWindow

    existing = QApplication.instance()
    qt = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qt.setApplicationName("Meelezer")
    qt.setApplicationDisplayName("Meelezer")
    qt.setDesktopFileName("meelezer")

    try:
        folder = resolve_data_dir(data_dir)
        database = open_database(database_path(folder))
    except (StoreError, OSError) as error:
        raise StartupError(str(error)) from error

    player = create_player(vlc_args)
    window = MainWindow(Library(database), player, Settings(folder / "settings.ini"))
    window.show()
    if episode is not None:
        window.open_episode_files(episode)
    else:
        last = window.library.last_opened_episode()
        if last is not None:
            window.open_library_episode(last.id)
    return RunningApp(qt, window, player, database)


def run_app(data_dir: str | None, episode: EpisodeFiles | None,
            vlc_args: tuple[str, ...] = ()) -> int:
    """Start Meelezer and run until its window closes; the exit status."""
    try:
        running = build_app(data_dir, episode, vlc_args)
    except StartupError as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Meelezer cannot open its library", str(error))
        print(f"meelezer: error: {error}", file=sys.stderr)
        return 1
    try:
        return running.qt.exec()
    finally:
        running.close()
