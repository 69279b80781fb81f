"""Small widgets every page uses: the inline error panel, a notice, a busy row, a password
field with show/hide, signal bars, a large choice button, and the step list of a running
stage sequence."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from setup_wizard.flow.stages import Stage, StageRecord, StageStatus
from setup_wizard.gui.i18n import translated
from setup_wizard.gui.resources import Glyph, glyph


def wrapping_label(text: str = "", *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if rich:
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label


class MessagePanel(QFrame):
    """An icon, a message and optional buttons; hidden while there is nothing to say.

    ``kind`` picks the look (``errorPanel`` or ``noticePanel`` in the style sheet) and the
    icon; screen readers get the message as the panel's accessible description.
    """

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(kind)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._glyph = Glyph.ERROR if kind == "errorPanel" else Glyph.INFO
        self._icon = QLabel()
        self._icon.setObjectName("panelIcon")
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = wrapping_label()
        self.text.setObjectName(f"{kind}Text")
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._column = QVBoxLayout()
        self._column.addWidget(self.text)
        self._column.addLayout(self._buttons)
        row = QHBoxLayout(self)
        row.addWidget(self._icon)
        row.addLayout(self._column, 1)
        self.setAccessibleName(self.tr("Error") if kind == "errorPanel" else self.tr("Note"))
        self.hide()

    def add_button(self, text: str, handler: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: handler())
        self._buttons.addWidget(button)
        return button

    def add_widget(self, widget: QWidget) -> None:
        """A widget under the message (e.g. a confirmation check box)."""
        self._column.insertWidget(1, widget)

    def show_message(self, message: str) -> None:
        """Show ``message``, translated if it comes marked from the flow (any ``str`` works)."""
        message = translated(message)
        if self._icon.pixmap().isNull():  # drawn at the first message: most panels never show
            self._icon.setPixmap(glyph(self._glyph).pixmap(22, 22))
        self.text.setText(message)
        self.setAccessibleDescription(message)
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.hide()


class BusyRow(QWidget):
    """An indeterminate progress bar and what is happening, for anything slower than a moment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar = QProgressBar()
        self._bar.setRange(0, 0)
        self._bar.setTextVisible(False)
        self._bar.setMaximumHeight(8)
        self._bar.setAccessibleName(self.tr("Working"))
        self.text = wrapping_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self._bar)
        self.hide()

    def start(self, text: str) -> None:
        text = translated(text)
        self.text.setText(text)
        self._bar.setAccessibleDescription(text)
        self.show()

    def stop(self) -> None:
        self.hide()


