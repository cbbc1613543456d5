"""An unexpected error shows a dialog in the window and lands in the log; Help → Open log
folder shows where the log is."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.logs import install_excepthooks, log_folder, setup_logging, stop_logging
from meelezer.ui.error_reporter import ErrorReporter
from meelezer.ui.main_window import MainWindow


@pytest.fixture
def reporting(make_window: WindowFactory) -> Iterator[tuple[MainWindow, ErrorReporter, Path]]:
    """A window with the error hooks run_app installs, and its log file."""
    window = make_window()
    folder = window.library.database.path.parent
    log = setup_logging(folder)
    assert log is not None
    reporter = ErrorReporter(window, log_folder(folder))
    restore = install_excepthooks(reporter.report)
    yield window, reporter, log
    restore()
    stop_logging()
    if reporter.dialog is not None:
        reporter.dialog.close()


def shown_dialog(qtbot: QtBot, reporter: ErrorReporter) -> QMessageBox:
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    return reporter.dialog


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_dialog_and_is_logged(
        qtbot: QtBot, reporting: tuple[MainWindow, ErrorReporter, Path]) -> None:
    window, reporter, log = reporting

    def broken_slot() -> None:
        raise RuntimeError('<img src="/dev/zero"> kapot')

    QTimer.singleShot(0, broken_slot)
    dialog = shown_dialog(qtbot, reporter)
    assert dialog.textFormat().name == "PlainText"
    assert 'RuntimeError: <img src="/dev/zero"> kapot' in dialog.text()
    assert str(log.parent) in dialog.text()
    assert "in broken_slot" in dialog.detailedText()
    assert any(button.text() == "Open log folder" for button in dialog.buttons())
    assert "in broken_slot" in log.read_text(encoding="utf-8")
    assert window.isVisible()  # the app goes on


@pytest.mark.qt_no_exception_capture
def test_an_error_in_another_thread_reaches_the_window_once(
        qtbot: QtBot, reporting: tuple[MainWindow, ErrorReporter, Path]) -> None:
    _window, reporter, log = reporting

    def worker() -> None:
        raise ValueError("fout in de achtergrond")

    for _ in range(2):
        thread = threading.Thread(target=worker, name="analysis")
        thread.start()
        thread.join()
    dialog = shown_dialog(qtbot, reporter)
    QApplication.processEvents()
    assert reporter.shown == 1  # the repeat is logged, not shown again
    assert log.read_text(encoding="utf-8").count("ValueError: fout in de achtergrond") == 2
    assert "fout in de achtergrond" in dialog.text()


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def catch(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_menu_opens_the_log_folder(make_window: WindowFactory) -> None:
    window = make_window()
    help_menu = next(action.menu() for action in window.menuBar().actions()
                     if action.text() == "&Help")
    assert help_menu is not None
    action = next(a for a in help_menu.actions() if a.text() == "Open &log folder")
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "catch")
    try:
        action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    folder = log_folder(window.library.database.path.parent)
    assert [url.toLocalFile() for url in catcher.urls] == [str(folder)]
    assert folder.is_dir()


def test_the_error_dialog_opens_the_log_folder(
        qtbot: QtBot, reporting: tuple[MainWindow, ErrorReporter, Path]) -> None:
    _window, reporter, log = reporting
    reporter.report(OSError("schijf vol"), "Traceback …")
    button = next(b for b in shown_dialog(qtbot, reporter).buttons()
                  if b.text() == "Open log folder")
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "catch")
    try:
        button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in catcher.urls] == [str(log.parent)]
