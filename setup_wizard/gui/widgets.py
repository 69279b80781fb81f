"""Small widgets every page uses: the inline error panel, a notice, a busy row, a password
field with show/hide, signal bars, and the step list of a running stage sequence."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
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
        return translated(stage.label)

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