class PasswordField(QLineEdit):
    """A password line edit with a show/hide toggle at its end (Alt+S toggles too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self._toggle = QAction(self)
        self._toggle.setCheckable(True)
        self._toggle.setShortcut("Alt+S")
        self._toggle.toggled.connect(self._show)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self._show(False)

    @property
    def shown(self) -> bool:
        return self.echoMode() is QLineEdit.EchoMode.Normal

    def set_shown(self, shown: bool) -> None:
        self._toggle.setChecked(shown)

    def _show(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        text = self.tr("Hide password") if shown else self.tr("Show password")
        self._toggle.setText(text)
        self._toggle.setToolTip(f"{text} (Alt+S)")
        self._toggle.setIcon(_eye_icon(self.palette(), crossed=shown))


def _eye_icon(palette: QPalette, *, crossed: bool) -> QIcon:
    pixmap = QPixmap(QSize(32, 32))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = painter.pen()
    pen.setColor(palette.color(QPalette.ColorRole.Text))
    pen.setWidthF(2.4)
    painter.setPen(pen)
    painter.drawEllipse(QRectF(4, 9, 24, 14))
    painter.setBrush(palette.color(QPalette.ColorRole.Text))
    painter.drawEllipse(QRectF(12, 12, 8, 8))
    if crossed:
        painter.drawLine(6, 27, 26, 5)
    painter.end()
    return QIcon(pixmap)


def bars_for_percent(percent: int) -> int:
    """0–4 bars for a signal the operating system reports as 0–100."""
    return max(0, min(4, (percent + 12) // 25))


def signal_bars_icon(bars: int, palette: QPalette, *, size: int = 20) -> QIcon:
    """0–4 bars, the filled ones in the text colour, the rest faint."""
    pixmap = QPixmap(QSize(size * 2, size * 2))
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    strong = palette.color(QPalette.ColorRole.Text)
    faint = QColor(strong)
    faint.setAlpha(60)
    width = size / 6
    for index in range(4):
        height = size * (index + 1) / 4
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(strong if index < bars else faint)
        x = index * (width + size / 12) + 1
        painter.drawRoundedRect(QRectF(x, size - height, width, height), 1, 1)
    painter.end()
    return QIcon(pixmap)


def lock_icon(palette: QPalette, *, size: int = 16) -> QIcon:
    pixmap = QPixmap(QSize(size * 2, size * 2))
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = palette.color(QPalette.ColorRole.Text)
    pen = painter.pen()
    pen.setColor(colour)
    pen.setWidthF(size / 9)
    painter.setPen(pen)
    painter.drawArc(QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.6), 0, 180 * 16)
    painter.drawLine(round(size * 0.28), round(size * 0.38), round(size * 0.28), round(size * 0.5))
    painter.drawLine(round(size * 0.72), round(size * 0.38), round(size * 0.72), round(size * 0.5))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(size * 0.16, size * 0.45, size * 0.68, size * 0.5), 2, 2)
    painter.end()
    return QIcon(pixmap)


def _icon_canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(QSize(size * 2, size * 2))
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def wifi_icon(palette: QPalette, *, size: int = 32) -> QIcon:
    """The Wi-Fi sign: three arcs over a dot, in the text colour."""
    pixmap, painter = _icon_canvas(size)
    colour = palette.color(QPalette.ColorRole.Text)
    pen = QPen(colour, size / 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    centre = QPointF(size / 2, size * 0.8)
    for radius in (size * 0.2, size * 0.4, size * 0.6):
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.drawArc(box, 45 * 16, 90 * 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(centre, size * 0.075, size * 0.075)
    painter.end()
    return QIcon(pixmap)


def usb_icon(palette: QPalette, *, size: int = 32) -> QIcon:
    """The USB sign: a trunk with a circle, a square and an arrowhead on its branches."""
    pixmap, painter = _icon_canvas(size)
    colour = palette.color(QPalette.ColorRole.Text)
    s = size / 32
    pen = QPen(colour, 2.2 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawLine(QPointF(16 * s, 7 * s), QPointF(16 * s, 26 * s))  # the trunk
    left = QPainterPath(QPointF(16 * s, 21 * s))
    left.lineTo(9 * s, 16 * s)
    left.lineTo(9 * s, 12.5 * s)
    right = QPainterPath(QPointF(16 * s, 18 * s))
    right.lineTo(23 * s, 14 * s)
    right.lineTo(23 * s, 11 * s)
    painter.drawPath(left)
    painter.drawPath(right)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(9 * s, 10.5 * s), 2.4 * s, 2.4 * s)
    painter.drawRect(QRectF(20.8 * s, 7 * s, 4.4 * s, 4.4 * s))
    painter.drawEllipse(QPointF(16 * s, 27 * s), 3 * s, 3 * s)
    head = QPainterPath(QPointF(16 * s, 1.5 * s))
    head.lineTo(12 * s, 8 * s)
    head.lineTo(20 * s, 8 * s)
    head.closeSubpath()
    painter.drawPath(head)
    painter.end()
    return QIcon(pixmap)


def _without_mnemonic(text: str) -> str:
    """A button's text as a label shows it: "&" marks no shortcut there, "&&" is one "&"."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


