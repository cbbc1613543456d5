"""The control strip under the transcript: play, skip, seek bar with times, speed, volume, loop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meelezer.settings import SPEEDS
from meelezer.transcript.timecode import format_clock
from meelezer.ui.actions import WindowActions
from meelezer.ui.icons import set_themed_icon


class SeekSlider(QSlider):
    """A slider that jumps to where it is clicked, as seek bars in media players do."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            value = QStyle.sliderValueFromPosition(
                self.minimum(), self.maximum(), round(event.position().x()), self.width()
            )
            self.setSliderPosition(value)
        super().mousePressEvent(event)


def _tool_button(action: QAction, text_beside_icon: bool = False) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setAutoRaise(True)
    if text_beside_icon or action.icon().isNull():
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class PlaybackBar(QWidget):
    """Buttons are bound to the window's actions; the bar only shows time, speed and volume.

    ``seek_requested`` fires when the user lets go of the seek bar (or clicks in it);
    while dragging, the time label follows the handle and the player is left alone.
    """

    seek_requested = Signal(int)
    speed_chosen = Signal(float)
    volume_chosen = Signal(int)

    def __init__(self, actions: WindowActions, parent: QWidget | None = None):
        super().__init__(parent)
        self._actions = actions
        self._duration_ms = 0

        self._position_label = QLabel("0:00")
        self._duration_label = QLabel("0:00")
        for label in (self._position_label, self._duration_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance("0:00:00") + 8)
        self._position_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self._position_label.setAccessibleName(self.tr("Playback position"))
        self._duration_label.setAccessibleName(self.tr("Episode duration"))

        self._slider = SeekSlider(Qt.Orientation.Horizontal)
        self._slider.setAccessibleName(self.tr("Seek"))
        self._slider.setToolTip(self.tr("Drag or click to go to another moment"))
        self._slider.setRange(0, 0)
        self._slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrow keys belong to skipping
        self._slider.sliderMoved.connect(self._show_dragged_position)
        self._slider.sliderReleased.connect(self._emit_seek)

        self._speed = QComboBox()
        self._speed.setAccessibleName(self.tr("Playback speed"))
        self._speed.setToolTip(
            self.tr("Playback speed; pitch is kept ([ slower, ] faster, = normal)"))
        for speed in SPEEDS:
            self._speed.addItem(f"{speed:g}×", speed)
        self._speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._speed.activated.connect(
            lambda index: self.speed_chosen.emit(self._speed.itemData(index))
        )

        self._volume = QSlider(Qt.Orientation.Horizontal)
        self._volume.setRange(0, 100)
        self._volume.setFixedWidth(90)
        self._volume.setAccessibleName(self.tr("Volume"))
        self._volume.setToolTip(self.tr("Volume (Ctrl+Up / Ctrl+Down, M to mute)"))
        self._volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._volume.valueChanged.connect(self.volume_chosen)

        self._play_button = _tool_button(actions.play_pause)
        self._play_button.setIconSize(self._play_button.iconSize() * 1.6)

        seek_row = QHBoxLayout()
        seek_row.addWidget(self._position_label)
        seek_row.addWidget(self._slider, 1)
        seek_row.addWidget(self._duration_label)

        buttons = QHBoxLayout()
        buttons.addWidget(_tool_button(actions.previous_line))
        buttons.addWidget(_tool_button(actions.back_5))
        buttons.addWidget(self._play_button)
        buttons.addWidget(_tool_button(actions.forward_5))
        buttons.addWidget(_tool_button(actions.next_line))
        buttons.addSpacing(12)
        buttons.addWidget(_tool_button(actions.loop_line))
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Speed")))
        buttons.addWidget(self._speed)
        buttons.addSpacing(12)
        buttons.addWidget(_tool_button(actions.mute))
        buttons.addWidget(self._volume)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(seek_row)
        layout.addLayout(buttons)

    # -- updates from the player --------------------------------------------------------------

    def set_duration(self, duration_ms: int) -> None:
        self._duration_ms = max(0, duration_ms)
        self._slider.setRange(0, self._duration_ms)
        self._slider.setPageStep(max(1000, self._duration_ms // 20))
        self._duration_label.setText(format_clock(self._duration_ms))

    def set_position(self, position_ms: int) -> None:
        if self._slider.isSliderDown():
            return  # the user is dragging: their handle position wins
        with QSignalBlocker(self._slider):
            self._slider.setValue(position_ms)
        self._position_label.setText(format_clock(position_ms))

    def set_playing(self, playing: bool) -> None:
        set_themed_icon(self._actions.play_pause, "pause" if playing else "play",
                        self.palette())
        self._actions.play_pause.setText(QCoreApplication.translate("MainWindow", "&Pause")
                                         if playing else
                                         QCoreApplication.translate("MainWindow", "&Play"))

    def set_speed(self, speed: float) -> None:
        index = min(
            range(self._speed.count()), key=lambda i: abs(float(self._speed.itemData(i)) - speed)
        )
        self._speed.setCurrentIndex(index)

    def set_volume(self, volume: int) -> None:
        with QSignalBlocker(self._volume):
            self._volume.setValue(volume)

    def set_muted(self, muted: bool) -> None:
        pixmap = (
            QStyle.StandardPixmap.SP_MediaVolumeMuted
            if muted
            else QStyle.StandardPixmap.SP_MediaVolume
        )
        self._actions.mute.setIcon(self.style().standardIcon(pixmap))

    def set_playable(self, playable: bool) -> None:
        """Without audio the transcript is still readable; the controls say they cannot play."""
        self._slider.setEnabled(playable)
        self._speed.setEnabled(playable)
        self._volume.setEnabled(playable)

    # -- user input ---------------------------------------------------------------------------

    def _show_dragged_position(self, value: int) -> None:
        self._position_label.setText(format_clock(value))

    def _emit_seek(self) -> None:
        self.seek_requested.emit(self._slider.value())
