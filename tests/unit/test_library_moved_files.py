"""The library finds an episode's moved files again, relinks them and keeps the annotations."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from meelezer.episode_files import EpisodeFiles
from meelezer.library import Library
from meelezer.store import episodes
from meelezer.store.assignments import assign_speaker
from meelezer.store.database import open_database
from meelezer.store.hashing import audio_fingerprint
from meelezer.store.notes import add_note, list_notes
from meelezer.store.speakers import add_speaker

SRT = ("1\n00:00:01,000 --> 00:00:04,000\nWelkom bij de podcast.\n\n"
       "2\n00:00:04,000 --> 00:00:08,000\nVandaag over verhuisde bestanden.\n")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    database = open_database(tmp_path / "library.sqlite3")
    yield Library(database)
    database.close()


def _episode_files(folder: Path, name: str = "episode", audio: bytes = b"ID3" * 5000
                   ) -> EpisodeFiles:
    folder.mkdir(parents=True, exist_ok=True)
    transcript = folder / f"{name}.srt"
    transcript.write_text(SRT.replace("podcast", f"podcast {name}"), encoding="utf-8")
    sound = folder / f"{name}.mp3"
    sound.write_bytes(audio)
    return EpisodeFiles(transcript, sound)


def _stored(library: Library, episode_id: int) -> episodes.EpisodeRow:
    row = episodes.get_episode(library.database, episode_id)
    assert row is not None
    return row


def test_importing_and_relinking_fill_the_audio_fingerprint(
        library: Library, tmp_path: Path) -> None:
    files = _episode_files(tmp_path / "show")
    assert files.audio is not None
    opened = library.open_files(files)
    assert opened.episode.audio_hash == audio_fingerprint(files.audio)

    other = tmp_path / "reencoded.opus"
    other.write_bytes(b"OggS" * 3000)
    message = library.relink_file(opened.episode.id, other)
    assert "not the same file" in message
    assert _stored(library, opened.episode.id).audio_hash == audio_fingerprint(other)


def test_opening_fingerprints_audio_imported_without_one(
        library: Library, tmp_path: Path) -> None:
    files = _episode_files(tmp_path / "show")
    assert files.audio is not None
    episode_id = library.open_files(files).episode.id
    with library.database.session() as session:  # as imported before fingerprints were kept
        session.connection().exec_driver_sql("UPDATE episode SET audio_hash = NULL")
    library.open_episode(episode_id)
    assert _stored(library, episode_id).audio_hash == audio_fingerprint(files.audio)


def test_moved_files_are_found_and_the_annotations_stay(
        library: Library, tmp_path: Path) -> None:
    files = _episode_files(tmp_path / "podcasts" / "new")
    opened = library.open_files(files)
    episode_id = opened.episode.id
    note = add_note(library.database, episode_id, 4_500, text="Goed punt")
    speaker = add_speaker(library.database, episode_id, "Wietse")
    assign_speaker(library.database, [opened.segments[1].id], speaker.id)
    # Both files moved (and renamed) into a sibling folder.
    archive = tmp_path / "podcasts" / "archive"
    archive.mkdir()
    assert files.audio is not None
    shutil.move(files.transcript, archive / "2025 episode.srt")
    shutil.move(files.audio, archive / "2025 episode.mp3")

    result = library.find_moved_files(episode_id)
    assert not result.still_missing
    assert "Found the moved audio at" in result.message()
    stored = _stored(library, episode_id)
    assert stored.transcript_path == archive / "2025 episode.srt"
    assert stored.audio_path == archive / "2025 episode.mp3"
    assert list_notes(library.database, episode_id) == [note]
    segments = episodes.load_segments(library.database, episode_id)
    assert [s.speaker_name for s in segments] == [None, "Wietse"]


def test_what_is_not_found_is_reported_and_a_picked_folder_is_searched(
        library: Library, tmp_path: Path) -> None:
    files = _episode_files(tmp_path / "podcasts" / "show")
    episode_id = library.open_files(files).episode.id
    usb = tmp_path / "usb" / "backup" / "2025" / "februari"
    usb.mkdir(parents=True)
    assert files.audio is not None
    shutil.move(files.audio, usb / files.audio.name)

    result = library.find_moved_files(episode_id)
    assert result.missing_audio == files.audio and not result.found_any
    assert "The audio is still missing" in result.message()
    assert _stored(library, episode_id).audio_path == files.audio

    result = library.find_moved_files(episode_id, tmp_path / "usb")
    assert result.found_audio is not None and not result.still_missing
    assert _stored(library, episode_id).audio_path == usb / files.audio.name
    assert library.find_moved_files(episode_id).message() == "No files are missing."


def test_a_namesake_with_other_content_is_not_taken(library: Library, tmp_path: Path) -> None:
    files = _episode_files(tmp_path / "podcasts" / "show")
    episode_id = library.open_files(files).episode.id
    assert files.audio is not None
    files.audio.unlink()
    _episode_files(tmp_path / "podcasts" / "other", audio=b"RIFF" * 3750)  # same size
    result = library.find_moved_files(episode_id)
    assert result.missing_audio == files.audio and result.found_audio is None


def test_opening_an_episode_finds_its_moved_audio(library: Library, tmp_path: Path) -> None:
    files = _episode_files(tmp_path / "podcasts" / "show")
    episode_id = library.open_files(files).episode.id
    moved = tmp_path / "podcasts" / "listened" / "episode.mp3"
    moved.parent.mkdir()
    assert files.audio is not None
    shutil.move(files.audio, moved)

    opened = library.open_episode(episode_id)
    assert opened.audio_path == moved and not opened.audio_missing
    assert opened.notice == f"Found the moved audio at {moved}."

    moved.unlink()
    opened = library.open_episode(episode_id)
    assert opened.audio_missing and opened.audio_path is None
    assert opened.notice is not None and str(moved) in opened.notice
    assert "Find moved files" in opened.notice


def test_reopening_an_episode_reads_no_audio(library: Library, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    files = _episode_files(tmp_path / "show")
    first = library.open_files(files).episode
    assert first.audio_hash == audio_fingerprint(files.audio or Path())
    reads: list[Path] = []

    def counting_fingerprint(path: Path) -> str:
        reads.append(path)
        return audio_fingerprint(path)

    monkeypatch.setattr(episodes, "audio_fingerprint", counting_fingerprint)
    again = library.open_files(files).episode
    assert reads == [] and again.audio_hash == first.audio_hash
    moved = Path(shutil.copy(files.audio or Path(), tmp_path / "elsewhere.mp3"))
    library.open_files(EpisodeFiles(files.transcript, moved))
    assert reads == [moved.resolve()]  # a new place is fingerprinted
