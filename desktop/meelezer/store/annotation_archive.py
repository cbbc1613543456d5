"""Moving annotations to another library as one JSON file, matched by transcript hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, or_, select, update

from meelezer.atomic_write import write_text_atomically
from meelezer.os_errors import reason
from meelezer.store.archive_schema import (
    ARCHIVE_FORMAT,
    ARCHIVE_VERSION,
    Archive,
    ArchivedCorrection,
    ArchivedEpisode,
    ArchivedNote,
    ArchivedSpeaker,
    ArchivedTimes,
    ArchiveInvalid,
    ArchiveTooNew,
    LineRef,
    parse_archive,
)
from meelezer.store.database import Database
from meelezer.store.episodes import refuse_library_file
from meelezer.store.errors import StoreError, episode_not_found
from meelezer.store.speakers import next_color
from meelezer.store.tables import (
    EPISODE,
    NOTE,
    NOTE_KINDS,
    SEGMENT,
    SPEAKER,
    WORD,
    inserted_id,
    utc_now,
)
from meelezer.texts import translate

__all__ = ["ARCHIVE_FORMAT", "ARCHIVE_VERSION", "ArchiveReport", "export_annotations",
           "import_annotations", "text_hash"]



@dataclass(slots=True)
class ArchiveReport:
    """What ``import_annotations`` did; ``problems`` are lines or items it could not place."""

    episodes_imported: list[str] = field(default_factory=list)  # titles
    episodes_skipped: list[str] = field(default_factory=list)  # titles not in this library
    notes_added: int = 0
    notes_already_present: int = 0
    speakers_added: int = 0
    lines_labelled: int = 0
    lines_corrected: int = 0
    lines_retimed: int = 0
    problems: list[str] = field(default_factory=list)


def text_hash(text: str) -> str:
    """The sha256 (hex) of a line's reader text, which identifies the line with its position."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- export ----------------------------------------------------------------------------------


