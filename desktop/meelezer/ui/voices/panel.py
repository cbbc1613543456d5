"""The "Voices" part of the Speakers panel: Suggest speakers, its groups, and lines to review.

Shows what it is given and asks for changes by signal, as the Speakers panel does; the
wiring (``wiring.py``) connects it to the ``VoiceSuggestions`` controller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meelezer.transcript.timecode import format_clock
from meelezer.ui.plain_text import plain_tooltip
from meelezer.ui.voices.controller import group_title
from meelezer.ui.voices.model import SuggestedVoice, Suggestions

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 2


def spoken_length(ms: int) -> str:
    """ "40 s", "38 min", "1 h 53 min": how long a group speaks, at a glance."""
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"


class VoiceGroupRow(QWidget):
    """One group: what it is, a play button, and a name to give it."""

    play_requested = Signal(int)
    name_requested = Signal(int, str)

    def __init__(self, index: int, voice: SuggestedVoice, names: Sequence[str],
                 named: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.title = QLabel(self.describe(index, voice))
        self.title.setWordWrap(True)
        self.title.setToolTip(plain_tooltip(self.tr(
            "{new} unlabelled line(s) get the name; {kept} line(s) labelled by hand stay as "
            "they are.").format(new=len(voice.rows), kept=len(voice.hand_rows))))
        self.play_button = QToolButton()
        self.play_button.setText("▶")
        self.play_button.setAccessibleName(self.tr("Play voice {group}").format(
            group=group_title(index)))
        self.play_button.setToolTip(self.tr("Play a few typical seconds of this voice"))
        self.play_button.clicked.connect(lambda: self.play_requested.emit(self.index))
        self.name_box = QComboBox()
        self.name_box.setEditable(True)
        self.name_box.addItems(list(names))
        self.name_box.setCurrentText(voice.suggested_name or "")
        line_edit = self.name_box.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Who is this? Pick or type a name"))
            line_edit.returnPressed.connect(self._name)
        self.name_box.setAccessibleName(self.tr("Name for voice {group}").format(
            group=group_title(index)))
        self.name_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.name_button = QPushButton(self.tr("Name"))
        self.name_button.setToolTip(self.tr("Label this voice's unlabelled lines with the name "
                                            "(one undo step)"))
        self.name_button.clicked.connect(self._name)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.play_button)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.name_box, 1)
        bottom.addWidget(self.name_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)
        if named is not None:
            self.set_named(named)

    def describe(self, index: int, voice: SuggestedVoice) -> str:
        """ "Voice A: 412 lines, 38 min", or with the name it comes with."""
        size = self.tr("{lines} lines, {length}").format(lines=f"{voice.line_count:,}",
                                                         length=spoken_length(voice.total_ms))
        if voice.speaker:
            return self.tr("{name} (already labelled): {size}").format(name=voice.speaker,
                                                                       size=size)
        if voice.match:
            return self.tr("{name}, {sure} % sure: {size}").format(
                name=voice.match, sure=round(voice.confidence * 100), size=size)
        return self.tr("Voice {group}: {size}").format(group=group_title(index), size=size)

    def set_named(self, name: str) -> None:
        self.name_box.setCurrentText(name)
        self.name_box.setEnabled(False)
        self.name_button.setEnabled(False)
        self.name_button.setText(self.tr("Named"))

    def _name(self) -> None:
        name = self.name_box.currentText().strip()
        if name and self.name_button.isEnabled():
            self.name_requested.emit(self.index, name)


class VoicePanel(QWidget):
    suggest_requested = Signal()
    cancel_requested = Signal()
    play_requested = Signal(int)  # group index
    name_requested = Signal(int, str)  # group index, name
    accept_all_requested = Signal()
    merge_requested = Signal(int, int)
    one_more_requested = Signal()
    line_requested = Signal(int)  # segment id: go to that line
    next_mark_requested = Signal()
    done = Signal()  # a group was named: the transcript can have the keys again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Voices"))
        self.suggest_button = QPushButton(self.tr("Suggest speakers"))
        self.suggest_button.clicked.connect(self.suggest_requested)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFormat("%p %")
        self.progress.setAccessibleName(self.tr("Speaker suggestion progress"))
        self.cancel_button = QToolButton()
        # The same word as the audio analysis's Cancel, so it shares its translation.
        self.cancel_button.setText(QCoreApplication.translate("AnalysisProgress", "Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop suggesting speakers"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.groups = QListWidget()
        self.groups.setAccessibleName(self.tr("Voice groups"))
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.groups.itemSelectionChanged.connect(self._update_buttons)
        self.accept_button = QPushButton(self.tr("Accept all"))
        self.accept_button.setToolTip(self.tr("Name every voice that came with a name, in one "
                                              "undo step"))
        self.accept_button.clicked.connect(self.accept_all_requested)
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setToolTip(self.tr("Select two voices that are one person, then merge "
                                             "them"))
        self.merge_button.clicked.connect(self._merge)
        self.more_button = QPushButton(self.tr("One more voice"))
        self.more_button.setToolTip(self.tr("Group the lines again into one voice more"))
        self.more_button.clicked.connect(self.one_more_requested)

        self.review_label = QLabel()
        self.review = QListWidget()
        self.review.setAccessibleName(self.tr("Lines to review"))
        # Long lines end in "…" rather than scroll sideways in a narrow panel.
        self.review.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.review.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.review.itemActivated.connect(self._go_to_line)
        self.review.itemClicked.connect(self._go_to_line)
        self.marks_label = QLabel()
        self.marks_label.setWordWrap(True)
        self.next_mark_button = QToolButton()
        self.next_mark_button.setText(self.tr("Next"))
        self.next_mark_button.setToolTip(self.tr("Go to the next line whose voice does not "
                                                 "sound like its speaker"))
        self.next_mark_button.clicked.connect(self.next_mark_requested)

        # Progress and Cancel on a row of their own: the panel keeps its width while it runs.
        run_row = QHBoxLayout()
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        action_row = QHBoxLayout()
        for button in (self.accept_button, self.merge_button, self.more_button):
            action_row.addWidget(button)
        marks_row = QHBoxLayout()
        marks_row.addWidget(self.marks_label, 1)
        marks_row.addWidget(self.next_mark_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.suggest_button)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addWidget(self.groups, 3)
        layout.addLayout(action_row)
        layout.addWidget(self.review_label)
        layout.addWidget(self.review, 1)
        layout.addLayout(marks_row)
        self._suggestions: Suggestions | None = None
        self._named: Mapping[int, str] = {}
        self._running = False
        self.set_running(False)
        self.show_suggestions(None, [], {}, [])
        self.show_mark_count(0)

    # -- shown state ------------------------------------------------------------------------

    def set_available(self, available: bool, why: str) -> None:
        self.suggest_button.setEnabled(available)
        self.suggest_button.setToolTip(why)
        if self._suggestions is None:
            self.status.setText("" if available else why)

    def set_running(self, running: bool) -> None:
        self._running = running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.progress.setValue(0)
        if running:
            self.status.setText(self.tr("Listening to the voices…"))
        self._update_buttons()

    def set_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))

    def show_suggestions(self, suggestions: Suggestions | None, names: Sequence[str],
                         named: Mapping[int, str],
                         unclear: Sequence[tuple[int, int, str]]) -> None:
        """The groups (``names``: the speakers to pick from), which were named already, and
        the unclear lines as (segment id, start ms, text)."""
        self._suggestions = suggestions
        self._named = dict(named)
        self.groups.clear()
        voices = suggestions.voices if suggestions is not None else ()
        for index, voice in enumerate(voices):
            row = VoiceGroupRow(index, voice, names, named.get(index))
            row.play_requested.connect(self.play_requested)
            row.name_requested.connect(self.name_requested)
            row.name_requested.connect(lambda _index, _name: self.done.emit())
            item = QListWidgetItem()
            item.setData(GROUP_ROLE, index)
            item.setSizeHint(row.sizeHint())
            self.groups.addItem(item)
            self.groups.setItemWidget(item, row)
        # Room for up to three groups and two lines to review, however small the dock was.
        row_height = max((self.groups.sizeHintForRow(i) for i in range(self.groups.count())),
                         default=0)
        frame = 2 * self.groups.frameWidth() + 2
        self.groups.setMinimumHeight(min(3, len(voices)) * row_height + frame if voices else 0)
        self.review.clear()
        for segment_id, start_ms, text in unclear:
            item = QListWidgetItem(f"{format_clock(start_ms)}  {text}")
            item.setData(SEGMENT_ROLE, segment_id)
            item.setToolTip(plain_tooltip(text))
            self.review.addItem(item)
        if suggestions is not None and voices and len(named) >= len(voices):
            self.status.setText(self.tr("The voice is named.") if len(voices) == 1 else
                                self.tr("All {voices} voices are named.").format(
                                    voices=len(voices)))
        elif suggestions is not None:
            self.status.setText(
                self.tr("1 voice found. Name it, or play it first.") if len(voices) == 1 else
                self.tr("{voices} voices found. Name each one, or play it first.").format(
                    voices=len(voices)))
        self.review_label.setText(self.tr("Unclear lines to review ({count}):").format(
            count=len(unclear)))
        self.groups.setVisible(suggestions is not None)
        self.review_label.setVisible(suggestions is not None and bool(unclear))
        self.review.setVisible(bool(unclear))
        if unclear:
            self.review.setMinimumHeight(min(2, len(unclear)) * self.review.sizeHintForRow(0)
                                         + 2 * self.review.frameWidth() + 2)
        self._update_buttons()

    def show_mark_count(self, count: int) -> None:
        self.marks_label.setText(
            self.tr("1 line may have the wrong speaker.") if count == 1 else
            self.tr("{count} lines may have the wrong speaker.").format(count=count))
        self.marks_label.setVisible(count > 0)
        self.next_mark_button.setVisible(count > 0)

    def group_row(self, index: int) -> VoiceGroupRow:
        widget = self.groups.itemWidget(self.groups.item(index))
        assert isinstance(widget, VoiceGroupRow)
        return widget

    def selected_groups(self) -> list[int]:
        return sorted(int(item.data(GROUP_ROLE)) for item in self.groups.selectedItems())

    # -- requests ---------------------------------------------------------------------------

    def _merge(self) -> None:
        selected = self.selected_groups()
        if len(selected) == 2:
            self.merge_requested.emit(selected[0], selected[1])

    def _go_to_line(self, item: QListWidgetItem) -> None:
        self.line_requested.emit(int(item.data(SEGMENT_ROLE)))

    def _update_buttons(self) -> None:
        running, suggestions = self._running, self._suggestions
        shown = suggestions is not None
        self.accept_button.setVisible(shown)
        self.merge_button.setVisible(shown)
        self.more_button.setVisible(shown)
        to_accept = suggestions is not None and any(
            voice.suggested_name and index not in self._named
            for index, voice in enumerate(suggestions.voices))
        self.accept_button.setEnabled(to_accept and not running)
        self.merge_button.setEnabled(len(self.selected_groups()) == 2 and not running)
        self.more_button.setEnabled(shown and not running)
