"""Waiting for the cloud: the Photon joins the Wi-Fi and reaches the Particle Cloud.

The Photon reports nothing here, so the LED guide is the diagnosis: the page shows the
lights to expect, what each means, and help when a stage takes longer than usual.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QWidget

from setup_wizard.flow import (
    FlowEvent,
    Notice,
    Page,
    Stage,
    StageChanged,
    StageHelp,
    WrongWifiPassword,
)
from setup_wizard.flow.led_guide import WAITING_PATTERNS, describe
from setup_wizard.gui.led_widget import LedWidget, guide_text
from setup_wizard.gui.pages.base import FlowPage, heading
from setup_wizard.gui.widgets import MessagePanel, StepList, wrapping_label

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard

STAGES = (Stage.PHOTON_LEAVES, Stage.INTERNET, Stage.CLOUD_ONLINE)


class WaitingPage(FlowPage):
    page_id = Page.WAITING

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your Photon is connecting"))
        self.setSubTitle(
            self.tr("This usually takes under a minute. Watch the light on the Photon meanwhile.")
        )
        self.steps = StepList(STAGES, self.flow.timeline.clock)
        self.body.addWidget(self.steps)
        self.help = MessagePanel("noticePanel")
        self.body.addWidget(self.help)
        self.body.addWidget(heading(self.tr("What the light means")))
        self.guide = QWidget()
        grid = QGridLayout(self.guide)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.pictures: list[LedWidget] = []
        for row, pattern in enumerate(WAITING_PATTERNS):
            info = describe(pattern)
            picture = LedWidget(pattern)
            picture.setFixedSize(72, 54)
            name = QLabel(f"<b>{guide_text(info.name)}</b>")
            meaning = wrapping_label(guide_text(info.meaning))
            grid.addWidget(picture, row * 2, 0, 2, 1)
            grid.addWidget(name, row * 2, 1)
            grid.addWidget(meaning, row * 2 + 1, 1)
            self.pictures.append(picture)
        scroll = QScrollArea()
        scroll.setWidget(self.guide)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.addWidget(scroll, 1)
        self.start_over = QPushButton(self.tr("Start &over with this Photon"))
        self.start_over.setAutoDefault(False)
        self.start_over.hide()
        self.start_over.clicked.connect(lambda: self.setup_wizard.go_back_to(Page.LISTENING))
        self.body.addWidget(self.start_over)
        self._done = False
        self.flow.events.subscribe(self._on_event)

    def initializePage(self) -> None:
        self._done = False
        self.help.clear()
        self.start_over.hide()
        self.steps.reset()
        for record in self.flow.timeline:
            self.steps.update_record(record)
        self.wait()

    def wait(self) -> None:
        self.start_over.hide()
        task = self.run(
            "wait",
            self.flow.wait_for_cloud(),
            busy_text=self.tr("Waiting for the Photon to come online…"),
            on_success=lambda _: self._online(),
            retry=self.wait,
        )
        task.add_done_callback(self._check_wrong_password)

    def _check_wrong_password(self, task: asyncio.Task[None]) -> None:
        if task.cancelled() or self.setup_wizard.closing:
            return
        error = task.exception()
        if isinstance(error, WrongWifiPassword):
            self.clear_error()
            self.run(
                "rejoin",
                self.flow.retry_wifi(),
                busy_text=self.tr(
                    "The Photon is back in listening mode. Reconnecting to it so you can fix "
                    "the Wi-Fi settings…"
                ),
                on_success=lambda _: self.setup_wizard.go_back_to(Page.CHOOSE_WIFI),
                retry=lambda: self._check_wrong_password(task),
            )
        elif error is not None:
            self.start_over.show()

    def _online(self) -> None:
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
        elif isinstance(event, StageHelp) or (isinstance(event, Notice) and event.action_needed):
            self.help.show_message(event.message)
