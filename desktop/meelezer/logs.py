"""The log file in the data folder, and catching what would otherwise end Meelezer silently.

Modules log through ``logging.getLogger(__name__)``; ``setup_logging`` sends the
``meelezer`` loggers (and Qt's and Python's warnings) to a rotating file, so a user can
send what happened without running anything from a terminal. ``install_excepthooks``
makes an exception that nothing caught, on any thread, go to that file with its
traceback and then to a callback (the window shows a dialog), instead of ending the
program or vanishing into a terminal nobody sees. No Qt here: the CLI uses it too.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOGS_FOLDER = "logs"
LOG_FILENAME = "meelezer.log"
MAX_LOG_BYTES = 1024 * 1024  # a few weeks of ordinary use; then the oldest part goes
LOG_BACKUPS = 3  # meelezer.log.1 … .3 beside the current file
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

logger = logging.getLogger("meelezer")
_installed: list[logging.Handler] = []  # what setup_logging added, to replace on a new call

ExceptionReport = Callable[[BaseException, str], None]  # the error, its formatted traceback


def log_folder(data_dir: Path) -> Path:
    return data_dir / LOGS_FOLDER


def setup_logging(data_dir: Path, level: int = logging.INFO,
                  max_bytes: int = MAX_LOG_BYTES) -> Path | None:
    """Log to ``data_dir/logs/meelezer.log`` (rotating); the file, or None when the folder
    cannot be written (a read-only data folder must not stop Meelezer: it logs to stderr).

    Calling it again (tests, another library) replaces the earlier file handler.
    """
    stop_logging()
    logger.setLevel(level)
    # Python's warnings go to the "py.warnings" logger. Off first: a second call is a no-op,
    # even when something (a test runner) has put its own warnings.showwarning back since.
    logging.captureWarnings(False)
    logging.captureWarnings(True)
    path = log_folder(data_dir) / LOG_FILENAME
    written: Path | None = path
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=LOG_BACKUPS,
                                      encoding="utf-8")
    except OSError as error:
        handler, written = logging.StreamHandler(sys.stderr), None
        handler.setLevel(logging.WARNING)
        print(f"meelezer: cannot write the log in {log_folder(data_dir)}: "
              f"{error.strerror or error}", file=sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    _installed.append(handler)
    logger.addHandler(handler)
    logging.getLogger("py.warnings").addHandler(handler)
    return written


def stop_logging() -> None:
    """Close the log file (at exit, and between tests)."""
    warnings_logger = logging.getLogger("py.warnings")
    while _installed:
        old = _installed.pop()
        logger.removeHandler(old)
        warnings_logger.removeHandler(old)
        old.close()


def install_excepthooks(report: ExceptionReport | None = None) -> Callable[[], None]:
    """Log every uncaught exception (main thread, Qt slots, other threads) with its
    traceback, then hand it to ``report``. Returns a function that puts the old hooks back.

    Ctrl+C (KeyboardInterrupt) and SystemExit keep their usual meaning.
    """
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def handle(kind: type[BaseException], error: BaseException,
               trace: TracebackType | None, thread: str | None = None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            previous_hook(kind, error, trace)
            return
        text = "".join(traceback.format_exception(kind, error, trace))
        where = f" in thread {thread}" if thread else ""
        logger.critical("Unexpected error%s:\n%s", where, text.rstrip())
        if report is not None:
            try:
                report(error, text)
            except Exception:  # a failing report must not hide the error it reports
                logger.exception("Could not show the unexpected error")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        handle(args.exc_type, args.exc_value, args.exc_traceback,
               args.thread.name if args.thread is not None else "?")

    sys.excepthook = handle
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook

    return restore
