"""The floating "Back to playback" pill shown while the reader has scrolled away."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGraphicsDropShadowEffect, QPushButton, QWidget

from meelezer.i18n import QT_TRANSLATE_NOOP

LABEL = QT_TRANSLATE_NOOP("BackToPlaybackButton", "Back to playback")  # translated when shown
ARROWS = {-1: "↑  ", 0: "", 1: "↓  "}
MARGIN_BOTTOM = 18


def button_style(palette: QPalette, height: int) -> str:
    """A pill: style sheets draw square corners when the radius exceeds half the height."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.HighlightedText)
    return (
        "QPushButton {"
        f" background-color: {accent.name()}; color: {text.name()}; border: none;"
        f" border-radius: {height // 2 - 1}px; min-height: {height}px; max-height: {height}px;"
        " padding: 0px 18px; font-weight: 600; }"
        f" QPushButton:hover {{ background-color: {accent.lighter(112).name()}; }}"
        f" QPushButton:pressed {{ background-color: {accent.darker(112).name()}; }}"
        f" QPushButton:focus {{ border: 2px solid {text.name()}; }}"
    )


class BackToPlaybackButton(QPushButton):
    """A pill floating at the bottom centre of the transcript; an arrow shows which way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_label(), parent)
        self.setObjectName("backToPlayback")
        self.setAccessibleName(_label())
        tip = self.tr("Scroll to the line that is playing and follow it again")
        self.setAccessibleDescription(tip)
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click must not steal the list's focus
        self._direction = 0
        self._style = ""
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(16)
        shadow.setOffset(0, 2)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)
        self._restyle()
        self.hide()

    def direction(self) -> int:
        return self._direction

    def set_direction(self, direction: int) -> None:
        """-1: the playing line is above the viewport, 1: below, 0: on screen or none."""
        direction = max(-1, min(1, direction))
        if direction != self._direction:
            self._direction = direction
            self.setText(ARROWS[direction] + _label())
            self.adjustSize()

    def place_in(self, area: QRect) -> None:
        """Centre the button horizontally at the bottom of ``area`` (parent coordinates)."""
        self.adjustSize()
        size = self.sizeHint()
        x = area.left() + (area.width() - size.width()) // 2
        y = area.bottom() - size.height() - MARGIN_BOTTOM
        self.setGeometry(QRect(QPoint(x, max(area.top(), y)), size))
        self.raise_()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._restyle()

    def _restyle(self) -> None:
        # The parent's palette: our own one reflects the style sheet once it is set.
        source = self.parentWidget() or self
        height = self.fontMetrics().height() + 14
        style = button_style(source.palette(), height)
        # Setting a style sheet re-polishes and can send another PaletteChange: only on change.
        if style != self._style:
            self._style = style
            self.setStyleSheet(style)


def _label() -> str:
    return QCoreApplication.translate("BackToPlaybackButton", LABEL)