def export_annotations(db: Database, path: Path, episode_ids: Sequence[int] | None = None) -> None:
    """Write the annotations of ``episode_ids`` (None: every episode) to ``path`` as JSON.

    The file is written atomically. Raises ``StoreError`` for an unknown episode id, a
    failed write, or a ``path`` that is one of the library's own transcripts or audio.
    """
    refuse_library_file(db, path)
    with db.session() as session:
        connection = session.connection()
        query = select(EPISODE.c.id).order_by(EPISODE.c.id)
        if episode_ids is not None:
            query = query.where(EPISODE.c.id.in_(list(episode_ids)))
        ids = list(connection.execute(query).scalars())
        missing = set(episode_ids or ()) - set(ids)
        if missing:
            raise episode_not_found(min(missing), db.path)
        episodes = [_export_episode(connection, episode_id) for episode_id in ids]
    document = {
        "format": ARCHIVE_FORMAT,
        "version": ARCHIVE_VERSION,
        "exported_at": utc_now().isoformat(),
        "episodes": episodes,
    }
    _write_atomically(db, path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def _export_episode(connection: Connection, episode_id: int) -> dict[str, Any]:
    episode = connection.execute(
        select(EPISODE.c.transcript_hash, EPISODE.c.title, EPISODE.c.show_id,
               EPISODE.c.duration_ms, EPISODE.c.times_estimated)
        .where(EPISODE.c.id == episode_id)
    ).one()
    lines = connection.execute(
        select(SEGMENT.c.id, SEGMENT.c.position, SEGMENT.c.start_ms, SEGMENT.c.end_ms,
               SEGMENT.c.text, SEGMENT.c.original_text, SEGMENT.c.speaker_id,
               SEGMENT.c.times_estimated, SEGMENT.c.time_set_by_user, SEGMENT.c.found_in_audio)
        .where(SEGMENT.c.episode_id == episode_id)
        .order_by(SEGMENT.c.position)
    ).all()
    scope = SPEAKER.c.episode_id == episode_id
    if episode.show_id is not None:
        scope = or_(scope, SPEAKER.c.show_id == episode.show_id)
    speakers = connection.execute(
        select(SPEAKER.c.id, SPEAKER.c.name, SPEAKER.c.color, SPEAKER.c.hotkey)
        .where(scope).order_by(SPEAKER.c.name, SPEAKER.c.id)
    ).all()

    def ref(line: Any) -> dict[str, Any]:
        # The reader's text, which both libraries share whatever was corrected since.
        reader_text = line.original_text if line.original_text is not None else line.text
        return {"position": line.position, "start_ms": line.start_ms,
                "text_sha256": text_hash(reader_text)}

    notes = connection.execute(
        select(NOTE.c.time_ms, NOTE.c.end_ms, NOTE.c.kind, NOTE.c.text, NOTE.c.color,
               NOTE.c.created_at, NOTE.c.updated_at)
        .where(NOTE.c.episode_id == episode_id).order_by(NOTE.c.time_ms, NOTE.c.id)
    ).all()
    # Tap-to-sync and fitting to the audio move estimated lines (and a file-timed line's
    # end) as well as the tapped one, so when any line was re-timed every line's times go;
    # so do they once the episode was synced to its audio (which may clear "estimated").
    synced = any(line.found_in_audio is not None for line in lines)
    retimed = synced or episode.times_estimated or any(line.time_set_by_user for line in lines)
    # Sync to audio's word times drive the word highlight: a synced episode's lines take
    # their words along (the transcript's own words are the same in both libraries).
    words = _words_by_line(connection, episode_id) if synced else {}
    return {
        "transcript_hash": episode.transcript_hash,
        "title": episode.title,
        "duration_ms": episode.duration_ms,
        "speakers": [
            {"name": speaker.name, "color": speaker.color, "hotkey": speaker.hotkey,
             "lines": [ref(line) for line in lines if line.speaker_id == speaker.id]}
            for speaker in speakers
        ],
        "notes": [
            {"time_ms": note.time_ms, "end_ms": note.end_ms, "kind": note.kind,
             "text": note.text, "color": note.color,
             "created_at": note.created_at.isoformat(), "updated_at": note.updated_at.isoformat()}
            for note in notes
        ],
        "corrections": [
            {"position": line.position, "start_ms": line.start_ms,
             "original_text": line.original_text, "text": line.text}
            for line in lines if line.original_text is not None
        ],
        "times": [
            {**ref(line), "end_ms": line.end_ms, "estimated": line.times_estimated,
             "set_by_user": line.time_set_by_user, "found_in_audio": line.found_in_audio,
             **({"words": words.get(line.id, [])} if synced else {})}
            for line in lines
        ] if retimed else [],
    }


def _words_by_line(connection: Connection, episode_id: int) -> dict[int, list[list[Any]]]:
    """Each line's words as [text, start_ms, end_ms, estimated], in order, by segment id."""
    words: dict[int, list[list[Any]]] = {}
    for segment_id, text, start_ms, end_ms, estimated in connection.execute(
            select(WORD.c.segment_id, WORD.c.text, WORD.c.start_ms, WORD.c.end_ms,
                   WORD.c.estimated)
            .join(SEGMENT, WORD.c.segment_id == SEGMENT.c.id)
            .where(SEGMENT.c.episode_id == episode_id)
            .order_by(WORD.c.segment_id, WORD.c.position)):
        words.setdefault(segment_id, []).append([text, start_ms, end_ms, bool(estimated)])
    return words


def _write_atomically(db: Database, path: Path, content: str) -> None:
    try:
        write_text_atomically(path, content)
    except OSError as error:
        raise StoreError(translate("Store", "Cannot write {path}: {reason}.").format(
            path=path, reason=reason(error)), db.path) from None


# -- import ----------------------------------------------------------------------------------


def import_annotations(db: Database, path: Path,
                       progress: Callable[[int, int], None] | None = None) -> ArchiveReport:
    """Apply the annotations in ``path`` to the matching episodes of this library.

    The whole file is checked against the archive schema (``archive_schema``) before
    anything is written. Episodes are matched by transcript hash; those not in this
    library are reported and skipped. Everything happens in one transaction, so a failure
    changes nothing. Notes already present (same kind, times and text) are not added
    again, so importing twice does not duplicate them. ``progress`` is told (episodes
    done, episodes in all) after each episode. Raises ``StoreError`` for an unreadable,
    invalid or unknown file.
    """
    archive = _read(path)
    report = ArchiveReport()
    total = len(archive.episodes)
    with db.session(write=True) as session:
        connection = session.connection()
        for done, entry in enumerate(archive.episodes, start=1):
            title = entry.title or entry.transcript_hash
            episode = connection.execute(
                select(EPISODE.c.id, EPISODE.c.show_id)
                .where(EPISODE.c.transcript_hash == entry.transcript_hash)
            ).one_or_none()
            if episode is None:
                report.episodes_skipped.append(title)
            else:
                _Importer(connection, episode.id, episode.show_id, title, report).run(entry)
                report.episodes_imported.append(title)
            if progress is not None:
                progress(done, total)
    return report


def _read(path: Path) -> Archive:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise StoreError(translate("Store", "Cannot read {path}: {reason}.").format(
            path=path, reason=reason(error)), path) from None
    try:
        return parse_archive(content)
    except ArchiveTooNew as error:
        raise StoreError(translate(
            "Store", "{path} was written by a newer Meelezer (format version {version}); "
            "update Meelezer to import it.",
        ).format(path=path, version=error.version), path) from None
    except ArchiveInvalid as error:
        if error.not_an_archive and str(error):
            raise StoreError(translate(
                "Store", "{path} is not a Meelezer annotations file ({problem}); nothing "
                "was imported.",
            ).format(path=path, problem=error), path) from None
        if error.not_an_archive:
            raise StoreError(translate("Store", "{path} is not a Meelezer annotations file.")
                             .format(path=path), path) from None
        raise StoreError(translate(
            "Store", "{path} is not a valid Meelezer annotations file ({problem}); nothing "
            "was imported.",
        ).format(path=path, problem=error), path) from None


class _Importer:
    """Applies one archived episode inside the caller's transaction."""

    def __init__(self, connection: Connection, episode_id: int, show_id: int | None,
                 title: str, report: ArchiveReport) -> None:
        self.connection = connection
        self.episode_id = episode_id
        self.show_id = show_id
        self.title = title
        self.report = report
        rows = connection.execute(
            select(SEGMENT.c.id, SEGMENT.c.position, SEGMENT.c.start_ms, SEGMENT.c.text,
                   SEGMENT.c.original_text)
            .where(SEGMENT.c.episode_id == episode_id)
        ).all()
        self.by_position: dict[int, Any] = {row.position: row for row in rows}
        self.by_hash: dict[tuple[str, int], int] = {}
        for row in rows:
            reader = row.original_text if row.original_text is not None else row.text
            self.by_hash.setdefault((text_hash(reader), row.start_ms), row.id)

    def run(self, entry: ArchivedEpisode) -> None:
        self._speakers(entry.speakers)
        self._notes(entry.notes)
        self._corrections(entry.corrections)
        self._times(entry.times, entry.duration_ms)

    def _line(self, ref: LineRef) -> int | None:
        """The id of the line ``ref`` names: same position and reader text, else the line
        with that text and start (should the files differ after all); None when neither."""
        row = self.by_position.get(ref.position)
        if row is not None:
            reader = row.original_text if row.original_text is not None else row.text
            if text_hash(reader) == ref.text_sha256:
                return int(row.id)
        found = self.by_hash.get((ref.text_sha256, ref.start_ms))
        if found is None:
            self.report.problems.append(translate(
                "Store", "{title}: line {number} is not in this library's copy of the "
                "transcript; its annotation was skipped.",
            ).format(title=self.title, number=ref.position + 1))
        return found

    def _speakers(self, speakers: Sequence[ArchivedSpeaker]) -> None:
        connection = self.connection
        scope_episode = None if self.show_id is not None else self.episode_id
        scope = (SPEAKER.c.show_id == self.show_id if self.show_id is not None
                 else SPEAKER.c.episode_id == self.episode_id)
        # Own speakers of the episode count too: they are offered beside the show's.
        visible = or_(scope, SPEAKER.c.episode_id == self.episode_id)
        for speaker in speakers:
            name, hotkey, color = speaker.name, speaker.hotkey, speaker.color
            speaker_id = connection.execute(
                select(SPEAKER.c.id).where(visible, SPEAKER.c.name == name)
                .order_by(SPEAKER.c.episode_id.is_(None))
            ).scalars().first()
            if hotkey is not None:
                # Hotkeys are unique among the speakers offered together; the archive wins.
                connection.execute(
                    update(SPEAKER).where(visible, SPEAKER.c.hotkey == hotkey,
                                          SPEAKER.c.name != name).values(hotkey=None))
            if speaker_id is None:
                used = set(connection.execute(select(SPEAKER.c.color).where(scope)).scalars())
                speaker_id = inserted_id(connection.execute(insert(SPEAKER).values(
                    show_id=self.show_id, episode_id=scope_episode, name=name,
                    color=color or next_color(used), hotkey=hotkey)))
                self.report.speakers_added += 1
            else:
                values: dict[str, Any] = {"hotkey": hotkey}
                if color:
                    values["color"] = color
                connection.execute(
                    update(SPEAKER).where(SPEAKER.c.id == speaker_id).values(values))
            line_ids = [line for ref in speaker.lines if (line := self._line(ref)) is not None]
            if line_ids:
                connection.execute(
                    update(SEGMENT).where(SEGMENT.c.id == bindparam("segment_id"))
                    .values(speaker_id=speaker_id),
                    [{"segment_id": line} for line in line_ids])
                self.report.lines_labelled += len(line_ids)

    def _notes(self, notes: Sequence[ArchivedNote]) -> None:
        # The episode's notes are read once and the new ones inserted in one statement: a
        # query per archived note made a big archive quadratic (minutes for 150,000 notes).
        connection = self.connection
        present: set[tuple[str, int, int | None, str]] = {
            (kind, time_ms, end_ms, text) for kind, time_ms, end_ms, text in connection.execute(
                select(NOTE.c.kind, NOTE.c.time_ms, NOTE.c.end_ms, NOTE.c.text)
                .where(NOTE.c.episode_id == self.episode_id))}
        now = utc_now()
        new_rows = []
        for note in notes:
            kind = note.kind
            if kind not in NOTE_KINDS:
                self.report.problems.append(translate(
                    "Store", "{title}: skipped a note of unknown kind “{kind}”.",
                ).format(title=self.title, kind=kind))
                continue
            key = (kind, note.time_ms, note.end_ms, note.text)
            if key in present:
                self.report.notes_already_present += 1
                continue
            present.add(key)
            new_rows.append({
                "episode_id": self.episode_id, "time_ms": note.time_ms, "end_ms": note.end_ms,
                "kind": kind, "text": note.text, "color": note.color,
                "created_at": _when(note.created_at, now),
                "updated_at": _when(note.updated_at, now)})
        if new_rows:
            connection.execute(insert(NOTE), new_rows)
        self.report.notes_added += len(new_rows)

    def _corrections(self, corrections: Sequence[ArchivedCorrection]) -> None:
        for correction in corrections:
            original = correction.original_text
            line = self._line(LineRef(position=correction.position,
                                      start_ms=correction.start_ms,
                                      text_sha256=text_hash(original)))
            if line is None:
                continue
            self.connection.execute(
                update(SEGMENT).where(SEGMENT.c.id == line)
                .values(text=correction.text, original_text=original))
            self.report.lines_corrected += 1

    def _times(self, times: Sequence[ArchivedTimes], duration_ms: int | None) -> None:
        updates = []
        flags = []
        words: dict[int, list[tuple[str, int, int, bool]]] = {}
        for item in times:
            line = self._line(item)
            if line is None:
                continue
            updates.append({
                "segment_id": line, "new_start": item.start_ms, "new_end": item.end_ms,
                "new_estimated": item.estimated, "new_by_user": item.set_by_user})
            # Version 1 archives have neither: the library's own flags and words stay.
            if "found_in_audio" in item.model_fields_set:
                flags.append({"segment_id": line, "new_found": item.found_in_audio})
            if item.words is not None:
                words[line] = list(item.words)
        if not updates:
            return
        self.connection.execute(
            update(SEGMENT).where(SEGMENT.c.id == bindparam("segment_id"))
            .values(start_ms=bindparam("new_start"), end_ms=bindparam("new_end"),
                    times_estimated=bindparam("new_estimated"),
                    time_set_by_user=bindparam("new_by_user")),
            updates)
        if flags:
            self.connection.execute(
                update(SEGMENT).where(SEGMENT.c.id == bindparam("segment_id"))
                .values(found_in_audio=bindparam("new_found")), flags)
        self._replace_words(words)
        self.report.lines_retimed += len(updates)
        if duration_ms is not None:
            # The length fitted to the audio (or stretched by a tap) goes with the times.
            self.connection.execute(update(EPISODE).where(EPISODE.c.id == self.episode_id)
                                    .values(duration_ms=duration_ms))


    def _replace_words(self, words: dict[int, list[tuple[str, int, int, bool]]]) -> None:
        if not words:
            return
        # Straight to the driver, as Sync to audio writes them: 200,000 words at once.
        self.connection.exec_driver_sql("DELETE FROM word WHERE segment_id = ?",
                                        [(segment_id,) for segment_id in words])
        rows = [(segment_id, position, start_ms, end_ms, text, estimated)
                for segment_id, line_words in words.items()
                for position, (text, start_ms, end_ms, estimated) in enumerate(line_words)]
        if rows:
            self.connection.exec_driver_sql(
                "INSERT INTO word (segment_id, position, start_ms, end_ms, text, estimated) "
                "VALUES (?, ?, ?, ?, ?, ?)", rows)


def _when(value: str | None, default: datetime) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return default
    return parsed if parsed.tzinfo is not None else default
