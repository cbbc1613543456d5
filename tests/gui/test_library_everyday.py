"""Issue 12 item 8: the library tells same-title episodes apart, shows search hits without raw
Markdown and with the ~ of estimated times, says when audio is missing, and starts afresh."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from helpers.windows import DEMO_AUDIO, WindowFactory
from meelezer.ui.library_dialog import LibraryDialog
from meelezer.ui.library_model import FILES, TITLE
from meelezer.ui.main_window import MainWindow


def _hit_labels(dialog: LibraryDialog) -> list[str]:
    labels = []
    for row in range(dialog.results.count()):
        widget = dialog.results.itemWidget(dialog.results.item(row))
        assert isinstance(widget, QLabel)
        labels.append(widget.text())
    return labels


def _second_copy(demo: Path, tmp_path: Path, name: str) -> Path:
    """The demo under another name, one line longer (another transcript, the same title)."""
    folder = tmp_path / name
    folder.mkdir()
    copy = folder / f"{name}.txt"
    copy.write_text(demo.read_text(encoding="utf-8") + "\n[700.00 --> 702.00]  Tot de "
                    "volgende keer.\n", encoding="utf-8")
    shutil.copy(demo.parent / DEMO_AUDIO, folder / f"{name}.opus")
    return copy


def test_episodes_with_the_same_title_can_be_told_apart(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    assert window.open_paths([demo])
    assert window.open_paths([_second_copy(demo, tmp_path, "rerun")])
    dialog = window.library_controller.show()
    titles = [dialog.model.index(row, TITLE).data() for row in range(dialog.model.rowCount())]
    assert len(titles) == 2 and len(set(titles)) == 2, titles
    assert any("rerun" in title for title in titles)
    dialog.search_now("wietse")
    labels = _hit_labels(dialog)
    assert any("rerun" in label for label in labels)
    assert any("rerun" not in label for label in labels)


def test_search_hits_show_notes_without_markdown(make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    assert window.open_paths([demo])
    window.annotator.add_note(5_000, text="**Zeldzaamheid**: de _kern_ van `het` verhaal")
    dialog = window.library_controller.show()
    dialog.search_now("zeldzaamheid")
    [label] = _hit_labels(dialog)
    assert "**" not in label and "`" not in label and "_kern_" not in label, label
    assert "<b>Zeldzaamheid</b>" in label


def _untimed(demo: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "untimed"
    folder.mkdir()
    text = re.sub(r"^\[[^\]]*\]\s*", "", demo.read_text(encoding="utf-8"), flags=re.MULTILINE)
    (folder / "plain.txt").write_text(text, encoding="utf-8")
    return folder / "plain.txt"


def test_search_hits_keep_the_tilde_of_estimated_times(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    assert window.open_paths([_untimed(demo, tmp_path)])
    assert window.episode is not None and window.episode.episode.times_estimated
    dialog = window.library_controller.show()
    dialog.search_now("wietse")
    labels = _hit_labels(dialog)
    assert labels and all(re.search(r"· ~\d+:\d\d", label) for label in labels), labels


def test_the_files_column_says_when_there_is_no_audio(
        make_window: WindowFactory, demo: Path, tmp_path: Path) -> None:
    window = make_window()
    assert window.open_paths([_untimed(demo, tmp_path)])  # no audio beside it
    dialog = window.library_controller.show()
    assert dialog.model.index(0, FILES).data() == "no audio"


def _reopen(window: MainWindow, qtbot: QtBot) -> LibraryDialog:
    dialog = window.library_controller.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_reopening_the_library_clears_the_query_and_focuses_the_search(
        make_window: WindowFactory, demo: Path, qtbot: QtBot) -> None:
    window = make_window()
    assert window.open_paths([demo])
    dialog = _reopen(window, qtbot)
    dialog.search_now("wietse")
    dialog.hide()
    dialog = _reopen(window, qtbot)
    assert dialog.search_field.text() == ""
    assert dialog.table.isVisible()  # the episode list, not old results
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.search_field)


def test_markdown_marks_come_out_and_match_spans_follow() -> None:
    from meelezer.ui.note_text import without_markdown_marks

    text = "## Kop\n- **vet** en _schuin_, [link](https://x.nl) en snake_case `code`"
    start = text.index("vet")
    plain, spans = without_markdown_marks(text, ((start, start + 3),))
    assert plain == "Kop\nvet en schuin, link en snake_case code"
    assert [plain[a:b] for a, b in spans] == ["vet"]
