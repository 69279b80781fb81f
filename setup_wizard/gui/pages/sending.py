"""Sending: claim code, Wi-Fi settings and "connect" go to the Photon; the Wi-Fi comes back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWizard

from setup_wizard.flow import FlowEvent, Notice, Page, Stage, StageChanged
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import MessagePanel, StepList

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard

STAGES = (Stage.SEND_CLAIM_CODE, Stage.SEND_WIFI, Stage.CONNECT, Stage.RESTORE_WIFI)


class SendingPage(FlowPage):
    page_id = Page.SENDING

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Sending the settings to your Photon"))
        self.setSubTitle(self.tr("This takes a few seconds. Keep the Photon plugged in."))
        self.steps = StepList(STAGES, self.flow.timeline.clock)
        self.body.addWidget(self.steps)
        self.notice = MessagePanel("noticePanel")
        self.body.addWidget(self.notice)
        self.body.addStretch(1)
        self._done = False
        self.setCommitPage(True)  # once sent, Back cannot undo it: the Photon has left
        self.flow.events.subscribe(self._on_event)

    def initializePage(self) -> None:
        self.steps.reset()
        self.notice.clear()
        self._done = False
        self.set_ready(False)
        self.send()

    def send(self) -> None:
        self.run(
            "send",
            self.flow.send(self.flow.state.password),
            busy_text=self.tr("Sending…"),
            on_success=lambda _: self._sent(),
            retry=self.send,
        )

    def _sent(self) -> None:
        self._done = True
        self.set_ready(True)
        self.advance()

    def validatePage(self) -> bool:
        return self._done

    def isComplete(self) -> bool:
        return self._done and not self.busy

    def _on_event(self, event: FlowEvent) -> None:
        if self.setup_wizard.currentId() != int(self.page_id):
            return
        if isinstance(event, StageChanged):
            self.steps.update_record(event.record)
            back = self.setup_wizard.button(QWizard.WizardButton.BackButton)
            back.setEnabled(not self.busy)
        elif isinstance(event, Notice) and event.action_needed:
            self.notice.show_message(event.message)
