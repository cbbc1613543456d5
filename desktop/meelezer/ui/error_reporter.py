"""An unexpected error becomes a dialog in the window (and a log entry), not a silent exit.

``meelezer.logs.install_excepthooks`` calls ``ErrorReporter.report`` from whichever
thread failed; a queued signal brings it to the GUI thread. One dialog at a time: an
error that repeats (in a paint event, say) is logged each time but shown once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QtMsgType, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from meelezer.ui.plain_text import plain_message_box

logger = logging.getLogger(__name__)
qt_logger = logging.getLogger("meelezer.qt")


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the desktop's file manager (made first if missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ErrorReporter(QObject):
    _reported = Signal(str, str)  # what went wrong, the traceback

    def __init__(self, window: QWidget, log_folder: Path) -> None:
        super().__init__(window)
        self.window = window
        self.log_folder = log_folder
        self.dialog: QMessageBox | None = None
        self.shown = 0  # dialogs shown, for tests and the log
        self._reported.connect(self._show)

    def report(self, error: BaseException, trace: str) -> None:
        """Safe to call from any thread: the dialog opens in the GUI thread."""
        self._reported.emit(f"{type(error).__name__}: {error}", trace)

    def _show(self, summary: str, trace: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # already telling the user; the log has this one too
        dialog = plain_message_box(
            self.window, QMessageBox.Icon.Warning, self.tr("Something went wrong"),
            self.tr("Meelezer ran into a problem it did not expect: {error}\n\nWhat you "
                    "annotated is saved as you make it, so nothing is lost. If something "
                    "looks wrong, reopen the episode. The details are in the log, in "
                    "{folder}; please include them if you report this.").format(
                error=summary, folder=self.log_folder), QMessageBox.StandardButton.Close)
        dialog.setDetailedText(trace)
        open_logs = dialog.addButton(self.tr("Open log folder"),
                                     QMessageBox.ButtonRole.ActionRole)
        open_logs.clicked.connect(lambda: open_folder(self.log_folder))
        self.dialog = dialog
        self.shown += 1
        dialog.open()  # not exec(): the error may come from inside an event handler


def route_qt_messages() -> None:
    """Qt's own warnings (a failed image load, a bad signal) into the log as well."""
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        qt_logger.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)
