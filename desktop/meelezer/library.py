"""Opening episodes for the window: read a transcript, add it to the store, load its lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from meelezer.episode_files import EpisodeFiles, is_audio_path
from meelezer.store import episodes
from meelezer.store.annotation_archive import ArchiveReport
from meelezer.store.database import Database
from meelezer.store.errors import EpisodeNotFoundError
from meelezer.store.library_overview import EpisodeSummary, library_overview
from meelezer.store.reimport import ReimportReport
from meelezer.store.rows import EpisodeRow, SegmentRow
from meelezer.store.search import SearchHit, search_library
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.model import Word

RECENT_LIMIT = 10


@dataclass(frozen=True, slots=True)
class OpenedEpisode:
    """Everything the window needs to show an episode, as plain data."""

    episode: EpisodeRow
    segments: list[SegmentRow]
    words: dict[int, list[Word]]  # by segment id; empty when the transcript had no word times

    @property
    def audio_path(self) -> Path | None:
        return self.episode.audio_path


class Library:
    """The window's view of the store: no SQL here, only calls into ``meelezer.store``."""

    def __init__(self, database: Database):
        self.database = database

    def open_files(self, files: EpisodeFiles,
                   audio_duration_ms: int | None = None) -> OpenedEpisode:
        """Import ``files`` (or find them already imported by content) and load the episode.

        Raises ``TranscriptError`` for an unreadable transcript and ``StoreError`` for a
        database problem; nothing is written in either case.
        """
        transcript_path = files.transcript.resolve()
        audio = files.audio.resolve() if files.audio is not None else None
        try:
            digest = episodes.file_sha256(transcript_path)
        except OSError as error:
            raise TranscriptError(f"cannot read the file: {error.strerror or error}",
                                  transcript_path) from None
        known = episodes.find_episode_by_hash(self.database, digest)
        if known is not None:
            # The same content was imported before: keep that episode and its annotations,
            # and only note where the files are now. No parsing needed.
            episodes.relocate_episode(self.database, known.id, transcript_path, audio)
            return self.open_episode(known.id)
        # The readers load only when a transcript is new (they cost start-up time).
        from meelezer.transcript.files import read_transcript

        transcript = read_transcript(transcript_path, audio_duration_ms=audio_duration_ms)
        episode_id = episodes.import_transcript(
            self.database, transcript, transcript_path, digest, audio)
        return self.open_episode(episode_id)

    def open_episode(self, episode_id: int) -> OpenedEpisode:
        episodes.mark_opened(self.database, episode_id)
        return self.reload(episode_id)

    def fit_estimated_times(self, episode_id: int, audio_duration_ms: int) -> bool:
        """Spread an untimed transcript over its audio once the audio's length is known."""
        from meelezer.store.retiming import fit_estimated_times

        return fit_estimated_times(self.database, episode_id, audio_duration_ms)

    def reload(self, episode_id: int) -> OpenedEpisode:
        """The episode's rows again, after the store changed them (nothing else happens)."""
        episode = episodes.get_episode(self.database, episode_id)
        if episode is None:
            raise EpisodeNotFoundError(f"Episode {episode_id} is no longer in the library")
        return OpenedEpisode(episode, episodes.load_segments(self.database, episode_id),
                             episodes.load_words(self.database, episode_id))

    def search(self, query: str) -> list[SearchHit]:
        """Lines and notes of every episode matching ``query`` (words as prefixes)."""
        return search_library(self.database, query)

    def export_episode(self, episode_id: int, output: Path) -> None:
        """The episode as the user has it (corrections, speakers, notes) in ``output``'s format."""
        from meelezer.export import export_episode

        export_episode(self.database, episode_id, output)

    def export_annotations(self, output: Path, episode_ids: list[int] | None = None) -> None:
        from meelezer.store.annotation_archive import export_annotations

        export_annotations(self.database, output, episode_ids)

    def import_annotations(self, archive: Path) -> ArchiveReport:
        from meelezer.store.annotation_archive import import_annotations

        return import_annotations(self.database, archive)

    def reimport(self, episode_id: int, transcript_path: Path) -> ReimportReport:
        """Replace the episode's lines with a new version of its transcript (a better
        Whisper run, say); labels, corrections and user-set times follow by time and text.
        """
        from meelezer.store.reimport import reimport_transcript
        from meelezer.transcript.files import read_transcript

        path = transcript_path.resolve()
        transcript = read_transcript(path)
        return reimport_transcript(self.database, episode_id, transcript, path,
                                   episodes.file_sha256(path))

    def overview(self) -> list[EpisodeSummary]:
        return library_overview(self.database)

    def remove_episode(self, episode_id: int) -> None:
        """Forget the episode and its annotations; the user's files are never touched."""
        episodes.delete_episode(self.database, episode_id)

    def relink_file(self, episode_id: int, path: Path) -> str:
        """Point the episode at a moved file; what was relinked, for the message.

        A transcript must have the same content (hash) as the one imported, so notes and
        labels stay on the right lines; a changed transcript is a re-import instead.
        """
        episode = episodes.get_episode(self.database, episode_id)
        if episode is None:
            raise EpisodeNotFoundError(f"Episode {episode_id} is no longer in the library")
        path = path.resolve()
        if is_audio_path(path):
            episodes.relocate_episode(self.database, episode_id, episode.transcript_path, path)
            return f"Audio relinked to {path}"
        try:
            digest = episodes.file_sha256(path)
        except OSError as error:
            reason = f"cannot read the file: {error.strerror or error}"
            raise TranscriptError(reason, path) from None
        if digest != episode.transcript_hash:
            raise TranscriptError("this transcript's content differs from the one in the "
                                  "library; open it to import it as a new version", path)
        episodes.relocate_episode(self.database, episode_id, path, None)
        return f"Transcript relinked to {path}"

    def recent_episodes(self) -> list[EpisodeRow]:
        """Most recently opened first."""
        opened = [e for e in episodes.list_episodes(self.database) if e.last_opened_at]
        opened.sort(key=lambda e: e.last_opened_at or e.created_at, reverse=True)
        return opened[:RECENT_LIMIT]

    def last_opened_episode(self) -> EpisodeRow | None:
        recent = self.recent_episodes()
        return recent[0] if recent else None

    def save_position(self, episode_id: int, position_ms: int) -> None:
        episodes.save_last_position(self.database, episode_id, max(0, position_ms))
