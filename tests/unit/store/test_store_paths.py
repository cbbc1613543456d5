"""Where the data folder is: --data-dir, then MEELEZER_DATA_DIR, then the platform default."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from meelezer.store import StoreError, database_path, resolve_data_dir
from meelezer.store.paths import DATA_DIR_ENV

Call = tuple[tuple[object, ...], dict[str, object]]


@pytest.fixture
def platform_calls() -> list[Call]:
    return []


@pytest.fixture
def platform_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform_calls: list[Call]
) -> Path:
    """Point the platform default at tmp_path so no test touches the real home folder."""
    default = tmp_path / "platform" / "Meelezer"

    def fake_user_data_dir(*args: object, **kwargs: object) -> str:
        platform_calls.append((args, kwargs))
        return str(default)

    monkeypatch.setattr(platformdirs, "user_data_dir", fake_user_data_dir)
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    return default


def test_cli_value_wins_over_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform_default: Path
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir(str(tmp_path / "from-cli")) == tmp_path / "from-cli"
    assert (tmp_path / "from-cli").is_dir()
    assert not (tmp_path / "from-env").exists()


def test_environment_wins_over_platform_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform_default: Path
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir(None) == tmp_path / "from-env"
    assert (tmp_path / "from-env").is_dir()
    assert not platform_default.exists()


def test_platform_default_when_nothing_given(
    platform_default: Path, platform_calls: list[Call]
) -> None:
    assert resolve_data_dir(None) == platform_default
    assert platform_default.is_dir()
    assert platform_calls == [(("Meelezer",), {"appauthor": False})]


def test_empty_values_count_as_not_given(
    monkeypatch: pytest.MonkeyPatch, platform_default: Path
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "")
    assert resolve_data_dir("") == platform_default


def test_nested_folder_is_created(tmp_path: Path, platform_default: Path) -> None:
    wanted = tmp_path / "a" / "b" / "c"
    assert resolve_data_dir(str(wanted)) == wanted
    assert wanted.is_dir()


def test_tilde_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform_default: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    assert resolve_data_dir("~/meelezer-data") == tmp_path / "meelezer-data"


def test_a_file_in_the_way_is_a_store_error(tmp_path: Path, platform_default: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="is a file, not a folder") as caught:
        resolve_data_dir(str(blocker))
    assert "--data-dir" in str(caught.value)


def test_database_file_name(tmp_path: Path) -> None:
    assert database_path(tmp_path) == tmp_path / "meelezer.sqlite3"
