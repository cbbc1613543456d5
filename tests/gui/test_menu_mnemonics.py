"""Every menu's Alt letters (the & mnemonics) are unique within it, in English and Dutch: a
letter shared by two items only moves between them, so neither opens from the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QMenuBar

from helpers.windows import WindowFactory


def _mnemonic(text: str) -> str | None:
    """The letter after a single & (&& is a literal ampersand)."""
    at = 0
    while (at := text.find("&", at)) >= 0 and at + 1 < len(text):
        if text[at + 1] != "&":
            return text[at + 1].lower()
        at += 2
    return None


def _clashes(owner: QMenu | QMenuBar, path: str) -> Iterator[str]:
    seen: dict[str, str] = {}
    for action in owner.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = _mnemonic(action.text())
        if letter is not None:
            if letter in seen:
                yield f"{path}: '{letter}' in {seen[letter]!r} and {action.text()!r}"
            seen[letter] = action.text()
        if (submenu := action.menu()) is not None and isinstance(submenu, QMenu):
            yield from _clashes(submenu, f"{path} > {action.text()}")


def _all_clashes(make_window: WindowFactory, demo: Path) -> list[str]:
    window = make_window()
    assert window.open_paths([demo])
    return list(_clashes(window.menuBar(), "menu bar"))


def test_every_menu_letter_is_unique_in_english(make_window: WindowFactory,
                                                demo: Path) -> None:
    assert _all_clashes(make_window, demo) == []


@pytest.mark.usefixtures("dutch")
def test_every_menu_letter_is_unique_in_dutch(make_window: WindowFactory, demo: Path) -> None:
    assert _all_clashes(make_window, demo) == []


def test_the_check_sees_a_shared_letter() -> None:
    menu = QMenu()
    menu.addAction("&Save")
    menu.addAction("&Suggest")
    menu.addAction("Rock && &roll")
    assert list(_clashes(menu, "m")) == ["m: 's' in '&Save' and '&Suggest'"]
