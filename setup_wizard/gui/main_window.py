"""The main window: the setup wizard on a runtime (real or simulated), as launch expects.

``create_main_window`` returns the wizard with its Welcome page at once, so that the window
is on screen before the heavy part of a start. The world (``setup_wizard.runtime``: its
imports, the simulation, the HTTP client, the Wi-Fi backend and crash recovery) starts in
the loop turn after the window's first paint, and the other pages follow it; meanwhile
Welcome says "Getting ready…". A world that cannot start is said on the Welcome page, with
what to do and "Try again". The window's ``shutdown()`` gives the Wi-Fi back and stops the
world.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.profile import ProfileError
from setup_wizard.settings import AppSettings

if TYPE_CHECKING:
    from setup_wizard.flow.report import ConversationLog
    from setup_wizard.gui.support import SupportReportSaver
    from setup_wizard.runtime import Runtime

log = logging.getLogger(__name__)

SWITCH_INTERVAL = 0.001
"""While worker threads import and compute for the world, the window's thread waits at most
this long (seconds) for the interpreter lock each time it needs it; Python's default, 5 ms,
would add up to dropped frames."""

WORLD_MODULES = ("setup_wizard.runtime", "setup_wizard.flow.report")
"""Qt-free modules the world needs, imported in a worker thread."""


async def create_main_window(settings: AppSettings) -> QWidget:
    world: World | None = None

    def save_report(parent: QWidget, last_error: str | None) -> None:
        if world is not None:
            world.report_saver()(parent, last_error)

    async def cleanup() -> None:
        if world is not None:
            await world.aclose()

    wizard = SetupWizard(
        None,
        simulation=settings.simulate,
        brand=settings.brand,
        report_saver=save_report,
        cleanup=cleanup,
        support_url=settings.profile.support_url if settings.profile else None,
        logo=settings.profile.logo if settings.profile else None,
        staff=settings.staff,
    )
    world = World(settings, wizard)
    wizard.on_screen.connect(world.start)
    if settings.autopilot:
        _start_autopilot(wizard, world, settings)
    return wizard


class World:
    """The runtime behind one window: started once the window is on screen (again after
    "Try again"), closed when the window closes. Nothing here loads before that but
    this class: the window's first page waits for nothing else."""

    def __init__(self, settings: AppSettings, wizard: SetupWizard) -> None:
        self.runtime: Runtime | None = None
        self._settings = settings
        self._wizard = wizard
        self._conversation: ConversationLog | None = None
        self._saver: SupportReportSaver | None = None
        mode = "simulation" if settings.simulate else "real"
        self._details = {"Mode": f"{mode}, bench" if settings.staff else mode}
        self._task: asyncio.Task[None] | None = None
        self._tried = asyncio.Event()

    def report_saver(self) -> SupportReportSaver:
        """What "Save support report…" runs: the flow's timeline once there is a flow, the
        device and cloud conversation, the log files."""
        if self._saver is None:
            from setup_wizard.gui.support import SupportReportSaver
            from setup_wizard.logs import default_log_dir

            self._saver = SupportReportSaver(
                self.runtime.flow if self.runtime is not None else None,
                self._conversation_log(),
                details=self._details,
                log_files=sorted(default_log_dir().glob("photon-setup.log*")),
            )
        return self._saver

    def _conversation_log(self) -> ConversationLog:
        if self._conversation is None:
            from setup_wizard.flow.report import ConversationLog

            self._conversation = ConversationLog()
            self._conversation.attach()
        return self._conversation

    def start(self) -> None:
        if self._wizard.closing or self.runtime is not None:
            return
        if self._task is not None and not self._task.done():
            return
        self._wizard.getting_ready()
        self._task = asyncio.ensure_future(self._start())

    async def _start(self) -> None:
        switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        try:
            await self._start_world()
        finally:
            sys.setswitchinterval(switch_interval)

    async def _start_world(self) -> None:
        try:
            # Most of a start is importing (httpx, the flow, the device and network layers,
            # in a simulation aiohttp): in a worker thread, the window keeps answering.
            for module in WORLD_MODULES:
                await asyncio.to_thread(importlib.import_module, module)
            from setup_wizard.runtime import start_runtime

            self._conversation_log()  # from the first word with the device or the cloud
            runtime = await start_runtime(self._settings)
        except Exception as error:
            if isinstance(error, ProfileError):
                log.error("could not get ready: %s", error)
            else:
                log.exception("could not get ready")
            self._wizard.not_ready(start_problem(error), retry=self.start)
            self._tried.set()
            return
        self.runtime = runtime
        if self._saver is not None:
            self._saver.flow = runtime.flow
        self._details["Device link"] = runtime.flow.link_kind.value
        self._details["Wi-Fi backend"] = runtime.wifi_backend
        try:
            await self._wizard.attach(
                runtime.flow,
                bench=runtime.bench,
                simulation_hints=runtime.simulation_hints,
                start_notice=runtime.recovered.message if runtime.recovered else None,
            )
        finally:
            self._tried.set()

    async def started(self) -> Runtime | None:
        """The runtime once the first start has ended and its pages are built; None if it
        failed."""
        await self._tried.wait()
        return self.runtime

    async def aclose(self) -> None:
        """Let a start in flight end (it may be giving the Wi-Fi back after an earlier run
        that crashed), then stop the world: the Wi-Fi back, the simulation stopped."""
        try:
            if self._task is not None:
                await asyncio.wait([self._task])
            if self.runtime is not None:
                await self.runtime.aclose()
        finally:
            if self._conversation is not None:
                self._conversation.detach()


def start_problem(error: Exception) -> str:
    """What Welcome says when the world did not start: the error's own words when they say
    what to do, else what to try."""
    from setup_wizard.flow.errors import EXPECTED_ERRORS, user_message

    if isinstance(error, ProfileError):
        return str(error)
    if isinstance(error, EXPECTED_ERRORS):
        return user_message(error)
    return QCoreApplication.translate(
        "MainWindow",
        "Photon Setup could not get ready ({error}). Try again; if that does not help, save "
        "a support report and send it to support.",
    ).format(error=type(error).__name__)


def _start_autopilot(wizard: SetupWizard, world: World, settings: AppSettings) -> None:
    if not settings.simulate:
        log.error("--autopilot runs only in the simulation")
        wizard.exit_code = 2
        return

    async def fly() -> None:
        runtime = await world.started()
        from setup_wizard.gui.autopilot import Autopilot, AutopilotFailed  # needs the runtime

        try:
            if runtime is None or runtime.simulation_hints is None:
                raise AutopilotFailed(f"WELCOME: {wizard.last_error}")
            result = await Autopilot(wizard, runtime.simulation_hints, settings.screenshots).run()
        except AutopilotFailed as error:
            log.error("autopilot stopped: %s", error)
            print(f"autopilot stopped: {error}")
            wizard.exit_code = 1
        else:
            print(
                f"autopilot: {len(result.pages)} pages in {result.seconds:.1f} s"
                + (f", pictures in {settings.screenshots}" if settings.screenshots else "")
            )
        wizard.accept()

    wizard.autopilot = asyncio.ensure_future(fly())
