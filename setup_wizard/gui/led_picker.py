""" "My light looks different": the person picks the pattern they see and reads what to do.

The Photon cannot tell the wizard why it is not in listening mode, so the person's eyes are the
diagnosis. The tiles animate exactly as the LED picture does (one shared painter) and are a
plain list view, so arrow keys, Home/End, Tab focus and screen readers work as in any list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from setup_wizard.flow.led_guide import LOOKS_DIFFERENT_PATTERNS, LedLight, LedPattern
from setup_wizard.gui.led_widget import (
    FRAME_INTERVAL_MS,
    guide_text,
    is_dark,
    paint_led,
    what_to_do_text,
)

PATTERN_ROLE = Qt.ItemDataRole.UserRole + 1
TILE_SIZE = QSize(136, 112)
_WINDOW_HEIGHT = 54  # the dark strip the LED shines in, at the top of each tile


def led_strip(tile: QRectF) -> QRectF:
    """The dark strip at the top of a tile, where its LED shines."""
    return QRectF(tile.left() + 6, tile.top() + 6, tile.width() - 12, _WINDOW_HEIGHT)


def _tile_face(cell: QRect) -> QRectF:
    return QRectF(cell).adjusted(3, 3, -3, -3)


class _TileDelegate(QStyledItemDelegate):
    """Paints one tile: the LED on a dark strip (so white and yellow show), its name below."""

    def __init__(self, picker: LedPicker) -> None:
        super().__init__(picker)
        self._picker = picker

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return TILE_SIZE

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        pattern = index.data(PATTERN_ROLE)
        if not isinstance(pattern, LedPattern):
            return
        palette = self._picker.palette()  # the tiles follow the window, not a style sheet
        state = option.state
        rect = _tile_face(option.rect)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        highlight = palette.color(QPalette.ColorRole.Highlight)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            tint = QColor(highlight)
            tint.setAlpha(60 if is_dark(palette) else 40)
            background = tint
            border = highlight
        elif hovered:
            border = highlight.lighter(130) if is_dark(palette) else highlight.darker(110)
        painter.setPen(QPen(border, 2.0 if selected else 1.0))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 8, 8)

        strip = led_strip(rect)
        window = QPainterPath()
        window.addRoundedRect(strip, 6, 6)
        painter.fillPath(window, QColor(30, 34, 40))
        painter.save()
        painter.setClipPath(window)
        paint_led(painter, strip.center(), 16.0, self._picker.light_of(pattern))
        painter.restore()

        text_rect = QRectF(
            rect.left() + 6,
            strip.bottom() + 4,
            rect.width() - 12,
            rect.bottom() - strip.bottom() - 6,
        )
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(option.font)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            str(index.data(Qt.ItemDataRole.DisplayRole)),
        )
        if focused:
            painter.setPen(QPen(highlight, 1.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        painter.restore()


class _TileView(QListView):
    """The tile grid; Enter picks the current tile instead of pressing the wizard's Next."""

    enter_pressed = Signal()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            # Spread the columns over the whole width, so the grid sits centred; the list
            # keeps room for a scroll bar when it wraps, whether one shows or not.
            scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            width = self.viewport().width() - scroll_bar - 1
            columns = max(1, width // TILE_SIZE.width())
            grid = QSize(width // columns, TILE_SIZE.height())
            if grid != self.gridSize():
                self.setGridSize(grid)
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class LedPicker(QWidget):
    """Animated tiles of status lights; picking one shows what it means and what to do.

    ``pattern_chosen(LedPattern)`` is emitted whenever the person picks a different tile (a
    click, the arrow keys, Enter or Space on the focused tile).
    """

    pattern_chosen = Signal(object)

    def __init__(
        self,
        patterns: Sequence[LedPattern] = LOOKS_DIFFERENT_PATTERNS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not patterns:
            raise ValueError("a picker needs at least one pattern")
        self._patterns = tuple(patterns)
        self._chosen: LedPattern | None = None
        self._frozen_ms: float | None = None
        self._clock = QElapsedTimer()
        self._clock.start()
        self._painted: tuple[LedLight, ...] = ()

        self._model = QStandardItemModel(self)
        for pattern in self._patterns:
            item = QStandardItem()
            item.setData(pattern, PATTERN_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)

        self._view = _TileView(self)
        self._view.setObjectName("ledTiles")
        self._view.setModel(self._model)
        self._view.setItemDelegate(_TileDelegate(self))
        self._view.setViewMode(QListView.ViewMode.IconMode)
        self._view.setFlow(QListView.Flow.LeftToRight)
        self._view.setWrapping(True)
        self._view.setResizeMode(QListView.ResizeMode.Adjust)
        self._view.setMovement(QListView.Movement.Static)
        self._view.setUniformItemSizes(True)
        self._view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self._view.setMouseTracking(True)
        self._view.setFrameShape(QFrame.Shape.NoFrame)
        self._view.viewport().setAutoFillBackground(False)
        self._view.setMinimumHeight(TILE_SIZE.height() + 12)
        self._view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._view.enter_pressed.connect(self._pick_current)

        self._hint = QLabel(self)
        self._hint.setObjectName("ledPickerHint")
        self._hint.setWordWrap(True)

        self._details = QFrame(self)
        self._details.setObjectName("ledDetails")
        self._name = QLabel(self._details)
        self._name.setObjectName("ledName")
        font = self._name.font()
        font.setBold(True)
        self._name.setFont(font)
        self._meaning = QLabel(self._details)
        self._meaning.setObjectName("ledMeaning")
        self._caption = QLabel(self._details)
        self._caption.setObjectName("ledCaption")
        self._what_to_do = QLabel(self._details)
        self._what_to_do.setObjectName("ledWhatToDo")
        self._for_developers = QLabel(self._details)
        self._for_developers.setObjectName("ledForDevelopers")
        labels = (self._name, self._meaning, self._caption, self._what_to_do, self._for_developers)
        for label in labels:
            label.setWordWrap(True)
            label.setIndent(0)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        details_layout = QVBoxLayout(self._details)
        details_layout.setSpacing(4)
        for label in labels:
            details_layout.addWidget(label)
        self._details.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._hint)
        layout.addWidget(self._details)

        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self.setFocusProxy(self._view)
        self._retranslate()

    # -- public ----------------------------------------------------------------------------

    def patterns(self) -> tuple[LedPattern, ...]:
        return self._patterns

    def chosen(self) -> LedPattern | None:
        return self._chosen

    def choose(self, pattern: LedPattern | None) -> None:
        """Pick ``pattern`` as if the person had clicked it (``None`` clears the choice)."""
        selection = self._view.selectionModel()
        if pattern is None:
            selection.clearSelection()
            return
        index = self._model.index(self._patterns.index(pattern), 0)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._view.scrollTo(index)

    def tile_rect(self, pattern: LedPattern) -> QRect:
        """Where the tile of ``pattern`` is, in the tile view's viewport coordinates."""
        return self._view.visualRect(self._model.index(self._patterns.index(pattern), 0))

    def tile_led_centre(self, pattern: LedPattern) -> QPoint:
        """Where the LED of ``pattern``'s tile is drawn, in viewport coordinates."""
        return led_strip(_tile_face(self.tile_rect(pattern))).center().toPoint()

    def tile_view(self) -> QListView:
        return self._view

    def freeze_at(self, ms: float | None) -> None:
        """Show every tile at ``ms`` into its loop and stop there; ``None`` resumes."""
        self._frozen_ms = ms
        if ms is None:
            self._clock.restart()
        self._sync_timer()
        self._view.viewport().update()

    def light_of(self, pattern: LedPattern) -> LedLight:
        return pattern.look.light_at(self._phase_ms())

    def is_animating(self) -> bool:
        return self._timer.isActive()

    # -- QWidget ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    # -- internals -------------------------------------------------------------------------

    def _phase_ms(self) -> float:
        return self._frozen_ms if self._frozen_ms is not None else float(self._clock.elapsed())

    def _tick(self) -> None:
        lights = tuple(self.light_of(p) for p in self._patterns)
        if lights != self._painted:
            self._painted = lights
            self._view.viewport().update()

    def _sync_timer(self) -> None:
        if self.isVisible() and self._frozen_ms is None:
            self._timer.start()
        else:
            self._timer.stop()

    def _pick_current(self) -> None:
        index = self._view.currentIndex()
        if index.isValid():
            self._view.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self._view.selectionModel().selectedRows()
        pattern = self._patterns[rows[0].row()] if rows else None
        if pattern is self._chosen:
            return
        self._chosen = pattern
        self._show_details()
        if pattern is not None:
            self.pattern_chosen.emit(pattern)

    def _show_details(self) -> None:
        pattern = self._chosen
        self._hint.setVisible(pattern is None)
        self._details.setVisible(pattern is not None)
        if pattern is None:
            return
        info = pattern.info
        self._name.setText(guide_text(info.name))
        self._meaning.setText(guide_text(info.meaning))
        self._what_to_do.setText(what_to_do_text(info))
        if info.for_developers is None:
            self._for_developers.hide()
        else:
            self._for_developers.setText(
                self.tr("For developers: {0}").format(guide_text(info.for_developers))
            )
            self._for_developers.show()
        self._details.setAccessibleName(guide_text(info.name))

    def _retranslate(self) -> None:
        for row, pattern in enumerate(self._patterns):
            item = self._model.item(row)
            info = pattern.info
            name = guide_text(info.name)
            item.setText(name)
            item.setToolTip(guide_text(info.meaning))
            item.setData(name, Qt.ItemDataRole.AccessibleTextRole)
            item.setData(guide_text(info.meaning), Qt.ItemDataRole.AccessibleDescriptionRole)
        self._view.setAccessibleName(self.tr("Status lights to choose from"))
        self._view.setAccessibleDescription(
            self.tr("Pick the light that looks most like your Photon's; what it means follows.")
        )
        self._caption.setText(self.tr("What to do"))
        self._hint.setText(
            self.tr("Pick the light that looks most like your Photon's to see what to do.")
        )
        self._details.setAccessibleDescription(self.tr("What the chosen light means"))
        self._show_details()


class LedPickerDialog(QDialog):
    """The picker in its own window, for pages that offer it behind a button."""

    pattern_chosen = Signal(object)

    def __init__(
        self,
        patterns: Sequence[LedPattern] = LOOKS_DIFFERENT_PATTERNS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My light looks different"))
        self.picker = LedPicker(patterns, self)
        self.picker.pattern_chosen.connect(self.pattern_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def sizeHint(self) -> QSize:
        return QSize(640, 560)
