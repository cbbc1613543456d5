"""Text from a transcript, a file name or the user is shown as written, never rendered as HTML.

A hostile WhisperX transcript (markup in its lines, speaker names and file name) and hostile
notes are opened in the real window; then every label, tooltip (widgets, actions and item
models), painted delegate text and dialog is walked. Where Qt would render a text as HTML
(a rich-text label, any tooltip that looks like HTML), what the user sees is worked out with
QTextDocument, and each hostile snippet must still be visible literally, tags and all.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QAction, QHelpEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.ui import line_delegate
from meelezer.ui.go_to_time_dialog import GoToTimeDialog
from meelezer.ui.main_window import MainWindow
from meelezer.ui.plain_text import plain_label, plain_message_box, plain_tooltip
from meelezer.ui.replace_dialog import ReplaceDialog

SPEAKER = "<b>Zqspeaker</b> Ann"
OTHER_SPEAKER = "<font color=red>Zqfont</font>"
TITLE = "<u>Zqtitle"  # a file name: no "/"
FOLDER = "<b>Zqfolder"
SHOW = "<s>Zqshow</s>"
CORRECTION = "<h1>Zqfix</h1> corrected"
NOTE = "<i>Zqnote</i> and **bold** text"
TYPED = "<b>Zqtyped</b>"


def _image_line(image: Path) -> str:
    return f'Zqimg1<img src="{image}">Zqimg2 <h2>Zqhead</h2> Zqamp&amp;lt; <a href="x">Zqlink</a>'


def _hostile(image: Path) -> list[str]:
    """Each hostile snippet as stored; its last ``Zq…`` word is the sentinel."""
    return [SPEAKER, OTHER_SPEAKER, TITLE, FOLDER, SHOW, CORRECTION, "<i>Zqnote</i>",
            f'Zqimg1<img src="{image}">Zqimg2', "<h2>Zqhead</h2>", "Zqamp&amp;lt;",
            '<a href="x">Zqlink</a>', TYPED]


def _sentinel_prefixes(image: Path) -> list[tuple[str, str]]:
    """(sentinel, the snippet up to and including it): elision can only cut after it."""
    pairs = []
    for snippet in _hostile(image):
        sentinel = re.findall(r"Zq\w+", snippet)[-1]
        pairs.append((sentinel, snippet[: snippet.index(sentinel) + len(sentinel)]))
    return pairs


def hostile_transcript(folder: Path, image: Path) -> Path:
    (folder / FOLDER).mkdir()
    path = folder / FOLDER / f"{TITLE}.json"
    segments = [
        {"start": 0.0, "end": 3.0, "text": _image_line(image), "speaker": SPEAKER},
        {"start": 3.5, "end": 6.0, "text": "Tweede regel", "speaker": OTHER_SPEAKER},
        {"start": 6.5, "end": 9.0, "text": "Derde regel", "speaker": SPEAKER},
    ]
    # Word entries with scores make the content WhisperX; speakers come with the segments.
    for segment in segments:
        segment["words"] = [{"word": w, "start": segment["start"], "end": segment["end"],
                             "score": 0.9} for w in str(segment["text"]).split()]
    path.write_text(json.dumps({"segments": segments}), encoding="utf-8")
    return path


def hostile_webvtt(folder: Path, image: Path) -> Path:
    """The same hostile speakers and first line as WebVTT voices and cue text (escaped, as
    WebVTT needs; the reader unescapes them)."""
    (folder / FOLDER).mkdir(exist_ok=True)
    path = folder / FOLDER / f"{TITLE}.vtt"
    cues = [("00:00.000 --> 00:03.000", SPEAKER, _image_line(image)),
            ("00:03.500 --> 00:06.000", OTHER_SPEAKER, "Tweede regel")]
    path.write_text("WEBVTT\n\n" + "".join(
        f"{timing}\n<v {html.escape(voice, quote=False)}>{html.escape(text, quote=False)}\n\n"
        for timing, voice, text in cues), encoding="utf-8")
    return path


def rendered_text(text: str, text_format: Qt.TextFormat) -> str:
    """What a user reads when Qt shows ``text`` in a place with ``text_format``."""
    rich = (text_format == Qt.TextFormat.RichText
            or (text_format == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)))
    if not rich:
        return text
    if re.search(r"<img\b", text, re.IGNORECASE):
        return "<an image tag was rendered>"
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


class Walk:
    def __init__(self, image: Path) -> None:
        self.pairs = _sentinel_prefixes(image)
        self.seen: set[str] = set()  # sentinels found somewhere, to prove the walk reached them
        self.problems: list[str] = []

    def check(self, where: str, text: str, text_format: Qt.TextFormat) -> None:
        shown = rendered_text(text, text_format)
        if shown == "<an image tag was rendered>":
            self.problems.append(f"{where}: renders an <img>: {text!r}")
            return
        for sentinel, prefix in self.pairs:
            if sentinel in shown:
                self.seen.add(sentinel)
                if prefix not in shown:
                    self.problems.append(f"{where}: renders markup, shows {shown!r} "
                                         f"for {prefix!r}")

    def widget(self, widget: QWidget) -> None:
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        self.check(f"tooltip of {name}", widget.toolTip(), Qt.TextFormat.AutoText)
        self.check(f"title of {name}", widget.windowTitle(), Qt.TextFormat.PlainText)
        if isinstance(widget, QLabel):
            self.check(f"label {name}", widget.text(), widget.textFormat())
        if isinstance(widget, QMessageBox):
            self.check(f"message box {name}", widget.text(), widget.textFormat())
            self.check(f"message box details {name}", widget.informativeText(),
                       widget.textFormat())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for index in _indexes(widget.model()):
                self.check(f"tooltip in {name}", str(index.data(Qt.ItemDataRole.ToolTipRole)
                                                     or ""), Qt.TextFormat.AutoText)
        for action in widget.actions():
            self.action(action)

    def action(self, action: QAction) -> None:
        self.check(f"tooltip of action {action.text()!r}", action.toolTip(),
                   Qt.TextFormat.AutoText)
        menu = action.menu()
        if menu is not None:
            for sub in menu.actions():
                self.action(sub)

    def everything(self) -> None:
        for widget in QApplication.allWidgets():
            self.widget(widget)


def _indexes(model: Any, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    # List and table models keep columnCount / hasChildren private in PySide6.
    flat = isinstance(model, QAbstractListModel)
    tree = not isinstance(model, QAbstractListModel | QAbstractTableModel)
    for row in range(model.rowCount(parent)):
        for column in range(1 if flat else model.columnCount(parent)):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and tree and model.hasChildren(index):
                yield from _indexes(model, index)


@pytest.fixture
def hover_tips(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every tooltip our widgets show themselves on hover (QToolTip.showText)."""
    tips: list[str] = []
    show_text = QToolTip.showText

    def record(*args: Any) -> Any:
        tips.extend(arg for arg in args[1:2] if isinstance(arg, str))
        return show_text(*args)

    monkeypatch.setattr(QToolTip, "showText", record)
    return tips


