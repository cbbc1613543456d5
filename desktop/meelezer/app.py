"""Wiring: build the store, the player and the main window, and run the Qt event loop."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from meelezer.episode_files import EpisodeFiles

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from meelezer.playback.player import Player
    from meelezer.single_instance import SingleInstance
    from meelezer.store.database import Database
    from meelezer.ui.main_window import MainWindow


@dataclass
class RunningApp:
    """The pieces ``build_app`` made; ``close()`` releases them in a safe order."""

    qt: QApplication
    window: MainWindow
    player: Player
    database: Database
    instance: SingleInstance | None = None
    backup_timer: QTimer | None = None

    def close(self) -> None:
        if self.backup_timer is not None:
            self.backup_timer.stop()
        self.window.close()
        if self.instance is not None:
            self.instance.close()
        self.player.shutdown()
        self.database.close()


BACKUP_DELAY_MS = 20_000


def start_daily_backup(database_file: Path, backups: Path) -> threading.Thread:
    """Today's copy of the library, made beside the running app so start-up never waits."""

    def backup() -> None:
        from meelezer.store.backup import daily_backup

        # A failed backup (a full disk, a read-only folder) must never stop Meelezer.
        try:
            daily_backup(database_file, backups)
        except OSError as error:
            logger.warning("Daily backup of %s failed: %s", database_file, error)

    thread = threading.Thread(target=backup, name="daily-backup", daemon=True)
    thread.start()
    return thread


class StartupError(Exception):
    """The app cannot start (e.g. the library database cannot be opened); say why."""


class HandedOver(Exception):
    """Another Meelezer already runs for this library and took the files; nothing to do."""


def build_app(data_dir: str | None, episode: EpisodeFiles | None,
              vlc_args: tuple[str, ...] = (), single_instance: bool = False) -> RunningApp:
    """Make the application and show its window with ``episode`` (or the last one) open.

    With ``single_instance``, files given while Meelezer already runs on the same library
    go to that window instead (``HandedOver`` is raised here).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from meelezer.color_scheme import apply_color_scheme
    from meelezer.i18n import install_translators
    from meelezer.library import Library
    from meelezer.playback import create_player
    from meelezer.resources import resource_path
    from meelezer.settings import Settings
    from meelezer.single_instance import SingleInstance
    from meelezer.store.backup import open_with_recovery
    from meelezer.store.errors import StoreError
    from meelezer.store.paths import backups_path, database_path, resolve_data_dir
    from meelezer.ui.main_window import MainWindow

    existing = QApplication.instance()
    qt = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qt.setApplicationName("Meelezer")
    qt.setApplicationDisplayName("Meelezer")
    qt.setDesktopFileName("meelezer")
    qt.setWindowIcon(QIcon(str(resource_path("icons", "meelezer.svg"))))

    # The chosen language is in the data folder's settings; until they are read, messages
    # (a data folder that cannot be made) are in the system's language.
    install_translators(qt, None)
    try:
        folder = resolve_data_dir(data_dir)
    except (StoreError, OSError) as error:
        raise StartupError(str(error)) from error
    from meelezer import __version__
    from meelezer.logs import setup_logging

    setup_logging(folder)
    logger.info("Meelezer %s starting; library in %s", __version__, folder)
    settings = Settings(folder / "settings.ini")
    if existing is None:  # tests share one QApplication and set their own style
        # Preferences → Colours; the environment variable wins (screenshots, tests).
        apply_color_scheme(qt, os.environ.get("MEELEZER_COLOR_SCHEME", "")
                           or settings.color_scheme)
    if settings.language:  # before the library opens, so its messages are in this language
        install_translators(qt, settings.language)
    instance = SingleInstance(folder, parent=qt) if single_instance else None
    if instance is not None and instance.try_hand_over(_paths_of(episode)):
        raise HandedOver()
    try:
        # A damaged library is set aside and the newest good daily backup put in its place.
        database, recovery_message = open_with_recovery(database_path(folder),
                                                        backups_path(folder))
    except (StoreError, OSError) as error:
        logger.error("Cannot open the library: %s", error)
        raise StartupError(str(error)) from error
    if recovery_message is not None:
        logger.warning("%s", recovery_message)

    player = create_player(vlc_args)
    window = MainWindow(Library(database), player, settings)
    window.show()
    # Later, not now: the copy and its integrity check would compete with start-up for the CPU.
    backup_timer = QTimer(window)
    backup_timer.setSingleShot(True)
    backup_timer.timeout.connect(
        lambda: start_daily_backup(database_path(folder), backups_path(folder)))
    backup_timer.start(BACKUP_DELAY_MS)
    if episode is not None:
        window.open_episode_files(episode)
    else:
        last = window.library.last_opened_episode()
        if last is not None:
            window.open_library_episode(last.id)
    if recovery_message is not None:  # after opening, which clears older messages
        window.messages.show_message(recovery_message)
    if instance is not None:
        instance.listen(window.receive_handed_over_paths)
    return RunningApp(qt, window, player, database, instance, backup_timer)


def _paths_of(episode: EpisodeFiles | None) -> list[str]:
    if episode is None:
        return []  # a bare `meelezer` just raises the running window
    return [str(episode.transcript), *([str(episode.audio)] if episode.audio else [])]


def _quit_on_sigterm(qt: QApplication) -> None:
    """Let a SIGTERM (logout, `kill`) close the window normally, saving the position."""
    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGTERM, lambda *_: qt.closeAllWindows())
    # Python runs signal handlers only when the interpreter gets control: wake it up.
    wakeup = QTimer(qt)
    wakeup.timeout.connect(lambda: None)
    wakeup.start(250)


def run_app(data_dir: str | None, episode: EpisodeFiles | None,
            vlc_args: tuple[str, ...] = ()) -> int:
    """Start Meelezer and run until its window closes; the exit status."""
    try:
        running = build_app(data_dir, episode, vlc_args, single_instance=True)
    except HandedOver:
        return 0
    except StartupError as error:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from meelezer.ui.plain_text import plain_message_box

        plain_message_box(  # the message names a path, which is not HTML
            None, QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "Meelezer cannot open its library"),
            str(error)).exec()
        print(f"meelezer: error: {error}", file=sys.stderr)
        return 1
    _quit_on_sigterm(running.qt)
    from meelezer.logs import install_excepthooks, log_folder, stop_logging
    from meelezer.ui.error_reporter import ErrorReporter, route_qt_messages

    route_qt_messages()
    reporter = ErrorReporter(running.window, log_folder(running.database.path.parent))
    restore_hooks = install_excepthooks(reporter.report)
    try:
        return running.qt.exec()
    finally:
        restore_hooks()
        running.close()
        logger.info("Meelezer closed")
        stop_logging()
