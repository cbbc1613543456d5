"""Which given file is the audio and which the transcript, and finding the missing one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from meelezer.texts import translate

AUDIO_EXTENSIONS = (
    ".opus", ".ogg", ".oga", ".mp3", ".m4a", ".m4b", ".aac", ".flac", ".wav", ".webm",
    ".mp4", ".mkv", ".wma", ".aiff", ".aif",
)
# In order of preference when several transcripts sit beside one audio file.
TRANSCRIPT_EXTENSIONS = (".vtt", ".srt", ".json", ".txt", ".md", ".markdown", ".html",
                         ".htm", ".ass", ".ssa")

# yt-dlp names subtitles "Title [id].nl.vtt" beside "Title [id].m4a": a language tag sits
# between the stem and the extension.
_LANGUAGE_TAG = re.compile(r"\.[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class EpisodeFilesError(ValueError):
    """The given files do not make an episode; the message says what to give instead."""


@dataclass(frozen=True, slots=True)
class EpisodeFiles:
    transcript: Path
    audio: Path | None


def is_audio_path(path: Path) -> bool:
    return path.suffix.lower() in AUDIO_EXTENSIONS


def is_transcript_path(path: Path) -> bool:
    return path.suffix.lower() in TRANSCRIPT_EXTENSIONS


def find_audio_for(transcript: Path) -> Path | None:
    """An audio file beside ``transcript`` with the same name (language tag ignored)."""
    stems = {transcript.stem, _LANGUAGE_TAG.sub("", transcript.stem)}
    for stem in stems:
        for extension in AUDIO_EXTENSIONS:
            candidate = transcript.with_name(stem + extension)
            if candidate.is_file():
                return candidate
    return None


def find_transcript_for(audio: Path) -> Path | None:
    """A transcript beside ``audio`` named like it, also ``NAME.nl.vtt`` style names."""
    for extension in TRANSCRIPT_EXTENSIONS:
        candidate = audio.with_name(audio.stem + extension)
        if candidate.is_file():
            return candidate
    if audio.parent.is_dir():
        for extension in TRANSCRIPT_EXTENSIONS:
            for candidate in sorted(audio.parent.glob(f"{_glob_escape(audio.stem)}.*{extension}")):
                if _LANGUAGE_TAG.sub("", candidate.stem) == audio.stem:
                    return candidate
    return None


def resolve_episode_files(paths: list[Path]) -> EpisodeFiles:
    """Turn one or two user-given paths into a transcript and (maybe) an audio file.

    One transcript: its audio is looked for by name and may be missing (the app still
    opens it for reading). One audio file: its transcript must be found by name. Two
    files: one must be audio and the other a transcript, in either order.
    """
    if not 1 <= len(paths) <= 2:
        raise EpisodeFilesError(
            translate("Files", "give an audio file and a transcript, or just one of them"))
    if len(paths) == 2:
        first, second = paths
        if is_audio_path(first) and not is_audio_path(second):
            return EpisodeFiles(transcript=second, audio=first)
        if is_audio_path(second) and not is_audio_path(first):
            return EpisodeFiles(transcript=first, audio=second)
        raise EpisodeFilesError(translate(
            "Files", "expected one audio file and one transcript, got {first} and {second}",
        ).format(first=first.name, second=second.name))
    (only,) = paths
    if is_audio_path(only):
        transcript = find_transcript_for(only)
        if transcript is None:
            raise EpisodeFilesError(translate(
                "Files", "no transcript found beside {audio} (such as {stem}.srt or {stem}.vtt "
                "in the same folder); open the audio together with its transcript",
            ).format(audio=only.name, stem=only.stem))
        return EpisodeFiles(transcript=transcript, audio=only)
    return EpisodeFiles(transcript=only, audio=find_audio_for(only))


def _glob_escape(text: str) -> str:
    # Episode names from yt-dlp contain [id]: brackets are glob syntax.
    return re.sub(r"([\[\]*?])", r"[\1]", text)
