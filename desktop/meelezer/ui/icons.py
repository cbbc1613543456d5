"""Toolbar icons drawn from single-colour SVGs in the palette's button-text colour."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from meelezer.resources import resource_path

# Every toolbar icon in resources/icons/toolbar, by the name ``icon()`` takes.
ICON_NAMES = (
    "play", "pause", "skip-back", "skip-forward", "previous-line", "next-line",
    "loop", "note", "bookmark", "highlight",
)
# Pixmaps made per icon and mode; QIcon scales the nearest larger one for other sizes.
_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128)
_PLACEHOLDER = "currentColor"


def icon(name: str, palette: QPalette) -> QIcon:
    """The toolbar icon ``name`` in ``palette``'s ButtonText colour (greyed when disabled).

    Call it again after the palette changes (light/dark theme): icons are cached per colour,
    so that is cheap. Raises ``KeyError`` for an unknown name.
    """
    if name not in ICON_NAMES:
        raise KeyError(f"no toolbar icon named {name!r}; known: {', '.join(ICON_NAMES)}")
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    if disabled == normal:
        # Some palettes leave the disabled group alone; fade the colour instead.
        disabled = QColor(normal)
        disabled.setAlphaF(normal.alphaF() * 0.4)
    return _cached_icon(name, normal.name(QColor.NameFormat.HexArgb),
                        disabled.name(QColor.NameFormat.HexArgb))


def clear_cache() -> None:
    """Forget every icon made so far (e.g. after the SVG files changed)."""
    _cached_icon.cache_clear()
    _svg_template.cache_clear()


@cache
def _svg_template(name: str) -> str:
    return resource_path("icons", "toolbar", f"{name}.svg").read_text(encoding="utf-8")


@cache
def _cached_icon(name: str, normal_argb: str, disabled_argb: str) -> QIcon:
    result = QIcon()
    for mode, argb in ((QIcon.Mode.Normal, normal_argb), (QIcon.Mode.Disabled, disabled_argb)):
        renderer = _renderer(_svg_template(name), QColor(argb))
        if not renderer.isValid():
            raise ValueError(f"the toolbar icon {name!r} is not a valid SVG file")
        for size in _SIZES:
            result.addPixmap(_render(renderer, size), mode, QIcon.State.Off)
    return result


def _renderer(template: str, color: QColor) -> QSvgRenderer:
    """A renderer for ``template`` with ``currentColor`` replaced by ``color``."""
    svg = template.replace(_PLACEHOLDER, color.name(QColor.NameFormat.HexRgb))
    if color.alpha() < 255:
        # SVG colours have no alpha; fade the whole drawing instead.
        svg = svg.replace("<svg ", f'<svg opacity="{color.alphaF():.3f}" ', 1)
    return QSvgRenderer(QByteArray(svg.encode("utf-8")))


def _render(renderer: QSvgRenderer, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


ICON_PROPERTY = "meelezerIcon"  # the icon name an action was given, to redraw it later


def set_themed_icon(action: QAction, name: str, palette: QPalette) -> None:
    """Give ``action`` the named icon and remember the name for ``retheme_actions``."""
    action.setProperty(ICON_PROPERTY, name)
    action.setIcon(icon(name, palette))


def retheme_actions(actions: Iterable[QAction], palette: QPalette) -> None:
    """Redraw the actions' icons in ``palette``'s colours (after a light/dark switch)."""
    for action in actions:
        name = action.property(ICON_PROPERTY)
        if isinstance(name, str):
            action.setIcon(icon(name, palette))
