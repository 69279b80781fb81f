"""Bench: an earlier run stopped in the middle of a device; resume it, or mark it abandoned.

Resuming opens the customer again and goes on where the ledger says the device was: from
"Listening mode" if nothing had reached the Photon for good, at the wait for the cloud once
it was told to connect, at its name once it was online.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QRadioButton

from setup_wizard.flow import Page
from setup_wizard.gui.devices_done import local_time
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import MessagePanel, wrapping_label

if TYPE_CHECKING:
    from setup_wizard.flow.ledger import ResumeAt, SetupRow
    from setup_wizard.gui.wizard import SetupWizard


class ResumePage(FlowPage):
    page_id = Page.RESUME

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Resume the device in progress?"))
        self.setSubTitle(
            self.tr("Photon Setup stopped while it was setting up a device for a customer.")
        )
        self.setCommitPage(True)  # decided: the ledger says so, Back cannot undo it
        self._advance_once = False
        self.details = wrapping_label(rich=True)
        self.details.setAccessibleName(self.tr("The device in progress"))
        self.body.addWidget(self.details)
        self.choices = QButtonGroup(self)
        self.resume = QRadioButton()
        self.abandon = QRadioButton(self.tr("Mark it &abandoned and set up a new device"))
        self.choices.addButton(self.resume)
        self.choices.addButton(self.abandon)
        self.resume.toggled.connect(self._changed)
        self.abandon.toggled.connect(self._changed)
        self.body.addWidget(self.resume)
        self.what_resuming_does = wrapping_label()
        self.what_resuming_does.setContentsMargins(24, 0, 0, 0)
        self.body.addWidget(self.what_resuming_does)
        self.body.addWidget(self.abandon)
        self.other_product = MessagePanel("noticePanel")
        self.body.addWidget(self.other_product)
        self.body.addStretch(1)

    def step_name(self, at: ResumeAt) -> str:
        from setup_wizard.flow.ledger import ResumeAt

        return {
            ResumeAt.DEVICE: self.tr("Listening mode"),
            ResumeAt.CLOUD: self.tr("Waiting for the cloud"),
            ResumeAt.NAME: self.tr("Naming"),
            ResumeAt.NOTHING: self.tr("Done"),
        }[at]

    def what_happens(self, at: ResumeAt) -> str:
        from setup_wizard.flow.ledger import ResumeAt

        if at is ResumeAt.CLOUD:
            return self.tr(
                "The Photon had been told to join its Wi-Fi: this waits for it to come online "
                "as the customer's."
            )
        if at is ResumeAt.NAME:
            return self.tr("The Photon was online and the customer's: this names it.")
        return self.tr(
            "Nothing had reached the Photon for good: it starts again at “Listening mode”, "
            "for the same customer."
        )

    def initializePage(self) -> None:
        self._advance_once = False
        row = self.setup_wizard.unfinished
        if row is None:
            return
        self.resume.setText(
            self.tr("&Resume: device for %1, at “%2”")
            .replace("%1", row.customer)
            .replace("%2", self.step_name(row.resume_at))
        )
        self.what_resuming_does.setText(self.what_happens(row.resume_at))
        started = local_time(row.started_at)
        rows = [
            (self.tr("Customer"), row.customer),
            (self.tr("Started"), started),
            (self.tr("Device ID"), row.device_id or "—"),
            (self.tr("Name"), row.device_name or "—"),
            (self.tr("Wi-Fi"), row.ssid or "—"),
            (self.tr("Product"), row.product),
        ]
        self.details.setText(
            "<table>"
            + "".join(
                f"<tr><td><b>{escape(label)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
                for label, value in rows
            )
            + "</table>"
        )
        same_product = self._same_product(row)
        self.resume.setEnabled(same_product)
        if same_product:
            self.other_product.clear()
            self.resume.setChecked(True)
        else:
            self.other_product.show_message(
                self.tr(
                    "This device was being set up for the product “%s”. To resume it, go back "
                    "and choose that product."
                )
                % row.product
            )
            self.abandon.setChecked(True)
        self._changed()

    def _same_product(self, row: SetupRow) -> bool:
        product = self.setup_wizard.bench.staff.product
        return product is not None and row.product in (product.slug, str(product.id))

    def _changed(self) -> None:
        self.set_ready(self.resume.isChecked() or self.abandon.isChecked())

    def validatePage(self) -> bool:
        if self._advance_once:
            self._advance_once = False
            return True
        wizard = self.setup_wizard
        row = wizard.unfinished
        if row is None:
            return True
        if self.busy:
            return False
        if self.abandon.isChecked():
            wizard.bench.abandon(row)
            wizard.unfinished, wizard.resumed_at = None, None
            return True
        self.run(
            "resume",
            wizard.bench.resume(row),
            busy_text=self.tr("Opening the customer's account again…"),
            on_success=self._resumed,
            retry=self.validatePage,
        )
        return False

    def _resumed(self, at: ResumeAt) -> None:
        from setup_wizard.flow.ledger import ResumeAt

        wizard = self.setup_wizard
        wizard.resumed_at = {
            ResumeAt.DEVICE: Page.LISTENING,
            ResumeAt.CLOUD: Page.WAITING,
            ResumeAt.NAME: Page.NAME,
        }.get(at, Page.CUSTOMER)
        wizard.unfinished = None
        self._advance_once = True
        self.advance()
