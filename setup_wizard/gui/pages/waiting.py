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
    LinkKind,
    Page,
    Stage,
    WrongWifiPassword,
)
from setup_wizard.flow.led_guide import WAITING_PATTERNS, describe
from setup_wizard.gui.led_widget import LedWidget, guide_text
from setup_wizard.gui.pages.base import StepsPage, heading
from setup_wizard.gui.widgets import wrapping_label

if TYPE_CHECKING:
    from setup_wizard.gui.wizard import SetupWizard


class WaitingPage(StepsPage):
    page_id = Page.WAITING
    stages = (Stage.PHOTON_LEAVES, Stage.INTERNET, Stage.CLOUD_ONLINE)
    usb_stages = (Stage.PHOTON_LEAVES, Stage.CLOUD_ONLINE)
    """Over a cable this computer never lost its internet: nothing to wait for there."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your Photon is connecting"))
        self.setSubTitle(
            self.tr("This usually takes under a minute. Watch the light on the Photon meanwhile.")
        )
        self.body.addWidget(self.steps)
        self.body.addWidget(self.notice)
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
        self.start_over.clicked.connect(self.start_again)
        self.body.addWidget(self.start_over)

    def initializePage(self) -> None:
        if self.flow.link_kind is LinkKind.USB:
            leaves = self.tr("Photon leaves listening mode")
            self.steps.show_only(self.usb_stages, {Stage.PHOTON_LEAVES: leaves})
        else:
            self.steps.show_only(self.stages)
        self.begin()
        self.start_over.hide()
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

    def _online(self) -> None:
        """At a bench, the network's password is known good now: the next Photon on it is
        not asked again (and it goes to the keychain if the person asked)."""
        bench, state = self.bench, self.flow.state
        if bench is None or state.choice is None or state.password is None:
            self.succeeded()
            return
        self.run(
            "remember-wifi-password",
            bench.wifi_passwords.put(
                state.choice.ssid, state.password, keep=self.setup_wizard.keep_wifi_password
            ),
            busy_text=self.tr("Keeping the Wi-Fi password for the next Photon…"),
            on_success=lambda _: self.succeeded(),
        )

    def start_again(self) -> None:
        """Start over with this Photon; at a bench, this device is recorded as failed (with
        the error shown) and the same job starts again with a new claim code."""
        bench = self.bench
        if bench is None:
            self.setup_wizard.go_back_to(Page.LISTENING)
            return
        from setup_wizard.flow.ledger import Outcome

        job = bench.job
        if bench.setup_id is not None:
            bench.finish(Outcome.FAILED, self.setup_wizard.last_error)
        if job is None:
            self.setup_wizard.go_back_to(Page.LISTENING)
            return
        self.start_over.hide()
        self.run(
            "start-again",
            bench.start(job),
            busy_text=self.tr("Getting a new claim code for the customer…"),
            on_success=lambda _: self.setup_wizard.go_back_to(Page.LISTENING),
            retry=self.start_again,
        )

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
