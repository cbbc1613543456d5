"""The transcript's lines as a Qt list model: content only, never playback state."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from meelezer.transcript.model import Word
from meelezer.transcript.timecode import format_clock
from meelezer.transcript.timing import segment_index_at

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class LineItem:
    """One transcript line as the view shows it."""

    segment_id: int
    start_ms: int
    end_ms: int
    text: str
    speaker: str | None = None
    speaker_color: str | None = None  # "#rrggbb"; None lets the theme pick one
    times_estimated: bool = False
    words: tuple[Word, ...] = ()  # empty: the delegate spreads the line's time over its words
    highlight_color: str | None = None  # "#rrggbb" of a quote highlight over the whole line
    has_note: bool = False  # a note is attached: a marker by the time
    edited: bool = False  # the text was corrected (the original is kept elsewhere)
    not_in_audio: bool = False  # Sync to audio did not find it: it kept its old time


class LineRole(IntEnum):
    """Custom data roles; DisplayRole is the text."""

    ITEM = Qt.ItemDataRole.UserRole + 1
    START_MS = Qt.ItemDataRole.UserRole + 2
    SPEAKER = Qt.ItemDataRole.UserRole + 3
    TIMES_ESTIMATED = Qt.ItemDataRole.UserRole + 4
    SPEAKER_CHANGES = Qt.ItemDataRole.UserRole + 5  # speaker differs from the previous row's
    END_MS = Qt.ItemDataRole.UserRole + 6
    SEGMENT_ID = Qt.ItemDataRole.UserRole + 7


class TranscriptModel(QAbstractListModel):
    """A flat list of ``LineItem``s in start-time order.

    Which line and word are current is kept by the view, not here: a ``dataChanged`` per
    highlight step would make the view re-lay out rows 60 times a second.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[LineItem] = []
        self._starts: list[int] = []
        self._speaker_changes: list[bool] = []

    # --- content -------------------------------------------------------------------------

    def set_lines(self, lines: list[LineItem]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._index_lines()
        self.endResetModel()

    def replace_lines(self, changed: dict[int, LineItem]) -> list[int]:
        """Put new items in place by row and emit ``dataChanged`` per run of adjacent rows
        that changed (one signal for a whole retimed episode: each one re-indexes the
        timeline).

        The rows returned are the ones whose data changed: those given, plus a following
        row whose "speaker changes" flag flipped with them. Rows out of range are ignored.
        """
        valid = {row: item for row, item in changed.items() if 0 <= row < len(self._lines)}
        if not valid:
            return []
        old_changes = list(self._speaker_changes)
        same_starts = all(self._lines[row].start_ms == item.start_ms for row, item in valid.items())
        for row, item in valid.items():
            self._lines[row] = item
        if same_starts:  # a label or a correction: only these rows' and the next flags move
            for row in {r for changed_row in valid for r in (changed_row, changed_row + 1)}:
                if row < len(self._lines):
                    self._speaker_changes[row] = self._speaker_change_at(row)
        else:
            self._index_lines()
        rows = set(valid)
        rows.update(row + 1 for row in valid if row + 1 < len(self._lines)
                    and old_changes[row + 1] != self._speaker_changes[row + 1])
        ordered = sorted(rows)
        for first, last in row_runs(ordered):
            self.dataChanged.emit(self.index(first, 0), self.index(last, 0))
        return ordered

    def _index_lines(self) -> None:
        # A running maximum keeps the list sorted for bisection even if a hand-edited file
        # has a line starting before its predecessor; such a line then simply follows it.
        starts: list[int] = []
        latest = -(2**62)
        for line in self._lines:
            latest = max(latest, line.start_ms)
            starts.append(latest)
        self._starts = starts
        changes: list[bool] = []
        previous: str | None = None
        for line in self._lines:
            changes.append(line.speaker is not None and line.speaker != previous)
            previous = line.speaker
        self._speaker_changes = changes

    def _speaker_change_at(self, row: int) -> bool:
        speaker = self._lines[row].speaker
        previous = self._lines[row - 1].speaker if row > 0 else None
        return speaker is not None and speaker != previous

    def lines(self) -> list[LineItem]:
        return list(self._lines)

    def line(self, row: int) -> LineItem:
        return self._lines[row]

    def speaker_changes(self, row: int) -> bool:
        return self._speaker_changes[row]

    def row_at_time(self, position_ms: int) -> int:
        """The row playing at ``position_ms``: the last line started by then; -1 before all.

        In a pause between lines the previous line stays current; where lines overlap the
        later-starting one wins.
        """
        return segment_index_at(self._starts, position_ms)

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    # flags() is deliberately not overridden: QAbstractListModel's (C++) already gives
    # enabled | selectable | never-has-children, and QTreeView asks it several times per
    # row while laying out, where a Python override costs 0.4 s at 50,000 rows.

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        row = index.row()
        if not 0 <= row < len(self._lines):
            return None
        line = self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return line.text
        if role == LineRole.ITEM:
            return line
        if role == LineRole.START_MS:
            return line.start_ms
        if role == LineRole.END_MS:
            return line.end_ms
        if role == LineRole.SPEAKER:
            return line.speaker
        if role == LineRole.TIMES_ESTIMATED:
            return line.times_estimated
        if role == LineRole.SPEAKER_CHANGES:
            return self._speaker_changes[row]
        if role == LineRole.SEGMENT_ID:
            return line.segment_id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(line)
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role in LineRole:
            names[int(role)] = QByteArray(role.name.lower().encode("ascii"))
        return names

    @staticmethod
    def _spoken(line: LineItem) -> str:
        """What a screen reader says for a row: time, speaker, and the text."""
        clock = format_clock(line.start_ms)
        if line.times_estimated:
            clock = QCoreApplication.translate("TranscriptView", "about {time}").format(time=clock)
        who = f", {line.speaker}" if line.speaker else ""
        if line.not_in_audio:
            clock = QCoreApplication.translate(
                "TranscriptView", "{time}, not found in the audio").format(time=clock)
        return f"{clock}{who}: {line.text}"


def row_runs(rows: list[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in the sorted ``rows``."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
