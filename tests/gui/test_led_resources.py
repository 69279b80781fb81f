"""The app's icon, pictures and style sheet: found where they are installed, sharp at every size,
and readable on light and dark desktops."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from led_palettes import PALETTES, contrast
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from setup_wizard.gui import resources
from setup_wizard.gui.resources import APP_ICON_SIZES, Glyph, Picture

# Icons and pixmaps need the application object, as they do in the app.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app with the style sheet applied, as app.py will do; put back afterwards."""
    palette = qapp.palette()
    qapp.setStyleSheet(resources.style_sheet())
    yield qapp
    qapp.setStyleSheet("")
    qapp.setPalette(palette)


def test_the_app_icon_has_a_sharp_png_for_every_size_a_desktop_asks_for() -> None:
    icon = resources.icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(APP_ICON_SIZES)
    for size in APP_ICON_SIZES:
        png = QImage(str(resources.resource_path(f"icons/photon-setup-{size}.png")))
        assert png.size() == QSize(size, size)
        # Transparent rounded corners, an opaque middle.
        assert png.pixelColor(0, 0).alpha() == 0
        assert png.pixelColor(size // 2, size // 2).alpha() == 255


def test_the_app_icon_pngs_match_their_svg() -> None:
    """tools/render_icons.py was run after the last change to the SVG."""
    svg = resources.picture(Picture.APP_ICON).pixmap(64, 64).toImage()
    png = QImage(str(resources.resource_path("icons/photon-setup-64.png")))
    svg = svg.convertToFormat(QImage.Format.Format_ARGB32)
    png = png.convertToFormat(QImage.Format.Format_ARGB32)
    differences = [
        abs(svg.pixelColor(x, y).green() - png.pixelColor(x, y).green())
        for x in range(0, 64, 4)
        for y in range(0, 64, 4)
    ]
    assert sum(differences) / len(differences) < 8


@pytest.mark.parametrize("picture", list(Picture))
def test_pictures_render_at_any_size(picture: Picture) -> None:
    assert resources.picture_path(picture).suffix == ".svg"
    for width in (120, 480):
        pixmap = resources.picture(picture).pixmap(QSize(width, width))
        assert not pixmap.isNull()
        image = pixmap.toImage()
        assert image.width() == width or image.height() == width  # drawn at the size asked
        centre = image.pixelColor(image.width() // 2, image.height() // 2)
        assert centre.alpha() > 0


@pytest.mark.parametrize("glyph", list(Glyph))
def test_state_glyphs_exist(glyph: Glyph) -> None:
    assert not resources.glyph(glyph).pixmap(20, 20).isNull()


def test_a_missing_resource_is_a_clear_error() -> None:
    with pytest.raises(FileNotFoundError, match=r"no resource 'icons/nope\.svg'"):
        resources.resource_path("icons/nope.svg")


def test_the_style_sheet_points_at_real_files() -> None:
    sheet = resources.style_sheet()
    assert "url(@resources@" not in sheet
    urls = re.findall(r"url\(([^)]+)\)", sheet)
    assert urls
    for url in urls:
        assert Path(url).is_file(), url


def _panel(name: str, title: str, text: str) -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    row = QHBoxLayout(frame)
    icon = QLabel()
    icon.setObjectName("panelIcon")
    row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
    column = QVBoxLayout()
    heading = QLabel(title)
    heading.setObjectName("panelTitle")
    column.addWidget(heading)
    body = QLabel(text)
    body.setObjectName("panelText")
    column.addWidget(body)
    row.addLayout(column, 1)
    return frame


def _page(palette: QPalette) -> tuple[QWidget, dict[str, QFrame], QLabel]:
    """A page on a desktop whose palette is ``palette`` (the platform sets the app's)."""
    QApplication.setPalette(palette)
    page = QWidget()
    layout = QVBoxLayout(page)
    title = QLabel("Put your Photon in listening mode")
    title.setObjectName("pageTitle")
    layout.addWidget(title)
    badge = QLabel("Simulation")
    badge.setObjectName("simulationBadge")
    layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
    panels = {
        name: _panel(name, "The Photon did not answer.", "Check that its light blinks dark blue.")
        for name in ("errorPanel", "noticePanel", "warningPanel", "successPanel")
    }
    for panel in panels.values():
        layout.addWidget(panel)
    page.resize(520, 480)
    return page, panels, badge


def _background(image: QImage, widget: QWidget, page: QWidget) -> QColor:
    """A pixel of the widget's own background, away from its border and contents."""
    corner = widget.mapTo(page, widget.rect().bottomRight())
    return image.pixelColor(corner.x() - 4, corner.y() - 4)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_panels_are_readable_and_tinted_in_light_and_dark(
    qtbot: QtBot, styled: QApplication, palette: str
) -> None:
    page, panels, badge = _page(PALETTES[palette]())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    image = page.grab().toImage()
    window = page.palette().color(QPalette.ColorRole.Window)
    tints = {}
    for name, panel in panels.items():
        background = _background(image, panel, page)
        text = panel.findChild(QLabel, "panelText")
        assert text is not None
        assert contrast(text.palette().color(QPalette.ColorRole.WindowText), background) >= 7
        assert background != window  # the panel stands out from the page
        tints[name] = background.name()
        icon = panel.findChild(QLabel, "panelIcon")
        assert icon is not None
        assert icon.width() == 20  # the style sheet gave it its picture
    assert len(set(tints.values())) == 4  # error, notice, warning, success: four tints
    assert contrast(QColor("#1d1d1d"), _background(image, badge, page)) >= 7


def test_titles_are_larger_than_body_text(qtbot: QtBot, styled: QApplication) -> None:
    page, panels, _ = _page(PALETTES["light"]())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    title = page.findChild(QLabel, "pageTitle")
    body = panels["errorPanel"].findChild(QLabel, "panelText")
    assert title is not None
    assert body is not None
    assert title.fontInfo().pointSizeF() > body.fontInfo().pointSizeF() * 1.3
    assert title.fontInfo().bold()


def test_the_style_sheet_parses_cleanly(qtbot: QtBot, qtlog: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(resources.style_sheet())
    try:
        page, _, _ = _page(PALETTES["dark"]())
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        page.grab()
    finally:
        app.setStyleSheet("")
    assert not [r.message for r in qtlog.records if "style" in r.message.lower()]
