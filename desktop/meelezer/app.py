"""Wiring: build the store, the player and the main window, and run the Qt event loop."""

from __future__ import annotations

import sys

from meelezer.episode_files import EpisodeFiles


def run_app(data_dir: str | None, episode: EpisodeFiles | None,
            vlc_args: tuple[str, ...] = ()) -> int:
    """Start Meelezer; open ``episode``, or else the episode that was open last time."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from meelezer.library import Library
    from meelezer.playback import create_player
    from meelezer.settings import Settings
    from meelezer.store.database import open_database
    from meelezer.store.errors import StoreError
    from meelezer.store.paths import database_path, resolve_data_dir
    from meelezer.ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Meelezer")
    app.setApplicationDisplayName("Meelezer")
    app.setDesktopFileName("meelezer")

    try:
        folder = resolve_data_dir(data_dir)
        database = open_database(database_path(folder))
    except (StoreError, OSError) as error:
        QMessageBox.critical(None, "Meelezer cannot open its library", str(error))
        print(f"meelezer: error: {error}", file=sys.stderr)
        return 1

    player = create_player(vlc_args)
    window = MainWindow(Library(database), player, Settings(folder / "settings.ini"))
    window.show()
    if episode is not None:
        window.open_episode_files(episode)
    else:
        last = window.library.last_opened_episode()
        if last is not None:
            window.open_library_episode(last.id)
    try:
        return app.exec()
    finally:
        player.shutdown()
        database.close()
