"""An animated picture of a Photon whose status LED shows one pattern of the LED guide.

Everything is painted as vectors in a fixed scene that is scaled to the widget, so the picture
is crisp at any size and device pixel ratio. The animation runs only while the widget is
visible; ``freeze_at`` pins it to one instant for screenshots and tests.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHideEvent,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QRadialGradient,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from setup_wizard.flow.led_guide import TRANSLATION_CONTEXT, LedInfo, LedLight, LedPattern

FRAME_INTERVAL_MS = 33  # about 30 frames a second: smooth breathing, cheap blinking

# The scene, in its own units: a Photon standing with its USB socket up, labels either side.
SCENE = QRectF(0, 0, 240, 176)
_BOARD = QRectF(78, 14, 84, 152)
_LED_CENTRE = QPointF(120, 46)
_LED_SIZE = 12.0
_SETUP_CENTRE = QPointF(100, 46)
_RESET_CENTRE = QPointF(140, 46)
_BUTTON_SIZE = 13.0

# Physical colours: the board looks the same whatever the desktop theme.
_BOARD_COLOUR = QColor(38, 44, 52)
_PIN_COLOUR = QColor(214, 176, 74)
_CAN_LIGHT = QColor(214, 218, 224)
_CAN_DARK = QColor(150, 157, 167)
_DIFFUSER = QColor(232, 232, 228)  # the LED's package when it is dark


def guide_text(text: str) -> str:
    """A sentence of the LED guide in the user's language."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def what_to_do_text(info: LedInfo) -> str:
    return " ".join(guide_text(sentence) for sentence in info.what_to_do)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def lit_colour(light: LedLight) -> QColor:
    """The LED's face: its diffuser tinted by the light, fully the light's colour at full on."""
    r, g, b = light.colour
    k = light.brightness
    return QColor(
        round(_DIFFUSER.red() * (1 - k) + r * k),
        round(_DIFFUSER.green() * (1 - k) + g * k),
        round(_DIFFUSER.blue() * (1 - k) + b * k),
    )


