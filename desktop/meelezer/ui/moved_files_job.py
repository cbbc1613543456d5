"""Finding moved files off the GUI thread: a worker hashes the candidates (up to 1,000 files
for a picked folder) while a progress dialog shows how far it got and can cancel it.

The library is read before (what is missing, where to look) and written after (relinking
what was found), both on the GUI thread; the worker only reads the file system, so a
cancelled search leaves the library as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from meelezer.moved_files import FoundFile, MovedSearch, PartOfWork
from meelezer.ui.jobs import Job
from meelezer.work import WorkContext

Found = tuple[FoundFile | None, FoundFile | None]
SHOW_PROGRESS_AFTER_MS = 300  # a quick search never flashes a dialog


class MovedFilesJob(QObject):
    """One run over several episodes' searches; ``on_done`` gets what each one found, in
    order, or is not called at all when the user cancels (then ``on_cancelled`` is)."""

    def __init__(self, parent: QWidget, searches: list[MovedSearch],
                 on_done: Callable[[list[Found]], None], on_cancelled: Callable[[], None],
                 on_failed: Callable[[BaseException], None]):
        super().__init__(parent)
        self.job = Job(lambda context: _run_all(searches, context), name="find-moved-files",
                       parent=self)
        self.dialog = QProgressDialog(
            self.tr("Looking for the moved files…"), self.tr("Cancel"), 0, 100, parent)
        self.dialog.setWindowTitle(self.tr("Find moved files"))
        self.dialog.setMinimumWidth(360)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.job.cancel)
        self.job.progressed.connect(lambda fraction: self.dialog.setValue(round(fraction * 100)))
        # Gone before the handlers run: they may ask a question of their own.
        for ended in (self.job.succeeded, self.job.cancelled, self.job.failed):
            ended.connect(self._close_dialog)
        self.job.succeeded.connect(on_done)
        self.job.cancelled.connect(on_cancelled)
        self.job.failed.connect(on_failed)
        self.job.finished.connect(self._finished)

    def start(self) -> MovedFilesJob:
        self.job.start()
        return self

    def cancel(self) -> None:
        self.job.cancel()

    def _close_dialog(self) -> None:
        self.dialog.reset()  # stops its show-after-a-delay timer, which hide() leaves running
        self.dialog.hide()

    def _finished(self) -> None:
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()


def _run_all(searches: list[MovedSearch], context: WorkContext) -> list[Found]:
    found: list[Found] = []
    for index, search in enumerate(searches):
        found.append(search.run(PartOfWork(context, index / len(searches),
                                           1 / len(searches))))
    context.progress(1.0)
    return found
