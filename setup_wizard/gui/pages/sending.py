"""Sending: claim code, Wi-Fi settings and "connect" go to the Photon; the Wi-Fi comes back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from setup_wizard.flow import Page, Stage
from setup_wizard.gui.pages.base import StepsPage

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class SendingPage(StepsPage):
    page_id = Page.SENDING
    stages = (Stage.SEND_CLAIM_CODE, Stage.SEND_WIFI, Stage.CONNECT, Stage.RESTORE_WIFI)

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Sending the settings to your Photon"))
        self.setSubTitle(self.tr("This takes a few seconds. Keep the Photon plugged in."))
        self.body.addWidget(self.steps)
        self.body.addWidget(self.notice)
        self.body.addStretch(1)
        self.setCommitPage(True)  # once sent, Back cannot undo it: the Photon has left

    def initializePage(self) -> None:
        self.begin()
        self.send()

    def send(self) -> None:
        self.run(
            "send",
            self.flow.send(self.flow.state.password),
            busy_text=self.tr("Sending…"),
            on_success=lambda _: self.succeeded(),
            retry=self.send,
        )
