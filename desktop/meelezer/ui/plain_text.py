"""Text from files and from the user, shown exactly as written: never rendered as HTML.

Qt renders a tooltip, a QLabel and a QMessageBox as HTML as soon as the text merely looks
like HTML (``Qt.mightBeRichText``), so a transcript line with ``<img src="/dev/zero">`` would
make Qt load that "image". Labels and message boxes take ``Qt.PlainText``; tooltips have no
such switch, so their text is escaped inside a paragraph that keeps its line breaks.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally ("" stays "", so no empty tooltip appears)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                      buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
                      ) -> QMessageBox:
    """A message box whose text (which may name a file or a speaker) is shown literally."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box
