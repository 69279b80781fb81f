"""Bench: whom the next device is for, typed in or the next row of a work list.

Leaving the page opens the customer (created, or a customer-scoped token for one that
exists) and gets the claim code while this computer still has the internet: the
device is claimed for the customer, never for the staff member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from setup_wizard.flow import Page
from setup_wizard.gui.pages.base import FlowPage, heading
from setup_wizard.gui.pages.usb_bench import UsbBenchOffer
from setup_wizard.gui.widgets import MessagePanel, PasswordField, wrapping_label
from setup_wizard.secret import Password

if TYPE_CHECKING:
    from setup_wizard.flow.bench import Bench, Job
    from setup_wizard.flow.state import Account
    from setup_wizard.gui.wizard import SetupWizard


class CustomerPage(FlowPage):
    page_id = Page.CUSTOMER

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The customer"))
        self.setSubTitle(
            self.tr(
                "The Photon is claimed for the customer, not for you: an existing customer "
                "gets a sign-in for their own account, a new one is created."
            )
        )
        self._advance_once = False

        form = QFormLayout()
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("customer@example.com"))
        self.email.setAccessibleName(self.tr("The customer's e-mail address"))
        self.email.textChanged.connect(self._changed)
        self.with_password = QCheckBox(self.tr("Give a &new customer a password"))
        self.with_password.setToolTip(
            self.tr(
                "Without one, a new customer is created without a password. A customer who "
                "already exists keeps their own."
            )
        )
        self.password = PasswordField()
        self.password.setAccessibleName(self.tr("Password for a new customer"))
        self.with_password.toggled.connect(self._password_toggled)
        self.password.textChanged.connect(self._changed)
        form.addRow(self.tr("Customer's &e-mail:"), self.email)
        form.addRow("", self.with_password)
        form.addRow(self.tr("&Password:"), self.password)
        form.setRowVisible(self.password, False)
        self._form = form
        self.body.addLayout(form)
        self.usb_offer = UsbBenchOffer(wizard)
        self.body.addWidget(self.usb_offer)

        self.body.addWidget(heading(self.tr("Work list")))
        self.work_state = wrapping_label(
            self.tr(
                "A work list is a CSV file with one device per row: the customer's e-mail, "
                "the device's name (may be empty) and the Wi-Fi network. The bench takes the "
                "rows in turn."
            )
        )
        self.body.addWidget(self.work_state)
        self.rows = QTreeWidget()
        self.rows.setColumnCount(5)
        self.rows.setHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Customer"),
                self.tr("Name"),
                self.tr("Wi-Fi"),
                self.tr("State"),
            ]
        )
        self.rows.setRootIsDecorated(False)
        self.rows.setUniformRowHeights(True)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rows.setAccessibleName(self.tr("Rows of the work list"))
        header = self.rows.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rows.hide()
        self.body.addWidget(self.rows, 1)

        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Import a work list…"))
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_work_list)
        self.close_button = QPushButton(self.tr("C&lose the work list"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close_work_list)
        self.close_button.hide()
        self.devices_done = QPushButton(self.tr("&Devices done…"))
        self.devices_done.setAutoDefault(False)
        self.devices_done.clicked.connect(lambda: self.setup_wizard.show_devices_done())
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.devices_done)
        self.body.addLayout(buttons)
        self.body.addStretch(0)
        self.hint = MessagePanel("noticePanel")
        self.body.addWidget(self.hint)

    @property
    def _bench(self) -> Bench:
        return self.setup_wizard.bench

    def initializePage(self) -> None:
        self._advance_once = False
        if self.setup_wizard.simulation:
            self.hint.show_message(
                self.tr(
                    "Simulation: any e-mail address works. A customer who does not exist yet "
                    "is created in the simulated Particle Cloud."
                )
            )
        bench = self._bench
        if not self.email.text() and bench.job is not None:
            self.email.setText(bench.job.customer)
        self.render_work()
        self.focus_later(self.email)

    # -- the work list --------------------------------------------------------------------

    def import_work_list(self) -> None:
        from setup_wizard.flow.worklist import WorkListError, read_work_list

        path = self.setup_wizard.dialogs.open_work_list(self)
        if path is None:
            return
        self.clear_error()
        try:
            items = read_work_list(path)
        except WorkListError as error:
            self.show_message_error(error.message)
            return
        self._bench.load_work(items, path)
        self.render_work()

    def close_work_list(self) -> None:
        bench = self._bench
        bench.work, bench.work_list = [], None
        self.render_work()

    def render_work(self) -> None:
        """The work list's rows, what is done and what is next; the next row's customer."""
        bench = self._bench
        loaded = bench.work_list is not None
        self.rows.setVisible(loaded)
        self.close_button.setVisible(loaded)
        self.rows.clear()
        job = bench.next_job()
        if loaded:
            remaining = {item.line for item in bench.remaining()}
            for item in bench.work:
                if item.line not in remaining:
                    state = self.tr("done")
                elif job is not None and item.line == job.work_line:
                    state = self.tr("next")
                else:
                    state = self.tr("to do")
                self.rows.addTopLevelItem(
                    QTreeWidgetItem(
                        [str(item.line), item.customer, item.device_name or "", item.ssid, state]
                    )
                )
            done = len(bench.work) - len(remaining)
            if job is None:
                self.work_state.setText(
                    self.tr("All %n row(s) of the work list are done.", "", len(bench.work))
                )
            else:
                self.work_state.setText(
                    self.tr("%1 of %2 done. Next: line %3, %4.")
                    .replace("%1", str(done))
                    .replace("%2", str(len(bench.work)))
                    .replace("%3", str(job.work_line))
                    .replace("%4", job.customer)
                )
        from_list = job is not None
        self.email.setEnabled(not from_list)
        self.with_password.setEnabled(not from_list)
        if from_list:
            assert job is not None
            self.email.setText(job.customer)
            self.with_password.setChecked(False)
        self._changed()

    # -- leaving ------------------------------------------------------------------------

    def _password_toggled(self, on: bool) -> None:
        self._form.setRowVisible(self.password, on)
        if on:
            self.password.setFocus()
        self._changed()

    def _changed(self) -> None:
        email = self.email.text().strip()
        password_ok = not self.with_password.isChecked() or bool(self.password.text())
        self.set_ready("@" in email and password_ok)

    def job(self) -> Job:
        password = Password(self.password.text()) if self.with_password.isChecked() else None
        return self.setup_wizard.next_job(self.email.text(), password)

    def validatePage(self) -> bool:
        if self._advance_once:
            self._advance_once = False
            return True
        if self.busy:
            return False
        bench = self._bench
        if self.setup_wizard.usb_bench:  # every Photon on a cable, each with its own customer
            if bench.setup_id is not None:
                from setup_wizard.flow.ledger import Outcome

                bench.finish(Outcome.CANCELLED)
            return True
        job = self.job()
        if bench.setup_id is not None:  # came back from the device pages
            same = bench.job is not None and bench.job.customer.lower() == job.customer.lower()
            if same and self.flow.state.device is None:
                return True  # nothing happened to the device yet: carry on with it
            from setup_wizard.flow.ledger import Outcome

            bench.finish(Outcome.CANCELLED)
        self.run(
            "customer",
            bench.start(job),
            busy_text=self.tr("Opening the customer's account and getting a claim code…"),
            on_success=self._opened,
        )
        return False

    def _opened(self, account: Account) -> None:
        self.password.clear()
        self.with_password.setChecked(False)
        self._advance_once = True
        self.advance()
