"""The .desktop entry and the AppStream metainfo pass their validators and agree with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from meelezer import __version__

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
DESKTOP_FILE = PACKAGING / "meelezer.desktop"
METAINFO = PACKAGING / "io.github.meelezer.Meelezer.metainfo.xml"

# The one pedantic note we accept: Freedesktop/Flathub ids conventionally capitalise the app
# name (io.github.meelezer.Meelezer), which AppStream's pedantic level flags.
ACCEPTED_PEDANTIC = {"cid-contains-uppercase-letter"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing; run `make system-deps` (packaging/install-system-deps.sh)")
    return path


def test_desktop_file_validates() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP_FILE)],
                            capture_output=True, text=True, check=False)
    # desktop-file-validate prints hints and warnings but exits 0 for them; we want none.
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates_pedantically_offline() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--pedantic", "--strict",
         "--format", "yaml", str(METAINFO)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    tags = {line.split(":", 1)[1].strip() for line in result.stdout.splitlines()
            if line.lstrip(" -").startswith("tag:")}
    assert "Passed: yes" in result.stdout, result.stdout
    assert tags <= ACCEPTED_PEDANTIC, result.stdout


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_meelezer_with_files() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "meelezer %F"
    assert entry["Icon"] == "meelezer"
    assert entry["Categories"].split(";")[:3] == ["AudioVideo", "Audio", "Player"]
    mime_types = set(filter(None, entry["MimeType"].split(";")))
    for expected in ("audio/mpeg", "audio/ogg", "audio/opus", "audio/flac", "audio/mp4",
                     "application/x-subrip", "text/vtt"):
        assert expected in mime_types


def test_metainfo_matches_desktop_file_and_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == METAINFO.name.removesuffix(".metainfo.xml")
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.findtext("name") == _desktop_entry()["Name"]
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
