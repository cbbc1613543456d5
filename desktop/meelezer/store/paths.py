"""Where the library lives: the data folder and the database file inside it."""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

import platformdirs

from meelezer.os_errors import reason
from meelezer.store.errors import StoreError
from meelezer.texts import translate

APP_NAME = "Meelezer"
DATA_DIR_ENV = "MEELEZER_DATA_DIR"
DATABASE_FILENAME = "meelezer.sqlite3"
BACKUPS_FOLDER = "backups"  # the daily copies of the database
PRIVATE_FOLDER_MODE = 0o700


def resolve_data_dir(cli_value: str | None) -> Path:
    """The data folder, created if missing.

    Precedence: the ``--data-dir`` value, then the ``MEELEZER_DATA_DIR`` environment
    variable, then the platform's per-user data folder (e.g. ``~/.local/share/Meelezer``).
    Empty values count as not given; ``~`` is expanded. The folder is made usable by
    its owner only (0700: notes are personal), also when it exists already. Raises
    ``StoreError`` when the folder cannot be created.
    """
    chosen = cli_value or os.environ.get(DATA_DIR_ENV) or None
    if chosen is not None:
        data_dir = Path(chosen).expanduser()
    else:
        data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        make_private_folder(data_dir)
    except FileExistsError:
        raise StoreError(translate(
            "Store", "The data folder {folder} is a file, not a folder. Choose another folder "
            "with --data-dir or {variable}.",
        ).format(folder=data_dir, variable=DATA_DIR_ENV), data_dir) from None
    except OSError as error:
        raise StoreError(translate(
            "Store", "Cannot create the data folder {folder}: {reason}. Choose another folder "
            "with --data-dir or {variable}.",
        ).format(folder=data_dir, reason=reason(error), variable=DATA_DIR_ENV),
            data_dir) from None
    return data_dir


def make_private_folder(folder: Path) -> None:
    """Make ``folder`` (the data folder, the backups folder) usable by its owner only.

    A folder that cannot be changed (read-only, someone else's) is left as it is: reading
    the library from it still works, and writing reports its own error.
    """
    if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_FOLDER_MODE:
        with suppress(OSError):
            folder.chmod(PRIVATE_FOLDER_MODE)


def database_path(data_dir: Path) -> Path:
    """The library database file inside ``data_dir``."""
    return data_dir / DATABASE_FILENAME


def backups_path(data_dir: Path) -> Path:
    """The folder of the daily database copies inside ``data_dir``."""
    return data_dir / BACKUPS_FOLDER
