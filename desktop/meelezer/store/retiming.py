"""Changing line times after import: fitting estimates to the audio, and tap-to-sync."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from sqlalchemy import Connection, bindparam, func, select, update

from meelezer.store.database import Database
from meelezer.store.errors import line_not_found
from meelezer.store.tables import EPISODE, SEGMENT

# Below this difference the estimate already fits; re-writing every line would be noise.
FIT_TOLERANCE_MS = 500

# Lines after the last anchor are squeezed into what is left of the episode only while each
# can keep at least this much on average; beyond that they are shifted instead.
MIN_TAIL_LINE_MS: Final = 100


@dataclass(frozen=True, slots=True)
class TimeChange:
    """A line's times and timing flags as they were BEFORE a change (for undo)."""

    segment_id: int
    start_ms: int
    end_ms: int
    times_estimated: bool
    time_set_by_user: bool


def fit_estimated_times(db: Database, episode_id: int, audio_duration_ms: int) -> bool:
    """Stretch an untimed transcript's estimated times over the audio's real length.

    Estimates are made in proportion to text length, so scaling them keeps that
    proportion. Only for an episode whose every line is estimated and none was set by the
    user (those are re-spread between the user's anchors instead). True when times changed.
    """
    with db.session(write=True) as session:
        connection = session.connection()
        episode = connection.execute(
            select(EPISODE.c.duration_ms, EPISODE.c.times_estimated)
            .where(EPISODE.c.id == episode_id)
        ).one_or_none()
        if episode is None or not episode.times_estimated or episode.duration_ms <= 0:
            return False
        difference = abs(audio_duration_ms - episode.duration_ms)
        if audio_duration_ms <= 0 or difference < FIT_TOLERANCE_MS:
            return False
        rows = connection.execute(
            select(SEGMENT.c.id, SEGMENT.c.start_ms, SEGMENT.c.end_ms, SEGMENT.c.times_estimated,
                   SEGMENT.c.time_set_by_user)
            .where(SEGMENT.c.episode_id == episode_id)
        ).all()
        if not rows or any(not row.times_estimated or row.time_set_by_user for row in rows):
            return False
        scale = audio_duration_ms / episode.duration_ms
        connection.execute(
            update(SEGMENT)
            .where(SEGMENT.c.id == bindparam("segment_id"))
            .values(start_ms=bindparam("new_start"), end_ms=bindparam("new_end")),
            [
                {
                    "segment_id": row.id,
                    "new_start": min(round(row.start_ms * scale), audio_duration_ms),
                    "new_end": min(round(row.end_ms * scale), audio_duration_ms),
                }
                for row in rows
            ],
        )
        connection.execute(
            update(EPISODE).where(EPISODE.c.id == episode_id)
            .values(duration_ms=audio_duration_ms)
        )
    return True


def set_segment_start(db: Database, segment_id: int, start_ms: int) -> tuple[TimeChange, ...]:
    """Tap-to-sync: the line starts at ``start_ms``; the estimated lines around it follow.

    Anchors are lines whose times the user set or the file gave; estimated lines between
    two anchors are re-spread over the gap in proportion to their current durations
    (which reflect text length), contiguous:

    - the tapped line becomes a user-set anchor starting at ``start_ms`` (kept at or after
      0 and the previous anchor's start, and at or before the next anchor's start);
    - before it: after a user-set anchor, that anchor's line and the lines up to the tapped
      one fill the anchor's start to ``start_ms`` (a tapped line lasts until the next line
      starts); after a line timed by the file, which keeps its start, the lines fill its end
      to ``start_ms`` (its end pulled back to ``start_ms`` if later); with no anchor before,
      they fill 0 to ``start_ms``;
    - after it: the tapped line and the estimated lines up to the next anchor fill
      ``start_ms`` to that anchor's start; with no anchor after, they are scaled to end at
      the episode's end (its audio length once ``fit_estimated_times`` ran), so the rest
      of the transcript keeps following the audio; when too little time is left for that
      they keep their durations and are shifted, and the episode gets longer.

    Returns the previous values of every line changed, for ``restore_times``.
    """
    with db.session(write=True) as session:
        connection = session.connection()
        episode_id = connection.execute(
            select(SEGMENT.c.episode_id).where(SEGMENT.c.id == segment_id)
        ).scalar_one_or_none()
        if episode_id is None:
            raise line_not_found(segment_id, db.path)
        episode_end = connection.execute(
            select(EPISODE.c.duration_ms).where(EPISODE.c.id == episode_id)
        ).scalar_one()
        lines = [
            TimeChange(*row)
            for row in connection.execute(
                select(SEGMENT.c.id, SEGMENT.c.start_ms, SEGMENT.c.end_ms,
                       SEGMENT.c.times_estimated, SEGMENT.c.time_set_by_user)
                .where(SEGMENT.c.episode_id == episode_id)
                .order_by(SEGMENT.c.position)
            )
        ]
        index = next(k for k, line in enumerate(lines) if line.segment_id == segment_id)
        retimed = retime_from_tap(lines, index, start_ms, episode_end)
        changed = [(old, new) for old, new in zip(lines, retimed, strict=True) if old != new]
        if changed:
            _write_times(connection, [new for _, new in changed])
            _keep_duration(connection, episode_id, lines, retimed)
    return tuple(old for old, _ in changed)


