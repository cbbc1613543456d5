"""Test-wide setup: headless Qt, and a data folder that is never the user's real one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any test imports Qt: the tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# tests/desktop/ needs a real window manager; `make test` runs it in a second process under
# Xvfb + openbox (tests/desktop/run_under_window_manager.py).
collect_ignore = [] if os.environ["QT_QPA_PLATFORM"] == "xcb" else ["desktop"]

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS = REPO_ROOT / "seeds"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own MEELEZER_DATA_DIR, so nothing touches the real library."""
    data_dir = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("MEELEZER_DATA_DIR", str(data_dir))
    yield data_dir


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
