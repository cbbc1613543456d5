"""A small "Analysing audio 42 % [Cancel]" indicator, shown only while the analysis runs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QToolButton,
    QWidget,
)

from meelezer.ui.analysis_controller import AnalysisController


class AnalysisProgress(QWidget):
    def __init__(self, controller: AnalysisController, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(self.tr("Analysing audio"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat("%p %")
        self.bar.setMaximumWidth(140)
        self.bar.setAccessibleName(self.tr("Audio analysis progress"))
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop analysing the audio (it starts again the "
                                              "next time the episode is opened)"))
        self.cancel_button.clicked.connect(controller.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addStretch(1)  # at the right end of the status bar, together
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        controller.progressed.connect(lambda fraction: self.bar.setValue(round(fraction * 100)))
        controller.running_changed.connect(self.setVisible)
        self.setVisible(controller.is_running)


def add_to_status_bar(window: QMainWindow, controller: AnalysisController) -> AnalysisProgress:
    """Put the indicator in ``window``'s status bar, which is shown only while it runs."""
    progress = AnalysisProgress(controller)
    status_bar = window.statusBar()
    status_bar.setSizeGripEnabled(False)
    status_bar.addPermanentWidget(progress)
    controller.running_changed.connect(status_bar.setVisible)
    status_bar.setVisible(controller.is_running)
    return progress
