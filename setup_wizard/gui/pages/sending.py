"""Sending: claim code, Wi-Fi settings and "connect" go to the Photon; over Wi-Fi, the
computer then gets its own network back (over a cable it never left it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from setup_wizard.flow import LinkKind, Page, Stage
from setup_wizard.gui.pages.base import StepsPage
from setup_wizard.gui.pages.connect import ConnectPage

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class SendingPage(StepsPage):
    page_id = Page.SENDING
    stages = (Stage.SEND_CLAIM_CODE, Stage.SEND_WIFI, Stage.CONNECT, Stage.RESTORE_WIFI)
    usb_stages = (Stage.SEND_CLAIM_CODE, Stage.SEND_WIFI)
    """Over a cable the console's answer to the Wi-Fi settings is the Photon setting off, and
    the computer has no network to get back: the other two steps are not shown."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Sending the settings to your Photon"))
        self.body.addWidget(self.steps)
        self.body.addWidget(self.notice)
        self.body.addStretch(1)
        self.setCommitPage(True)  # once sent, Back cannot undo it: the Photon has left

    def initializePage(self) -> None:
        if self.flow.link_kind is LinkKind.USB:
            self.setSubTitle(self.tr("This takes a few seconds. Keep the USB cable plugged in."))
            self.steps.show_only(
                self.usb_stages,
                {
                    Stage.SEND_CLAIM_CODE: self.tr("Send the claim code over the cable"),
                    Stage.SEND_WIFI: self.tr("Send the Wi-Fi settings over the cable"),
                },
            )
        else:
            self.setSubTitle(self.tr("This takes a few seconds. Keep the Photon plugged in."))
            self.steps.show_only(self.stages)
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

    def show_error(
        self, error: BaseException, *, retry: Callable[[], object] | None = None
    ) -> None:
        """A failure that closed the link (a cable pulled out) leaves nothing to try again
        here: the Connect page shows it, where the Photon is plugged in and chosen again."""
        from setup_wizard.flow.errors import page_to_fix  # loaded with the flow

        connect = self.setup_wizard.page(int(Page.CONNECT))
        if (
            page_to_fix(error) is Page.CONNECT
            and not self.flow.on_device_link
            and isinstance(connect, ConnectPage)
        ):
            self.setup_wizard.go_back_to(Page.CONNECT)
            connect.lost_photon(error)
            return
        super().show_error(error, retry=retry)
