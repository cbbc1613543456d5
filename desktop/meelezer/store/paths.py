"""Where the library lives: the data folder and the database file inside it."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from meelezer.store.errors import StoreError

APP_NAME = "Meelezer"
DATA_DIR_ENV = "MEELEZER_DATA_DIR"
DATABASE_FILENAME = "meelezer.sqlite3"


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
        raise StoreError(
            f"The data folder {data_dir} is a file, not a folder. Choose another folder "
            f"with --data-dir or {DATA_DIR_ENV}.",
            data_dir,
        ) from None
    except OSError as error:
        raise StoreError(
            f"Cannot create the data folder {data_dir}: {error.strerror or error}. Choose "
            f"another folder with --data-dir or {DATA_DIR_ENV}.",
            data_dir,
        ) from None
    return data_dir


def database_path(data_dir: Path) -> Path:
    """The library database file inside ``data_dir``."""
    return data_dir / DATABASE_FILENAME
