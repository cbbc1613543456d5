"""TranscriptModel: Qt model contract, roles, speaker changes and finding the line at a time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from meelezer.transcript.model import Word
from meelezer.ui.transcript_model import LineItem, LineRole, TranscriptModel


def _line(row: int, start: int, end: int, speaker: str | None = None, **extra: object) -> LineItem:
    return LineItem(row + 1, start, end, f"Regel {row} met wat woorden", speaker, None,
                    **extra)  # type: ignore[arg-type]


@pytest.fixture
def lines() -> list[LineItem]:
    # 0-4 s, 4-9 s, a gap 9-12 s, 12-20 s overlapped by a line starting at 15 s.
    return [
        _line(0, 0, 4_000, "Milo"),
        _line(1, 4_000, 9_000, "Milo", times_estimated=True),
        _line(2, 12_000, 20_000, "Wietse",
              words=(Word("Regel", 12_000, 12_500), Word("2", 12_600, 13_000))),
        _line(3, 15_000, 18_000, None),
        _line(4, 18_000, 25_000, "Wietse"),
    ]


@pytest.fixture
def model(lines: list[LineItem]) -> TranscriptModel:
    model = TranscriptModel()
    model.set_lines(lines)
    return model


def test_model_passes_the_qt_model_tester(qtmodeltester: ModelTester,
                                          model: TranscriptModel) -> None:
    qtmodeltester.check(model)


def test_empty_model_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(TranscriptModel())


def test_roles_give_the_line_and_its_fields(model: TranscriptModel,
                                            lines: list[LineItem]) -> None:
    index = model.index(1, 0)
    assert model.rowCount() == 5
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Regel 1 met wat woorden"
    assert index.data(LineRole.ITEM) is lines[1]
    assert index.data(LineRole.START_MS) == 4_000
    assert index.data(LineRole.END_MS) == 9_000
    assert index.data(LineRole.SPEAKER) == "Milo"
    assert index.data(LineRole.TIMES_ESTIMATED) is True
    assert index.data(LineRole.SEGMENT_ID) == 2
    assert model.line(2) is lines[2]
    assert model.roleNames()[int(LineRole.ITEM)].data() == b"item"


def test_accessible_text_says_time_speaker_and_text(model: TranscriptModel) -> None:
    spoken = model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "about 0:04, Milo: Regel 1 met wat woorden"


def test_speaker_changes_only_where_the_speaker_differs(model: TranscriptModel) -> None:
    changes = [model.index(row, 0).data(LineRole.SPEAKER_CHANGES) for row in range(5)]
    # Milo, Milo, Wietse, (nobody), Wietse: a line without speaker shows no chip, and the
    # speaker after it is announced again.
    assert changes == [True, False, True, False, True]


@pytest.mark.parametrize(("position_ms", "row"), [
    (-1, -1),        # before the first line
    (0, 0),          # exactly at the first start
    (3_999, 0),      # just before the next line
    (4_000, 1),      # exactly at a start
    (10_500, 1),     # in the gap after line 1: it stays current
    (12_000, 2),
    (15_000, 3),     # overlap: the later-starting line wins
    (17_999, 3),
    (18_000, 4),
    (99_000, 4),     # after the last line
])
def test_row_at_time(model: TranscriptModel, position_ms: int, row: int) -> None:
    assert model.row_at_time(position_ms) == row


def test_row_at_time_with_no_lines() -> None:
    assert TranscriptModel().row_at_time(5_000) == -1


def test_a_line_starting_before_its_predecessor_does_not_break_the_search() -> None:
    model = TranscriptModel()
    model.set_lines([_line(0, 0, 5_000), _line(1, 10_000, 12_000), _line(2, 9_000, 11_000),
                     _line(3, 20_000, 22_000)])
    assert model.row_at_time(15_000) == 2
    assert model.row_at_time(20_500) == 3


def test_set_lines_resets_without_data_changed(qtbot: QtBot, model: TranscriptModel,
                                               lines: list[LineItem]) -> None:
    changed: list[object] = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=1000):
        model.set_lines(lines[:2])
    assert model.rowCount() == 2
    assert changed == []


def test_items_are_selectable_and_never_have_children(model: TranscriptModel) -> None:
    flags = model.flags(model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsSelectable
    assert flags & Qt.ItemFlag.ItemNeverHasChildren
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_replacing_many_rows_tells_one_range_per_run_of_rows() -> None:
    """Sync to audio retimes every line at once: one dataChanged per run of adjacent rows,
    not one per row (the timeline re-indexes all lines on each; per row that was 5 s on
    seed 003's 2,233 lines, 2 minutes on 20,000)."""
    model = TranscriptModel()
    model.set_lines([_line(row, row * 1_000, row * 1_000 + 900) for row in range(10)])
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    moved = {row: _line(row, row * 1_000 + 300, row * 1_000 + 1_200)
             for row in (0, 1, 2, 3, 6, 7, 9)}
    assert model.replace_lines(moved) == [0, 1, 2, 3, 6, 7, 9]
    assert changed == [(0, 3), (6, 7), (9, 9)]
    assert [model.line(row).start_ms for row in (3, 4, 6)] == [3_300, 4_000, 6_300]
