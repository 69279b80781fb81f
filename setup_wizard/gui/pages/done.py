"""Done: what was set up, for whom, on which network."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from setup_wizard.flow import Page
from setup_wizard.flow.led_guide import LedPattern
from setup_wizard.gui.led_widget import LedWidget
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import wrapping_label

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class DonePage(FlowPage):
    page_id = Page.DONE

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your Photon is set up"))
        self.setSubTitle(self.tr("It is on your Wi-Fi, online, and belongs to your account."))
        self.setFinalPage(True)
        picture = LedWidget(LedPattern.CLOUD_CONNECTED)
        picture.setMinimumHeight(140)
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
        self.body.addStretch(1)

    def initializePage(self) -> None:
        state = self.flow.state
        rows = [
            (self.tr("Name"), state.device_name or "—"),
            (self.tr("Device ID"), state.device_id or "—"),
            (self.tr("Owner"), state.account.email if state.account else "—"),
            (self.tr("Wi-Fi"), state.choice.ssid if state.choice else "—"),
            (self.tr("Status"), self.tr("Online in the Particle Cloud")),
        ]
        table = "".join(
            f"<tr><td><b>{escape(label)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
            for label, value in rows
        )
        light = self.tr("The light on your Photon now breathes cyan.")  # lupdate skips f-strings
        self.summary.setText(f"<p>{escape(light)}</p><table>{table}</table>")

    def set_up_another(self) -> None:
        self.flow.start_over()
        self.setup_wizard.restart_at(Page.LISTENING)
