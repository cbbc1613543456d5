"""The UI's language: Qt Linguist translations (resources/translations) installed at start-up.

English is the source language and the default; ``meelezer_nl.qm`` makes the UI Dutch. The
.qm files are built from the .ts files with ``make translations``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from meelezer.resources import resource_path
from meelezer.texts import use_translator

LANGUAGES = ("en", "nl")  # English is the source text; the others have a meelezer_<code>.qm

# Installed translators, kept alive here: Qt holds only a pointer to each.
_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for translation in ``context`` without translating it yet.

    For module-level constants: lupdate collects them, and the code translates them where
    they are shown with ``QCoreApplication.translate(context, text)``.
    """
    return text


def system_language() -> str:
    """The system locale's language if Meelezer has it, else English."""
    code = QLocale.system().name().split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def remove_translators(app: QCoreApplication) -> None:
    """Take out every translator ``install_translators`` put in: the UI is English again."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str | None) -> str:
    """Make ``app`` speak ``language`` ("en", "nl"; None or "" for the system's language).

    Loads Meelezer's own translation and Qt's (for standard buttons such as OK and Cancel).
    Call it before any window is built: texts are translated when widgets are made. Returns
    the language actually used ("en" when the asked one is unknown or its file is missing).
    """
    remove_translators(app)
    # The store, readers and player translate through meelezer.texts (they have no Qt).
    use_translator(QCoreApplication.translate)
    wanted = (language or "").strip().lower() or system_language()
    if wanted not in LANGUAGES or wanted == "en":
        return "en"
    ours = QTranslator(app)
    if not ours.load(str(resource_path("translations", f"meelezer_{wanted}.qm"))):
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        qt = QTranslator(app)
        if qt.load(f"{name}_{wanted}", qt_folder):
            app.installTranslator(qt)
            _installed.append(qt)
            break
    return wanted
