"""The question asked when a transcript opened again has changed on disk since its import.

Opening the new text as it is would make a second episode of the same title without the
first one's notes, labels and corrections; the user chooses instead between re-importing
it into the annotated episode and opening that episode as it was imported.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from meelezer.store.rows import EpisodeRow
from meelezer.ui.plain_text import plain_message_box


class EditedChoice(enum.Enum):
    REIMPORT = enum.auto()  # read the new text into the episode, annotations carried over
    EARLIER = enum.auto()  # open the episode as it was imported; the file is not read
    CANCEL = enum.auto()


def ask_about_edited_transcript(parent: QWidget, episode: EpisodeRow,
                                transcript: Path) -> EditedChoice:
    text = QCoreApplication.translate(
        "EditedTranscript",
        "{file} has changed since it was imported as “{title}”.\n\nRe-import it into that "
        "episode? Its labels, notes and corrections are carried over to the new text (the "
        "message bar then says how many). Or open the episode as it was imported, without "
        "the changes.").format(file=transcript, title=episode.title)
    box = plain_message_box(parent, QMessageBox.Icon.Question,
                            QCoreApplication.translate("EditedTranscript",
                                                       "The transcript has changed"), text,
                            QMessageBox.StandardButton.Cancel)
    reimport = box.addButton(QCoreApplication.translate("EditedTranscript", "Re-import"),
                             QMessageBox.ButtonRole.AcceptRole)
    earlier = box.addButton(
        QCoreApplication.translate("EditedTranscript", "Open the earlier version"),
        QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(reimport)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is reimport:
        return EditedChoice.REIMPORT
    if clicked is earlier:
        return EditedChoice.EARLIER
    return EditedChoice.CANCEL
