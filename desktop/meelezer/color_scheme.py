"""Light or dark: follow the system colour scheme, with Fusion so both look alike everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    """A calm dark palette (Fusion's own has no dark variant on every platform)."""
    palette = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#e6e6e6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#9a9a9a"),
        QPalette.ColorRole.Highlight: QColor("#4a88e0"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7aa7f0"),
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    disabled = QColor("#7a7a7a")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def is_system_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def follow_system_color_scheme(app: QApplication, force_dark: bool | None = None) -> None:
    """Use Fusion with a light or dark palette matching the system, now and when it changes.

    ``force_dark`` overrides the system (for screenshots and tests).
    """
    app.setStyle("Fusion")

    def apply() -> None:
        dark = is_system_dark() if force_dark is None else force_dark
        app.setPalette(dark_palette() if dark else app.style().standardPalette())

    apply()
    if force_dark is None:
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply())
