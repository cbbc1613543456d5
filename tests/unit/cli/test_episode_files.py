"""Pairing audio and transcript files the way a user gives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from meelezer.episode_files import EpisodeFilesError, resolve_episode_files


def touch(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    return path


def test_transcript_alone_finds_audio_by_name(tmp_path: Path) -> None:
    transcript = touch(tmp_path, "episode.srt")
    audio = touch(tmp_path, "episode.opus")
    touch(tmp_path, "other.mp3")
    assert resolve_episode_files([transcript]).audio == audio


def test_transcript_alone_without_audio_opens_for_reading(tmp_path: Path) -> None:
    transcript = touch(tmp_path, "episode.txt")
    files = resolve_episode_files([transcript])
    assert files.transcript == transcript
    assert files.audio is None


def test_audio_alone_finds_yt_dlp_style_transcript(tmp_path: Path) -> None:
    audio = touch(tmp_path, "Grok 3 [xDCa0xgymMY].m4a")
    transcript = touch(tmp_path, "Grok 3 [xDCa0xgymMY].nl.vtt")
    assert resolve_episode_files([audio]).transcript == transcript


def test_language_tagged_transcript_finds_plain_audio(tmp_path: Path) -> None:
    audio = touch(tmp_path, "show.mp3")
    transcript = touch(tmp_path, "show.nl.vtt")
    assert resolve_episode_files([transcript]).audio == audio


def test_two_files_in_either_order(tmp_path: Path) -> None:
    audio = touch(tmp_path, "a.mp3")
    transcript = touch(tmp_path, "b.json")
    assert resolve_episode_files([audio, transcript]) == resolve_episode_files([transcript, audio])
    assert resolve_episode_files([audio, transcript]).audio == audio


def test_audio_without_transcript_says_what_to_give(tmp_path: Path) -> None:
    audio = touch(tmp_path, "lonely.mp3")
    with pytest.raises(EpisodeFilesError, match=r"no transcript found beside lonely\.mp3"):
        resolve_episode_files([audio])


def test_two_audio_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(EpisodeFilesError, match="one audio file and one transcript"):
        resolve_episode_files([touch(tmp_path, "a.mp3"), touch(tmp_path, "b.ogg")])
