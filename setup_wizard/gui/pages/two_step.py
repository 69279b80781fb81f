"""Bench: the two-step verification code, shown only when the cloud asks for it.

A wrong code is said on the page and the person types it again: the app never sends a code
by itself, because failed sign-ins lock the network out of the Particle Cloud.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, QTimer
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QLineEdit

from setup_wizard.flow import Page
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.widgets import MessagePanel, wrapping_label

if TYPE_CHECKING:
    from setup_wizard.flow.staff import Staff
    from setup_wizard.gui.wizard import SetupWizard

CODE_LENGTH = 6
HINT_REFRESH_MS = 1000
"""The simulation's current code is shown again this often (it changes over time)."""


class TwoStepPage(FlowPage):
    page_id = Page.TWO_STEP

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Two-step verification"))
        self.setSubTitle(
            self.tr("Your Particle account asks for the code your authenticator app shows.")
        )
        self._advance_once = False
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Verification code"))
        self.code.setPlaceholderText("123456")
        self.code.setMaxLength(CODE_LENGTH)
        self.code.setValidator(
            QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{CODE_LENGTH}}}"), self.code)
        )
        font = QFont(self.code.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 4)
        self.code.setFont(font)
        self.code.setMaximumWidth(180)
        self.code.textChanged.connect(self._changed)
        form.addRow(self.tr("&Code:"), self.code)
        self.body.addLayout(form)
        self.body.addWidget(
            wrapping_label(
                self.tr(
                    "After ten failed sign-in attempts from one network, the Particle Cloud "
                    "blocks sign-ins from that network for 30 minutes, so this app never tries "
                    "a code by itself: check the code before you click Next."
                )
            )
        )
        self.body.addStretch(1)
        self.hint = MessagePanel("noticePanel")
        self.body.addWidget(self.hint)
        self._hint_timer = QTimer(self)
        self._hint_timer.setInterval(HINT_REFRESH_MS)
        self._hint_timer.timeout.connect(self._show_hint)

    def initializePage(self) -> None:
        self._advance_once = False
        self.code.clear()
        self._show_hint()
        hints = self.setup_wizard.simulation_hints
        if hints is not None and hints.two_step_code is not None:
            self._hint_timer.start()
        self.focus_later(self.code)
        self._changed()

    def cleanupPage(self) -> None:
        self._hint_timer.stop()
        super().cleanupPage()

    def _show_hint(self) -> None:
        if self.setup_wizard.currentPage() is not self and self._hint_timer.isActive():
            self._hint_timer.stop()
            return
        hints = self.setup_wizard.simulation_hints
        if hints is None or hints.two_step_code is None:
            self.hint.clear()
            return
        self.hint.show_message(
            self.tr(
                "Simulation: the code is now “%s”; like an authenticator app's, it changes "
                "over time."
            )
            % hints.two_step_code()
        )

    def _changed(self) -> None:
        self.set_ready(len(self.code.text()) == CODE_LENGTH)

    def validatePage(self) -> bool:
        if self._advance_once:
            self._advance_once = False
            self._hint_timer.stop()
            return True
        if self.busy or len(self.code.text()) != CODE_LENGTH:
            return False
        task = self.run(
            "two-step",
            self.setup_wizard.bench.staff.verify(self.code.text()),
            busy_text=self.tr("Checking the code…"),
            on_success=self._verified,
        )
        task.add_done_callback(self._refused)
        return False

    def _verified(self, staff: Staff) -> None:
        self._advance_once = True
        self.advance()

    def _refused(self, task: asyncio.Task[Staff]) -> None:
        """A wrong code: the person types the current one (the error says so)."""
        if task.cancelled() or task.exception() is None or self.setup_wizard.closing:
            return
        self.code.selectAll()
        self.focus_later(self.code)
