"""How much disk a dependency adds: its installed files, and those of the distributions only
it requires (not also required by the rest of Meelezer)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import metadata

APP = "meelezer"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(name: str) -> set[str]:
    """The installed distributions ``name`` requires (no extras, markers that apply)."""
    from packaging.requirements import Requirement

    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return set()
    found = set()
    for text in requires:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        if installed(requirement.name):
            found.add(_canonical(requirement.name))
    return found


def installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def closure(names: Iterable[str]) -> set[str]:
    """``names`` and everything they require, transitively."""
    seen: set[str] = set()
    waiting = [_canonical(name) for name in names]
    while waiting:
        name = waiting.pop()
        if name not in seen:
            seen.add(name)
            waiting.extend(_requirements(name) - seen)
    return seen


def added_by(names: Iterable[str]) -> set[str]:
    """The distributions installed because of ``names``: theirs, minus what Meelezer's other
    runtime requirements need anyway."""
    chosen = {_canonical(name) for name in names}
    others = closure(_requirements(APP) - chosen)
    return closure(chosen) - others


def distribution_mb(name: str) -> float:
    """The size of a distribution's installed files in MB."""
    files = metadata.distribution(name).files or []
    total = 0
    for file in files:
        path = file.locate()
        if path.is_file():
            total += path.stat().st_size
    return total / 1e6
