"""Toolbar icons and the app icon: every SVG renders, and icons take the palette's colour."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from meelezer.resources import resource_path
from meelezer.ui.icons import ICON_NAMES, icon


def _palette(button_text: str) -> QPalette:
    palette = QPalette(QColor("#808080"))
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText, QColor(button_text))
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.ButtonText,
                     QColor(button_text))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                     QColor("#00ff00"))
    return palette


def _inked(image: QImage) -> list[QColor]:
    """The clearly drawn (mostly opaque) pixels of an image."""
    return [color for y in range(image.height()) for x in range(image.width())
            if (color := image.pixelColor(x, y)).alpha() > 200]


def _all_near(colours: list[QColor], expected: str) -> bool:
    """Every colour is ``expected`` give or take rounding (pixmaps store premultiplied alpha)."""
    want = QColor(expected)
    return all(abs(c.red() - want.red()) <= 3 and abs(c.green() - want.green()) <= 3
               and abs(c.blue() - want.blue()) <= 3 for c in colours)


def _image(an_icon: QIcon, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QImage:
    return an_icon.pixmap(QSize(size, size), 1.0, mode).toImage()


def test_toolbar_folder_has_exactly_the_named_icons() -> None:
    folder = resource_path("icons", "toolbar")
    assert sorted(path.stem for path in folder.glob("*.svg")) == sorted(ICON_NAMES)


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icon_is_drawn_only_in_the_button_text_colour(qtbot: QtBot, name: str) -> None:
    for colour in ("#102030", "#f0e0d0"):  # a light-theme and a dark-theme button text
        for size in (16, 24, 48):
            image = _image(icon(name, _palette(colour)), size)
            inked = _inked(image)
            # Visible at 16 px: a real share of the square is solid ink, not a grey speck.
            assert len(inked) >= size * size // 14, (name, size, len(inked))
            assert _all_near(inked, colour), (name, size, {c.name() for c in inked})


@pytest.mark.parametrize("name", ICON_NAMES)
def test_disabled_icon_uses_the_disabled_colour(qtbot: QtBot, name: str) -> None:
    inked = _inked(_image(icon(name, _palette("#102030")), 24, QIcon.Mode.Disabled))
    assert inked and _all_near(inked, "#00ff00")


def test_icons_are_cached_per_colour(qtbot: QtBot) -> None:
    dark = icon("play", _palette("#eeeeee"))
    assert icon("play", _palette("#eeeeee")).cacheKey() == dark.cacheKey()
    assert icon("play", _palette("#111111")).cacheKey() != dark.cacheKey()


def test_unknown_icon_name_is_an_error(qtbot: QtBot) -> None:
    with pytest.raises(KeyError, match="no toolbar icon named 'stop'"):
        icon("stop", _palette("#000000"))


def test_svgs_use_current_color_only() -> None:
    """Single colour: any other colour would not follow the theme."""
    for name in ICON_NAMES:
        root = ET.parse(resource_path("icons", "toolbar", f"{name}.svg")).getroot()
        for element in root.iter():
            for attribute in ("fill", "stroke", "color", "stop-color"):
                assert element.get(attribute, "none") in {"none", "currentColor"}, (name,)


@pytest.mark.parametrize("size", [16, 32, 256])
def test_app_icon_renders_opaque_in_the_middle(qtbot: QtBot, size: int) -> None:
    renderer = QSvgRenderer(str(resource_path("icons", "meelezer.svg")))
    assert renderer.isValid()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    assert image.pixelColor(size // 2, size // 2).alpha() == 255
    assert image.pixelColor(0, 0).alpha() < 255  # rounded corners
