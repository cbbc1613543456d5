"""resource_path finds resources/ in a checkout, in a PyInstaller bundle and in an install."""

from __future__ import annotations

import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest

from meelezer import resources

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture(autouse=True)
def fresh_lookup() -> Iterator[None]:
    resources.resources_dir.cache_clear()
    yield
    resources.resources_dir.cache_clear()


def _fake_resources(root: Path) -> Path:
    (root / "icons").mkdir(parents=True)
    return root


def test_checkout_finds_the_repository_resources() -> None:
    found = resources.resource_path("icons", "meelezer.svg")
    assert found == REPO_RESOURCES / "icons" / "meelezer.svg"
    assert found.is_file()


def test_bundle_resources_come_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = _fake_resources(tmp_path / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("icons", "play.svg") == bundled / "icons" / "play.svg"


def test_installed_share_folder_is_used_without_a_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = _fake_resources(tmp_path / "share" / "meelezer")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "site-packages" / "meelezer")
    monkeypatch.setattr(sysconfig, "get_path", lambda name, scheme: str(tmp_path))
    assert resources.resources_dir() == installed


def test_missing_resources_say_where_they_were_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "site-packages" / "meelezer")
    monkeypatch.setattr(sysconfig, "get_path", lambda name, scheme: str(tmp_path))
    with pytest.raises(FileNotFoundError, match="resources folder is missing"):
        resources.resource_path("icons", "play.svg")
