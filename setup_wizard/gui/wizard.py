"""The setup window: a QWizard whose pages render the flow and whose order the flow decides.

Closing it (Cancel, Escape, the window's close button) first stops the step in flight and
gives the computer its own Wi-Fi back, showing that it does so, and only then closes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QWidget, QWizard

from setup_wizard.flow import Onboarding, Page, StepRunner
from setup_wizard.runtime import SimulationHints

log = logging.getLogger(__name__)

ReportSaver = Callable[[QWidget, str | None], None]
"""Saves a support report for the current setup (parent widget, last error shown)."""


class SetupWizard(QWizard):
    closed = Signal()
    """Emitted once the window has closed and the Wi-Fi is given back."""

    def __init__(
        self,
        flow: Onboarding,
        *,
        simulation: bool,
        brand: str = "Photon",
        report_saver: ReportSaver | None = None,
        cleanup: Callable[[], Awaitable[None]] | None = None,
        simulation_hints: SimulationHints | None = None,
        start_notice: str | None = None,
        support_url: str | None = None,
        logo: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self.simulation = simulation
        self.simulation_hints = simulation_hints
        self.start_notice = start_notice
        """What start-up did about Wi-Fi left changed by an earlier run (shown on Welcome)."""
        self.brand = brand
        self.support_url = support_url
        self.logo = logo
        self.runner = StepRunner()
        self.closing = False
        self.last_error: str | None = None
        self.exit_code = 0
        self.autopilot: asyncio.Future[None] | None = None
        self._report_saver = report_saver
        self._cleanup = cleanup
        self._closing_task: asyncio.Future[None] | None = None
        self._shutdown_task: asyncio.Future[None] | None = None
        self._stopping: asyncio.Future[None] | None = None
        title = self.tr("%s Setup") % brand
        if simulation:
            title = self.tr("%s — Simulation") % title
        self.setWindowTitle(title)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(
            QWizard.WizardButton.CommitButton, self.buttonText(QWizard.WizardButton.NextButton)
        )
        self.setMinimumSize(QSize(640, 560))
        self.resize(QSize(720, 620))
        from setup_wizard.gui.pages import build_pages

        for page in build_pages(self):
            self.setPage(int(page.page_id), page)
        self.setStartId(int(Page.WELCOME))

    # -- navigation ----------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return -1
        following = self.flow.next_page(Page(current))
        return -1 if following is None else int(following)

    def go_back_to(self, page: Page) -> None:
        """Back to an earlier page (each page left cleans up, as with the Back button)."""
        while self.currentId() > int(page) and int(page) in self.visitedIds():
            self.back()
        current = self.currentPage()
        returned_to = getattr(current, "returned_to", None)
        if callable(returned_to):
            returned_to()

    def restart_at(self, page: Page) -> None:
        """Start again at ``page`` with a fresh history (another Photon, same account)."""
        self.setStartId(int(page))
        self.restart()
        self.setStartId(int(Page.WELCOME))

    def stop_step(self) -> None:
        """Stop the step in flight; its own clean-up (giving the Wi-Fi back) still runs."""
        self._stopping = asyncio.ensure_future(self.runner.cancel())

    # -- support ------------------------------------------------------------------------

    def save_support_report(self) -> None:
        if self._report_saver is not None:
            self._report_saver(self, self.last_error)

    # -- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: stop, give the Wi-Fi back, then close."""
        self._close_after_shutdown(QWizard.DialogCode.Rejected)

    def done(self, result: int) -> None:
        self._close_after_shutdown(QWizard.DialogCode(result))

    def _close_after_shutdown(self, result: QWizard.DialogCode) -> None:
        if self._closing_task is not None:
            return
        self._closing_task = asyncio.ensure_future(self.shutdown())

        def close(_: object) -> None:
            super(SetupWizard, self).done(result)
            self.closed.emit()

        self._closing_task.add_done_callback(close)

    async def shutdown(self) -> None:
        """Stop the step in flight, give the Wi-Fi back, stop the world; safe to call again."""
        if self._shutdown_task is None:
            self._shutdown_task = asyncio.ensure_future(self._shut_down())
        await asyncio.shield(self._shutdown_task)

    async def _shut_down(self) -> None:
        self.closing = True
        if self.autopilot is not None and not self.autopilot.done():
            self.autopilot.cancel()
        page = self.currentPage()
        if self.flow.on_device_link or self.runner.busy:
            busy_row = getattr(page, "busy_row", None)
            if busy_row is not None:
                busy_row.start(self.tr("Stopping and reconnecting this computer to its Wi-Fi…"))
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        try:
            await self.runner.cancel()
            await self.flow.close()
            if self._cleanup is not None:
                await self._cleanup()
        except Exception:
            log.exception("clean-up on close failed")
