"""Finding or creating the speakers of an imported episode (per show, else per episode)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from sqlalchemy import Connection, insert, select

from meelezer.store.tables import SPEAKER, inserted_id

# Distinct on light and dark backgrounds (Okabe–Ito, then Tableau), used in this order.
SPEAKER_COLORS: Final = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#9c755f",
)


def ensure_speakers(
    connection: Connection,
    names: Iterable[str],
    *,
    show_id: int | None,
    episode_id: int,
) -> dict[str, int]:
    """Speaker id by name for ``names``, creating the ones not yet known.

    With a show, speakers belong to the show and are reused by its later episodes; without
    one they belong to this episode only. New speakers get the first colour not yet used
    in that scope, and no hotkey. Runs inside the caller's transaction.
    """
    if show_id is not None:
        scope = SPEAKER.c.show_id == show_id
    else:
        scope = SPEAKER.c.episode_id == episode_id
    existing = connection.execute(
        select(SPEAKER.c.name, SPEAKER.c.id, SPEAKER.c.color).where(scope)
    )
    ids: dict[str, int] = {}
    used_colors: set[str] = set()
    for name, speaker_id, color in existing:
        ids[name] = speaker_id
        used_colors.add(color)
    for name in dict.fromkeys(names):  # a handful per episode; one insert each for the id
        if name in ids:
            continue
        color = next_color(used_colors)
        used_colors.add(color)
        values = {
            "show_id": show_id,
            "episode_id": None if show_id is not None else episode_id,
            "name": name,
            "color": color,
            "hotkey": None,
        }
        ids[name] = inserted_id(connection.execute(insert(SPEAKER).values(values)))
    return ids


def next_color(used: set[str]) -> str:
    """The first palette colour not in ``used``; cycles through the palette when all are."""
    for color in SPEAKER_COLORS:
        if color not in used:
            return color
    return SPEAKER_COLORS[len(used) % len(SPEAKER_COLORS)]
