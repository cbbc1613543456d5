"""Opening episodes for the window: read a transcript, add it to the store, load its lines."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path

from meelezer.episode_files import EpisodeFiles, is_audio_path
from meelezer.moved_files import AUTOMATIC, WITH_PICKED_FOLDER, FoundFile, MovedSearch
from meelezer.store import episodes
from meelezer.store.annotation_archive import ArchiveReport
from meelezer.store.database import Database
from meelezer.store.errors import episode_not_found
from meelezer.store.hashing import fingerprint_size
from meelezer.store.library_overview import EpisodeSummary, library_overview
from meelezer.store.reimport import ReimportReport
from meelezer.store.rows import EpisodeRow, SegmentRow
from meelezer.store.search import SearchHit, search_library
from meelezer.texts import translate
from meelezer.transcript.errors import TranscriptError
from meelezer.transcript.model import Word

logger = logging.getLogger(__name__)
RECENT_LIMIT = 10


@dataclass(frozen=True, slots=True)
class OpenedEpisode:
    """Everything the window needs to show an episode, as plain data."""

    episode: EpisodeRow
    segments: list[SegmentRow]
    words: dict[int, list[Word]]  # by segment id; empty when the transcript had no word times
    audio_missing: bool = False  # the episode has an audio path, but no file is there
    notice: str | None = None  # for the message bar: moved audio found, or still missing
    read_warning: str | None = None  # parts of a newly read transcript that were skipped

    @property
    def audio_path(self) -> Path | None:
        """The audio to play: None when there is none or it is missing."""
        return None if self.audio_missing else self.episode.audio_path


@dataclass(frozen=True, slots=True)
class AddedEpisode:
    episode_id: int
    title: str
    is_new: bool  # False: the same transcript content was in the library already
    read_warning: str | None = None  # parts of a newly read transcript that were skipped


@dataclass(frozen=True, slots=True)
class MovedFiles:
    """What a search for an episode's moved files found, and what is still missing."""

    episode_id: int
    title: str
    found_audio: FoundFile | None = None
    found_transcript: FoundFile | None = None
    missing_audio: Path | None = None  # where the audio was; not found
    missing_transcript: Path | None = None

    @property
    def found_any(self) -> bool:
        return self.found_audio is not None or self.found_transcript is not None

    @property
    def still_missing(self) -> bool:
        return self.missing_audio is not None or self.missing_transcript is not None

    def followed_by(self, later: MovedFiles) -> MovedFiles:
        """This search and a ``later`` one for what was still missing, as one result."""
        return replace(later, found_audio=self.found_audio or later.found_audio,
                       found_transcript=self.found_transcript or later.found_transcript)

    def message(self) -> str:
        """One sentence per file: where it was found, or that it is still missing."""
        parts = []
        if self.found_audio is not None:
            parts.append(_found_audio_text(self.found_audio))
        if self.found_transcript is not None:
            parts.append(translate("Library", "Found the moved transcript at {path}.").format(
                path=self.found_transcript.path))
        if self.missing_audio is not None:
            parts.append(translate("Library", "The audio is still missing: {path}.").format(
                path=self.missing_audio))
        if self.missing_transcript is not None:
            parts.append(translate("Library", "The transcript is still missing: {path}.").format(
                path=self.missing_transcript))
        return " ".join(parts) or translate("Library", "No files are missing.")


