"""What the timeline shows: lines with their speakers, marks, the audio analysis; no widgets.

Both strips draw from one ``TimelineContent``; its ``version`` goes up with every change,
so a strip knows when its cached picture is stale.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meelezer.audio.analysis import AudioAnalysis
from meelezer.store.rows import NoteRow
from meelezer.transcript.timing import segment_index_at
from meelezer.ui.transcript_model import LineItem

if TYPE_CHECKING:
    from meelezer.ui.timeline.sync_preview import SyncPreview


class MarkKind(enum.Enum):
    NOTE = "note"
    BOOKMARK = "bookmark"
    HIGHLIGHT = "highlight"
    FIND = "find"
    VOICE = "voice"  # check labels: the voice does not sound like the line's speaker
    NOT_IN_AUDIO = "not-in-audio"  # Sync to audio did not find the line in the audio


@dataclass(frozen=True, slots=True)
class Mark:
    """Something to jump to: a note, bookmark or highlight (``end_ms`` set), or a find hit."""

    kind: MarkKind
    time_ms: int
    end_ms: int | None = None
    text: str = ""
    color: str | None = None  # a highlight's "#rrggbb"


def marks_from_notes(notes: Iterable[NoteRow]) -> list[Mark]:
    kinds = {"note": MarkKind.NOTE, "bookmark": MarkKind.BOOKMARK,
             "highlight": MarkKind.HIGHLIGHT}
    return [Mark(kinds[note.kind], note.time_ms, note.end_ms, note.text, note.color)
            for note in notes if note.kind in kinds]


class TimelineContent:
    """The episode as the timeline sees it, kept sorted for lookups by time."""

    def __init__(self) -> None:
        self.version = 0
        self.lines: list[LineItem] = []
        self._starts: list[int] = []
        self.notes: list[Mark] = []  # notes, bookmarks and highlights, by time
        self.finds: list[Mark] = []  # one per line with a find match
        self.voice_checks: list[Mark] = []  # lines whose voice is not their speaker's
        self.not_in_audio: list[Mark] = []  # lines Sync to audio did not find
        self.analysis: AudioAnalysis | None = None
        self.audio_duration_ms = 0  # as the player (or the analysis) knows it
        self._note_times: list[int] = []
        self._find_times: list[int] = []
        self.sync_preview: SyncPreview | None = None  # Sync to audio's result, not yet applied

    # --- changes ---------------------------------------------------------------------------

    def set_lines(self, lines: Sequence[LineItem]) -> None:
        self.lines = list(lines)
        self._index_starts()
        self._mark_not_in_audio()
        self.finds = []
        self._find_times = []
        self.version += 1

    def replace_lines(self, changed: dict[int, LineItem]) -> None:
        """New items for some rows: a label or a correction, or new times (tap-to-sync,
        estimated times fitted to the audio), after which the lookup by time is rebuilt."""
        retimed = flagged = False
        for row, line in changed.items():
            if 0 <= row < len(self.lines):
                old = self.lines[row]
                retimed |= old.start_ms != line.start_ms
                flagged |= old.not_in_audio or line.not_in_audio
                self.lines[row] = line
        if retimed:
            self._index_starts()
        if flagged:
            self._mark_not_in_audio()
        self.version += 1

    def _mark_not_in_audio(self) -> None:
        self.not_in_audio = [Mark(MarkKind.NOT_IN_AUDIO, line.start_ms, line.end_ms, line.text)
                             for line in self.lines if line.not_in_audio]

    def _index_starts(self) -> None:
        starts: list[int] = []
        latest = -(2**62)
        for line in self.lines:  # a running maximum keeps them sorted, as the model does
            latest = max(latest, line.start_ms)
            starts.append(latest)
        self._starts = starts

    def set_notes(self, notes: Iterable[NoteRow]) -> None:
        self.notes = sorted(marks_from_notes(notes), key=lambda mark: mark.time_ms)
        self._note_times = [mark.time_ms for mark in self.notes]
        self.version += 1

    def set_find_rows(self, rows: Iterable[int]) -> None:
        self.finds = [Mark(MarkKind.FIND, self.lines[row].start_ms, self.lines[row].end_ms,
                           self.lines[row].text)
                      for row in sorted(set(rows)) if 0 <= row < len(self.lines)]
        self._find_times = [mark.time_ms for mark in self.finds]
        self.version += 1

    def set_voice_checks(self, marks: Iterable[Mark]) -> None:
        self.voice_checks = sorted(marks, key=lambda mark: mark.time_ms)
        self.version += 1

    def set_analysis(self, analysis: AudioAnalysis | None) -> None:
        self.analysis = analysis
        self.version += 1

    def set_sync_preview(self, preview: SyncPreview | None) -> None:
        self.sync_preview = preview
        self.version += 1

    def set_audio_duration(self, duration_ms: int) -> None:
        if duration_ms != self.audio_duration_ms:
            self.audio_duration_ms = max(0, duration_ms)
            self.version += 1

    # --- questions -------------------------------------------------------------------------

    def duration_ms(self) -> int:
        """The episode's length: the audio's when known, else where the last line ends."""
        analysed = self.analysis.duration_ms if self.analysis is not None else 0
        last_end = max((line.end_ms for line in self.lines[-50:]), default=0)
        return max(self.audio_duration_ms, analysed, last_end, 1)

    def row_at(self, time_ms: float) -> int:
        """The line spoken at ``time_ms`` (the last one started), -1 before the first."""
        return segment_index_at(self._starts, int(time_ms))

    def line_at(self, time_ms: float) -> LineItem | None:
        row = self.row_at(time_ms)
        if row < 0:
            return None
        line = self.lines[row]
        # In a pause after a line ends there is nobody to name.
        return line if time_ms < max(line.end_ms, line.start_ms + 1) else None

    def rows_between(self, start_ms: float, end_ms: float) -> range:
        """Rows of the lines that may show in start..end (those started before its end)."""
        first = max(0, self.row_at(start_ms))
        # Lines are short next to any window, but a long line before ``first`` may still
        # reach in: look a few rows back.
        first = max(0, first - 2)
        return range(first, bisect_left(self._starts, int(end_ms) + 1))

    def marks_between(self, start_ms: float, end_ms: float) -> list[Mark]:
        """Notes (highlights reaching in too) and find hits in start..end, in time order."""
        found = [mark for mark in self.finds[bisect_left(self._find_times, int(start_ms)):
                                             bisect_right(self._find_times, int(end_ms))]]
        first = bisect_left(self._note_times, int(start_ms))
        # Highlights that start before the window but reach into it.
        found.extend(mark for mark in self.notes[:first]
                     if mark.end_ms is not None and mark.end_ms > start_ms)
        found.extend(self.notes[first:bisect_right(self._note_times, int(end_ms))])
        found.extend(mark for mark in self.voice_checks if start_ms <= mark.time_ms <= end_ms)
        found.extend(mark for mark in self.not_in_audio if start_ms <= mark.time_ms <= end_ms)
        found.sort(key=lambda mark: mark.time_ms)
        return found
