"""Issue 12 item 5: the no-audio banner offers a button that attaches audio to the open episode
(its advice, File → Open…, answered "no transcript found beside …")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from helpers.windows import DEMO_AUDIO, WindowFactory, fake


def test_the_no_audio_banner_attaches_an_audio_file(
        make_window: WindowFactory, demo: Path, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    transcript = Path(shutil.copy(demo, alone / "talk.txt"))
    audio = Path(shutil.copy(demo.parent / DEMO_AUDIO, tmp_path / "somewhere-else.opus"))
    window = make_window()
    assert window.open_paths([transcript])
    assert fake(window).loaded is None
    button = window.messages.action_button
    assert button.isVisible()
    assert "File → Open" not in window.messages.text()
    asked: list[str] = []

    def choose(_parent: object, caption: str, _folder: str, _filter: str) -> tuple[str, str]:
        asked.append(caption)
        return str(audio), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert asked  # the user chose the file
    assert fake(window).loaded == audio.resolve()
    assert window.episode is not None and window.episode.audio_path == audio.resolve()
    assert "relinked" in window.messages.text().lower() or "attached" in window.messages.text()
    assert not button.isVisible()  # the message that replaced the banner has no button
    assert transcript.read_text(encoding="utf-8") == demo.read_text(encoding="utf-8")


def test_an_ordinary_message_has_no_button(make_window: WindowFactory, demo: Path) -> None:
    window = make_window()
    assert window.open_paths([demo])
    window.messages.show_message("Something to know.")
    assert not window.messages.action_button.isVisible()
