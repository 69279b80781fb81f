"""Bench: every Photon plugged in by USB cable, set up at the same time, each for its customer.

The table lists the Photons on cables as they come and go (while nothing runs), one row
each by device ID, with the customer and the Wi-Fi network each one gets. Every password
is asked here, once per network, before Start: nobody is asked anything while they run.
Each row then shows its own progress and how it ended; the ledger gets one row per Photon.
The customer page offers this page (:class:`UsbBenchOffer`) while Photons wait on cables.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from dataclasses import replace
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
)
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from setup_wizard.flow import FoundDevice, LinkKind, Page
from setup_wizard.gui.i18n import translated
from setup_wizard.gui.pages.base import FlowPage, heading
from setup_wizard.gui.resources import Glyph, glyph
from setup_wizard.gui.widgets import MessagePanel, PasswordField, wrapping_label
from setup_wizard.secret import WifiPassword

if TYPE_CHECKING:
    from setup_wizard.device.models import WifiNetwork
    from setup_wizard.flow.batch import BatchDevice, UsbBatch
    from setup_wizard.flow.bench import Job
    from setup_wizard.gui.wizard import SetupWizard

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 2000
"""How often the Photons on cables are looked for while nothing runs."""

PHOTON, CUSTOMER, WIFI, PROGRESS = range(4)
"""The table's columns."""

_TARGET = Qt.ItemDataRole.UserRole
"""The Photon column's item keeps the port the Photon is on."""
_DETAILS = Qt.ItemDataRole.UserRole + 1
"""The progress item keeps the whole message (its cell shows what fits in a line)."""

_EDITING = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)
"""A cell is edited by typing into it, F2, or a double click."""


class _Phase(Enum):
    EDITING = auto()
    """The table follows the cables; customers, networks and passwords are being entered."""
    RUNNING = auto()
    ENDED = auto()
    """Each row says how its Photon ended, until "Set up more"."""


class UsbBenchOffer(QWidget):
    """On the customer page: "Set up all Photons on cables at once", while Photons in
    listening mode are plugged in by cable (looked for while the offer is on screen)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._search: asyncio.Future[list[FoundDevice]] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self._look)
        self.panel = MessagePanel("noticePanel")
        self.button = self.panel.add_button(
            self.tr("Set up all Photons on &cables at once…"), self.choose
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def choose(self) -> None:
        """On to the USB bench page (the customer page lets it go without a customer)."""
        self._wizard.usb_bench = True
        self._wizard.next()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._wizard.usb_bench = False
        if LinkKind.USB in self._wizard.flow.link_kinds:
            self._look()
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        if self._search is not None:
            self._search.cancel()
        super().hideEvent(event)

    def _look(self) -> None:
        if self._search is not None and not self._search.done():
            return
        if self._wizard.closing:
            self._timer.stop()
            return
        self._search = asyncio.ensure_future(self._wizard.flow.find_photons(LinkKind.USB))
        self._search.add_done_callback(self._looked)

    def _looked(self, task: asyncio.Future[list[FoundDevice]]) -> None:
        if task.cancelled() or self._wizard.closing:
            return
        error = task.exception()
        if error is not None:
            log.info("looking for Photons on cables failed: %s", error)
            return
        count = len(task.result())
        if count:
            self.panel.show_message(
                self.tr(
                    "Photons plugged in by USB cable and blinking dark blue: %1. They can be "
                    "set up at the same time, each for its own customer."
                ).replace("%1", str(count))
            )
        else:
            self.panel.clear()


class _NetworkDelegate(QStyledItemDelegate):
    """The Wi-Fi cell's editor: the networks the computer sees, or a name typed in."""

    def __init__(self, page: UsbBenchPage) -> None:
        super().__init__(page)
        self._page = page

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setEditable(True)
        editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor.addItems(self._page.network_names())
        editor.setAccessibleName(self.tr("Wi-Fi network"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ""))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText().strip())


