"""Done: what was set up, for whom, on which network.

At a bench the device is recorded online in the ledger here (the flow has checked the
product's device record: the owner is the customer), and "Set up next device" starts the
next one at "Listening mode" with the same product, customer (or the work list's next row)
and Wi-Fi, unless the customer is changed here.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from setup_wizard.flow import Page
from setup_wizard.flow.led_guide import LedPattern
from setup_wizard.gui.led_widget import LedWidget
from setup_wizard.gui.pages.base import FlowPage, heading
from setup_wizard.gui.widgets import wrapping_label

if TYPE_CHECKING:
    from setup_wizard.flow.state import Account
    from setup_wizard.gui.wizard import SetupWizard


class DonePage(FlowPage):
    page_id = Page.DONE

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your Photon is set up"))
        self.setSubTitle(self.tr("It is on your Wi-Fi, online, and belongs to your account."))
        self.setFinalPage(True)
        picture = LedWidget(LedPattern.CLOUD_CONNECTED)
        picture.setMinimumHeight(140 if not wizard.staff else 90)
        if wizard.staff:
            picture.setMaximumHeight(130)  # the next device matters more here
        self.body.addWidget(picture)
        self.summary = wrapping_label(rich=True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.body.addWidget(self.summary)
        row = QHBoxLayout()
        self.another = QPushButton(self.tr("Set up &another Photon"))
        self.another.setAutoDefault(False)
        self.another.clicked.connect(self.set_up_another)
        row.addWidget(self.another)
        row.addStretch(1)
        self.body.addLayout(row)
        self.next_device = QWidget()
        self.next_device.hide()
        if wizard.staff:
            self.another.hide()
            self._build_next_device()
        self.body.addStretch(1)

    def _build_next_device(self) -> None:
        layout = QVBoxLayout(self.next_device)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Next device")))
        row = QHBoxLayout()
        self.next_customer = QLineEdit()
        self.next_customer.setAccessibleName(self.tr("Customer of the next device"))
        self.next_customer.textChanged.connect(self._next_changed)
        label = QLabel(self.tr("&For:"))
        label.setBuddy(self.next_customer)
        self.next_button = QPushButton(self.tr("Set up &next device"))
        self.next_button.setAutoDefault(False)
        self.next_button.clicked.connect(self.set_up_next)
        row.addWidget(label)
        row.addWidget(self.next_customer, 1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        self.work_state = wrapping_label()
        layout.addWidget(self.work_state)
        buttons = QHBoxLayout()
        self.change_button = QPushButton(self.tr("&Change customer or work list…"))
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(lambda: self.setup_wizard.restart_at(Page.CUSTOMER))
        self.devices_done = QPushButton(self.tr("&Devices done…"))
        self.devices_done.setAutoDefault(False)
        self.devices_done.clicked.connect(lambda: self.setup_wizard.show_devices_done())
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        buttons.addWidget(self.devices_done)
        layout.addLayout(buttons)
        self.body.addWidget(self.next_device)

    def initializePage(self) -> None:
        bench = self.bench
        if bench is not None and bench.setup_id is not None:
            from setup_wizard.flow.ledger import Outcome

            bench.finish(Outcome.ONLINE)  # online, and the product names the customer owner
        state = self.flow.state
        owner = state.account.email if state.account else "—"
        network = state.choice.ssid if state.choice else None
        if bench is not None:
            job = bench.job
            network = network or (job.ssid if job is not None else None)
            self.setTitle(self.tr("The Photon is set up for %s") % owner)
            self.setSubTitle(
                self.tr(
                    "It is online, and the product's device list names the customer as its owner."
                )
            )
            owner = self.tr("%s (checked in the product's device list)") % owner
        rows = [
            (self.tr("Name"), state.device_name or "—"),
            (self.tr("Device ID"), state.device_id or "—"),
            (self.tr("Owner"), owner),
            (self.tr("Wi-Fi"), network or "—"),
            (self.tr("Status"), self.tr("Online in the Particle Cloud")),
        ]
        table = "".join(
            f"<tr><td><b>{escape(label)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
            for label, value in rows
        )
        light = self.tr("The light on your Photon now breathes cyan.")  # lupdate skips f-strings
        self.summary.setText(f"<p>{escape(light)}</p><table>{table}</table>")
        if bench is not None:
            self._render_next()
            QTimer.singleShot(0, self._next_is_default)

    def _next_is_default(self) -> None:
        """At a bench, Enter sets up the next device rather than closing the window (the
        wizard makes Finish the default as it shows the page; this runs after that)."""
        if self.setup_wizard.currentPage() is self and self.next_button.isEnabled():
            self.next_button.setDefault(True)
            self.next_button.setFocus()

    def set_up_another(self) -> None:
        self.flow.start_over()
        self.setup_wizard.restart_at(Page.LISTENING)

    # -- the bench's next device ----------------------------------------------------------

    def _render_next(self) -> None:
        bench = self.setup_wizard.bench
        self.next_device.show()
        job = bench.next_job()
        if job is not None:
            self.next_customer.setText(job.customer)
            self.next_customer.setEnabled(False)
            self.work_state.setText(
                self.tr("Line %1 of the work list (%2 of %3 done).")
                .replace("%1", str(job.work_line))
                .replace("%2", str(len(bench.work) - len(bench.remaining())))
                .replace("%3", str(len(bench.work)))
            )
        else:
            self.next_customer.setEnabled(True)
            if bench.job is not None:
                self.next_customer.setText(bench.job.customer)
            if bench.work_list is not None:
                self.work_state.setText(
                    self.tr("All %n row(s) of the work list are done.", "", len(bench.work))
                )
            else:
                network = self.setup_wizard.bench_network()
                self.work_state.setText(
                    self.tr("Same product and Wi-Fi (“%s”); change the customer if needed.")
                    % network
                    if network
                    else self.tr("Same product; change the customer if needed.")
                )
        self._next_changed()

    def _next_changed(self) -> None:
        self.next_button.setEnabled("@" in self.next_customer.text() and not self.busy)

    def set_up_next(self) -> None:
        if self.busy:
            return
        self.run(
            "next-device",
            self.setup_wizard.bench.start(self.setup_wizard.next_job(self.next_customer.text())),
            busy_text=self.tr("Opening the customer's account and getting a claim code…"),
            on_success=self._next_started,
            retry=self.set_up_next,
        )

    def _next_started(self, account: Account) -> None:
        self.setup_wizard.restart_at(Page.LISTENING)