def restore_times(db: Database, changes: Sequence[TimeChange]) -> None:
    """Write the times back exactly as ``changes`` hold them (undo); one executemany."""
    if not changes:
        return
    with db.session(write=True) as session:
        connection = session.connection()
        episode_id = connection.execute(
            select(SEGMENT.c.episode_id).where(SEGMENT.c.id == changes[0].segment_id)
        ).scalar_one()
        before = _max_end(connection, episode_id)
        _write_times(connection, changes)
        after = _max_end(connection, episode_id)
        if after != before:
            connection.execute(
                update(EPISODE).where(EPISODE.c.id == episode_id).values(duration_ms=after)
            )


def retime_from_tap(
    lines: Sequence[TimeChange], index: int, start_ms: int, episode_end_ms: int
) -> list[TimeChange]:
    """The episode's lines (in order) after tapping line ``index`` at ``start_ms``.

    The rules are those of ``set_segment_start``; pure, so they can be tested on their own.
    """
    new = list(lines)
    anchors = [k for k, line in enumerate(lines) if _is_anchor(line)]
    before = max((k for k in anchors if k < index), default=None)
    after = min((k for k in anchors if k > index), default=None)

    start_ms = max(start_ms, 0, lines[before].start_ms if before is not None else 0)
    if after is not None:
        start_ms = min(start_ms, lines[after].start_ms)
    new[index] = replace(lines[index], start_ms=start_ms, times_estimated=False,
                         time_set_by_user=True)

    if before is None:
        _spread(new, lines, range(0, index), 0, start_ms)
    elif lines[before].time_set_by_user:
        _spread(new, lines, range(before, index), lines[before].start_ms, start_ms)
    else:
        left = min(lines[before].end_ms, start_ms)
        new[before] = replace(new[before], end_ms=left)
        _spread(new, lines, range(before + 1, index), left, start_ms)

    if after is not None:
        _spread(new, lines, range(index, after), start_ms, lines[after].start_ms)
        return new
    tail = range(index, len(lines))
    end = max(episode_end_ms, lines[-1].end_ms)
    if end - start_ms >= len(tail) * MIN_TAIL_LINE_MS:
        _spread(new, lines, tail, start_ms, end)
    else:
        position = start_ms
        for k in tail:
            duration = max(0, lines[k].end_ms - lines[k].start_ms)
            new[k] = replace(new[k], start_ms=position, end_ms=position + duration)
            position += duration
    return new


def _is_anchor(line: TimeChange) -> bool:
    return line.time_set_by_user or not line.times_estimated


def _spread(
    lines: list[TimeChange], weigh: Sequence[TimeChange], region: range, left: int, right: int
) -> None:
    """Fill ``left``..``right`` with the lines of ``region``, in proportion to their lengths.

    The lengths come from ``weigh``, the lines before the tap: the tapped line's new start
    would otherwise distort its own share.
    """
    if not region:
        return
    weights = [max(0, weigh[k].end_ms - weigh[k].start_ms) for k in region]
    total = sum(weights)
    if total == 0:
        weights, total = [1] * len(weights), len(weights)
    span = max(0, right - left)
    cumulative = 0
    previous = left
    for k, weight in zip(region, weights, strict=True):
        cumulative += weight
        # From the running total, so rounding never drifts and the last boundary is exact.
        boundary = left + round(span * cumulative / total)
        lines[k] = replace(lines[k], start_ms=previous, end_ms=boundary)
        previous = boundary


def _write_times(connection: Connection, lines: Sequence[TimeChange]) -> None:
    connection.execute(
        update(SEGMENT).where(SEGMENT.c.id == bindparam("segment_id"))
        .values(
            start_ms=bindparam("new_start"),
            end_ms=bindparam("new_end"),
            times_estimated=bindparam("new_estimated"),
            time_set_by_user=bindparam("new_by_user"),
        ),
        [
            {"segment_id": line.segment_id, "new_start": line.start_ms,
             "new_end": line.end_ms, "new_estimated": line.times_estimated,
             "new_by_user": line.time_set_by_user}
            for line in lines
        ],
    )


def _keep_duration(
    connection: Connection,
    episode_id: int,
    old: Sequence[TimeChange],
    new: Sequence[TimeChange],
) -> None:
    # The episode's length follows its latest end only when that end moved, so an audio
    # length longer than the transcript (set by fit_estimated_times) is left alone.
    old_end = max(line.end_ms for line in old)
    new_end = max(line.end_ms for line in new)
    if new_end != old_end:
        connection.execute(
            update(EPISODE).where(EPISODE.c.id == episode_id).values(duration_ms=new_end)
        )


def _max_end(connection: Connection, episode_id: int) -> int:
    return int(connection.execute(
        select(func.max(SEGMENT.c.end_ms)).where(SEGMENT.c.episode_id == episode_id)
    ).scalar_one() or 0)
