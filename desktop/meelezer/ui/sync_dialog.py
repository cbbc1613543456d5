"""The Sync to audio dialog: the transcript's language (as detected, or chosen) and what
will happen, in one sentence, before the user starts it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

LANGUAGES = ("nl", "en")


class SyncDialog(QDialog):
    def __init__(self, detected: str, anchors: int, parent: QWidget | None = None):
        """``detected``: the language the text looks like; ``anchors``: lines the user timed
        by hand, which stay where they are."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync to audio"))
        names = {"nl": self.tr("Dutch"), "en": self.tr("English")}
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language of the transcript"))
        for code in LANGUAGES:
            name = names[code]
            if code == detected:
                name = self.tr("{language} (detected from the text)").format(language=name)
            self.language_box.addItem(name, code)
        if detected in LANGUAGES:
            self.language_box.setCurrentIndex(LANGUAGES.index(detected))
        what = self.tr(
            "Meelezer listens to the episode's audio and gives every line and every word the "
            "time it is spoken; you see the result in the timeline and choose to apply it.")
        if anchors:
            what += " " + self.tr("The {count} lines you timed yourself stay where they "
                                  "are.").format(count=f"{anchors:,}")
        self.explanation = QLabel(what)
        self.explanation.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        start = self.buttons.addButton(self.tr("Start"),
                                       QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def language(self) -> str:
        return str(self.language_box.currentData())
