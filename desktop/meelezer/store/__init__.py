"""Local storage: SQLModel tables, migrations and the only code that talks SQL."""

from meelezer.store.database import Database, open_database
from meelezer.store.episodes import (
    delete_episode,
    find_episode_by_hash,
    get_episode,
    import_transcript,
    list_episodes,
    load_segments,
    load_words,
    mark_opened,
    save_last_position,
)
from meelezer.store.errors import (
    DatabaseDamagedError,
    DatabaseTooNewError,
    EpisodeNotFoundError,
    StoreError,
)
from meelezer.store.hashing import file_sha256
from meelezer.store.paths import database_path, resolve_data_dir
from meelezer.store.rows import EpisodeRow, SegmentRow

__all__ = [
    "Database",
    "DatabaseDamagedError",
    "DatabaseTooNewError",
    "EpisodeNotFoundError",
    "EpisodeRow",
    "SegmentRow",
    "StoreError",
    "database_path",
    "delete_episode",
    "file_sha256",
    "find_episode_by_hash",
    "get_episode",
    "import_transcript",
    "list_episodes",
    "load_segments",
    "load_words",
    "mark_opened",
    "open_database",
    "resolve_data_dir",
    "save_last_position",
]
