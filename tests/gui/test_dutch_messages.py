"""Messages made outside the UI (readers, store, player, app start) follow the UI's language.

Each test runs twice: with the Dutch translator installed the message must be Dutch with no
English left (and still name the file, line or episode), and without it the same message
must be English, so the check for English can fail.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from helpers.windows import WindowFactory
from meelezer.app import build_app
from meelezer.export import episode_transcript
from meelezer.i18n import install_translators, remove_translators
from meelezer.library import Library
from meelezer.playback.vlc_player import VlcPlayer
from meelezer.resources import resource_path
from meelezer.settings import Settings
from meelezer.store.database import Database, open_database
from meelezer.store.errors import DatabaseDamagedError, EpisodeNotFoundError
from meelezer.ui.main_window import MainWindow

TS = resource_path("translations", "meelezer_nl.ts")
# The translation contexts of the code without Qt (meelezer.texts.translate) and of app.py.
CONTEXTS = {"App", "Files", "Player", "Store", "Transcript"}


@cache
def _english_fragments() -> tuple[str, ...]:
    """The English between the placeholders of those contexts' texts, where the Dutch differs."""
    fragments: set[str] = set()
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") not in CONTEXTS:
            continue
        for message in context.iter("message"):
            dutch = message.findtext("translation") or ""
            for part in re.split(r"\{\w+\}", message.findtext("source") or ""):
                part = part.strip(" ,.:;()“”'\"")
                if len(part) >= 8 and part not in dutch:
                    fragments.add(part)
    return tuple(sorted(fragments))


def english_in(text: str) -> list[str]:
    return [fragment for fragment in _english_fragments() if fragment in text]


@pytest.fixture(params=["nl", "en"])
def language(request: pytest.FixtureRequest, qapp: QCoreApplication) -> Iterator[str]:
    """The UI's language for one test: Dutch (translator installed) or English (none)."""
    assert install_translators(qapp, request.param) == request.param
    yield request.param
    remove_translators(qapp)


def check(text: str, language: str, dutch: str, english: str) -> None:
    """``text`` has the Dutch (and no English) in Dutch, the English in English."""
    if language == "nl":
        assert dutch in text
        assert english_in(text) == []
    else:
        assert english in text
        assert english_in(text) != []  # the check for English finds it


BROKEN_TRANSCRIPTS = [
    # Every cue broken: one bad cue among good ones is skipped and named instead.
    pytest.param("kapot.srt", "2\n00:00:05,000 --> 00:00:03,000\nTerug in de tijd\n",
                 "kapot.srt:2: ",
                 "einde 00:00:03,000 ligt vóór begin 00:00:05,000",
                 "end 00:00:03,000 is before start 00:00:05,000", id="srt"),
    pytest.param("kapot.json", '{"segments": [{"start": "1.5", "end": 2, "text": "Nee"}]}',
                 "kapot.json: ",
                 'segment nr. 1: start is de tekst "1.5", verwacht seconden als getal',
                 'segment 1: start is the text "1.5", expected seconds as a number', id="json"),
    pytest.param("leeg.vtt", "  \n\n", "leeg.vtt: ",
                 "het bestand is leeg (of bevat alleen witruimte)",
                 "the file is empty (or only whitespace)", id="empty"),
]


@pytest.mark.parametrize(("name", "content", "where", "dutch", "english"), BROKEN_TRANSCRIPTS)
def test_a_broken_transcript_is_explained_in_the_ui_language(
        make_window: WindowFactory, tmp_path: Path, language: str, name: str, content: str,
        where: str, dutch: str, english: str) -> None:
    broken = tmp_path / name
    broken.write_text(content, encoding="utf-8")
    window = make_window()
    assert not window.open_paths([broken])
    shown = window.messages.text()
    assert where in shown  # the file, and the line where there is one, are still named
    check(shown, language, dutch, english)
    assert window.episode is None


def test_a_damaged_database_is_explained_in_the_ui_language(
        tmp_path: Path, language: str) -> None:
    damaged = tmp_path / "meelezer.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_database(damaged)
    assert str(damaged) in str(caught.value)
    check(str(caught.value), language,
          "kan niet worden gelezen: het bestand is geen Meelezer-database",
          "cannot be read: the file is not a Meelezer database")


def test_an_episode_not_in_the_library_is_explained_in_the_ui_language(
        database: Database, language: str) -> None:
    with pytest.raises(EpisodeNotFoundError) as caught:
        episode_transcript(database, 999)
    check(str(caught.value), language, "Aflevering 999 staat niet in de bibliotheek",
          "Episode 999 is not in the library")


def test_the_restored_library_message_follows_the_chosen_language(
        tmp_path: Path, language: str) -> None:
    """The library opens after the settings are read, so its recovery message is translated."""
    data = tmp_path / "data"
    data.mkdir()
    Settings(data / "settings.ini").language = language
    (data / "meelezer.sqlite3").write_bytes(b"this is not a database" * 100)
    running = build_app(str(data), None, ("--aout=dummy",))
    try:
        shown = running.window.messages.text()
        assert "meelezer-damaged-" in shown  # where the damaged file went
        check(shown, language, "Je bibliotheek was beschadigd",
              "Your library was damaged")
    finally:
        running.close()


def _missing_libvlc(*args: Any) -> Any:
    raise NameError("no function 'libvlc_new'")  # what python-vlc does without libvlc


def test_missing_libvlc_is_explained_in_the_ui_language(
        qtbot: QtBot, database: Database, tmp_path: Path, demo: Path, language: str) -> None:
    player = VlcPlayer(["--aout=dummy"], vlc_module=SimpleNamespace(Instance=_missing_libvlc))
    reason = player.unavailable_reason() or ""
    check(reason, language, "libvlc (de afspeelbibliotheek van VLC) is niet gevonden",
          "libvlc (VLC's playback library) was not found")
    check(reason, language, "Installeer VLC", "Install VLC")
    window = MainWindow(Library(database), player, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()  # the message bar shows only in a visible window
    assert window.open_paths([demo])
    shown = window.messages.text()
    assert reason in shown
    check(shown, language, "Installeer VLC", "Install VLC")
    player.shutdown()


def test_a_missing_audio_file_is_explained_in_the_ui_language(
        qtbot: QtBot, tmp_path: Path, language: str) -> None:
    player = VlcPlayer(["--aout=dummy"])
    if not player.is_available():
        pytest.skip(f"needs libvlc: {player.unavailable_reason()}")
    try:
        with qtbot.waitSignal(player.error, timeout=1000) as error:
            player.load(tmp_path / "weg.opus")
        message = str(error.args[0] if error.args else "")
        assert str(tmp_path / "weg.opus") in message
        check(message, language, "Audiobestand niet gevonden", "Audio file not found")
    finally:
        player.shutdown()
