"""Safe Markdown rendering of notes: no raw HTML, no images, no script links; plain previews."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat

# GitHub's dialect minus raw HTML: "<script>" stays visible text and is escaped on output.
_FEATURES = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
             | QTextDocument.MarkdownFeature.MarkdownNoHTML)
_SAFE_LINK_SCHEMES = ("http:", "https:", "mailto:")
_OBJECT_CHAR = "\ufffc"  # what an image leaves in plain text
_SPACES = re.compile(r"\s+")


def _neutralise(document: QTextDocument) -> None:
    """Swap every image for its alt text and unlink anything but web and mail links."""
    block = document.begin()
    replacements: list[tuple[int, int, str]] = []
    unlinks: list[tuple[int, int]] = []
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            char_format = fragment.charFormat()
            if char_format.isImageFormat():
                alt = str(char_format.property(QTextFormat.Property.ImageAltText) or "").strip()
                replacements.append((fragment.position(), fragment.length(),
                                     f"[image: {alt}]" if alt else "[image]"))
            elif char_format.isAnchor():
                href = char_format.anchorHref().strip().lower()
                if not href.startswith(_SAFE_LINK_SCHEMES):
                    unlinks.append((fragment.position(), fragment.length()))
            iterator += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length in unlinks:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        plain = cursor.charFormat()
        plain.setAnchor(False)
        plain.setAnchorHref("")
        plain.setFontUnderline(False)
        plain.clearForeground()
        cursor.setCharFormat(plain)
    # Back to front, so earlier positions stay valid while text grows.
    for position, length, text in reversed(replacements):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, document.begin().charFormat())


def _document(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setMarkdown(text, _FEATURES)
    _neutralise(document)
    return document


def render_note_markdown(text: str) -> str:
    """HTML for a QTextBrowser or QLabel: the note's Markdown, with nothing fetched or run."""
    return _document(text).toHtml()


def note_preview(text: str, max_chars: int = 120) -> str:
    """The note as one plain line, cut at a word with "…" when longer than ``max_chars``."""
    plain = _document(text).toPlainText().replace(_OBJECT_CHAR, "")
    line = _SPACES.sub(" ", plain).strip()
    if len(line) <= max_chars:
        return line
    cut = line[: max(1, max_chars - 1)]
    space = cut.rfind(" ")
    if space > max_chars // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


# Markdown's marks around text (emphasis, code, headings, quotes, bullets, link brackets),
# found where they act as marks: a lone * or _ only at a word's edge, so snake_case stays.
_MARKS = re.compile(
    r"\*\*|__|~~|`+"
    r"|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)"
    r"|^[ \t]{0,3}#{1,6}[ \t]+|^[ \t]{0,3}>[ \t]?|^[ \t]*[-+*][ \t]+(?=\S)"
    r"|\[(?=[^\]\n]*\]\([^)\n]*\))|\]\([^)\n]*\)",
    re.MULTILINE)


def without_markdown_marks(text: str, spans: tuple[tuple[int, int], ...]
                           ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` with its Markdown marks taken out, and ``spans`` (match offsets in ``text``)
    moved to the same characters in the result: a search hit in a note reads as prose."""
    keep = [True] * len(text)
    for mark in _MARKS.finditer(text):
        for index in range(mark.start(), mark.end()):
            keep[index] = False
    new_index: list[int] = []
    kept: list[str] = []
    for index, character in enumerate(text):
        new_index.append(len(kept))
        if keep[index]:
            kept.append(character)
    new_index.append(len(kept))
    moved = tuple((new_index[start], new_index[end]) for start, end in spans
                  if new_index[end] > new_index[start])
    return "".join(kept), moved
