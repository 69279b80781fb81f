"""The setup window: a QWizard whose pages render the flow and whose order the flow decides.

It can open before the flow exists, so that a person sees it at once: the Welcome page
shows, Next waits ("Getting ready…"), and :meth:`SetupWizard.attach` brings the flow once
it is built and adds the other pages, one per turn of the event loop, so that the window
keeps answering meanwhile.

Closing it (Cancel, Escape, the window's close button) first stops the step in flight and
gives the computer its own Wi-Fi back, showing that it does so, and only then closes.

At a bench (``staff``), the bench's own pages come first (:class:`BenchRoute` orders them)
and every device ends in the ledger: Cancel during a device records it cancelled (failed,
with the error, when an error was on screen); closing the window leaves it in progress, as a
crash would, so that the next start offers to resume it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QWidget, QWizard

from setup_wizard.flow import Page, StepRunner
from setup_wizard.flow.pages import BenchRoute
from setup_wizard.gui.file_dialogs import FileDialogs
from setup_wizard.gui.pages import build_pages, later_pages
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.pages.welcome import WelcomePage

if TYPE_CHECKING:
    from setup_wizard.flow import Onboarding
    from setup_wizard.flow.bench import Bench, Job
    from setup_wizard.flow.ledger import SetupRow
    from setup_wizard.gui.devices_done import DevicesDoneDialog
    from setup_wizard.runtime import SimulationHints
    from setup_wizard.secret import Password

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
        staff: bool = False,
        bench: Bench | None = None,
        dialogs: FileDialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._flow = flow
        self._attached = flow is not None
        self._bench = bench
        self.staff = staff or bench is not None
        """Bench mode: a support person sets devices up for customers."""
        self.dialogs = dialogs or FileDialogs()
        self.unfinished: SetupRow | None = None
        """Bench: the device an earlier run left in progress, until the person decides."""
        self.resumed_at: Page | None = None
        """Bench: where the resumed device goes on."""
        self.keep_wifi_password = False
        """Bench: keep the Wi-Fi password in the keyring once a Photon has joined with it."""
        self.usb_bench = False
        """Bench: the customer page leads to every Photon on a cable set up at once."""
        self._window_closed = False
        self._devices_done: DevicesDoneDialog | None = None
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
        self._on_screen = False
        title = self.tr("%s Setup") % brand
        if self.staff:
            title = self.tr("%s — Bench") % title
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
            self._bench_attached()
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
    def bench(self) -> Bench:
        if self._bench is None:
            raise RuntimeError("not in bench mode, or the bench is not attached yet")
        return self._bench

    def _bench_attached(self) -> None:
        if self._bench is not None:
            self.unfinished = self._bench.ledger.unfinished()

    @property
    def ready(self) -> bool:
        """The flow is attached, every page is built and Welcome lets Next go."""
        return self._attached

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
        bench: Bench | None = None,
        simulation_hints: SimulationHints | None = None,
        start_notice: str | None = None,
    ) -> None:
        """The flow is built: add the other pages, one per turn of the event loop (each
        takes a few milliseconds; together they would freeze the window), then let Next go."""
        self._flow = flow
        self._bench = bench
        self.simulation_hints = simulation_hints
        self.start_notice = start_notice
        self._bench_attached()
        for kind in later_pages(staff=self.staff):
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
        self._attached = True

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
        if self._bench is not None:
            following = self.bench_route().next_page(Page(current), self.flow.next_page)
        else:
            following = self.flow.next_page(Page(current))
        return -1 if following is None else int(following)

    def bench_route(self) -> BenchRoute:
        bench = self.bench
        return BenchRoute(
            code_needed=bench.staff.waiting_for_code,
            resume_offered=self.unfinished is not None,
            resume_at=self.resumed_at,
            usb_bench=self.usb_bench,
        )

    def bench_network(self) -> str | None:
        """The Wi-Fi the next device gets unless changed: the last device's network."""
        choice = self.flow.state.choice
        if choice is not None:
            return choice.ssid
        job = self.bench.job
        return job.ssid if job is not None else None

    def next_job(self, customer: str, password: Password | None = None) -> Job:
        """The next device: the work list's next row if there is one, else for ``customer``
        on the last device's Wi-Fi."""
        from setup_wizard.flow.bench import Job

        from_list = self.bench.next_job()
        if from_list is not None:
            return from_list
        return Job(customer.strip(), ssid=self.bench_network(), customer_password=password)

    def show_devices_done(self) -> DevicesDoneDialog:
        """The ledger's "Devices done" view (one window, brought forward again)."""
        from setup_wizard.gui.devices_done import DevicesDoneDialog

        job = self.bench.job
        customer = job.customer if job is not None else None
        if self._devices_done is None:
            self._devices_done = DevicesDoneDialog(
                self.bench.ledger, dialogs=self.dialogs, customer=customer, parent=self
            )
        else:
            self._devices_done.refresh(customer)
        self._devices_done.show()
        self._devices_done.raise_()
        return self._devices_done

    def page_to_fix(self, page: Page) -> Page:
        """Where to fix what ``page`` stands for in this mode (a bench signs in as staff)."""
        if self.staff and page is Page.SIGN_IN:
            return Page.STAFF_SIGN_IN
        return page

    def go_back_to(self, page: Page) -> None:
        """Back to an earlier page (each page left cleans up, as with the Back button); one
        this run of pages never showed (it started at "Listening mode") starts it afresh."""
        if int(page) not in self.visitedIds():
            self.restart_at(page)
            return
        while self.currentId() != int(page) and int(page) in self.visitedIds():
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
        self.runner.stop()

    # -- support ------------------------------------------------------------------------

    def save_support_report(self) -> None:
        if self._report_saver is not None:
            self._report_saver(self, self.last_error)

    # -- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: stop, give the Wi-Fi back, then close."""
        self._close_after_shutdown(QWizard.DialogCode.Rejected)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button: at a bench, the device in progress stays in progress
        (the next start offers to resume it), unlike Cancel."""
        if self._closing_task is None:
            self._window_closed = True
        super().closeEvent(event)

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
        error_shown = isinstance(page, FlowPage) and page.error_panel.isVisible()
        if (flow is not None and flow.on_device_link) or self.runner.busy:
            busy_row = getattr(page, "busy_row", None)
            if busy_row is not None:
                busy_row.start(self.tr("Stopping and reconnecting this computer to its Wi-Fi…"))
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        try:
            await self.runner.cancel()
            if flow is not None:
                await flow.close()
            self._end_bench_device(error_shown=error_shown)
            if self._cleanup is not None:
                await self._cleanup()
        except Exception:
            log.exception("clean-up on close failed")

    def _end_bench_device(self, *, error_shown: bool) -> None:
        """Cancel during a device: the ledger says so (failed with the error on screen)."""
        bench = self._bench
        if bench is None or bench.setup_id is None or self._window_closed:
            return
        from setup_wizard.flow.ledger import Outcome

        if error_shown:
            bench.finish(Outcome.FAILED, self.last_error)
        else:
            bench.finish(Outcome.CANCELLED)
