"""One Meelezer per user and data folder: a second start hands its files to the running one."""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

_ACK = b"ok\n"
# Generous: the running instance may be busy (opening a long transcript) when we knock.
_TIMEOUT_MS = 3000
_MAX_MESSAGE = 1 << 20


def server_name(data_dir: Path | str) -> str:
    """The local-socket name for this user and data folder (short enough for Unix sockets)."""
    key = f"{getpass.getuser()}\0{Path(data_dir).expanduser().resolve()}"
    return "meelezer-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


class SingleInstance(QObject):
    """Talks to, or becomes, the Meelezer that owns ``data_dir``.

    At start-up call ``try_hand_over(files)``; if it returns True another Meelezer has the
    files and this process should exit. Otherwise call ``listen(on_paths)`` and keep this
    object alive: ``on_paths`` then gets the files of every later start (an empty list
    means "just bring the window to the front").
    """

    def __init__(self, data_dir: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server: QLocalServer | None = None
        self._on_paths: Callable[[list[str]], None] | None = None

    def try_hand_over(self, paths: list[str], timeout_ms: int = _TIMEOUT_MS) -> bool:
        """Send ``paths`` (made absolute) to a running instance; whether it took them."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        absolute = [str(Path(path).absolute()) for path in paths]
        socket.write(json.dumps({"paths": absolute}).encode("utf-8") + b"\n")
        if not socket.waitForBytesWritten(timeout_ms):
            socket.abort()
            return False
        reply = b""
        while len(reply) < len(_ACK) and socket.waitForReadyRead(timeout_ms):
            reply += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        taken = reply.startswith(_ACK)
        if taken:
            logger.info("Handed %s to the Meelezer already running", absolute or "nothing")
        return taken

    def listen(self, on_paths: Callable[[list[str]], None]) -> bool:
        """Become the running instance; whether listening started.

        A socket left behind by a crashed instance is removed first (call this only after
        ``try_hand_over`` found nobody answering).
        """
        self._on_paths = on_paths
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                logger.warning("Cannot listen on %s: %s; files opened from outside start "
                               "another window", self.name, server.errorString())
                return False
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening; a later start becomes the running instance itself."""
        if self._server is not None:
            self._server.close()
            self._server = None

    @property
    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer += bytes(socket.readAll().data())
                if len(buffer) > _MAX_MESSAGE:
                    socket.abort()
                elif buffer.endswith(b"\n"):
                    self._answer(socket, bytes(buffer))

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()

    def _answer(self, socket: QLocalSocket, message: bytes) -> None:
        try:
            paths = json.loads(message)["paths"]
        except (ValueError, KeyError, TypeError):
            socket.abort()
            return
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            socket.abort()
            return
        socket.write(_ACK)
        socket.flush()
        if self._on_paths is not None:
            self._on_paths(paths)
