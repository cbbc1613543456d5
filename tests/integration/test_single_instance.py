"""A second Meelezer hands its files to the first over a local socket, per user and data folder."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meelezer.single_instance import SingleInstance, server_name

# The second instance runs in its own process, as it would for real: try_hand_over blocks,
# so in this process it would starve the first instance's event loop.
SECOND_START = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication
    from meelezer.single_instance import SingleInstance
    app = QCoreApplication([])
    handed_over = SingleInstance(sys.argv[1]).try_hand_over(sys.argv[2:])
    sys.exit(0 if handed_over else 3)
""")


def _start_second(data_dir: Path, *paths: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", SECOND_START, str(data_dir), *paths],
                            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def first(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[SingleInstance, list[list[str]]]]:
    received: list[list[str]] = []
    instance = SingleInstance(tmp_path / "data")
    assert not instance.try_hand_over(["nobody-is-listening.txt"], timeout_ms=300)
    assert instance.listen(received.append)
    yield instance, received
    instance.close()


def _finish(qtbot: QtBot, process: subprocess.Popen[str]) -> int:
    # Keep the first instance's event loop running while the second one waits for its answer.
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=10_000)
    _, stderr = process.communicate()
    assert "Traceback" not in stderr, stderr
    return process.returncode


def test_second_start_hands_its_files_to_the_first(
    qtbot: QtBot, tmp_path: Path, first: tuple[SingleInstance, list[list[str]]]
) -> None:
    _, received = first
    second = _start_second(tmp_path / "data", "episode.opus", "/abs/episode.srt", cwd=tmp_path)
    assert _finish(qtbot, second) == 0
    # Relative paths arrive made absolute against the second start's working folder.
    assert received == [[str(tmp_path / "episode.opus"), "/abs/episode.srt"]]


def test_second_start_without_files_still_hands_over(
    qtbot: QtBot, tmp_path: Path, first: tuple[SingleInstance, list[list[str]]]
) -> None:
    _, received = first
    assert _finish(qtbot, _start_second(tmp_path / "data", cwd=tmp_path)) == 0
    assert received == [[]]


def test_another_data_folder_is_another_instance(
    qtbot: QtBot, tmp_path: Path, first: tuple[SingleInstance, list[list[str]]]
) -> None:
    _, received = first
    other = _start_second(tmp_path / "other-data", "episode.opus", cwd=tmp_path)
    assert _finish(qtbot, other) == 3
    assert received == []


def test_after_close_nobody_takes_the_files(
    qtbot: QtBot, tmp_path: Path, first: tuple[SingleInstance, list[list[str]]]
) -> None:
    instance, received = first
    instance.close()
    assert not instance.is_listening
    assert _finish(qtbot, _start_second(tmp_path / "data", "a.txt", cwd=tmp_path)) == 3
    assert received == []


def test_server_name_differs_per_data_folder_but_not_per_spelling(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")
    assert len(server_name(tmp_path)) < 40  # Unix socket paths are limited to ~100 bytes


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave nothing behind")
def test_listen_replaces_a_socket_left_by_a_crashed_instance(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtNetwork import QLocalServer

    instance = SingleInstance(tmp_path / "data")
    probe = QLocalServer()
    assert probe.listen(instance.name)
    path = probe.fullServerName()
    probe.close()
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(path)  # a socket file nobody listens on, as a crash leaves it
    stale.close()
    try:
        assert not instance.try_hand_over([], timeout_ms=300)
        assert instance.listen(lambda paths: None)
        assert instance.is_listening
    finally:
        instance.close()
        Path(path).unlink(missing_ok=True)
