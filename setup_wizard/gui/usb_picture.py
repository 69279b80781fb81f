"""A picture of a Photon plugged into a laptop by its USB cable, its light blinking dark blue.

The Photon is the LED guide's own drawing (:class:`LedWidget`, same board, same animated
light), moved to the right of a wider scene that adds the laptop and the cable, so the
Connect page's pictures and the listening-mode page's match.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from setup_wizard.flow.led_guide import LISTENING_PATTERN
from setup_wizard.gui.led_widget import LedWidget, is_dark, paint_led

# The scene, in its own units; the Photon's own scene (LedWidget's) sits at _PHOTON_AT.
SCENE = QRectF(0, 0, 400, 212)
_PHOTON_AT = QPointF(226, 42)
_LED_CENTRE = QPointF(120, 46)  # in the Photon's own scene, as LedWidget draws it
_LED_SIZE = 12.0

# The laptop, front view: a screen on its base, the USB port in the base's right side.
_SCREEN = QRectF(14, 52, 168, 108)
_DISPLAY = _SCREEN.adjusted(8, 8, -8, -10)
_BASE = QRectF(2, 160, 192, 12)
_PORT = QRectF(194, 162, 4, 7)
_PLUG_A = QRectF(198, 158, 22, 14)  # the cable's USB-A plug, outside the port

# The cable's micro-USB plug, pushed into the Photon's socket from above.
_SOCKET_TOP = QPointF(_PHOTON_AT.x() + 120, _PHOTON_AT.y() + 8)
_MICRO_PLUG = QRectF(_SOCKET_TOP.x() - 12, _SOCKET_TOP.y() - 22, 24, 20)

_CABLE = QColor(43, 47, 53)
_CABLE_EDGE = QColor(122, 130, 141)
_PLUG = QColor(52, 56, 63)
_METAL_LIGHT = QColor(230, 233, 237)
_METAL_DARK = QColor(152, 160, 170)
_BEZEL = QColor(43, 47, 53)
_DISPLAY_TOP = QColor(233, 238, 244)
_DISPLAY_BOTTOM = QColor(205, 216, 228)
_WINDOW_BAR = QColor(47, 122, 229)


class UsbCableWidget(LedWidget):
    """The Photon in listening mode on a cable to a laptop (its light animated)."""

    scene = SCENE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(LISTENING_PATTERN, parent)

    # -- QWidget ---------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(300, 160)

    def minimumSizeHint(self) -> QSize:
        return QSize(180, 96)

    def paintEvent(self, event: QPaintEvent) -> None:
        light = self.light()
        self._painted = light
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale, offset = self._scene_transform()
        painter.translate(offset)
        painter.scale(scale, scale)
        self._paint_laptop(painter)
        self._paint_cable(painter)
        painter.save()
        painter.translate(_PHOTON_AT)
        self._paint_board(painter)
        paint_led(painter, _LED_CENTRE, _LED_SIZE, light)
        painter.restore()
        self._paint_micro_plug(painter)
        painter.end()

    # -- LedWidget: its scene is this one's, its Photon moved to _PHOTON_AT ------------------

    def _describe(self) -> None:
        self.setAccessibleName(self.tr("A Photon plugged into a computer with a USB cable"))
        self.setAccessibleDescription(
            self.tr("The Photon's light blinks dark blue: it is in listening mode.")
        )

    def _to_widget(self, rect: QRectF) -> QRectF:
        return super()._to_widget(rect.translated(_PHOTON_AT))

    # -- drawing ---------------------------------------------------------------------------

    def _outline(self) -> QColor:
        return QColor(255, 255, 255, 70) if is_dark(self.palette()) else QColor(0, 0, 0, 90)

    def _paint_laptop(self, painter: QPainter) -> None:
        painter.setPen(QPen(self._outline(), 1.2))
        painter.setBrush(_BEZEL)
        painter.drawRoundedRect(_SCREEN, 7, 7)
        display = QLinearGradient(_DISPLAY.topLeft(), _DISPLAY.bottomLeft())
        display.setColorAt(0, _DISPLAY_TOP)
        display.setColorAt(1, _DISPLAY_BOTTOM)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(display)
        painter.drawRoundedRect(_DISPLAY, 2, 2)
        painter.setBrush(QColor(90, 96, 104))
        painter.drawEllipse(QPointF(_SCREEN.center().x(), _SCREEN.top() + 4.5), 1.4, 1.4)
        # A small window on the screen: this app, with a few lines of text.
        window = QRectF(_DISPLAY.left() + 22, _DISPLAY.top() + 14, _DISPLAY.width() - 44, 62)
        painter.setPen(QPen(QColor(0, 0, 0, 40), 0.8))
        painter.setBrush(QColor(252, 252, 252))
        painter.drawRoundedRect(window, 3, 3)
        painter.save()
        frame = QPainterPath()
        frame.addRoundedRect(window, 3, 3)
        painter.setClipPath(frame)
        painter.fillRect(QRectF(window.left(), window.top(), window.width(), 9), _WINDOW_BAR)
        painter.restore()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(176, 184, 194))
        for row, width in enumerate((0.72, 0.55, 0.64)):
            line = QRectF(window.left() + 8, window.top() + 18 + row * 10, 0, 4)
            line.setWidth((window.width() - 16) * width)
            painter.drawRoundedRect(line, 2, 2)
        painter.setBrush(_WINDOW_BAR)
        painter.drawRoundedRect(QRectF(window.right() - 30, window.bottom() - 12, 22, 7), 2, 2)
        # The base, a slab of aluminium with a notch for opening the lid.
        base = QLinearGradient(_BASE.topLeft(), _BASE.bottomLeft())
        base.setColorAt(0, _METAL_LIGHT)
        base.setColorAt(1, _METAL_DARK)
        painter.setPen(QPen(self._outline(), 1.0))
        painter.setBrush(base)
        slab = QPainterPath()
        slab.moveTo(_BASE.left() + 4, _BASE.top())
        slab.lineTo(_BASE.right() - 4, _BASE.top())
        slab.quadTo(_BASE.right(), _BASE.top(), _BASE.right(), _BASE.top() + 5)
        slab.lineTo(_BASE.right() - 6, _BASE.bottom())
        slab.lineTo(_BASE.left() + 6, _BASE.bottom())
        slab.lineTo(_BASE.left(), _BASE.top() + 5)
        slab.quadTo(_BASE.left(), _BASE.top(), _BASE.left() + 4, _BASE.top())
        painter.drawPath(slab)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 40))
        centre = _BASE.center().x()
        painter.drawRoundedRect(QRectF(centre - 16, _BASE.top(), 32, 3), 1.5, 1.5)

    def _paint_cable(self, painter: QPainter) -> None:
        start = QPointF(_PLUG_A.right(), _PLUG_A.center().y())
        end = QPointF(_MICRO_PLUG.center().x(), _MICRO_PLUG.top())
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x() + 40, start.y()), QPointF(250, 150), QPointF(256, 96))
        path.cubicTo(QPointF(262, 40), QPointF(end.x(), 4), end)
        cap, join = Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(_CABLE_EDGE, 9, Qt.PenStyle.SolidLine, cap, join))
        painter.drawPath(path)
        painter.setPen(QPen(_CABLE, 7, Qt.PenStyle.SolidLine, cap, join))
        painter.drawPath(path)
        painter.setPen(QPen(QColor(255, 255, 255, 36), 1.5, Qt.PenStyle.SolidLine, cap, join))
        painter.drawPath(path.translated(-1.2, -1.2))
        # The USB-A plug in the laptop's port: metal in the port, the moulding outside.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(20, 22, 26))
        painter.drawRect(_PORT)
        metal = QLinearGradient(_PLUG_A.topLeft(), _PLUG_A.bottomLeft())
        metal.setColorAt(0, _METAL_LIGHT)
        metal.setColorAt(1, _METAL_DARK)
        painter.setBrush(metal)
        painter.drawRect(QRectF(_PORT.left(), _PLUG_A.top() + 3, 8, _PLUG_A.height() - 6))
        painter.setPen(QPen(_CABLE_EDGE, 0.8))
        painter.setBrush(_PLUG)
        painter.drawRoundedRect(_PLUG_A.adjusted(6, 0, 0, 0), 3, 3)

    def _paint_micro_plug(self, painter: QPainter) -> None:
        """Drawn over the board: its metal tip hides in the socket."""
        tip = QRectF(_SOCKET_TOP.x() - 9, _SOCKET_TOP.y() - 3, 18, 5)
        metal = QLinearGradient(tip.topLeft(), tip.bottomLeft())
        metal.setColorAt(0, _METAL_LIGHT)
        metal.setColorAt(1, _METAL_DARK)
        painter.setPen(QPen(QColor(110, 116, 124), 0.8))
        painter.setBrush(metal)
        painter.drawRect(tip)
        painter.setPen(QPen(_CABLE_EDGE, 0.8))
        painter.setBrush(_PLUG)
        painter.drawRoundedRect(_MICRO_PLUG, 4, 4)
        painter.setPen(QPen(QColor(255, 255, 255, 40), 1.0))
        painter.drawLine(
            QPointF(_MICRO_PLUG.left() + 5, _MICRO_PLUG.top() + 4),
            QPointF(_MICRO_PLUG.right() - 5, _MICRO_PLUG.top() + 4),
        )