class UsbBenchPage(FlowPage):
    page_id = Page.USB_BENCH

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Photons on USB cables"))
        self.setSubTitle(
            self.tr(
                "Every Photon plugged in and blinking dark blue is listed. Give each one its "
                "customer, then Start: they are set up at the same time, and this computer "
                "stays on its own Wi-Fi."
            )
        )
        self.phase = _Phase.EDITING
        self.batch: UsbBatch | None = None
        self._found: dict[str, FoundDevice] = {}
        self._search: asyncio.Future[list[FoundDevice]] | None = None
        self._looking: asyncio.Future[None] | None = None
        self._filling = False
        self._polling = QTimer(self)
        self._polling.setInterval(POLL_INTERVAL_MS)
        self._polling.timeout.connect(self._poll)

        form = QFormLayout()
        self.all_customer = QLineEdit()
        self.all_customer.setPlaceholderText(self.tr("customer@example.com"))
        self.all_customer.setAccessibleName(self.tr("Customer for every Photon"))
        self.all_customer.setToolTip(
            self.tr("Fills every row; a row can still be changed on its own.")
        )
        self.all_customer.textEdited.connect(self._customer_for_all)
        self.all_network = QComboBox()
        self.all_network.setEditable(True)
        self.all_network.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.all_network.setAccessibleName(self.tr("Wi-Fi network for every Photon"))
        self.all_network.currentTextChanged.connect(self._network_for_all)
        form.addRow(self.tr("All for one &customer:"), self.all_customer)
        form.addRow(self.tr("&Wi-Fi for all:"), self.all_network)
        self.body.addLayout(form)

        table_label = QLabel(self.tr("P&hotons plugged in:"))
        self.body.addWidget(table_label)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Photon"), self.tr("Customer's e-mail"), self.tr("Wi-Fi"), self.tr("Progress")]
        )
        self.table.setAccessibleName(self.tr("Photons on USB cables"))
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setWordWrap(False)  # one line a row; the whole message below the table
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(_EDITING)
        self.table.setItemDelegateForColumn(WIFI, _NetworkDelegate(self))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PHOTON, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WIFI, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PROGRESS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(CUSTOMER, 170)
        header.resizeSection(WIFI, 110)
        self.table.itemChanged.connect(lambda _item: self._changed())
        self.table.currentCellChanged.connect(lambda *_: self._show_details())
        table_label.setBuddy(self.table)
        self.body.addWidget(self.table, 1)
        self.table_state = wrapping_label()
        self.body.addWidget(self.table_state)
        self.details = wrapping_label()
        self.details.setObjectName("rowDetails")
        self.body.addWidget(self.details)

        self.passwords_heading = heading(self.tr("Wi-Fi passwords"))
        self.body.addWidget(self.passwords_heading)
        self._password_form = QFormLayout()
        self.body.addLayout(self._password_form)
        self.passwords: dict[str, PasswordField] = {}
        """One field per network that needs a password, by network name."""

        self.take_over = QCheckBox(
            self.tr("Photons set up for another &account before become the customer's")
        )
        self.take_over.setToolTip(
            self.tr(
                "Without this, such a Photon stops with a message and is left as it is: set "
                "it up on its own to confirm."
            )
        )
        self.body.addWidget(self.take_over)

        buttons = QHBoxLayout()
        self.one_button = QPushButton(self.tr("&One Photon at a time"))
        self.one_button.clicked.connect(self.setup_wizard.back)
        self.start_button = QPushButton(self.tr("S&tart"))
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Sto&p all"))
        self.stop_button.clicked.connect(self.stop)
        self.more_button = QPushButton(self.tr("Set up &more"))
        self.more_button.clicked.connect(self.set_up_more)
        self.done_button = QPushButton(self.tr("&Devices done…"))
        self.done_button.clicked.connect(lambda: self.setup_wizard.show_devices_done())
        for button in (
            self.one_button,
            self.start_button,
            self.stop_button,
            self.more_button,
            self.done_button,
        ):
            button.setAutoDefault(False)
        buttons.addWidget(self.one_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.start_button)
        self.body.addLayout(buttons)
        self.hint = wrapping_label()
        self.hint.setObjectName("startHint")
        self.body.addWidget(self.hint)
        self.summary = MessagePanel("noticePanel")
        self.body.addWidget(self.summary)

    # -- entering and leaving -----------------------------------------------------------

    def initializePage(self) -> None:
        from setup_wizard.flow.batch import UsbBatch

        bench = self.bench
        assert bench is not None, "the USB bench is a staff page"
        self.batch = UsbBatch(bench, on_change=self._progress)
        self.table.setRowCount(0)
        self._found.clear()
        self.summary.clear()
        self._set_phase(_Phase.EDITING)
        self._looking = asyncio.ensure_future(self._look_around())
        self._looking.add_done_callback(_log_failure)
        self.focus_later(self.all_customer)

    def cleanupPage(self) -> None:
        self._stop_polling()
        if self._looking is not None:
            self._looking.cancel()
        self.setup_wizard.usb_bench = False
        super().cleanupPage()

    async def _look_around(self) -> None:
        """The computer's networks for the Wi-Fi choices; its own network for every row."""
        batch = self.batch
        assert batch is not None
        networks = await batch.look_around()
        if batch.scan_problem is not None:  # the names are typed instead
            self.summary.show_message(batch.scan_problem)
        home = self.setup_wizard.bench_network() or await batch.current_network()
        self._filling = True
        self.all_network.clear()
        self.all_network.addItems(_names(networks))
        self._filling = False
        self.all_network.setCurrentText(home or "")
        self._network_for_all(self.all_network.currentText())

    def network_names(self) -> list[str]:
        return _names(self.batch.networks or []) if self.batch is not None else []

    # -- the Photons on cables, while nothing runs ----------------------------------------

    def _poll(self) -> None:
        if self._search is not None and not self._search.done():
            return
        if self.phase is not _Phase.EDITING or self.setup_wizard.closing:
            self._stop_polling()
            return
        self._search = asyncio.ensure_future(self.flow.find_photons(LinkKind.USB))
        self._search.add_done_callback(self._polled)

    def _polled(self, task: asyncio.Future[list[FoundDevice]]) -> None:
        if task.cancelled() or self.setup_wizard.closing or self.phase is not _Phase.EDITING:
            return
        error = task.exception()
        if error is not None:
            log.info("looking for Photons on cables failed: %s", error)
            return
        self._show_photons(task.result())

    def _show_photons(self, found: list[FoundDevice]) -> None:
        """Rows follow the cables: a Photon gone leaves, a new one (or another Photon on the
        same port) gets a row with the customer and network for all."""
        present = {photon.target: photon for photon in found}
        for row in reversed(range(self.table.rowCount())):
            target = self._target(row)
            if target not in present or present[target].label != self._found[target].label:
                self.table.removeRow(row)
                del self._found[target]
        for photon in found:
            if photon.target not in self._found:
                self._add_row(photon)
        count = self.table.rowCount()
        if count:
            self.table_state.setText(
                self.tr("Photons on cables: %1. This list follows the cables.").replace(
                    "%1", str(count)
                )
            )
        else:
            self.table_state.setText(
                self.tr(
                    "No Photon on a cable yet. Plug one in and make its light blink dark blue "
                    "(hold its SETUP button for 3 seconds); this list updates by itself."
                )
            )
        self._changed()

    def _add_row(self, photon: FoundDevice) -> None:
        with QSignalBlocker(self.table):  # whole rows only: one _changed() when all is there
            self._new_row(photon)

    def _new_row(self, photon: FoundDevice) -> None:
        self._found[photon.target] = photon
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(photon.label)
        name.setData(_TARGET, photon.target)
        name.setToolTip(self.tr("On the USB port %s") % photon.target)
        name.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        name.setCheckState(Qt.CheckState.Checked)
        self.table.setItem(row, PHOTON, name)
        self.table.setItem(row, CUSTOMER, QTableWidgetItem(self.all_customer.text().strip()))
        self.table.setItem(row, WIFI, QTableWidgetItem(self.all_network.currentText().strip()))
        progress = QTableWidgetItem()
        progress.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(row, PROGRESS, progress)
        self._set_progress(row, self.tr("Ready"), None)

    def _target(self, row: int) -> str:
        return str(self.table.item(row, PHOTON).data(_TARGET))

    def _row_of(self, target: str) -> int | None:
        for row in range(self.table.rowCount()):
            if self._target(row) == target:
                return row
        return None

    def _stop_polling(self) -> None:
        self._polling.stop()
        if self._search is not None and not self._search.done():
            self._search.cancel()

    # -- customers, networks and passwords --------------------------------------------------

    def _customer_for_all(self, text: str) -> None:
        for row in range(self.table.rowCount()):
            self.table.item(row, CUSTOMER).setText(text.strip())

    def _network_for_all(self, text: str) -> None:
        if self._filling:
            return
        for row in range(self.table.rowCount()):
            self.table.item(row, WIFI).setText(text.strip())
        self._changed()

    def _chosen_rows(self) -> Iterator[int]:
        for row in range(self.table.rowCount()):
            if self.table.item(row, PHOTON).checkState() is Qt.CheckState.Checked:
                yield row

    def _networks_in_use(self) -> list[str]:
        names = (self.table.item(row, WIFI).text().strip() for row in self._chosen_rows())
        return list(dict.fromkeys(name for name in names if name))

    def _changed(self) -> None:
        """Something typed or plugged in: the password fields and whether Start can go."""
        if self.phase is not _Phase.EDITING:
            return
        self._password_fields()
        problem = self._start_problem()
        self.start_button.setEnabled(problem is None and not self.busy)
        self.hint.setText(problem or "")
        self.hint.setVisible(problem is not None)

    def _password_fields(self) -> None:
        """One field per network that needs a password (each asked once), pre-filled with
        what this session already knows."""
        batch = self.batch
        wanted = [n for n in self._networks_in_use() if batch is None or batch.needs_password(n)]
        if list(self.passwords) == wanted:
            return
        for ssid in [s for s in self.passwords if s not in wanted]:
            self._password_form.removeRow(self.passwords.pop(ssid))
        for ssid in wanted:
            if ssid not in self.passwords:
                field = PasswordField()
                field.setAccessibleName(self.tr("Password of “%s”") % ssid)
                field.textChanged.connect(lambda _text: self._changed())
                self.passwords[ssid] = field
                self._password_form.addRow(self.tr("Password of “%s”:") % ssid, field)
                self._prefill(ssid, field)
        self.passwords = {ssid: self.passwords[ssid] for ssid in wanted}
        self.passwords_heading.setVisible(bool(wanted))
        previous: QWidget = self.table
        for field in [*self.passwords.values(), self.take_over]:
            QWidget.setTabOrder(previous, field)
            previous = field

    def _prefill(self, ssid: str, field: PasswordField) -> None:
        bench = self.bench
        assert bench is not None
        known = asyncio.ensure_future(bench.wifi_passwords.get(ssid))

        def fill(task: asyncio.Future[WifiPassword | None]) -> None:
            if task.cancelled() or task.exception() is not None:
                return
            password = task.result()
            if password is not None and not field.text() and self.passwords.get(ssid) is field:
                field.setText(password.reveal())

        known.add_done_callback(fill)

    def _start_problem(self) -> str | None:
        """What keeps Start from going, in words; None when everything is there."""
        rows = list(self._chosen_rows())
        if not self.table.rowCount():
            return self.tr("Plug in a Photon to start.")
        if not rows:
            return self.tr("Tick at least one Photon to start.")
        for row in rows:
            if "@" not in self.table.item(row, CUSTOMER).text():
                return self.tr("Enter the customer's e-mail for every ticked Photon.")
            if not self.table.item(row, WIFI).text().strip():
                return self.tr("Choose the Wi-Fi network for every ticked Photon.")
        batch = self.batch
        for ssid, field in self.passwords.items():
            if not field.text():
                return self.tr("Enter the password of “%s”.") % ssid
            if batch is not None:
                problem = batch.password_problem(ssid, WifiPassword(field.text()))
                if problem is not None:
                    return f"“{ssid}”: {translated(problem)}"
        return None

    # -- running ------------------------------------------------------------------------

    def work(self) -> list[tuple[FoundDevice, Job]]:
        from setup_wizard.flow.bench import Job

        return [
            (
                self._found[self._target(row)],
                Job(
                    self.table.item(row, CUSTOMER).text().strip(),
                    self.table.item(row, WIFI).text().strip(),
                ),
            )
            for row in self._chosen_rows()
        ]

    def start(self) -> None:
        if self.phase is not _Phase.EDITING or self.busy or self._start_problem() is not None:
            return
        batch = self.batch
        assert batch is not None
        batch.options = replace(batch.options, take_over=self.take_over.isChecked())
        passwords = {ssid: WifiPassword(field.text()) for ssid, field in self.passwords.items()}
        work = self.work()
        chosen = set(self._chosen_rows())
        for row in range(self.table.rowCount()):
            self._set_progress(row, self.tr("Waiting to start") if row in chosen else "", None)
        self._set_phase(_Phase.RUNNING)
        task = self.run(
            "usb-bench",
            self._run(batch, work, passwords),
            busy_text=self.tr("Setting up the Photons on cables…"),
        )
        task.add_done_callback(self._ended)

    async def _run(
        self,
        batch: UsbBatch,
        work: list[tuple[FoundDevice, Job]],
        passwords: dict[str, WifiPassword],
    ) -> list[BatchDevice]:
        bench = self.bench
        assert bench is not None
        for ssid, password in passwords.items():
            await bench.wifi_passwords.put(ssid, password)
        return await batch.run(work)

    def stop(self) -> None:
        """Cancel every Photon's setup (each recorded as cancelled in the ledger)."""
        if self.phase is _Phase.RUNNING:
            self.stop_button.setEnabled(False)
            self.setup_wizard.stop_step()

    def _progress(self, device: BatchDevice) -> None:
        row = self._row_of(device.port)
        if row is None or self.setup_wizard.closing:
            return
        from setup_wizard.flow.ledger import Outcome

        if device.outcome is None:
            text = translated(device.stage.label) if device.stage else self.tr("Starting")
            self._set_progress(row, text, Glyph.STEP_ACTIVE)
        elif device.outcome is Outcome.ONLINE:
            self._set_progress(row, self.tr("Online ✓"), Glyph.STEP_DONE)
            self.table.item(row, PROGRESS).setToolTip(
                self.tr("Online as “%1”, owned by %2.")
                .replace("%1", device.device_name or "")
                .replace("%2", device.job.customer)
            )
        else:
            message = translated(device.error) if device.error else self.tr("Stopped")
            where = device.stopped_at
            details = (
                self.tr("Stopped at “%1”: %2")
                .replace("%1", translated(where.label))
                .replace("%2", message)
                if where is not None
                else message
            )
            cancelled = device.outcome is Outcome.CANCELLED
            icon = Glyph.STEP_FAILED if cancelled else Glyph.ERROR
            self._set_progress(row, _first_sentence(message), icon, details)
        if device.device_id:
            self.table.item(row, PHOTON).setToolTip(
                self.tr("Device ID %1 on the USB port %2")
                .replace("%1", device.device_id)
                .replace("%2", device.port)
            )
        if row == self.table.currentRow():
            self._show_details()

    def _set_progress(
        self, row: int, text: str, icon: Glyph | None, details: str | None = None
    ) -> None:
        item = self.table.item(row, PROGRESS)
        with QSignalBlocker(self.table):  # progress is no input: nothing to re-check
            item.setText(text)
            item.setToolTip(details or text)
            item.setData(_DETAILS, details or text)
            item.setIcon(glyph(icon) if icon is not None else glyph(Glyph.STEP_PENDING))

    def _ended(self, task: asyncio.Future[list[BatchDevice]]) -> None:
        if self.setup_wizard.closing:
            return
        batch = self.batch
        if task.cancelled() or task.exception() is None:
            self._set_phase(_Phase.ENDED)
            if batch is not None:
                self._summarise(batch.devices)
                stopped = [d.port for d in batch.devices if d.error is not None]
                row = self._row_of(stopped[0]) if stopped else None
                if row is not None:  # the first failure's whole message under the table
                    self.table.setCurrentCell(row, PROGRESS)
            return
        self._set_phase(_Phase.EDITING)  # refused before the start: the error says why

    def _summarise(self, devices: list[BatchDevice]) -> None:
        from setup_wizard.flow.ledger import Outcome

        online = sum(1 for d in devices if d.outcome is Outcome.ONLINE)
        cancelled = sum(1 for d in devices if d.outcome is Outcome.CANCELLED)
        if cancelled == len(devices):
            self.summary.show_message(
                self.tr("Stopped: each Photon is listed as cancelled under Devices done.")
            )
            return
        text = (
            self.tr("Online, each owned by its customer: %1 of %2.")
            .replace("%1", str(online))
            .replace("%2", str(len(devices)))
        )
        if online < len(devices):
            text += " " + self.tr(
                "The other rows say where they stopped; Devices done lists every one."
            )
        self.summary.show_message(text)

    def set_up_more(self) -> None:
        """Rows done leave; the others stay for another try; new Photons come in."""
        from setup_wizard.flow.ledger import Outcome

        batch = self.batch
        done = {d.port for d in batch.devices if d.outcome is Outcome.ONLINE} if batch else set()
        for row in reversed(range(self.table.rowCount())):
            target = self._target(row)
            if target in done:
                self.table.removeRow(row)
                del self._found[target]
            else:
                self._set_progress(row, self.tr("Ready"), None)
        self.summary.clear()
        self._set_phase(_Phase.EDITING)

    # -- the page's state ------------------------------------------------------------------

    def _set_phase(self, phase: _Phase) -> None:
        self.phase = phase
        editing = phase is _Phase.EDITING
        self.all_customer.setEnabled(editing)
        self.all_network.setEnabled(editing)
        self.take_over.setEnabled(editing)
        for field in self.passwords.values():
            field.setEnabled(editing)
        self.table.setEditTriggers(
            _EDITING if editing else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.one_button.setEnabled(phase is not _Phase.RUNNING)
        self.start_button.setVisible(editing)
        self.stop_button.setVisible(phase is _Phase.RUNNING)
        self.stop_button.setEnabled(phase is _Phase.RUNNING)
        self.more_button.setVisible(phase is _Phase.ENDED)
        self.table_state.setVisible(editing)
        if editing:
            self.hint.show()
            self._poll()
            self._polling.start()
            self._changed()
        else:
            self._stop_polling()
            self.hint.hide()
        if phase is _Phase.ENDED:
            self.focus_later(self.more_button)
        elif phase is _Phase.RUNNING:
            self.focus_later(self.stop_button)

    def _show_details(self) -> None:
        """The current row's whole message (a cell shows only what fits)."""
        row = self.table.currentRow()
        if row < 0 or self.table.item(row, PROGRESS) is None:
            self.details.clear()
            return
        details = self.table.item(row, PROGRESS).data(_DETAILS)
        self.details.setText(f"{self.table.item(row, PHOTON).text()}: {details}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter starts (never Finish, which would close the bench)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.start_button.isVisible() and self.start_button.isEnabled():
                self.start()
            event.accept()
            return
        super().keyPressEvent(event)


def _log_failure(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("looking for Wi-Fi networks failed", exc_info=task.exception())


def _first_sentence(message: str) -> str:
    """What a one-line cell shows of a message (all of it is under the table)."""
    end = message.find(". ")
    return message if end < 0 else message[: end + 1]


def _names(networks: list[WifiNetwork]) -> list[str]:
    """Each network's name once, strongest first."""
    ordered = sorted(networks, key=lambda network: network.rssi, reverse=True)
    return list(dict.fromkeys(network.ssid for network in ordered if network.ssid))
