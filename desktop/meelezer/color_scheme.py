"""Light or dark: follow the system colour scheme, with Fusion so both look alike everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from meelezer.reading import COLOR_SCHEMES


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


class _Scheme:
    choice = "system"  # the user's: "system", "light" or "dark"
    following = False  # connected to the system's scheme changes


def apply_color_scheme(app: QApplication, choice: str) -> None:
    """Use Fusion with a light or dark palette: ``choice`` "light" or "dark", or "system" to
    match the system's scheme, now and when it changes (Preferences → Colours)."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    _Scheme.choice = choice if choice in COLOR_SCHEMES else "system"

    def apply() -> None:
        dark = is_system_dark() if _Scheme.choice == "system" else _Scheme.choice == "dark"
        app.setPalette(dark_palette() if dark else app.style().standardPalette())

    apply()
    if not _Scheme.following:
        _Scheme.following = True
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply())

