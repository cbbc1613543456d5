"""The notes panel and note rendering: entries, filter, jump, edit, delete, safe Markdown."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from meelezer.store.rows import NoteRow
from meelezer.ui.note_text import note_preview, render_note_markdown
from meelezer.ui.notes_panel import EMPTY_HINT, FILTERED_HINT, NotesPanel

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def note(note_id: int, time_ms: int, kind: str, text: str = "",
         color: str | None = None) -> NoteRow:
    end = time_ms + 5_000 if kind == "highlight" else None
    return NoteRow(note_id, 7, time_ms, kind, text, color, end, NOW, NOW)


NOTES = [
    note(1, 12_000, "bookmark"),
    note(2, 65_000, "note", "**Grok 3** claims\n\nsecond paragraph"),
    note(3, 130_000, "highlight", "", "#e8b923"),
    note(4, 3_700_000, "note", "Last thought"),
    note(5, 3_800_000, "bookmark", "Outro"),
]
QUOTES = {3: "Dus het model denkt langer na"}


@pytest.fixture
def panel(qtbot: QtBot) -> NotesPanel:
    widget = NotesPanel()
    qtbot.addWidget(widget)
    widget.set_notes(NOTES, QUOTES)
    widget.resize(360, 480)
    widget.show()
    return widget


def click(panel: NotesPanel, note_id: int, qtbot: QtBot) -> None:
    index = panel.model.index(panel.model.row_of(note_id))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.view.visualRect(index).center())


def shown(panel: NotesPanel) -> list[str]:
    return [str(panel.model.index(row).data()) for row in range(panel.model.rowCount())]


def test_model_passes_the_model_tester(panel: NotesPanel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(panel.model)


def test_entries_show_text_quote_or_kind(panel: NotesPanel) -> None:
    assert shown(panel) == ["Bookmark", "Grok 3 claims second paragraph",
                            "“Dus het model denkt langer na”", "Last thought", "Outro"]
    accessible = panel.model.index(3).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == "Note at 1:01:40: Last thought"


def test_hint_shows_only_when_there_are_no_notes(panel: NotesPanel) -> None:
    assert panel.hint.isHidden() and not panel.view.isHidden()
    panel.set_notes([])
    assert not panel.hint.isHidden() and panel.view.isHidden()
    assert panel.hint.text() == EMPTY_HINT
    assert panel.editor_area.isHidden()


def test_filter_toggles_hide_kinds(panel: NotesPanel, qtbot: QtBot) -> None:
    qtbot.mouseClick(panel.filters["bookmark"], Qt.MouseButton.LeftButton)
    assert panel.visible_note_ids() == [2, 3, 4]
    qtbot.mouseClick(panel.filters["note"], Qt.MouseButton.LeftButton)
    assert panel.visible_note_ids() == [3]
    qtbot.mouseClick(panel.filters["highlight"], Qt.MouseButton.LeftButton)
    assert panel.visible_note_ids() == []
    assert not panel.hint.isHidden() and panel.hint.text() == FILTERED_HINT
    qtbot.mouseClick(panel.filters["bookmark"], Qt.MouseButton.LeftButton)
    assert panel.visible_note_ids() == [1, 5]
    assert panel.hint.isHidden()


def test_click_jumps_and_opens_the_editor(panel: NotesPanel, qtbot: QtBot) -> None:
    assert panel.editor_area.isHidden()
    with qtbot.waitSignal(panel.jump_requested) as blocker:
        click(panel, 2, qtbot)
    assert blocker.args == [65_000]
    assert not panel.editor_area.isHidden()
    assert panel.editor.toPlainText() == NOTES[1].text
    assert panel.editor_title.text() == "Note at 1:05"


def test_enter_jumps(panel: NotesPanel, qtbot: QtBot) -> None:
    panel.select_note(4)
    with qtbot.waitSignal(panel.jump_requested) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [3_700_000]


def test_save_with_ctrl_return_and_button(panel: NotesPanel, qtbot: QtBot) -> None:
    click(panel, 5, qtbot)
    qtbot.keyClicks(panel.editor, " and credits")
    with qtbot.waitSignal(panel.edit_requested) as blocker:
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [5, "Outro and credits"]
    with qtbot.waitSignal(panel.edit_requested) as blocker:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [5, "Outro and credits"]


def test_delete_by_button_and_key(panel: NotesPanel, qtbot: QtBot) -> None:
    click(panel, 3, qtbot)
    with qtbot.waitSignal(panel.delete_requested) as blocker:
        qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [3]
    with qtbot.waitSignal(panel.delete_requested) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert blocker.args == [3]


def test_refresh_keeps_selection_and_unsaved_text(panel: NotesPanel, qtbot: QtBot) -> None:
    click(panel, 4, qtbot)
    fresh = [*NOTES[:3], note(4, 3_700_000, "note", "Changed elsewhere"), NOTES[4]]
    panel.set_notes([note(9, 1_000, "note", "New first"), *fresh], QUOTES)
    assert panel.current_note_id() == 4
    assert panel.editor.toPlainText() == "Changed elsewhere"  # nothing typed: follow the data
    qtbot.keyClicks(panel.editor, "!")
    panel.set_notes(fresh, QUOTES)
    assert panel.current_note_id() == 4
    assert panel.editor.toPlainText() == "Changed elsewhere!"  # typed: keep the draft
    panel.set_notes([n for n in NOTES if n.id != 4], QUOTES)
    assert panel.current_note_id() is None and panel.editor_area.isHidden()


def test_markdown_shows_no_remote_images() -> None:
    html = render_note_markdown("look ![x](http://evil/x.png) and ![y](https://evil/y.png)")
    assert "<img" not in html and "evil" not in html
    assert "[image: x]" in html


def test_markdown_runs_no_html_or_scripts() -> None:
    html = render_note_markdown("<script>alert(1)</script> <b onclick=x>hi</b> [a](javascript:x)")
    assert "<script" not in html.lower() and "<b " not in html
    assert "&lt;script&gt;" in html
    assert "javascript" not in html


def test_markdown_renders_bold_and_links() -> None:
    html = render_note_markdown("**bold** and [site](https://example.org)")
    assert "font-weight:700;\">bold</span>" in html
    assert 'href="https://example.org"' in html


def test_preview_is_one_plain_line() -> None:
    assert note_preview("# Title\n\n- **one**\n- two") == "Title one two"
    long = note_preview("word " * 60, max_chars=30)
    assert long.endswith("…") and len(long) <= 30 and "  " not in long
    assert note_preview("") == ""