def _found_audio_text(found: FoundFile) -> str:
    if found.by_name:
        return translate("Library", "Found the moved audio at {path} (by its name: it had "
                         "no fingerprint yet).").format(path=found.path)
    return translate("Library", "Found the moved audio at {path}.").format(path=found.path)


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
        added = self.add_files(files, audio_duration_ms)
        return replace(self.open_episode(added.episode_id), read_warning=added.read_warning)

    def add_files(self, files: EpisodeFiles,
                  audio_duration_ms: int | None = None) -> AddedEpisode:
        """Import ``files``, or find them already imported by content and note where they
        are now; the episode is not marked as opened. Raises as ``open_files``."""
        transcript_path = files.transcript.resolve()
        audio = files.audio.resolve() if files.audio is not None else None
        from meelezer.transcript.file_checks import check_transcript_file

        check_transcript_file(transcript_path)  # hashing a FIFO would wait forever
        try:
            digest = episodes.file_sha256(transcript_path)
        except OSError as error:
            raise _unreadable(error, transcript_path) from None
        known = episodes.find_episode_by_hash(self.database, digest)
        if known is not None:
            # The same content was imported before: keep that episode and its annotations,
            # and only note where the files are now. No parsing needed.
            episodes.relocate_episode(self.database, known.id, transcript_path, audio)
            logger.info("%s is episode %d, already in the library", transcript_path, known.id)
            return AddedEpisode(known.id, known.title, is_new=False)
        # The readers load only when a transcript is new (they cost start-up time).
        from meelezer.transcript.files import read_transcript

        transcript = read_transcript(transcript_path, audio_duration_ms=audio_duration_ms)
        episode_id = episodes.import_transcript(
            self.database, transcript, transcript_path, digest, audio)
        logger.info("Imported %s (%s, %d lines, audio %s) as episode %d", transcript_path,
                    transcript.source_format, len(transcript.segments), audio, episode_id)
        return AddedEpisode(episode_id, self._episode(episode_id).title, is_new=True,
                            read_warning=_read_warning(transcript_path, transcript.warnings))

    def open_episode(self, episode_id: int) -> OpenedEpisode:
        """Load the episode; a missing audio file is first looked for nearby (bounded).

        The notice says where moved audio was found, or that it is still missing.
        """
        episodes.mark_opened(self.database, episode_id)
        notice = self._check_audio(self._episode(episode_id))
        return replace(self.reload(episode_id), notice=notice)

    def find_moved_files(self, episode_id: int, extra_folder: Path | None = None) -> MovedFiles:
        """Look for the episode's missing audio and transcript by content, and relink them.

        Searched: the old folders and their surroundings, the episode's other file's
        folder, the other episodes' folders and ``extra_folder`` (deep). A transcript must
        have the imported content; audio the stored fingerprint (or, without one, the name).
        The window runs the three steps apart: ``moved_search`` and ``relink_found`` here,
        the search's ``run`` (the slow part, files only) on a worker thread.
        """
        search = self.moved_search(episode_id, extra_folder)
        return self.relink_found(episode_id, search, search.run())

    def moved_search(self, episode_id: int, extra_folder: Path | None = None) -> MovedSearch:
        """What the episode misses and where to look (``extra_folder`` deep), from the store."""
        episode = self._episode(episode_id)
        lost_transcript = episode.transcript_path if _missing(episode.transcript_path) else None
        lost_audio = episode.audio_path if _missing(episode.audio_path) else None
        nearby = [path for path in (episode.transcript_path, episode.audio_path) if path]
        if lost_transcript is not None or lost_audio is not None:
            nearby += self._library_files(episode_id)  # where moved files often end up
        return MovedSearch(lost_transcript, episode.transcript_hash, lost_audio,
                           episode.audio_hash, tuple(nearby),
                           extra_folder.resolve() if extra_folder is not None else None,
                           AUTOMATIC if extra_folder is None else WITH_PICKED_FOLDER)

    def relink_found(self, episode_id: int, search: MovedSearch,
                     found: tuple[FoundFile | None, FoundFile | None]) -> MovedFiles:
        """Point the episode at what ``search`` found; what was found and what still misses."""
        episode = self._episode(episode_id)
        found_transcript, found_audio = found
        lost_transcript, lost_audio = search.lost_transcript, search.lost_audio
        result = MovedFiles(episode_id, episode.title, missing_audio=lost_audio,
                            missing_transcript=lost_transcript)
        if found_transcript is None and found_audio is None:
            return result
        episodes.relocate_episode(
            self.database, episode_id,
            found_transcript.path if found_transcript else episode.transcript_path,
            found_audio.path if found_audio else None,
            audio_hash=None if found_audio is None or found_audio.by_name else episode.audio_hash)
        logger.info("Episode %d: moved files found (transcript %s, audio %s)", episode_id,
                    found_transcript and found_transcript.path, found_audio and found_audio.path)
        return replace(result, found_audio=found_audio, found_transcript=found_transcript,
                       missing_audio=None if found_audio else lost_audio,
                       missing_transcript=None if found_transcript else lost_transcript)

    def _check_audio(self, episode: EpisodeRow) -> str | None:
        """Fingerprint present audio that has none yet; name audio swapped for another
        file; look for missing audio."""
        audio = episode.audio_path
        if audio is None:
            return None
        if not _missing(audio):
            if episode.audio_hash is None:
                with suppress(OSError):  # unreadable now: the player will say so
                    episodes.remember_audio_hash(
                        self.database, episode.id, episodes.audio_fingerprint(audio))
            elif _other_size(audio, episode.audio_hash):
                return swapped_audio_notice(audio)
            return None
        result = self.find_moved_files(episode.id)
        if result.found_audio is not None:
            return _found_audio_text(result.found_audio)
        return translate(
            "Library", "The audio file is missing: {path}. If it was moved, Library → Find "
            "moved files… or Relink files… can find it; the transcript is open for "
            "reading.").format(path=audio)

    def _library_files(self, episode_id: int) -> list[Path]:
        """The other episodes' files: where moved files often end up."""
        paths: list[Path] = []
        for other in episodes.list_episodes(self.database):
            if other.id != episode_id:
                paths += [path for path in (other.transcript_path, other.audio_path) if path]
        return paths

    def _episode(self, episode_id: int) -> EpisodeRow:
        episode = episodes.get_episode(self.database, episode_id)
        if episode is None:
            raise episode_not_found(episode_id, self.database.path)
        return episode

    def fit_estimated_times(self, episode_id: int, audio_duration_ms: int) -> bool:
        """Spread an untimed transcript over its audio once the audio's length is known."""
        from meelezer.store.retiming import fit_estimated_times

        return fit_estimated_times(self.database, episode_id, audio_duration_ms)

    def reload(self, episode_id: int) -> OpenedEpisode:
        """The episode's rows again, after the store changed them (nothing else happens)."""
        episode = self._episode(episode_id)
        return OpenedEpisode(episode, episodes.load_segments(self.database, episode_id),
                             episodes.load_words(self.database, episode_id),
                             audio_missing=_missing(episode.audio_path))

    def reload_lines(self, opened: OpenedEpisode,
                     segment_ids: Collection[int]) -> tuple[OpenedEpisode, list[int] | None]:
        """``opened`` with the rows of ``segment_ids`` read again, and the indexes of those rows.

        For a refresh after an annotation: a few rows instead of the whole episode. A line
        ``opened`` does not have means the lines changed under it: then all is read again
        (and the indexes are None).
        """
        episode_id = opened.episode.id
        rows = episodes.load_segments(self.database, episode_id, segment_ids)
        words = episodes.load_words(self.database, episode_id, segment_ids)
        segments = list(opened.segments)
        where = _row_indexes(segments, rows)
        if where is None:
            return self.reload(episode_id), None
        all_words = dict(opened.words)
        changed: list[int] = []
        for row in rows:
            index = where[row.id]
            segments[index] = row
            changed.append(index)
            if row.id in words:
                all_words[row.id] = words[row.id]
            else:
                all_words.pop(row.id, None)
        # The episode's own row too: re-timing may have made the episode longer.
        return replace(opened, episode=self._episode(episode_id), segments=segments,
                       words=all_words), changed

    def search(self, query: str) -> list[SearchHit]:
        """Lines and notes of every episode matching ``query`` (words as prefixes)."""
        return search_library(self.database, query)

    def export_episode(self, episode_id: int, output: Path, subtitles: bool = False) -> None:
        """The episode as the user has it (corrections, speakers, notes) in ``output``'s format
        (``subtitles``: short cues for video, .srt and .vtt)."""
        from meelezer.export import export_episode

        export_episode(self.database, episode_id, output, subtitles)

    def prepare_export(self, episode_id: int, output: Path,
                       subtitles: bool = False) -> Callable[[], None]:
        """``export_episode`` in two steps: the library is read now, the returned function
        writes the file (and may run on another thread)."""
        from meelezer.export import prepare_export

        return prepare_export(self.database, episode_id, output, subtitles)

    def export_annotations(self, output: Path, episode_ids: list[int] | None = None) -> None:
        from meelezer.store.annotation_archive import export_annotations

        export_annotations(self.database, output, episode_ids)

    def import_annotations(self, archive: Path) -> ArchiveReport:
        from meelezer.store.annotation_archive import import_annotations

        return import_annotations(self.database, archive)

    def edited_episode(self, files: EpisodeFiles) -> EpisodeRow | None:
        """The episode imported from ``files``' transcript path, if that file has new content
        now (edited on disk); None when the content is known or the path is new.

        Opening such a file as it is would import a second episode of the same title, with
        none of the first one's annotations. Problems reading the file are left to
        ``open_files``, which reports them.
        """
        from meelezer.transcript.file_checks import check_transcript_file

        path = files.transcript.resolve()
        try:
            check_transcript_file(path)
            digest = episodes.file_sha256(path)
        except (OSError, TranscriptError):
            return None
        if episodes.find_episode_by_hash(self.database, digest) is not None:
            return None
        same_path = [episode for episode in episodes.list_episodes(self.database)
                     if episode.transcript_path == path]
        # Imported twice already (before this question was asked): the one used last.
        return max(same_path, key=lambda e: (e.last_opened_at or e.created_at, e.id),
                   default=None)

    def reimport_files(self, episode_id: int, files: EpisodeFiles) -> ReimportReport:
        """``reimport`` from ``files``' transcript, and play the audio found beside it."""
        report = self.reimport(episode_id, files.transcript)
        if files.audio is not None:
            episode = self._episode(episode_id)
            episodes.relocate_episode(self.database, episode_id, episode.transcript_path,
                                      files.audio.resolve())
        return report

    def reimport(self, episode_id: int, transcript_path: Path) -> ReimportReport:
        """Replace the episode's lines with a new version of its transcript (a better
        Whisper run, say); labels, corrections and user-set times follow by time and text.
        """
        from meelezer.store.reimport import reimport_transcript
        from meelezer.transcript.files import read_transcript

        path = transcript_path.resolve()
        transcript = read_transcript(path)
        report = reimport_transcript(self.database, episode_id, transcript, path,
                                     episodes.file_sha256(path))
        return replace(report, read_warning=_read_warning(path, transcript.warnings))

    def overview(self) -> list[EpisodeSummary]:
        return library_overview(self.database)

    def remove_episode(self, episode_id: int) -> None:
        """Forget the episode and its annotations; the user's files are never touched."""
        episodes.delete_episode(self.database, episode_id)

    def relink_file(self, episode_id: int, path: Path) -> str:
        """Point the episode at a moved file; what was relinked, for the message.

        A transcript must have the same content (hash) as the one imported, so notes and
        labels stay on the right lines; a changed transcript is a re-import instead. Audio
        may differ (a re-encode): it is relinked, its fingerprint renewed, and the message
        says so.
        """
        episode = self._episode(episode_id)
        path = path.resolve()
        if is_audio_path(path):
            try:
                fingerprint = episodes.audio_fingerprint(path)
            except OSError as error:
                raise _unreadable(error, path) from None
            episodes.relocate_episode(self.database, episode_id, episode.transcript_path, path,
                                      audio_hash=fingerprint)
            if episode.audio_hash is not None and fingerprint != episode.audio_hash:
                return translate("Library", "Audio relinked to {path}. It is not the same "
                                 "file as before (re-encoded?); check that the lines still "
                                 "match the sound.").format(path=path)
            return translate("Library", "Audio relinked to {path}").format(path=path)
        from meelezer.transcript.file_checks import check_transcript_file

        check_transcript_file(path)
        try:
            digest = episodes.file_sha256(path)
        except OSError as error:
            raise _unreadable(error, path) from None
        if digest != episode.transcript_hash:
            raise TranscriptError(translate(
                "Library", "this transcript's content differs from the one in the library; "
                "open it to import it as a new version"), path)
        episodes.relocate_episode(self.database, episode_id, path, None)
        return translate("Library", "Transcript relinked to {path}").format(path=path)

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