def hover_everywhere(window: QWidget) -> None:
    """A tooltip request on a grid over each of our widgets that paints its own content
    (the timeline strips, the transcript's delegate markers): where they show tooltips."""
    targets: list[QWidget] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractItemView):
            if type(widget.itemDelegate()).__module__.startswith("meelezer"):
                targets.append(widget.viewport())
        elif type(widget).__module__.startswith("meelezer") and not widget.children():
            targets.append(widget)
    for target in targets:
        step_x = max(6, target.width() // 150)
        for y in range(2, target.height(), 8):
            for x in range(2, target.width(), step_x):
                point = QPoint(x, y)
                QApplication.sendEvent(target, QHelpEvent(QEvent.Type.ToolTip, point,
                                                          target.mapToGlobal(point)))


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the delegates paint: QPainter.drawText and the transcript's text layouts."""
    texts: list[str] = []
    draw_text = QPainter.drawText

    def record_draw(painter: QPainter, *args: Any) -> Any:
        texts.extend(arg for arg in args if isinstance(arg, str))
        return draw_text(painter, *args)

    wrapped = line_delegate.wrapped_layout

    def record_layout(text: str, *args: Any) -> Any:
        texts.append(text)
        return wrapped(text, *args)

    monkeypatch.setattr(QPainter, "drawText", record_draw)
    monkeypatch.setattr(line_delegate, "wrapped_layout", record_layout)
    return texts


def open_hostile(make_window: WindowFactory, tmp_path: Path,
                 shape: str = "whisperx") -> tuple[MainWindow, Path]:
    image = tmp_path / "canary.png"  # absent: an <img> that renders asks for it in vain
    make = hostile_webvtt if shape == "webvtt" else hostile_transcript
    path = make(tmp_path, image)
    window = make_window()
    assert window.open_paths([path]), window.messages.text()
    annotator = window.annotator
    annotator.set_show(SHOW)
    annotator.add_note(1_000, text=f"{NOTE} ![Zqalt]({image}) <img src=\"{image}\">")
    annotator.add_note(2_000, kind="highlight", end_ms=3_000, color="#ffe066")
    annotator.add_note(4_000, kind="bookmark")
    line = window.transcript.model.line(0)
    annotator.edit_text(window.transcript.model.line(1).segment_id, CORRECTION)
    assert line.text.startswith("Zqimg1")
    return window, image


def test_no_text_from_a_file_or_the_user_is_rendered_as_markup(
        qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, painted: list[str],
        hover_tips: list[str]) -> None:
    window, image = open_hostile(make_window, tmp_path)
    window.resize(1100, 700)
    library = window.library_controller.show()
    library.table.selectRow(0)
    library.search_now("zqimg2")
    assert library.results.count() == 1
    # What the user types into the dialogs and the find bar.
    goto = GoToTimeDialog(0, 9_000, window)
    goto.findChild(QLineEdit).setText(TYPED)
    replace = ReplaceDialog(window.annotator.count_matches, TYPED, window)
    for dialog in (goto, replace):
        qtbot.addWidget(dialog)
        dialog.show()
    window.annotations.find_bar.show()
    window.annotations.find_bar.field.setText(TYPED)
    for widget in QApplication.allWidgets():
        if widget.isVisible():
            widget.grab()  # paint everything visible, so the delegates' texts are recorded
    hover_everywhere(window)
    walk = Walk(image)
    walk.everything()
    for index, tip in enumerate(hover_tips):
        walk.check(f"hover tooltip #{index}", tip, Qt.TextFormat.AutoText)
    for index, text in enumerate(painted):
        walk.check(f"painted text #{index}", text, Qt.TextFormat.PlainText)
    assert not walk.problems, "\n".join(walk.problems)
    # The walk reached the hostile texts: lines, speakers, title, show, correction, note.
    assert {"Zqspeaker", "Zqfont", "Zqtitle", "Zqfolder", "Zqshow", "Zqfix", "Zqnote", "Zqimg2",
            "Zqhead", "Zqamp", "Zqlink"} <= walk.seen
    # A note found by the library search: its result shows the note's text as prose.
    library.search_now("zqnote")
    assert library.results.count() == 1
    notes_walk = Walk(image)
    notes_walk.everything()
    assert not notes_walk.problems, "\n".join(notes_walk.problems)
    assert "Zqnote" in notes_walk.seen


@pytest.mark.parametrize("shape", ["whisperx", "webvtt"])
def test_speaker_and_search_tooltips_show_markup_as_text(
        make_window: WindowFactory, tmp_path: Path, shape: str) -> None:
    """The two tooltips the fault run found rendering a transcript's HTML."""
    window, image = open_hostile(make_window, tmp_path, shape)
    model = window.annotations.speakers_panel.model
    tips = [str(model.index(row).data(Qt.ItemDataRole.ToolTipRole))
            for row in range(model.rowCount())]
    assert any(SPEAKER in rendered_text(tip, Qt.TextFormat.AutoText) for tip in tips)
    library = window.library_controller.show()
    library.search_now("zqimg2")
    tip = library.results.item(0).toolTip()
    assert f'Zqimg1<img src="{image}">Zqimg2' in rendered_text(tip, Qt.TextFormat.AutoText)


def test_note_tooltips_render_markdown_but_no_html_or_images(
        make_window: WindowFactory, tmp_path: Path) -> None:
    window, image = open_hostile(make_window, tmp_path)
    model = window.annotations.notes_panel.model
    tip = next(str(model.index(row).data(Qt.ItemDataRole.ToolTipRole))
               for row in range(model.rowCount())
               if "Zqnote" in str(model.index(row).data(Qt.ItemDataRole.ToolTipRole)))
    assert not re.search(r"<img\b", tip, re.IGNORECASE)
    shown = rendered_text(tip, Qt.TextFormat.AutoText)
    assert "<i>Zqnote</i>" in shown and "**bold**" not in shown  # Markdown on purpose
    assert "[image: Zqalt]" in shown and f'<img src="{image}">' in shown


def test_plain_helpers_show_text_literally(qtbot: QtBot) -> None:
    text = '<b>x</b> & <img src="/dev/zero">\n  second line'
    assert rendered_text(plain_tooltip(text), Qt.TextFormat.AutoText) == text
    assert plain_tooltip("") == ""
    label = plain_label(text)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == text
    box = plain_message_box(None, QMessageBox.Icon.Warning, "t", text)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == text
