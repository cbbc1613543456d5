"""Where the library lives: the data folder and the database file inside it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from meelezer.store.errors import StoreError
from meelezer.texts import translate

APP_NAME = "Meelezer"
DATA_DIR_ENV = "MEELEZER_DATA_DIR"
DATABASE_FILENAME = "meelezer.sqlite3"
BACKUPS_FOLDER = "backups"  # the daily copies of the database


def resolve_data_dir(cli_value: str | None) -> Path:
    """The data folder, created if missing.

    Precedence: the ``--data-dir`` value, then the ``MEELEZER_DATA_DIR`` environment
    variable, then the platform's per-user data folder (e.g. ``~/.local/share/Meelezer``).
    Empty values count as not given; ``~`` is expanded. Raises ``StoreError`` when the
    folder cannot be created.
    """
    chosen = cli_value or os.environ.get(DATA_DIR_ENV) or None
    if chosen is not None:
        data_dir = Path(chosen).expanduser()
    else:
        data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StoreError(translate(
            "Store", "The data folder {folder} is a file, not a folder. Choose another folder "
            "with --data-dir or {variable}.",
        ).format(folder=data_dir, variable=DATA_DIR_ENV), data_dir) from None
    except OSError as error:
        raise StoreError(translate(
            "Store", "Cannot create the data folder {folder}: {reason}. Choose another folder "
            "with --data-dir or {variable}.",
        ).format(folder=data_dir, reason=error.strerror or error, variable=DATA_DIR_ENV),
            data_dir) from None
    return data_dir


def database_path(data_dir: Path) -> Path:
    """The library database file inside ``data_dir``."""
    return data_dir / DATABASE_FILENAME


def backups_path(data_dir: Path) -> Path:
    """The folder of the daily database copies inside ``data_dir``."""
    return data_dir / BACKUPS_FOLDER
