"""Recognising moved files: the audio fingerprint and the bounded search of nearby folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from meelezer import moved_files
from meelezer.moved_files import (
    SearchLimits,
    SearchPlace,
    find_audio,
    find_transcript,
    search_places,
)
from meelezer.store.hashing import audio_fingerprint, file_sha256, fingerprint_size

MIB = 1024 * 1024


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _audio_bytes(size: int, seed: int = 1) -> bytes:
    return bytes((index * seed + index // 251) % 256 for index in range(size))


# -- the fingerprint ----------------------------------------------------------------------


def test_fingerprint_is_the_same_for_the_same_content_under_another_name(
        tmp_path: Path) -> None:
    data = _audio_bytes(3 * MIB)
    first = _write(tmp_path / "a" / "episode.mp3", data)
    copy = _write(tmp_path / "b" / "renamed.m4a", data)
    assert audio_fingerprint(first) == audio_fingerprint(copy)
    assert fingerprint_size(audio_fingerprint(first)) == 3 * MIB


@pytest.mark.parametrize("offset", [0, 10, MIB - 1, 3 * MIB - MIB, 3 * MIB - 1])
def test_fingerprint_changes_when_a_byte_at_either_end_changes(
        tmp_path: Path, offset: int) -> None:
    data = bytearray(_audio_bytes(3 * MIB))
    original = audio_fingerprint(_write(tmp_path / "original.mp3", bytes(data)))
    data[offset] ^= 0xFF
    assert audio_fingerprint(_write(tmp_path / "changed.mp3", bytes(data))) != original


def test_fingerprint_changes_with_the_size_even_when_the_ends_are_equal(tmp_path: Path) -> None:
    head, tail = _audio_bytes(MIB, 3), _audio_bytes(MIB, 5)
    shorter = _write(tmp_path / "short.mp3", head + bytes(MIB) + tail)
    longer = _write(tmp_path / "long.mp3", head + bytes(MIB + 1) + tail)
    assert audio_fingerprint(shorter) != audio_fingerprint(longer)


def test_fingerprint_reads_only_the_ends_of_a_big_file(tmp_path: Path) -> None:
    # The trade-off that keeps it cheap for a 500 MB episode: the middle is not read.
    data = bytearray(_audio_bytes(4 * MIB))
    original = audio_fingerprint(_write(tmp_path / "original.mp3", bytes(data)))
    data[2 * MIB] ^= 0xFF
    assert audio_fingerprint(_write(tmp_path / "changed.mp3", bytes(data))) == original


def test_small_files_are_fingerprinted_whole(tmp_path: Path) -> None:
    data = bytearray(_audio_bytes(MIB + MIB // 2))
    original = audio_fingerprint(_write(tmp_path / "original.mp3", bytes(data)))
    data[MIB + 10] ^= 0xFF
    assert audio_fingerprint(_write(tmp_path / "changed.mp3", bytes(data))) != original
    assert fingerprint_size("0" * 64) is None  # a plain sha256 carries no size


# -- the search -----------------------------------------------------------------------------


def _library(tmp_path: Path) -> tuple[Path, Path, str]:
    """An audio file fingerprinted at its old place, then moved into a sibling folder."""
    old = _write(tmp_path / "podcasts" / "show" / "episode.mp3", _audio_bytes(5000))
    fingerprint = audio_fingerprint(old)
    new = tmp_path / "podcasts" / "archive" / "episode.mp3"
    new.parent.mkdir()
    shutil.move(old, new)
    return old, new, fingerprint


def test_audio_moved_into_a_sibling_folder_is_found_by_content(tmp_path: Path) -> None:
    old, new, fingerprint = _library(tmp_path)
    found = find_audio(old, fingerprint, search_places(old, []))
    assert found is not None and found.path == new and not found.by_name


def test_a_renamed_audio_file_is_found_and_a_namesake_is_not_taken(tmp_path: Path) -> None:
    old, new, fingerprint = _library(tmp_path)
    renamed = new.with_name("2025-02-20 episode.opus")
    new.rename(renamed)
    # Same name, same size, other bytes: never the episode's audio.
    _write(tmp_path / "podcasts" / "other" / "episode.mp3", _audio_bytes(5000, seed=7))
    found = find_audio(old, fingerprint, search_places(old, []))
    assert found is not None and found.path == renamed


def test_only_a_namesake_means_not_found(tmp_path: Path) -> None:
    old, new, fingerprint = _library(tmp_path)
    new.unlink()
    _write(tmp_path / "podcasts" / "other" / "episode.mp3", _audio_bytes(5000, seed=7))
    assert find_audio(old, fingerprint, search_places(old, [])) is None


def test_without_a_fingerprint_only_a_single_namesake_is_taken(tmp_path: Path) -> None:
    old, new, _fingerprint = _library(tmp_path)
    found = find_audio(old, None, search_places(old, []))
    assert found is not None and found.path == new and found.by_name
    _write(tmp_path / "podcasts" / "copy" / "episode.mp3", b"another")
    assert find_audio(old, None, search_places(old, [])) is None  # which one? do not guess


def test_a_moved_transcript_is_found_by_its_sha256(tmp_path: Path) -> None:
    cue = b"1\n00:00:01,000 --> 00:00:02,000\n"
    old = _write(tmp_path / "show" / "ep" / "episode.srt", cue + b"Hoi\n")
    digest = file_sha256(old)
    _write(tmp_path / "show" / "done" / "episode.srt", cue + b"Nee\n")  # a namesake
    moved = tmp_path / "show" / "done" / "renamed.srt"
    shutil.move(old, moved)
    found = find_transcript(old, digest, search_places(old, []))
    assert found is not None and found.path == moved


def test_the_folders_of_other_files_are_searched(tmp_path: Path) -> None:
    old, new, fingerprint = _library(tmp_path)
    far = tmp_path / "elsewhere" / "deep" / "down" / "episode.mp3"
    far.parent.mkdir(parents=True)
    shutil.move(new, far)
    assert find_audio(old, fingerprint, search_places(old, [])) is None
    neighbour = _write(far.parent / "other-episode.srt", b"x")
    found = find_audio(old, fingerprint, search_places(old, [neighbour]))
    assert found is not None and found.path == far


def test_a_picked_folder_is_searched_deep(tmp_path: Path) -> None:
    old, new, fingerprint = _library(tmp_path)
    far = tmp_path / "usb" / "a" / "b" / "c" / "d" / "episode.mp3"
    far.parent.mkdir(parents=True)
    shutil.move(new, far)
    assert find_audio(old, fingerprint, search_places(old, [])) is None
    found = find_audio(old, fingerprint, search_places(old, [], tmp_path / "usb"))
    assert found is not None and found.path == far


def test_the_search_is_bounded_by_depth_folders_and_files_read(tmp_path: Path) -> None:
    old, new, fingerprint = _library(tmp_path)
    deeper = tmp_path / "podcasts" / "a" / "b" / "c" / "episode.mp3"
    deeper.parent.mkdir(parents=True)
    shutil.move(new, deeper)
    # podcasts/a/b is two levels below the old folder's parent: its files are searched,
    # those in podcasts/a/b/c are not.
    assert find_audio(old, fingerprint, search_places(old, [])) is None
    limits = SearchLimits(nearby_depth=3)
    assert find_audio(old, fingerprint, search_places(old, [], limits=limits), limits)

    few_folders = SearchLimits(nearby_depth=3, max_folders=2)
    assert find_audio(old, fingerprint, search_places(old, [], limits=few_folders),
                      few_folders) is None
    # Two files of the right size; reading only one finds the namesake, which is not it.
    _write(tmp_path / "podcasts" / "episode.mp3", _audio_bytes(5000, seed=9))
    one_read = SearchLimits(nearby_depth=3, max_files_read=1)
    assert find_audio(old, fingerprint, search_places(old, [], limits=one_read),
                      one_read) is None


def test_unreadable_folders_and_files_are_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new, fingerprint = _library(tmp_path)
    locked = tmp_path / "podcasts" / "locked"
    _write(locked / "episode.mp3", new.read_bytes())
    broken = _write(tmp_path / "podcasts" / "broken" / "episode.mp3", new.read_bytes())
    # Permissions do not stop root (tests may run as root): fail these two the way a
    # locked folder and an unreadable file fail for a user.
    real_scandir, real_fingerprint = os.scandir, moved_files.audio_fingerprint

    def scandir(path: Path) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def fingerprint_of(path: Path) -> str:
        if path == broken:
            raise PermissionError(13, "Permission denied", str(path))
        return real_fingerprint(path)

    monkeypatch.setattr(moved_files.os, "scandir", scandir)
    monkeypatch.setattr(moved_files, "audio_fingerprint", fingerprint_of)
    found = find_audio(old, fingerprint, search_places(old, []))
    assert found is not None and found.path == new
    new.unlink()
    assert find_audio(old, fingerprint, search_places(old, [])) is None


def test_missing_places_and_symlink_loops_do_not_stop_the_search(tmp_path: Path) -> None:
    old, new, fingerprint = _library(tmp_path)
    (new.parent / "loop").symlink_to(new.parent.parent, target_is_directory=True)
    places = [SearchPlace(tmp_path / "gone", 5), *search_places(old, [])]
    found = find_audio(old, fingerprint, places)
    assert found is not None and found.path == new
