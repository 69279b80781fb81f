"""``--autopilot``: the wizard walks the happy path by itself in the simulation, saving one
picture per page (the README's screenshots come from here) and timing the journey.

It acts only through what a person could do: typing into fields and clicking buttons. At
a bench (``--staff``) it signs in with the two-step code, takes the product's kept client
and sets up two Photons for two customers, the second through "Set up next device". With
Photons plugged in by cable (``--usb``) it connects by USB cable.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QWizard

from setup_wizard.flow import Page
from setup_wizard.gui.led_widget import LedWidget
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.pages.connect import ConnectPage
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.runtime import SimulationHints

log = logging.getLogger(__name__)

DEMO_EMAIL = "demo.customer@example.com"
DEMO_PASSWORD = "demo-password-1"  # noqa: S105 - a simulated account's password
BENCH_CUSTOMERS = ("first.customer@example.com", "second.customer@example.com")
"""At a bench: one Photon for each, in this order."""
WAITS_FOR_TYPING = (Page.SIGN_IN, Page.PASSWORD, Page.STAFF_SIGN_IN, Page.TWO_STEP, Page.CUSTOMER)
PAGE_LIMIT = 120.0
"""No page of the simulated journey takes this long; past it the autopilot gives up."""
RUNS_BY_ITSELF = (Page.SENDING, Page.WAITING)
BUSY_PICTURE_DELAY = 0.8
"""Seconds into a page that works by itself before its picture: some steps done, some not."""
LIT_MOMENT_MS = 60.0
"""Every pattern's light is on 60 ms into its loop: pictures never catch it dark."""


class AutopilotFailed(RuntimeError):
    """The journey did not reach the end (the message says where it stopped)."""


@dataclass
class AutopilotResult:
    pages: list[Page] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)
    seconds: float = 0.0


class Autopilot:
    def __init__(
        self, wizard: SetupWizard, hints: SimulationHints, screenshots: Path | None = None
    ) -> None:
        self._wizard = wizard
        self._hints = hints
        self._folder = screenshots
        self.result = AutopilotResult()
        self._devices = 0

    async def run(self) -> AutopilotResult:
        started = time.perf_counter()
        if self._folder is not None:
            self._folder.mkdir(parents=True, exist_ok=True)
        wizard = self._wizard
        while True:
            current = wizard.currentPage()
            if isinstance(current, FlowPage) and current.page_id in RUNS_BY_ITSELF:
                page = current.page_id  # it moves on by itself: picture it mid-way
                self.result.pages.append(page)
                await self._picture_while_busy(current)
                await self._left(page)
                continue
            page = await self._settled_page()
            if page is Page.CONNECT:
                await self._prefer_cable()
            self.result.pages.append(page)
            self._fill(page)
            self._picture(page)
            if page is Page.DONE:
                self._devices += 1
                if not wizard.staff or self._devices >= len(BENCH_CUSTOMERS):
                    break
                await self._set_up_next_device()
                continue
            wizard.button(QWizard.WizardButton.NextButton).click()
            await self._left(page)
        self.result.seconds = time.perf_counter() - started
        return self.result

    async def _settled_page(self) -> Page:
        """The current page once it waits for the person (complete, or asking for input)."""
        wizard = self._wizard
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PAGE_LIMIT
        while True:
            page = wizard.currentPage()
            if isinstance(page, FlowPage):
                if page.error_panel.isVisible():
                    raise AutopilotFailed(f"{page.page_id.name}: {page.error_panel.text.text()}")
                if not page.busy and self._ready(page):
                    return page.page_id
            if loop.time() > deadline:
                raise AutopilotFailed(f"stuck on page {wizard.currentId()}")
            await asyncio.sleep(0.05)

    async def _prefer_cable(self) -> None:
        """Connect by cable when a Photon is plugged in (once the page has looked)."""
        page = self._wizard.currentPage()
        if not isinstance(page, ConnectPage) or not page.usb_offered:
            return
        await self._until(lambda: page.usb_photons is not None, "looked for Photons on cables")
        if not page.usb_photons:
            return
        if not page.usb_choice.isChecked():
            page.usb_choice.click()
        await self._until(lambda: page.isComplete() and page.usb_choice.isChecked(), "cable")

    async def _until(self, condition: Callable[[], object], what: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PAGE_LIMIT
        while not condition():
            if loop.time() > deadline:
                raise AutopilotFailed(f"gave up waiting for: {what}")
            await asyncio.sleep(0.05)

    async def _picture_while_busy(self, page: FlowPage) -> None:
        """A picture once the page has been at work for a moment (if it is still there)."""
        await asyncio.sleep(BUSY_PICTURE_DELAY)
        if self._wizard.currentPage() is page:
            self._picture(page.page_id)

    def _ready(self, page: FlowPage) -> bool:
        if page.page_id in WAITS_FOR_TYPING:
            return True
        return page.isComplete() or page.page_id is Page.DONE

    async def _left(self, page: Page) -> None:
        wizard = self._wizard
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PAGE_LIMIT
        while wizard.currentId() == int(page):
            current = wizard.currentPage()
            if isinstance(current, FlowPage) and current.error_panel.isVisible():
                raise AutopilotFailed(f"{page.name}: {current.error_panel.text.text()}")
            if loop.time() > deadline:
                raise AutopilotFailed(f"{page.name} did not finish")
            await asyncio.sleep(0.05)

    def _fill(self, page: Page) -> None:
        current = self._wizard.currentPage()
        if page is Page.SIGN_IN:
            email = getattr(current, "email", None)
            password = getattr(current, "password", None)
            if email is not None and email.isVisible():
                email.setText(DEMO_EMAIL)
                password.setText(DEMO_PASSWORD)
        elif page is Page.PASSWORD:
            current.password.setText(self._hints.home_password)  # type: ignore[attr-defined]
        elif page is Page.STAFF_SIGN_IN:
            username = getattr(current, "username", None)
            if username is not None and username.isVisible():
                username.setText(self._hints.staff_username or "")
                current.password.setText(self._hints.staff_password or "")  # type: ignore[attr-defined]
        elif page is Page.TWO_STEP and self._hints.two_step_code is not None:
            current.code.setText(self._hints.two_step_code())  # type: ignore[attr-defined]
        elif page is Page.CUSTOMER:
            email = getattr(current, "email", None)
            if email is not None and email.isEnabled():
                email.setText(BENCH_CUSTOMERS[self._devices])
        elif page is Page.RESUME:
            current.abandon.setChecked(True)  # type: ignore[attr-defined]  # an earlier run's

    async def _set_up_next_device(self) -> None:
        """ "Set up next device" on the Done page, for the next customer."""
        done = self._wizard.currentPage()
        done.next_customer.setText(BENCH_CUSTOMERS[self._devices])  # type: ignore[attr-defined]
        done.next_button.click()  # type: ignore[attr-defined]
        await self._left(Page.DONE)

    def _picture(self, page: Page) -> None:
        if self._folder is None:
            return
        wizard = self._wizard
        leds = wizard.findChildren(LedWidget)
        for led in leds:
            led.freeze_at(LIT_MOMENT_MS)
        path = self._folder / f"{len(self.result.pages):02d}-{page.name.lower()}.png"
        wizard.grab().save(str(path))
        for led in leds:
            led.freeze_at(None)
        self.result.screenshots.append(path)
        log.info("autopilot: saved %s", path)
