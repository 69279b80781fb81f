"""The Photon picture: its LED shows the pattern's colour when lit, nothing when dark, in light
and dark desktops, at any size, and it animates only while someone can see it."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from led_palettes import PALETTES
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from setup_wizard.flow.led_guide import BLUE, CYAN, RED, YELLOW, LedPattern
from setup_wizard.gui.led_widget import LedWidget


def make(qtbot: QtBot, pattern: LedPattern, *, palette: str = "light", **kwargs: bool) -> LedWidget:
    widget = LedWidget(pattern, **kwargs)
    widget.setPalette(PALETTES[palette]())
    widget.resize(300, 220)
    qtbot.addWidget(widget)
    return widget


def led_pixel(widget: LedWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(widget.led_rect().center().toPoint())


def near(colour: QColor, rgb: tuple[int, int, int], tolerance: int = 60) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip((colour.red(), colour.green(), colour.blue()), rgb, strict=True)
    )


def is_dark_blue(colour: QColor) -> bool:
    return near(colour, BLUE)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_listening_led_is_dark_blue_when_on_and_not_when_off(qtbot: QtBot, palette: str) -> None:
    widget = make(qtbot, LedPattern.LISTENING, palette=palette)
    widget.freeze_at(100)  # first half of the 500 ms blink: lit
    assert is_dark_blue(led_pixel(widget))
    widget.freeze_at(350)  # second half: dark
    off = led_pixel(widget)
    assert not is_dark_blue(off)
    assert abs(off.red() - off.blue()) < 30  # the unlit LED is its pale package, no colour


def test_the_glow_around_a_lit_led_spills_onto_the_board(qtbot: QtBot) -> None:
    widget = make(qtbot, LedPattern.LISTENING)
    rect = widget.led_rect()
    beside = (rect.center() + QRectF(0, 0, rect.width() * 0.9, 0).bottomRight()).toPoint()
    widget.freeze_at(100)
    lit = widget.grab().toImage().pixelColor(beside)
    widget.freeze_at(350)
    dark = widget.grab().toImage().pixelColor(beside)
    assert lit.blue() > dark.blue() + 40


def test_breathing_cyan_is_bright_at_the_start_and_dark_halfway(qtbot: QtBot) -> None:
    widget = make(qtbot, LedPattern.CLOUD_CONNECTED)
    widget.freeze_at(0)
    bright = led_pixel(widget)
    assert near(bright, CYAN)
    widget.freeze_at(2000)
    assert led_pixel(widget).red() > 150  # no cyan left: the grey-white package shows
    widget.freeze_at(1000)
    half = led_pixel(widget)
    assert bright.red() < half.red() < 200


def test_each_pattern_shows_its_own_colour(qtbot: QtBot) -> None:
    widget = make(qtbot, LedPattern.DFU)
    widget.freeze_at(10)
    assert near(led_pixel(widget), YELLOW)
    widget.set_pattern(LedPattern.RED_SOS)
    widget.freeze_at(10)
    assert near(led_pixel(widget), RED)


def test_accessible_name_and_description_follow_the_pattern(qtbot: QtBot) -> None:
    widget = make(qtbot, LedPattern.LISTENING)
    assert widget.accessibleName() == "Photon with its light: Blinking dark blue"
    assert "ready to be set up" in widget.accessibleDescription()
    assert "SETUP" not in widget.accessibleDescription()
    widget.set_highlight_setup(True)
    assert "SETUP button" in widget.accessibleDescription()
    widget.set_pattern(LedPattern.CLOUD_CONNECTED)
    assert widget.accessibleName() == "Photon with its light: Breathing cyan"
    assert widget.toolTip() == "Breathing cyan"


def _count_near(image: QImage, area: QRectF, colour: QColor) -> int:
    count = 0
    for x in range(int(area.left()), int(area.right())):
        for y in range(int(area.top()), int(area.bottom())):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
                < 40
            ):
                count += 1
    return count


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_highlighting_setup_rings_the_button_in_the_accent_colour(
    qtbot: QtBot, palette: str
) -> None:
    widget = make(qtbot, LedPattern.LISTENING, palette=palette)
    widget.freeze_at(350)
    ring_area = widget.setup_button_rect().adjusted(-12, -12, 12, 12)
    accent = widget.palette().color(QPalette.ColorRole.Highlight)
    if palette == "dark":
        accent = accent.lighter(140)
    assert _count_near(widget.grab().toImage(), ring_area, accent) == 0
    widget.set_highlight_setup(True)
    assert _count_near(widget.grab().toImage(), ring_area, accent) > 40


def test_the_picture_keeps_its_shape_and_stays_centred_at_any_size(qtbot: QtBot) -> None:
    widget = make(qtbot, LedPattern.LISTENING)
    small = widget.led_rect()
    widget.resize(600, 440)
    large = widget.led_rect()
    assert large.width() == pytest.approx(small.width() * 2, rel=0.02)
    assert large.center().x() == pytest.approx(300, abs=2)
    widget.resize(900, 200)  # wide: the picture fits the height and sits in the middle
    assert widget.led_rect().center().x() == pytest.approx(450, abs=2)
    assert widget.heightForWidth(600) == 440


def test_the_picture_is_drawn_sharp_on_a_high_dpi_screen(qtbot: QtBot) -> None:
    widget = make(qtbot, LedPattern.LISTENING)
    widget.freeze_at(100)
    image = QImage(600, 440, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(QColor("white"))
    widget.render(image)
    centre = widget.led_rect().center()
    assert is_dark_blue(image.pixelColor(QPoint(round(centre.x() * 2), round(centre.y() * 2))))
    # The LED face spans many device pixels, not a scaled-up handful.
    row = round(centre.y() * 2)
    blue_run = sum(1 for x in range(600) if is_dark_blue(image.pixelColor(x, row)))
    assert blue_run >= 8


def test_it_animates_only_while_visible(qtbot: QtBot) -> None:
    widget = make(qtbot, LedPattern.LISTENING)
    assert not widget.is_animating()
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.is_animating()
    widget.hide()
    assert not widget.is_animating()
    widget.show()
    assert widget.is_animating()
    widget.freeze_at(100)
    assert not widget.is_animating()
    widget.freeze_at(None)
    assert widget.is_animating()
    widget.set_pattern(LedPattern.NO_LIGHT)  # nothing moves, nothing to redraw
    assert not widget.is_animating()


def test_a_hidden_parent_stops_the_animation(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    widget = LedWidget(LedPattern.CLOUD_CONNECTING, page)
    page.show()
    qtbot.waitExposed(page)
    assert widget.is_animating()
    page.hide()  # e.g. the wizard moved to the next page
    assert not widget.is_animating()


def _grab_many(widget: LedWidget, times: int) -> Callable[[], None]:
    def run() -> None:
        for ms in range(times):
            widget.freeze_at(ms * 100)
            widget.grab()

    return run


def test_painting_keeps_none_alive(qtbot: QtBot) -> None:
    # PySide6 6.12.0 dropped a reference to None on every void call; on Python 3.11 the app
    # then dies with "deallocating None" after a few seconds of animation. (On 3.12+, None is
    # immortal and its count is fixed, so this holds trivially.)
    widget = make(qtbot, LedPattern.CLOUD_CONNECTED)
    paint = _grab_many(widget, 5)
    paint()  # warm caches first
    before = sys.getrefcount(None)
    paint()
    assert sys.getrefcount(None) >= before - 20
