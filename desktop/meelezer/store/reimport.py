"""Re-importing a changed transcript for an episode, carrying the user's work over by time."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.exc import IntegrityError

from meelezer.store.database import Database
from meelezer.store.errors import StoreError, episode_not_found
from meelezer.store.lines import insert_lines, line_row
from meelezer.store.speakers import ensure_speakers
from meelezer.store.tables import EPISODE, SEGMENT
from meelezer.texts import translate
from meelezer.transcript.model import Transcript
from meelezer.transcript.text_search import fold

__all__ = ["NotCarried", "ReimportReport", "reimport_transcript"]


@dataclass(frozen=True, slots=True)
class NotCarried:
    """An old line whose label, correction or user-set time the new transcript lost.

    ``what`` names what was lost: any of "speaker", "correction", "time".
    """

    start_ms: int
    end_ms: int
    text: str  # the old line's text as the user last saw it (corrected, if it was)
    what: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReimportReport:
    """What ``reimport_transcript`` carried from the old lines, and what it could not."""

    lines: int  # lines in the new transcript
    labels_carried: int
    corrections_carried: int
    times_carried: int
    not_carried: tuple[NotCarried, ...]  # in time order
    read_warning: str | None = None  # parts of the new transcript that could not be read


@dataclass(frozen=True, slots=True)
class _OldLine:
    start_ms: int
    end_ms: int
    text: str
    original_text: str | None
    speaker_id: int | None
    time_set_by_user: bool
    normalised: str  # of the reader's text, which is what a new reader run is compared to


def reimport_transcript(
    db: Database,
    episode_id: int,
    transcript: Transcript,
    transcript_path: Path,
    transcript_hash: str,
) -> ReimportReport:
    """Replace the episode's lines and words by ``transcript``'s, in one transaction.

    Each new line is matched to the old line it overlaps most in time; the match holds
    when the overlap is at least half the shorter line, or when the two lines read the
    same (ignoring case, accents and punctuation). A matched line gets the old line's
    speaker (else the new transcript's), its user-set times, and its correction when the
    new text equals the old line's reader text (a changed reader text makes the correction
    stale: it is reported instead). Old lines with a speaker, correction or set time that
    nothing took over are reported too. Notes are anchored to times and stay as they are.
    Raises ``EpisodeNotFoundError`` for an unknown episode, and ``StoreError`` when another
    episode was imported from a file with ``transcript_hash``.
    """
    new_lines = transcript.segments
    with db.session(write=True) as session:
        connection = session.connection()
        show_id = connection.execute(
            select(EPISODE.c.show_id).where(EPISODE.c.id == episode_id)
        ).one_or_none()
        if show_id is None:
            raise episode_not_found(episode_id, db.path)
        old = _old_lines(connection, episode_id)
        matches = _match(old, [(line.start_ms, line.end_ms, line.text) for line in new_lines])
        speaker_ids = ensure_speakers(
            connection, transcript.speakers, show_id=show_id[0], episode_id=episode_id
        )
        rows: list[dict[str, Any]] = []
        labels = corrections = times = 0
        stale_corrections: set[int] = set()
        for position, (line, match) in enumerate(zip(new_lines, matches, strict=True)):
            row = line_row(episode_id, position, line,
                           speaker_ids.get(line.speaker) if line.speaker else None)
            if match is not None:
                previous = old[match]
                if previous.speaker_id is not None:
                    row["speaker_id"] = previous.speaker_id
                    labels += 1
                if previous.original_text is not None:
                    if line.text.strip() == previous.original_text.strip():
                        row.update(text=previous.text, original_text=line.text)
                        corrections += 1
                    else:
                        stale_corrections.add(match)
                if previous.time_set_by_user:
                    row.update(start_ms=previous.start_ms, end_ms=previous.end_ms,
                               time_set_by_user=True, times_estimated=False)
                    times += 1
            rows.append(row)
        not_carried = _not_carried(old, matches, stale_corrections)
        _replace_lines(connection, episode_id, transcript, rows)
        try:
            connection.execute(
                update(EPISODE).where(EPISODE.c.id == episode_id).values(
                    transcript_path=str(transcript_path), transcript_hash=transcript_hash,
                    transcript_format=transcript.source_format,
                    duration_ms=transcript.duration_ms,
                    times_estimated=transcript.times_estimated,
                )
            )
        except IntegrityError as error:
            raise StoreError(translate(
                "Store", "{path} is already in the library as another episode.",
            ).format(path=transcript_path), db.path) from error
    return ReimportReport(len(new_lines), labels, corrections, times, not_carried)


def _normalise(value: str) -> str:
    # Case, accents, punctuation and spacing differ between reader runs without changing
    # the line; folded as every text search of Meelezer folds.
    return " ".join(re.findall(r"\w+", fold(value)))


def _old_lines(connection: Connection, episode_id: int) -> list[_OldLine]:
    rows = connection.execute(
        select(
            SEGMENT.c.start_ms, SEGMENT.c.end_ms, SEGMENT.c.text, SEGMENT.c.original_text,
            SEGMENT.c.speaker_id, SEGMENT.c.time_set_by_user,
        )
        .where(SEGMENT.c.episode_id == episode_id)
        .order_by(SEGMENT.c.start_ms, SEGMENT.c.position)
    )
    return [
        _OldLine(start, end, text, original, speaker, by_user, _normalise(original or text))
        for start, end, text, original, speaker, by_user in rows
    ]


def _match(old: Sequence[_OldLine], new: Sequence[tuple[int, int, str]]) -> list[int | None]:
    """For each new ``(start, end, text)``, the index in ``old`` (sorted by start) of its
    match, or None. O(n log n): a bisect finds the old lines that start before the new
    line ends; only those that can still reach its start (the longest old line bounds
    how far back) are compared."""
    starts = [line.start_ms for line in old]
    longest = max((line.end_ms - line.start_ms for line in old), default=0)
    matches: list[int | None] = []
    for start, end, text in new:
        normalised = _normalise(text)
        best: tuple[bool, bool, int] | None = None
        best_index: int | None = None
        index = bisect_right(starts, end) - 1
        while index >= 0 and starts[index] >= start - longest:
            candidate = old[index]
            overlap = min(end, candidate.end_ms) - max(start, candidate.start_ms)
            shorter = min(end - start, candidate.end_ms - candidate.start_ms)
            same_text = candidate.normalised == normalised
            # overlap > 0: a zero-length line would otherwise "half-overlap" anything.
            accepted = same_text or (overlap > 0 and 2 * overlap >= shorter)
            key = (accepted, same_text, overlap)
            if accepted and (best is None or key > best):
                best, best_index = key, index
            index -= 1
        matches.append(best_index)
    return matches


def _not_carried(
    old: Sequence[_OldLine], matches: Sequence[int | None], stale_corrections: set[int]
) -> tuple[NotCarried, ...]:
    matched = {index for index in matches if index is not None}
    lost = []
    for index, line in enumerate(old):
        what: list[str] = []
        if index not in matched:
            if line.speaker_id is not None:
                what.append("speaker")
            if line.original_text is not None:
                what.append("correction")
            if line.time_set_by_user:
                what.append("time")
        elif index in stale_corrections:
            what.append("correction")
        if what:
            lost.append(NotCarried(line.start_ms, line.end_ms, line.text, tuple(what)))
    return tuple(lost)


def _replace_lines(
    connection: Connection, episode_id: int, transcript: Transcript, rows: list[dict[str, Any]]
) -> None:
    # Words go with their lines (ON DELETE CASCADE); a trigger takes the old lines out of
    # the search index.
    connection.execute(delete(SEGMENT).where(SEGMENT.c.episode_id == episode_id))
    insert_lines(connection, episode_id, rows, transcript.segments)
