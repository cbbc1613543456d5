"""The speakers panel: what each row says, and every request it makes by mouse and keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QLineEdit, QMenu, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from meelezer.store.rows import SpeakerRow
from meelezer.ui.speakers_panel import EMPTY_HINT, SpeakersPanel

WIETSE = SpeakerRow(1, "Wietse", "#3b7dd8", 1, 1, None)
ALEXANDER = SpeakerRow(2, "Alexander", "#d9822b", 2, 1, None)
RICK = SpeakerRow(3, "Rick Lamers", "#2e9e6a", None, None, 5)
SPEAKERS = [WIETSE, ALEXANDER, RICK]
TALK = {1: 1_500_000, 2: 1_100_000, 3: 900_000}
EPISODE_MS = 4_000_000


@pytest.fixture
def panel(qtbot: QtBot) -> SpeakersPanel:
    widget = SpeakersPanel()
    qtbot.addWidget(widget)
    widget.set_speakers(SPEAKERS, TALK, EPISODE_MS)
    widget.resize(320, 400)
    widget.show()
    return widget


def select(panel: SpeakersPanel, speaker_id: int) -> None:
    panel.select_speaker(speaker_id)
    panel.view.setFocus()


def action(menu: QMenu, *path: str) -> QMenu:
    """The action reached through submenus by their texts, e.g. ("Hotkey", "3")."""
    for text in path[:-1]:
        sub = next(a.menu() for a in menu.actions() if a.text() == text)
        assert isinstance(sub, QMenu)
        menu = sub
    found = next(a for a in menu.actions() if a.text() == path[-1])
    found.trigger()
    return menu


def index_of(panel: SpeakersPanel, speaker_id: int) -> QModelIndex:
    return panel.model.index(panel.model.row_of(speaker_id))


def test_model_passes_the_model_tester(panel: SpeakersPanel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(panel.model)


def test_rows_say_name_key_talk_time_and_share(panel: SpeakersPanel) -> None:
    assert panel.row_text(1) == "Wietse, key 1, 25:00, 38%"
    assert panel.row_text(2) == "Alexander, key 2, 18:20, 28%"
    assert panel.row_text(3) == "Rick Lamers, no key, 15:00, 22%"
    panel.set_speakers(SPEAKERS, {1: 2_000, 2: 5_000_000}, EPISODE_MS)
    assert panel.row_text(1).endswith("0:02, <1%")
    assert panel.row_text(2).endswith("1:23:20, 100%")  # clamped: never more than the episode
    assert panel.row_text(3).endswith("0:00, 0%")
    panel.set_speakers(SPEAKERS, TALK, 0)
    assert panel.row_text(1).endswith("25:00, 0%")


def test_hint_shows_only_when_there_are_no_speakers(panel: SpeakersPanel) -> None:
    assert panel.hint.isHidden() and not panel.view.isHidden()
    panel.set_speakers([], {}, EPISODE_MS)
    assert not panel.hint.isHidden() and panel.view.isHidden()
    assert panel.hint.text() == EMPTY_HINT


def test_refresh_keeps_the_same_speaker_selected(panel: SpeakersPanel) -> None:
    select(panel, 2)
    renamed = SpeakerRow(2, "Alex", "#d9822b", 2, 1, None)
    panel.set_speakers([renamed, WIETSE, RICK], TALK, EPISODE_MS)
    assert panel.current_speaker_id() == 2
    assert panel.view.currentIndex().row() == 0
    panel.set_speakers([WIETSE], TALK, EPISODE_MS)
    assert panel.current_speaker_id() is None


def test_add_by_button_and_enter(panel: SpeakersPanel, qtbot: QtBot) -> None:
    assert not panel.add_button.isEnabled()
    qtbot.keyClicks(panel.name_edit, "  Carla ")
    with qtbot.waitSignal(panel.add_requested) as blocker:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["Carla"]
    assert panel.name_edit.text() == ""
    qtbot.keyClicks(panel.name_edit, "Dirk")
    with qtbot.waitSignal(panel.add_requested) as blocker:
        qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    assert blocker.args == ["Dirk"]
    with qtbot.assertNotEmitted(panel.add_requested):
        qtbot.keyClicks(panel.name_edit, "   ")
        qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)


def _editor(panel: SpeakersPanel) -> QLineEdit:
    editor = panel.view.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    return editor


def test_rename_with_f2(panel: SpeakersPanel, qtbot: QtBot) -> None:
    select(panel, 3)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = _editor(panel)
    editor.selectAll()
    qtbot.keyClicks(editor, "Rick")
    with qtbot.waitSignal(panel.rename_requested) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert blocker.args == [3, "Rick"]


def test_rename_with_double_click_and_button(panel: SpeakersPanel, qtbot: QtBot) -> None:
    pos = panel.view.visualRect(index_of(panel, 1)).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    editor = _editor(panel)
    editor.selectAll()
    qtbot.keyClicks(editor, "Wietse Hage")
    with qtbot.waitSignal(panel.rename_requested) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert blocker.args == [1, "Wietse Hage"]

    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    editor = _editor(panel)
    with qtbot.assertNotEmitted(panel.rename_requested):  # unchanged or blank: nothing to ask
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_colour_from_dialog_and_direct(panel: SpeakersPanel, qtbot: QtBot,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with qtbot.waitSignal(panel.color_requested) as blocker:
        panel.request_color(2, "#FF8800")
    assert blocker.args == [2, "#ff8800"]
    with qtbot.assertNotEmitted(panel.color_requested):
        panel.request_color(2, "not a colour")
    monkeypatch.setattr(QColorDialog, "getColor",
                        lambda *args, **kwargs: QColor("#123456"))
    select(panel, 3)
    with qtbot.waitSignal(panel.color_requested) as blocker:
        qtbot.mouseClick(panel.color_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [3, "#123456"]


def test_merge_into_another_speaker(panel: SpeakersPanel, qtbot: QtBot) -> None:
    menu = panel.context_menu(1)
    with qtbot.waitSignal(panel.merge_requested) as blocker:
        sub = action(menu, "Merge into", "Rick Lamers")
    assert [a.text() for a in sub.actions()] == ["Alexander", "Rick Lamers"]
    assert blocker.args == [1, 3]
    select(panel, 2)
    button_menu = panel.merge_button.menu()
    assert panel.merge_button.isEnabled() and button_menu is not None
    with qtbot.waitSignal(panel.merge_requested) as blocker:
        action(button_menu, "Wietse")
    assert blocker.args == [2, 1]
    panel.set_speakers([WIETSE], TALK, EPISODE_MS)
    select(panel, 1)
    assert not panel.merge_button.isEnabled()


def test_hotkey_from_the_context_menu(panel: SpeakersPanel, qtbot: QtBot) -> None:
    menu = panel.context_menu(3)
    with qtbot.waitSignal(panel.hotkey_requested) as blocker:
        action(menu, "Hotkey", "3")
    assert blocker.args == [3, 3]
    hotkeys = next(a.menu() for a in panel.context_menu(1).actions() if a.text() == "Hotkey")
    assert isinstance(hotkeys, QMenu)
    assert [a.text() for a in hotkeys.actions() if a.isChecked()] == ["1"]
    with qtbot.waitSignal(panel.hotkey_requested) as blocker:
        action(hotkeys, "None")
    assert blocker.args == [1, None]


def test_delete_by_key_button_and_menu(panel: SpeakersPanel, qtbot: QtBot) -> None:
    select(panel, 2)
    with qtbot.waitSignal(panel.delete_requested) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert blocker.args == [2]
    with qtbot.waitSignal(panel.delete_requested) as blocker:
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [2]
    with qtbot.waitSignal(panel.delete_requested) as blocker:
        action(panel.context_menu(3), "Delete")
    assert blocker.args == [3]


def test_enter_and_menu_assign_the_speaker(panel: SpeakersPanel, qtbot: QtBot) -> None:
    select(panel, 1)
    with qtbot.waitSignal(panel.assign_requested) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [1]
    with qtbot.waitSignal(panel.assign_requested) as blocker:
        action(panel.context_menu(2), "Assign to selected lines")
    assert blocker.args == [2]


def test_everything_has_an_accessible_name(panel: SpeakersPanel) -> None:
    named: tuple[QWidget, ...] = (
        panel, panel.name_edit, panel.add_button, panel.view, panel.rename_button,
        panel.color_button, panel.merge_button, panel.delete_button, panel.hint)
    assert all(w.accessibleName() for w in named)
    assert panel.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole) == panel.row_text(1)
