"""An episode's audio file replaced by another one is noticed on open (issue 13, item 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meelezer.episode_files import EpisodeFiles
from meelezer.library import Library
from meelezer.store import episodes
from meelezer.store.database import open_database

SRT = "1\n00:00:01,000 --> 00:00:04,000\nWelkom bij de podcast.\n"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    database = open_database(tmp_path / "library.sqlite3")
    yield Library(database)
    database.close()


@pytest.fixture
def files(tmp_path: Path) -> EpisodeFiles:
    transcript = tmp_path / "episode.srt"
    transcript.write_text(SRT, encoding="utf-8")
    audio = tmp_path / "episode.mp3"
    audio.write_bytes(b"ID3" + bytes(range(256)) * 40)
    return EpisodeFiles(transcript, audio)


def test_an_audio_file_swapped_for_another_is_named_on_open(
        library: Library, files: EpisodeFiles) -> None:
    assert files.audio is not None
    episode_id = library.open_files(files).episode.id
    files.audio.write_bytes(b"ID3" + b"another episode" * 900)  # same name, other recording
    opened = library.open_episode(episode_id)
    assert opened.notice is not None
    assert str(files.audio.resolve()) in opened.notice
    assert "not the audio" in opened.notice and "Relink" in opened.notice
    assert opened.audio_path == files.audio.resolve()  # still playable: the user decides


def test_relinking_to_the_new_file_accepts_it(library: Library, files: EpisodeFiles) -> None:
    assert files.audio is not None
    episode_id = library.open_files(files).episode.id
    files.audio.write_bytes(b"ID3" + b"a re-encode" * 900)
    library.relink_file(episode_id, files.audio)
    assert library.open_episode(episode_id).notice is None


def test_the_same_audio_opens_without_a_notice_and_without_reading_it(
        library: Library, files: EpisodeFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    episode_id = library.open_files(files).episode.id
    monkeypatch.setattr(episodes, "audio_fingerprint", _no_reading)
    assert library.open_episode(episode_id).notice is None


def _no_reading(path: Path) -> str:
    raise AssertionError(f"{path} was read to open its episode")
