"""One run of ``setup-wizard onboard``: the runtime in bench mode (as ``--staff`` starts it),
the sign-in, the product and client, then each device in turn (over USB cables: all at
once), each one's result on stdout as soon as it is known (a script reading the lines sees
progress, and an interrupted run still reported every device it finished).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from setup_wizard.device.security import Security
from setup_wizard.flow.bench import Bench, Job
from setup_wizard.flow.errors import user_message
from setup_wizard.flow.ledger import Outcome, SetupRow
from setup_wizard.flow.softap import SoftApConnector
from setup_wizard.headless.credentials import Credentials
from setup_wizard.headless.devices import DeviceOptions, DeviceRun
from setup_wizard.headless.exits import EXPECTED, ExitCode, exit_code_for
from setup_wizard.headless.options import OnboardRequest, job_for
from setup_wizard.headless.progress import Progress
from setup_wizard.headless.results import Results
from setup_wizard.headless.signin import choose_client, choose_product, sign_in
from setup_wizard.headless.terminal import Interrupted, Terminal
from setup_wizard.headless.usb import UsbSetups
from setup_wizard.runtime import Runtime, start_runtime
from setup_wizard.settings import AppSettings

log = logging.getLogger(__name__)


@dataclasses.dataclass
class HeadlessRun:
    request: OnboardRequest
    settings: AppSettings
    terminal: Terminal
    environ: Mapping[str, str] = dataclasses.field(default_factory=lambda: dict(os.environ))
    out: TextIO = dataclasses.field(default_factory=lambda: sys.stdout)
    log_file: Path | None = None
    _stopped: SetupRow | None = dataclasses.field(default=None, init=False)
    """The ledger's row of a device an earlier run left in progress (resumed in this run)."""

    async def run(self) -> ExitCode:
        """Every device's line written; the code for the whole run. Cancellation (Ctrl+C)
        marks the device in progress cancelled, after the Wi-Fi was given back."""
        request = self.request
        results = Results(request.jobs, as_json=request.json, out=self.out)
        progress = Progress(self.terminal)
        runtime = await start_runtime(self.settings)
        unsubscribe = runtime.events.subscribe(progress.on_event)
        ticker = asyncio.ensure_future(progress.tick())
        try:
            bench = runtime.bench
            assert bench is not None, "bench mode: start_runtime with staff=True"
            jobs = self._jobs(bench, runtime.simulated, progress)
            results.pending = list(jobs)
            devices: DeviceRun | None = None
            try:
                if jobs:
                    devices = await self._prepare(runtime, bench, jobs, progress)
                    if request.usb:
                        usb = UsbSetups(devices.bench, devices.options, request, progress)
                        await usb.run(jobs, results)
                    else:
                        await self._one_by_one(devices, jobs, results, progress)
            except (asyncio.CancelledError, Interrupted):
                if devices is not None and devices.interrupted is not None:
                    results.add(devices.interrupted)
                results.rest(Outcome.CANCELLED, ExitCode.INTERRUPTED, "Interrupted.")
                raise
            except EXPECTED as error:
                message = user_message(error)
                progress.say(message)
                results.rest(Outcome.FAILED, exit_code_for(error), message)
            except Exception:
                log.exception("setup-wizard onboard failed")
                where = f": {self.log_file}" if self.log_file else ""
                message = f"An unexpected error happened; the log has the details{where}."
                progress.say(message)
                results.rest(Outcome.FAILED, ExitCode.UNEXPECTED, message)
        finally:
            progress.done()
            ticker.cancel()
            await asyncio.wait({ticker})
            unsubscribe()
            await runtime.aclose()
        code = results.exit_code()
        self._conclude(results, code, progress)
        return code

    async def _one_by_one(
        self, devices: DeviceRun, jobs: list[Job], results: Results, progress: Progress
    ) -> None:
        for index, job in enumerate(jobs, start=1):
            heading = self._heading(job, index, len(jobs))
            count = f"{index}/{len(jobs)} " if len(jobs) > 1 else ""
            progress.device(heading, f"{count}{job.customer}")
            stopped = self._stopped
            resume = stopped if stopped is not None and stopped.work_line == job.work_line else None
            results.add(await devices.set_up(job, resume), job)

    def _jobs(self, bench: Bench, simulated: bool, progress: Progress) -> list[Job]:
        request = self.request
        if request.work_list is None:
            return request.jobs
        bench.load_work(request.work_items, request.work_list)
        if simulated:  # a new simulated world each run: nothing of it is done yet
            return request.jobs
        jobs = [job_for(item) for item in bench.remaining()]
        stopped = bench.ledger.unfinished()
        if (
            stopped is not None
            and stopped.work_list == str(request.work_list)
            and stopped.work_line in {job.work_line for job in jobs}
        ):
            if request.usb:  # the Photons on the cables are matched to rows anew
                bench.abandon(stopped)
                progress.say(
                    f"Line {stopped.work_line} was in progress when an earlier run stopped: it "
                    "is set up again from the start."
                )
            else:  # it goes on from where it was
                self._stopped = stopped
                progress.say(
                    f"Line {stopped.work_line} was in progress when an earlier run stopped: it "
                    f"goes on from where it was ({stopped.resume_at.value})."
                )
        done = len(request.jobs) - len(jobs)
        if done:
            progress.say(
                f"{done} of {len(request.jobs)} rows of the work list are online already "
                "(the ledger says so): they are not done again."
            )
        return jobs

    async def _prepare(
        self, runtime: Runtime, bench: Bench, jobs: list[Job], progress: Progress
    ) -> DeviceRun:
        """Signed in, product and client chosen, Wi-Fi passwords known: ready for devices."""
        request = self.request
        if runtime.simulated:
            progress.say(
                "The built-in simulation: a cloud, Photons and Wi-Fi on 127.0.0.1, with its own "
                "staff account; nothing touches this computer's Wi-Fi or the real cloud."
            )
        if runtime.recovered is not None:
            progress.say(runtime.recovered.message)
        credentials = Credentials(self.environ, self.terminal, runtime.simulation_hints)
        await sign_in(bench.staff, credentials, progress)
        await choose_product(bench.staff, request.product, progress)
        await choose_client(bench.staff, request.client_id, credentials, progress)
        if request.security is not Security.OPEN:
            for ssid in dict.fromkeys(job.ssid for job in jobs if job.ssid):
                await self._wifi_password(bench, credentials, ssid)
        return DeviceRun(
            bench,
            DeviceOptions(
                security=request.security,
                take_over=request.take_over,
                photon_timeout=self._photon_timeout(runtime),
            ),
            credentials,
            self.terminal,
            progress,
        )

    @staticmethod
    async def _wifi_password(bench: Bench, credentials: Credentials, ssid: str) -> None:
        """Asked before the first device, once per network: nobody need wait by the bench."""
        password = credentials.wifi_password(ssid)
        if password is None and await bench.wifi_passwords.get(ssid) is not None:
            return  # kept in the keyring
        if password is None:
            password = credentials.ask_wifi_password(ssid)
        if password is not None:
            await bench.wifi_passwords.put(ssid, password)

    def _photon_timeout(self, runtime: Runtime) -> float:
        """``--photon-timeout`` also bounds the wait for a Photon joined by hand."""
        connector = runtime.flow.services.connector
        wifi = connector.wifi if isinstance(connector, SoftApConnector) else None
        seconds = self.request.photon_timeout
        if wifi is None:
            return seconds or 600.0
        if seconds is not None:
            wifi.timing = dataclasses.replace(wifi.timing, manual_timeout=seconds)
        return wifi.timing.manual_timeout

    @staticmethod
    def _heading(job: Job, index: int, total: int) -> str:
        count = f"Device {index} of {total}" if total > 1 else "Device"
        line = f" (work list line {job.work_line})" if job.work_line is not None else ""
        return f"{count}{line}: for {job.customer} on “{job.ssid}”"

    def _conclude(self, results: Results, code: ExitCode, progress: Progress) -> None:
        if not results.results:
            progress.say("Nothing to do: every row of the work list is online already.")
        elif code is ExitCode.SOME_ROWS_FAILED:
            failed = [r for r in results.results if r.outcome is not Outcome.ONLINE]
            rows = ", ".join(
                f"line {r.work_line} ({r.customer})"
                if r.work_line is not None
                else f"Photon {r.device_id or '?'} ({r.customer})"
                for r in failed
            )
            progress.say(f"{len(failed)} of {len(results.results)} rows failed: {rows}.")