class ChoiceButton(QAbstractButton):
    """One of a few ways to go on, drawn as a large card: an icon, a bold title and a line
    under it. Checkable and exclusive with its siblings, like a radio button; the chosen
    card is outlined and tinted in the highlight colour."""

    ICON_SIZE = 32

    def __init__(self, icon: QIcon, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setAutoExclusive(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setText(title)  # "&" marks the Alt shortcut, as on any button
        self.setAccessibleName(_without_mnemonic(title))
        self._icon = QLabel()
        self._icon.setPixmap(icon.pixmap(self.ICON_SIZE, self.ICON_SIZE))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(_without_mnemonic(title))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        row.setSpacing(12)
        row.addWidget(self._icon)
        row.addLayout(text, 1)
        for child in (self._icon, self.title, self.detail):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_detail(self, text: str) -> None:
        self.detail.setText(text)
        self.setAccessibleDescription(text)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self.isChecked():
            fill = QColor(accent)
            fill.setAlpha(36)
            border, width = accent, 2.0
        else:
            fill = palette.color(QPalette.ColorRole.Base)
            if self.underMouse() and self.isEnabled():
                fill = fill.darker(104)
            border, width = palette.color(QPalette.ColorRole.Mid), 1.0
        if self.hasFocus() and not self.isChecked():
            border, width = accent, 1.5
        painter.setPen(QPen(border, width))
        painter.setBrush(fill)
        inset = width / 2
        painter.drawRoundedRect(frame.adjusted(inset, inset, -inset, -inset), 7, 7)
        painter.end()


_STATUS_GLYPHS = {
    StageStatus.PENDING: Glyph.STEP_PENDING,
    StageStatus.RUNNING: Glyph.STEP_ACTIVE,
    StageStatus.DONE: Glyph.STEP_DONE,
    StageStatus.SKIPPED: Glyph.STEP_SKIPPED,
    StageStatus.FAILED: Glyph.STEP_FAILED,
    StageStatus.CANCELLED: Glyph.STEP_FAILED,
}


class StepList(QWidget):
    """The stages of one part of the journey, each with its state and elapsed time.

    It renders timeline records; a timer refreshes the running stage's elapsed time twice a
    second while anything runs, and stops when nothing does.
    """

    changed = Signal()

    def __init__(
        self,
        stages: Sequence[Stage],
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._stages = tuple(stages)
        self._shown = self._stages
        self._labels: Mapping[Stage, str] = {}
        self._clock = clock
        self._records: dict[Stage, StageRecord] = {}
        self._rows: dict[Stage, tuple[QLabel, QLabel, QLabel]] = {}
        self.setObjectName("stepList")
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        for row, stage in enumerate(self._stages):
            icon, name, elapsed = QLabel(), QLabel(self._label(stage)), QLabel()
            icon.setObjectName("stepIcon")
            icon.setFixedWidth(22)
            icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
            elapsed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elapsed.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
            grid.addWidget(icon, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(elapsed, row, 2)
            self._rows[stage] = (icon, name, elapsed)
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._refresh)
        self.reset()

    def _label(self, stage: Stage) -> str:
        return self._labels.get(stage) or translated(stage.label)

    def show_only(self, stages: Sequence[Stage], labels: Mapping[Stage, str] | None = None) -> None:
        """Show these of the list's stages (a way to the Photon that has no use for some),
        with ``labels`` (translated) instead of the stages' own names where given."""
        self._shown = tuple(stage for stage in self._stages if stage in stages)
        self._labels = dict(labels or {})
        for stage, row in self._rows.items():
            for widget in row:
                widget.setVisible(stage in self._shown)
            row[1].setText(self._label(stage))
        self._refresh()

    def shown(self) -> tuple[Stage, ...]:
        """The stages listed now, in order."""
        return self._shown

    def reset(self) -> None:
        self._records.clear()
        self._refresh()

    def update_record(self, record: StageRecord) -> None:
        if record.stage not in self._rows:
            return
        self._records[record.stage] = record
        self._refresh()

    def status(self, stage: Stage) -> StageStatus:
        record = self._records.get(stage)
        return record.status if record else StageStatus.PENDING

    def _refresh(self) -> None:
        now = self._clock()
        running = False
        for stage, (icon, name, elapsed) in self._rows.items():
            record = self._records.get(stage)
            status = record.status if record else StageStatus.PENDING
            running = running or status is StageStatus.RUNNING
            icon.setPixmap(glyph(_STATUS_GLYPHS[status]).pixmap(18, 18))
            seconds = record.elapsed(now) if record else None
            elapsed.setText(self.tr("%n s", "", round(seconds)) if seconds is not None else "")
            state_words = {
                StageStatus.PENDING: self.tr("waiting"),
                StageStatus.RUNNING: self.tr("in progress"),
                StageStatus.DONE: self.tr("done"),
                StageStatus.SKIPPED: self.tr("not needed"),
                StageStatus.FAILED: self.tr("failed"),
                StageStatus.CANCELLED: self.tr("stopped"),
            }[status]
            name.setAccessibleName(f"{self._label(stage)}: {state_words}")
            font = name.font()
            font.setBold(status is StageStatus.RUNNING)
            name.setFont(font)
            name.setEnabled(status is not StageStatus.PENDING)
            if record is not None and record.note and status is StageStatus.SKIPPED:
                name.setToolTip(translated(record.note))
        if running and not self._timer.isActive():
            self._timer.start()
        elif not running:
            self._timer.stop()
        self.changed.emit()