def _row_indexes(segments: list[SegmentRow], rows: list[SegmentRow]) -> dict[int, int] | None:
    """Where each of ``rows`` is in ``segments`` (by id); None if one is not there."""
    where: dict[int, int] = {}
    for row in rows:
        # Positions usually count from 0 in the list; else look the row up.
        if 0 <= row.position < len(segments) and segments[row.position].id == row.id:
            where[row.id] = row.position
    if len(where) < len(rows):
        everywhere = {segment.id: index for index, segment in enumerate(segments)}
        if any(row.id not in everywhere for row in rows):
            return None
        where = {row.id: everywhere[row.id] for row in rows}
    return where


def swapped_audio_notice(audio: Path) -> str:
    """For the message bar: ``audio`` is not the file its episode was fingerprinted from."""
    return translate(
        "Library", "{path} is not the audio this episode was opened with before: if it is "
        "another recording, the lines will not match the sound. Library → Relink files… "
        "points the episode at the right file, or at this one to keep it.").format(path=audio)


def _other_size(audio: Path, fingerprint: str) -> bool:
    """The file is not the size its fingerprint was taken of: another file, or re-encoded.

    A stat, not a read, so opening an episode reads no audio (a same-size swap passes).
    """
    size = fingerprint_size(fingerprint)
    try:
        return size is not None and audio.stat().st_size != size
    except OSError:
        return False  # unreadable now: the player will say so


def _missing(path: Path | None) -> bool:
    """A path is stored but no file is there (moved, renamed, or its drive not mounted)."""
    return path is not None and not path.is_file()


def _unreadable(error: OSError, path: Path) -> TranscriptError:
    return TranscriptError(translate("Library", "cannot read the file: {reason}").format(
        reason=error.strerror or error), path)


def _read_warning(path: Path, warnings: list[str]) -> str | None:
    """What to tell the user about the parts of ``path`` a reader skipped, if any."""
    if not warnings:
        return None
    from meelezer.transcript.errors import describe_warnings

    return f"{path.name}: {describe_warnings(warnings)}"
