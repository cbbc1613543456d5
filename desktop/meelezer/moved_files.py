"""Finding an episode's moved audio or transcript again, by content, in the folders nearby.

Files are usually moved a little: into a sibling folder, one level up, beside the
episode's other file, or into a folder where other episodes live. Those folders are
listed (a bounded number) and candidates compared by content: a transcript by its sha256,
an audio file by its fingerprint (size first, so most files cost only a stat). An audio
file imported before fingerprints were kept is recognised by its exact name instead,
and only when one file of that name turns up. Unreadable folders and files are skipped.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from meelezer.episode_files import AUDIO_EXTENSIONS, TRANSCRIPT_EXTENSIONS
from meelezer.store.hashing import audio_fingerprint, file_sha256, fingerprint_size


@dataclass(frozen=True, slots=True)
class SearchLimits:
    """How much one search may do, so opening an episode stays quick."""

    max_folders: int = 300  # folders listed
    max_files_read: int = 60  # candidate files hashed
    nearby_depth: int = 2  # below the old folder's parent
    picked_depth: int = 8  # below a folder the user picked


AUTOMATIC = SearchLimits()
# The user picked a folder and waits for the answer: it may take longer.
WITH_PICKED_FOLDER = SearchLimits(max_folders=5000, max_files_read=1000)


class Work(Protocol):
    """Progress and cancel of a search (a ``meelezer.work.WorkContext`` or a part of one)."""

    def check(self) -> None: ...  # raises when the search should stop

    def progress(self, fraction: float, partial: object | None = None) -> None: ...


class PartOfWork:
    """``span`` of a larger piece of work that starts at ``start`` (fractions 0..1)."""

    def __init__(self, whole: Work, start: float, span: float):
        self._whole, self._start, self._span = whole, start, span

    def check(self) -> None:
        self._whole.check()

    def progress(self, fraction: float, partial: object | None = None) -> None:
        self._whole.progress(self._start + fraction * self._span)


@dataclass(frozen=True, slots=True)
class SearchPlace:
    folder: Path
    depth: int  # 0: only the files in ``folder``; 1: also its subfolders' files; …


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: Path
    by_name: bool  # no fingerprint was known: the only file with the old name


@dataclass(frozen=True, slots=True)
class MovedSearch:
    """One episode's search for its missing files: what was lost, its content's hash, and
    where to look. Built from the library; ``run`` only reads the file system, so it can
    run on a worker thread."""

    lost_transcript: Path | None
    transcript_hash: str
    lost_audio: Path | None
    audio_fingerprint: str | None
    nearby: tuple[Path, ...]  # the episode's own and the other episodes' files
    picked: Path | None
    limits: SearchLimits

    @property
    def needed(self) -> bool:
        return self.lost_transcript is not None or self.lost_audio is not None

    def run(self, work: Work | None = None) -> tuple[FoundFile | None, FoundFile | None]:
        """(found transcript, found audio): the transcript first, as the audio may have
        moved along with it."""
        nearby = list(self.nearby)
        transcript = None
        if self.lost_transcript is not None:
            places = search_places(self.lost_transcript, nearby, self.picked, self.limits)
            part = None if work is None else PartOfWork(work, 0.0, 0.5)
            transcript = find_transcript(self.lost_transcript, self.transcript_hash, places,
                                         self.limits, part)
            if transcript is not None:
                nearby.insert(0, transcript.path)
        audio = None
        if self.lost_audio is not None:
            places = search_places(self.lost_audio, nearby, self.picked, self.limits)
            part = None if work is None else PartOfWork(work, 0.5, 0.5)
            audio = find_audio(self.lost_audio, self.audio_fingerprint, places, self.limits,
                               part)
        return transcript, audio


def search_places(lost: Path, other_files: Iterable[Path], picked: Path | None = None,
                  limits: SearchLimits = AUTOMATIC) -> list[SearchPlace]:
    """Where to look for ``lost``, most likely first.

    The folder the user picked (searched deep), the old folder, its parent with the
    parent's subfolders, then the folders of ``other_files`` (the episode's other file
    and the other episodes' files).
    """
    places = [] if picked is None else [SearchPlace(picked, limits.picked_depth)]
    places += [SearchPlace(lost.parent, 0), SearchPlace(lost.parent.parent, limits.nearby_depth)]
    places += [SearchPlace(path.parent, 0) for path in other_files]
    return places


def find_transcript(lost: Path, sha256: str, places: Sequence[SearchPlace],
                    limits: SearchLimits = AUTOMATIC, work: Work | None = None
                    ) -> FoundFile | None:
    """A transcript file with the content (sha256) of the one that was at ``lost``."""
    candidates = _candidates(lost, places, TRANSCRIPT_EXTENSIONS, limits, work)
    path = _first_with(sha256, file_sha256, candidates, limits, work)
    return None if path is None else FoundFile(path, by_name=False)


def find_audio(lost: Path, fingerprint: str | None, places: Sequence[SearchPlace],
               limits: SearchLimits = AUTOMATIC, work: Work | None = None
               ) -> FoundFile | None:
    """An audio file with the fingerprint of the one that was at ``lost``.

    Without a fingerprint: the one file named like ``lost``, if exactly one is found.
    """
    candidates = _candidates(lost, places, AUDIO_EXTENSIONS, limits, work)
    if fingerprint is None:
        named = {path for path, _size in candidates if path.name == lost.name}
        return FoundFile(named.pop(), by_name=True) if len(named) == 1 else None
    size = fingerprint_size(fingerprint)
    if size is not None:
        candidates = [(path, length) for path, length in candidates if length == size]
    path = _first_with(fingerprint, audio_fingerprint, candidates, limits, work)
    return None if path is None else FoundFile(path, by_name=False)


def _candidates(lost: Path, places: Sequence[SearchPlace], extensions: Sequence[str],
                limits: SearchLimits, work: Work | None) -> list[tuple[Path, int]]:
    """Files with one of ``extensions`` in ``places``, those named like ``lost`` first."""
    files = list(dict.fromkeys(_files_in(places, extensions, limits, work)))
    files.sort(key=lambda file: file[0].name != lost.name)  # stable: place order kept
    return files


def _first_with(digest: str, hash_of: Callable[[Path], str],
                candidates: Sequence[tuple[Path, int]], limits: SearchLimits,
                work: Work | None) -> Path | None:
    read = candidates[:limits.max_files_read]
    for index, (path, _size) in enumerate(read):
        if work is not None:  # hashing is the slow part: one step per file
            work.check()
            work.progress(index / len(read))
        try:
            if hash_of(path) == digest:
                return path
        except OSError:
            continue
    return None


def _files_in(places: Sequence[SearchPlace], extensions: Sequence[str],
              limits: SearchLimits, work: Work | None) -> Iterator[tuple[Path, int]]:
    """(path, size) of the regular files with ``extensions``, folder by folder.

    Each folder is listed once (again only to go deeper than before); symlinked folders
    are not followed, so links cannot make the walk loop.
    """
    depth_seen: dict[Path, int] = {}
    listed = 0
    queue = deque((place.folder, place.depth) for place in places)
    while queue and listed < limits.max_folders:
        folder, depth = queue.popleft()
        if work is not None:
            work.check()
        first_visit = folder not in depth_seen
        if depth_seen.get(folder, -1) >= depth:
            continue
        depth_seen[folder] = depth
        try:
            with os.scandir(folder) as entries:
                listing = list(entries)
        except OSError:
            continue  # gone, unreadable, or not a folder
        listed += 1
        for entry in listing:
            try:
                if depth > 0 and entry.is_dir(follow_symlinks=False):
                    queue.append((Path(entry.path), depth - 1))
                elif (first_visit and entry.name.lower().endswith(tuple(extensions))
                        and entry.is_file()):
                    yield Path(entry.path), entry.stat().st_size
            except OSError:
                continue
