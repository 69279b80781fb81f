"""The setup window: a QWizard whose pages render the flow and whose order the flow decides.

It can open before the flow exists, so that a person sees it at once: the Welcome page
shows, Next waits ("Getting ready…"), and :meth:`SetupWizard.attach` brings the flow once
it is built and adds the other pages, one per turn of the event loop, so that the window
keeps answering meanwhile.

Closing it (Cancel, Escape, the window's close button) first stops the step in flight and
gives the computer its own Wi-Fi back, showing that it does so, and only then closes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QWidget, QWizard

from setup_wizard.flow import Page, StepRunner
from setup_wizard.gui.pages import build_pages, later_pages
from setup_wizard.gui.pages.welcome import WelcomePage

if TYPE_CHECKING:
    from setup_wizard.flow import Onboarding
    from setup_wizard.runtime import SimulationHints

log = logging.getLogger(__name__)

ReportSaver = Callable[[QWidget, str | None], None]
"""Saves a support report for the current setup (parent widget, last error shown)."""

ON_SCREEN_AT_LATEST_MS = 500
"""A window that is shown but not painted (e.g. on a hidden desktop) counts as on screen
this long after it was shown."""


class SetupWizard(QWizard):
    closed = Signal()
    """Emitted once the window has closed and the Wi-Fi is given back."""
    on_screen = Signal()
    """Emitted once, in the loop turn after the window's first paint: what only the later
    pages need starts then, not before the person sees the window."""

    def __init__(
        self,
        flow: Onboarding | None,
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
        self._flow = flow
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
        self._on_screen = False
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
        self.welcome = WelcomePage(self)
        self.setPage(int(Page.WELCOME), self.welcome)
        self.setStartId(int(Page.WELCOME))
        if flow is None:
            self.getting_ready()
        else:
            for page in build_pages(self):
                self.setPage(int(page.page_id), page)
            self.welcome.flow_attached()

    # -- the flow, possibly later ---------------------------------------------------------

    @property
    def flow(self) -> Onboarding:
        if self._flow is None:
            raise RuntimeError("the flow is not attached yet")
        return self._flow

    @property
    def ready(self) -> bool:
        """The flow is attached and every page is built: Next can go."""
        return self._flow is not None and self.page(int(Page.DONE)) is not None

    def getting_ready(self) -> None:
        """Welcome waits for the flow: Next disabled, saying why."""
        self.welcome.clear_error()
        self.welcome.set_ready(False)
        self.welcome.busy_row.start(self.tr("Getting ready…"))

    def not_ready(self, message: str, *, retry: Callable[[], object]) -> None:
        """The flow could not be built: Welcome says why and what to do (``message``)."""
        self.welcome.busy_row.stop()
        self.welcome.show_message_error(message, retry=retry)

    async def attach(
        self,
        flow: Onboarding,
        *,
        simulation_hints: SimulationHints | None = None,
        start_notice: str | None = None,
    ) -> None:
        """The flow is built: add the other pages, one per turn of the event loop (each
        takes a few milliseconds; together they would freeze the window), then let Next go."""
        self._flow = flow
        self.simulation_hints = simulation_hints
        self.start_notice = start_notice
        for kind in later_pages():
            if self.closing:
                return
            page = kind(self)
            page.ensurePolished()  # the style sheet applied now, not at the first Next
            self.setPage(int(page.page_id), page)
            await asyncio.sleep(0)
        if self.closing:
            return
        self.welcome.busy_row.stop()
        self.welcome.flow_attached()
        self.welcome.set_ready(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._on_screen:
            QTimer.singleShot(ON_SCREEN_AT_LATEST_MS, self._announce_on_screen)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._on_screen:
            QTimer.singleShot(0, self._announce_on_screen)

    def _announce_on_screen(self) -> None:
        if not self._on_screen:
            self._on_screen = True
            if not self.closing:  # closed at once (--quit-after-show): nothing more to load
                self.on_screen.emit()

    # -- navigation ----------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return -1
        if self._flow is None:
            return current + 1  # Next (disabled until the flow is there), not Finish
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
        self.closing = True  # from now: nothing new starts (the runtime, a step)
        self._closing_task = asyncio.ensure_future(self.shutdown())

        def close(_: object) -> None:
            super(SetupWizard, self).done(result)
            self.closed.emit()

        self._closing_task.add_done_callback(close)

    async def shutdown(self) -> None:
        """Stop the step in flight, give the Wi-Fi back, stop the world; safe to call again."""
        if self._shutdown_task is None:
            self.closing = True
            self._shutdown_task = asyncio.ensure_future(self._shut_down())
        await asyncio.shield(self._shutdown_task)

    async def _shut_down(self) -> None:
        if self.autopilot is not None and not self.autopilot.done():
            self.autopilot.cancel()
        page = self.currentPage()
        flow = self._flow
        if (flow is not None and flow.on_device_link) or self.runner.busy:
            busy_row = getattr(page, "busy_row", None)
            if busy_row is not None:
                busy_row.start(self.tr("Stopping and reconnecting this computer to its Wi-Fi…"))
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        try:
            await self.runner.cancel()
            if flow is not None:
                await flow.close()
            if self._cleanup is not None:
                await self._cleanup()
        except Exception:
            log.exception("clean-up on close failed")