def paint_led(painter: QPainter, centre: QPointF, size: float, light: LedLight) -> None:
    """The LED as a small square package with a round lit face and a glow around it.

    Shared by the Photon picture and the picker's tiles, so both show a pattern identically.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if light.lit:
        glow = QRadialGradient(centre, size * 2.2)
        r, g, b = light.colour
        glow.setColorAt(0.0, QColor(r, g, b, round(200 * light.brightness)))
        glow.setColorAt(0.35, QColor(r, g, b, round(110 * light.brightness)))
        glow.setColorAt(1.0, QColor(r, g, b, 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(glow))
        painter.drawEllipse(centre, size * 2.2, size * 2.2)
    half = size / 2
    package = QRectF(centre.x() - half, centre.y() - half, size, size)
    painter.setPen(QPen(QColor(120, 120, 120), size * 0.06))
    painter.setBrush(QColor(245, 245, 242))
    painter.drawRoundedRect(package, size * 0.12, size * 0.12)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(lit_colour(light))
    painter.drawEllipse(centre, size * 0.36, size * 0.36)
    painter.restore()


class LedWidget(QWidget):
    """A Photon with its SETUP and RESET buttons labelled and its LED animated per pattern."""

    scene = SCENE
    """The drawing's own coordinates, scaled to fit the widget."""

    def __init__(
        self,
        pattern: LedPattern = LedPattern.LISTENING,
        parent: QWidget | None = None,
        *,
        highlight_setup: bool = False,
    ) -> None:
        super().__init__(parent)
        self._pattern = pattern
        self._highlight_setup = highlight_setup
        self._frozen_ms: float | None = None
        self._clock = QElapsedTimer()
        self._clock.start()
        self._painted: LedLight | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._describe()

    # -- what it shows ---------------------------------------------------------------------

    def pattern(self) -> LedPattern:
        return self._pattern

    def set_pattern(self, pattern: LedPattern) -> None:
        if pattern is self._pattern:
            return
        self._pattern = pattern
        self._clock.restart()  # a new pattern starts at its beginning, as on the device
        self._describe()
        self._sync_timer()
        self.update()

    def highlight_setup(self) -> bool:
        return self._highlight_setup

    def set_highlight_setup(self, on: bool) -> None:
        if on != self._highlight_setup:
            self._highlight_setup = on
            self._describe()
            self.update()

    def freeze_at(self, ms: float | None) -> None:
        """Show the pattern at ``ms`` into its loop and stop there; ``None`` resumes it."""
        self._frozen_ms = ms
        if ms is None:
            self._clock.restart()
        self._sync_timer()
        self.update()

    def phase_ms(self) -> float:
        if self._frozen_ms is not None:
            return self._frozen_ms
        return float(self._clock.elapsed())

    def light(self) -> LedLight:
        """What the LED shows right now."""
        return self._pattern.look.light_at(self.phase_ms())

    def is_animating(self) -> bool:
        return self._timer.isActive()

    # -- geometry, in widget coordinates (for tests and for pages that point at things) -----

    def led_rect(self) -> QRectF:
        return self._to_widget(_square(_LED_CENTRE, _LED_SIZE))

    def setup_button_rect(self) -> QRectF:
        return self._to_widget(_square(_SETUP_CENTRE, _BUTTON_SIZE))

    def reset_button_rect(self) -> QRectF:
        return self._to_widget(_square(_RESET_CENTRE, _BUTTON_SIZE))

    # -- QWidget ---------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(300, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(150, 110)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self.scene.height() / self.scene.width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._describe()
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        light = self.light()
        self._painted = light
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scale, offset = self._scene_transform()
        painter.translate(offset)
        painter.scale(scale, scale)
        self._paint_board(painter)
        self._paint_labels(painter)
        paint_led(painter, _LED_CENTRE, _LED_SIZE, light)
        painter.end()

    # -- internals -------------------------------------------------------------------------

    def _tick(self) -> None:
        if self.light() != self._painted:
            self.update()

    def _sync_timer(self) -> None:
        wanted = self.isVisible() and self._frozen_ms is None and self._pattern.look.animated
        if wanted and not self._timer.isActive():
            self._timer.start()
        elif not wanted:
            self._timer.stop()

    def _describe(self) -> None:
        info = self._pattern.info
        name = guide_text(info.name)
        self.setAccessibleName(self.tr("Photon with its light: {0}").format(name))
        description = guide_text(info.meaning)
        if self._highlight_setup:
            description += " " + self.tr(
                "The SETUP button, left of the light, is marked: hold it for about 3 seconds."
            )
        self.setAccessibleDescription(description)
        self.setToolTip(name)

    def _scene_transform(self) -> tuple[float, QPointF]:
        scene = self.scene
        scale = min(self.width() / scene.width(), self.height() / scene.height())
        offset = QPointF(
            (self.width() - scene.width() * scale) / 2,
            (self.height() - scene.height() * scale) / 2,
        )
        return scale, offset

    def _to_widget(self, rect: QRectF) -> QRectF:
        scale, offset = self._scene_transform()
        return QRectF(
            offset.x() + rect.x() * scale,
            offset.y() + rect.y() * scale,
            rect.width() * scale,
            rect.height() * scale,
        )

    def _paint_board(self, painter: QPainter) -> None:
        dark = is_dark(self.palette())
        # USB socket, sticking out above the top edge.
        usb = QRectF(106, 8, 28, 16)
        painter.setPen(QPen(QColor(110, 116, 124), 0.8))
        grad = QLinearGradient(usb.topLeft(), usb.bottomLeft())
        grad.setColorAt(0, _CAN_LIGHT)
        grad.setColorAt(1, _CAN_DARK)
        painter.setBrush(grad)
        painter.drawRoundedRect(usb, 2.5, 2.5)
        # The board, outlined so it stands out on a dark window too.
        outline = QColor(255, 255, 255, 70) if dark else QColor(0, 0, 0, 90)
        painter.setPen(QPen(outline, 1.2))
        painter.setBrush(_BOARD_COLOUR)
        painter.drawRoundedRect(_BOARD, 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(20, 22, 26))
        painter.drawRect(QRectF(108, 14, 24, 10))  # the socket's shadow on the board
        # Header pins down both long edges.
        for i in range(12):
            y = _BOARD.top() + 12 + i * 12
            for x in (_BOARD.left() + 6, _BOARD.right() - 6):
                painter.setBrush(_PIN_COLOUR)
                painter.drawEllipse(QPointF(x, y), 3.4, 3.4)
                painter.setBrush(QColor(30, 30, 30))
                painter.drawEllipse(QPointF(x, y), 1.4, 1.4)
        # Buttons.
        for centre in (_SETUP_CENTRE, _RESET_CENTRE):
            body = _square(centre, _BUTTON_SIZE)
            painter.setPen(QPen(QColor(90, 90, 90), 0.6))
            painter.setBrush(QColor(196, 198, 202))
            painter.drawRoundedRect(body, 1.5, 1.5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(48, 50, 56))
            painter.drawEllipse(centre, 3.9, 3.9)
        # The Wi-Fi module's metal can.
        can = QRectF(92, 66, 56, 64)
        grad = QLinearGradient(can.topLeft(), can.bottomRight())
        grad.setColorAt(0, _CAN_LIGHT)
        grad.setColorAt(1, _CAN_DARK)
        painter.setPen(QPen(QColor(120, 126, 134), 0.8))
        painter.setBrush(grad)
        painter.drawRoundedRect(can, 2.5, 2.5)
        painter.setPen(QPen(QColor(255, 255, 255, 120), 0.8))
        painter.drawLine(
            QPointF(can.left() + 4, can.top() + 4), QPointF(can.right() - 4, can.top() + 4)
        )
        # Chip antenna near the bottom edge.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(236, 236, 232))
        painter.drawRoundedRect(QRectF(106, 142, 28, 9), 1.5, 1.5)

    def _paint_labels(self, painter: QPainter) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        if is_dark(palette):
            accent = accent.lighter(140)
        font = QFont(self.font())
        font.setPixelSize(10)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
        painter.setFont(font)
        y = _SETUP_CENTRE.y()
        # Label boxes sit outside the board; leader lines run to the buttons.
        setup_box = QRectF(2, y - 8, 64, 16)
        reset_box = QRectF(174, y - 8, 64, 16)
        setup_colour = accent if self._highlight_setup else text
        self._leader(painter, QPointF(67, y), QPointF(_SETUP_CENTRE.x() - 8, y), setup_colour)
        self._leader(painter, QPointF(_RESET_CENTRE.x() + 8, y), QPointF(173, y), text)
        painter.setPen(setup_colour)
        painter.drawText(
            setup_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "SETUP"
        )
        painter.setPen(text)
        painter.drawText(
            reset_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "RESET"
        )
        if self._highlight_setup:
            self._paint_setup_highlight(painter, accent, font)

    def _leader(self, painter: QPainter, start: QPointF, end: QPointF, colour: QColor) -> None:
        line = QColor(colour)
        line.setAlpha(170)
        painter.setPen(QPen(line, 1.0))
        painter.drawLine(start, end)

    def _paint_setup_highlight(self, painter: QPainter, accent: QColor, font: QFont) -> None:
        # A ring round the button and an arrowhead where the leader line meets it.
        painter.setPen(QPen(accent, 2.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(_SETUP_CENTRE, 10.5, 10.5)
        tip = QPointF(_SETUP_CENTRE.x() - 11.5, _SETUP_CENTRE.y())
        head = QPainterPath(tip)
        head.lineTo(tip.x() - 7, tip.y() - 4)
        head.lineTo(tip.x() - 7, tip.y() + 4)
        head.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawPath(head)
        hint = QFont(font)
        hint.setBold(False)
        hint.setPixelSize(8)
        painter.setFont(hint)
        painter.setPen(accent)
        painter.drawText(
            QRectF(0, _SETUP_CENTRE.y() + 8, 66, 22),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.tr("hold about 3 s"),
        )


def _square(centre: QPointF, size: float) -> QRectF:
    return QRectF(centre.x() - size / 2, centre.y() - size / 2, size, size)
