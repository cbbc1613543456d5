"""The log file in the data folder and the hooks that log uncaught exceptions (no Qt)."""

from __future__ import annotations

import logging
import sys
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

from meelezer.logs import (
    LOG_BACKUPS,
    LOG_FILENAME,
    install_excepthooks,
    log_folder,
    setup_logging,
    stop_logging,
)


@pytest.fixture(autouse=True)
def _closed_log() -> Iterator[None]:
    yield
    stop_logging()


def _raise(error: BaseException) -> tuple[type[BaseException], BaseException, TracebackType]:
    try:
        raise error
    except BaseException as caught:  # any exception: the hooks get KeyboardInterrupt too
        assert caught.__traceback__ is not None
        return type(caught), caught, caught.__traceback__


def test_module_loggers_and_warnings_go_to_the_log_file(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    assert path == log_folder(tmp_path) / LOG_FILENAME
    logging.getLogger("meelezer.library").info("Imported %s", "episode.srt")
    logging.getLogger("meelezer.library").debug("not at the default level")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("een waarschuwing", UserWarning, stacklevel=1)
    text = path.read_text(encoding="utf-8")
    assert "INFO meelezer.library [MainThread] Imported episode.srt" in text
    assert "een waarschuwing" in text
    assert "not at the default level" not in text


def test_the_log_rotates_and_keeps_a_few_old_files(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, max_bytes=2_000)
    assert path is not None
    for number in range(300):
        logging.getLogger("meelezer.test").info("line %d %s", number, "x" * 40)
    files = sorted(path.parent.iterdir())
    assert [f.name for f in files] == [LOG_FILENAME] + [
        f"{LOG_FILENAME}.{n}" for n in range(1, LOG_BACKUPS + 1)]
    assert all(f.stat().st_size <= 2_100 for f in files)
    assert "line 299" in path.read_text(encoding="utf-8")


def test_an_unwritable_log_folder_does_not_stop_meelezer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "logs").write_text("a file where the folder should be", encoding="utf-8")
    assert setup_logging(tmp_path) is None
    assert "cannot write the log" in capsys.readouterr().err
    logging.getLogger("meelezer.test").warning("still logged to stderr")
    assert "still logged to stderr" in capsys.readouterr().err


def test_uncaught_exceptions_are_logged_with_their_traceback_and_reported(
        tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    assert path is not None
    reported: list[tuple[BaseException, str]] = []
    before = sys.excepthook, threading.excepthook
    restore = install_excepthooks(lambda error, trace: reported.append((error, trace)))
    try:
        sys.excepthook(*_raise(ValueError("kapot in de hoofdthread")))

        def fail() -> None:
            raise RuntimeError("kapot in een andere thread")

        thread = threading.Thread(target=fail, name="worker")
        thread.start()
        thread.join()
    finally:
        restore()
    assert (sys.excepthook, threading.excepthook) == before
    assert [str(error) for error, _ in reported] == ["kapot in de hoofdthread",
                                                    "kapot in een andere thread"]
    assert all("Traceback (most recent call last)" in trace for _, trace in reported)
    text = path.read_text(encoding="utf-8")
    assert "CRITICAL meelezer" in text and "ValueError: kapot in de hoofdthread" in text
    assert "Unexpected error in thread worker" in text and "in fail" in text


def test_ctrl_c_keeps_its_meaning_and_a_failing_report_is_logged(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    assert path is not None
    passed_on: list[type[BaseException]] = []
    previous = sys.excepthook
    sys.excepthook = lambda kind, error, trace: passed_on.append(kind)

    def broken_report(error: BaseException, trace: str) -> None:
        raise OSError("no display")

    restore = install_excepthooks(broken_report)
    try:
        sys.excepthook(*_raise(KeyboardInterrupt()))
        sys.excepthook(*_raise(ZeroDivisionError("deling")))
    finally:
        restore()
        sys.excepthook = previous
    assert passed_on == [KeyboardInterrupt]
    text = path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: deling" in text
    assert "Could not show the unexpected error" in text and "OSError: no display" in text
