"""The main window: the setup wizard on a runtime (real or simulated), as launch expects.

``create_main_window`` builds the world (``setup_wizard.runtime``), the wizard and its
support-report saver; the window's ``shutdown()`` gives the Wi-Fi back and stops the world.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtWidgets import QWidget

from setup_wizard.flow.report import ConversationLog
from setup_wizard.gui.support import SupportReportSaver
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.logs import default_log_dir
from setup_wizard.runtime import Runtime, start_runtime
from setup_wizard.settings import AppSettings

log = logging.getLogger(__name__)


async def create_main_window(settings: AppSettings) -> QWidget:
    conversation = ConversationLog()
    conversation.attach()
    runtime = await start_runtime(settings)
    details = {
        "Mode": "simulation" if runtime.simulated else "real",
        "Device link": runtime.flow.link_kind.value,
        "Wi-Fi backend": runtime.wifi_backend,
    }
    log_files = sorted(default_log_dir().glob("photon-setup.log*"))
    saver = SupportReportSaver(runtime.flow, conversation, details=details, log_files=log_files)

    async def cleanup() -> None:
        try:
            await runtime.aclose()
        finally:
            conversation.detach()

    wizard = SetupWizard(
        runtime.flow,
        simulation=runtime.simulated,
        brand=runtime.brand,
        report_saver=saver,
        cleanup=cleanup,
        simulation_hints=runtime.simulation_hints,
        start_notice=runtime.recovered.message if runtime.recovered else None,
        support_url=runtime.support_url,
        logo=runtime.logo,
    )
    if settings.autopilot:
        _start_autopilot(wizard, runtime, settings)
    return wizard


def _start_autopilot(wizard: SetupWizard, runtime: Runtime, settings: AppSettings) -> None:
    from setup_wizard.gui.autopilot import Autopilot, AutopilotFailed

    hints = runtime.simulation_hints
    if hints is None:
        log.error("--autopilot runs only in the simulation")
        wizard.exit_code = 2
        return

    async def fly() -> None:
        await asyncio.sleep(0)  # let launch show the window first
        try:
            result = await Autopilot(wizard, hints, settings.screenshots).run()
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
