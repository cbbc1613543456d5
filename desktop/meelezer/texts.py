"""Translatable text for the code without Qt: transcript readers, the store, playback.

Those layers must not import Qt (the CLI and the readers run without it), yet their
messages reach the window. They call ``translate(context, text)`` here, a name
pyside6-lupdate collects like Qt's own; the app plugs Qt's translator in at start-up
(``meelezer.i18n``), and without it (the CLI, tests) the English text comes back.

Translate the template, then fill it: ``translate("Store", "Episode {id} …").format(id=…)``.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def translate(context: str, text: str) -> str:
    """``text`` in the UI's language (English when no translator is plugged in)."""
    return text if _translator is None else _translator(context, text)


def use_translator(translator: Callable[[str, str], str] | None) -> None:
    """Plug in how texts are translated (the app passes ``QCoreApplication.translate``)."""
    global _translator
    _translator = translator
