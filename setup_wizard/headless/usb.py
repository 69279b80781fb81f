"""``setup-wizard onboard --usb``: the Photons on USB cables, all set up at once.

Over a cable the computer stays on its own network, so every Photon in listening mode that
is plugged in is set up at the same time (:class:`~setup_wizard.flow.batch.UsbBatch`), each
with its own row in the ledger: a work list's rows go to the Photons in the order the
computer lists their ports, and ``--customer`` gives every Photon to that customer;
``--usb PORT`` takes only the Photon on that port. Nothing is asked once the Photons start,
so what would stop a row is settled first: a network this computer does not see needs
``--wifi-security``, and a name or password the cable cannot carry (WEP among them) is
refused with the reason before anything is sent.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os

from setup_wizard.device.security import Security
from setup_wizard.flow.batch import BatchDevice, BatchOptions, UsbBatch
from setup_wizard.flow.bench import Bench, Job
from setup_wizard.flow.ledger import Outcome
from setup_wizard.flow.links import FoundDevice, LinkKind
from setup_wizard.headless.credentials import missing_wifi_password
from setup_wizard.headless.devices import FIND_INTERVAL, DeviceOptions, DeviceResult
from setup_wizard.headless.exits import ExitCode, HeadlessError, exit_code_for
from setup_wizard.headless.options import OnboardRequest
from setup_wizard.headless.progress import BatchProgress, Progress
from setup_wizard.headless.results import Results

INTERRUPTED = "Interrupted before the device was set up."


class UsbSetups:
    """One run's Photons on cables, with one bench (signed in, product and client chosen)."""

    def __init__(
        self, bench: Bench, options: DeviceOptions, request: OnboardRequest, progress: Progress
    ) -> None:
        self.bench = bench
        self.options = options
        self.request = request
        self.progress = progress
        self.lines = BatchProgress(progress.terminal)
        unseen = options.security  # None: such a network is refused before the start
        self.batch = UsbBatch(
            bench,
            BatchOptions(
                unseen_security=Security.WPA2_MIXED_PSK if unseen is None else unseen,
                take_over=options.take_over,
            ),
            on_change=self._changed,
        )
        self._results: Results | None = None
        self._seen: set[int] = set()
        """The batch's devices whose events this run follows (by ``id``)."""

    async def run(self, jobs: list[Job], results: Results) -> None:
        """Every job's line written, except when cancelled: then the devices that were
        running are written as cancelled, and the rest is the caller's."""
        self._results = results
        await self.batch.look_around()
        ready = [job for job in jobs if not await self._refused(job, results)]
        if not ready:
            return
        work = self._pair(ready, await self._find(), results)
        for found, job in work:
            self.lines.device(found.label, _heading(found, job))
        try:
            await self.batch.run(work)
        finally:
            self.lines.done()

    # -- before the start ------------------------------------------------------------------

    async def _refused(self, job: Job, results: Results) -> bool:
        """Whether ``job`` cannot go over a cable as asked (its line is then written)."""
        problem = await self._problem(job)
        if problem is not None:
            message, code = problem
            self.progress.say(f"{job.customer} on “{job.ssid}”: {message}")
            results.failed(job, code, message)
        return problem is not None

    async def _problem(self, job: Job) -> tuple[str, ExitCode] | None:
        if not job.ssid:
            return "No Wi-Fi network is given for this device.", ExitCode.USAGE
        choice = self.batch.choice(job.ssid)
        if choice.hidden and self.options.security is None:
            return self._unseen(job.ssid), ExitCode.WIFI_SETTINGS
        password = None
        if choice.needs_password:
            password = await self.bench.wifi_passwords.get(job.ssid)
            if password is None:
                missing = missing_wifi_password(job.ssid)
                return missing.message, missing.code
        problem = self.batch.password_problem(job.ssid, password)
        return None if problem is None else (problem, ExitCode.WIFI_SETTINGS)

    def _unseen(self, ssid: str) -> str:
        networks = self.batch.networks or []
        why = self.batch.scan_problem
        if why is None:
            names = ", ".join(f"“{n.ssid}”" for n in networks) or "none"
            why = f"This computer does not see the Wi-Fi network “{ssid}” (it sees: {names})."
        return (
            f"{why} Over USB the networks come from this computer's own scan. If the network "
            "hides its name or is out of this computer's reach, give --wifi-security (open, "
            "wpa or wpa2) to send it all the same: the Photon then looks for it itself."
        )

    async def _find(self) -> list[FoundDevice]:
        """The Photons in listening mode on a cable (only the one on ``--usb PORT``), once
        there is at least one, or until ``--photon-timeout``."""
        port = self.request.usb_port
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.options.photon_timeout
        asked = False
        while True:
            found = await self.bench.flow.find_photons(LinkKind.USB)
            if port is not None:
                found = [device for device in found if _same_port(device.target, port)]
            if found:
                return found
            where = f"on {port}" if port is not None else "on a USB cable"
            if loop.time() >= deadline:
                raise HeadlessError(
                    f"No Photon in listening mode answered {where} within "
                    f"{self.options.photon_timeout:g} seconds. Check the cable, hold the "
                    "Photon's SETUP button for about 3 seconds, until its light blinks dark "
                    "blue, and run the command again.",
                    ExitCode.PHOTON,
                )
            if not asked:
                asked = True
                self.progress.say(
                    f"Looking for a Photon in listening mode {where}: hold its SETUP button "
                    "for about 3 seconds, until its light blinks dark blue."
                )
            await asyncio.sleep(FIND_INTERVAL)

    def _pair(
        self, jobs: list[Job], found: list[FoundDevice], results: Results
    ) -> list[tuple[FoundDevice, Job]]:
        """Which Photon is set up for which job; rows left without a Photon are written."""
        if self.request.work_list is None:  # every Photon for the one customer
            (job,) = jobs
            if job.device_name and len(found) > 1:
                raise HeadlessError(
                    f"--device-name names one device, but {len(found)} Photons in listening "
                    "mode are plugged in: give --usb PORT for one of them, or a work list "
                    "with a name on each row.",
                    ExitCode.USAGE,
                )
            work = [(device, dataclasses.replace(job)) for device in found]
            results.pending = [job for _, job in work] + [
                other for other in results.pending if other is not job
            ]
            self.progress.say(
                f"{len(found)} Photon{'s' if len(found) > 1 else ''} in listening mode on "
                f"USB, for {job.customer}."
            )
            return work
        work = list(zip(found, jobs, strict=False))
        for job in jobs[len(found) :]:
            results.failed(
                job,
                ExitCode.PHOTON,
                f"No Photon was left for this row: {len(found)} in listening mode were "
                "plugged in. Plug in another one and run the command again (the rows that "
                "are online are not done again).",
            )
        spare = len(found) - len(jobs)
        if spare > 0:
            self.progress.say(
                f"{spare} more Photon{'s' if spare > 1 else ''} in listening mode "
                f"{'are' if spare > 1 else 'is'} left alone: the work list has no rows for them."
            )
        return work

    # -- while they run --------------------------------------------------------------------

    def _changed(self, device: BatchDevice) -> None:
        name = device.found.label
        flow = device.flow
        if flow is not None and id(device) not in self._seen:
            self._seen.add(id(device))
            flow.events.subscribe(lambda event: self.lines.on_event(name, event))
        if device.outcome is None or self._results is None:
            return
        self.lines.ended(name, online=device.outcome is Outcome.ONLINE)
        self._results.add(_result(device), device.job)


def _result(device: BatchDevice) -> DeviceResult:
    job, outcome = device.job, device.outcome
    choice = device.flow.state.choice if device.flow is not None else None
    error = device.error
    if outcome is Outcome.ONLINE:
        code = ExitCode.ONLINE
    elif outcome is Outcome.CANCELLED:
        code, error = ExitCode.INTERRUPTED, INTERRUPTED
    elif device.problem is not None:
        code = exit_code_for(device.problem, device.stopped_at)
    else:
        code = ExitCode.UNEXPECTED
    return DeviceResult(
        customer=job.customer,
        ssid=choice.ssid if choice is not None else job.ssid,
        outcome=outcome or Outcome.FAILED,
        code=code,
        device_id=device.device_id,
        device_name=device.device_name,
        error=error,
        seconds=device.seconds,
        ledger_id=device.ledger_id,
        work_line=job.work_line,
    )


def _heading(found: FoundDevice, job: Job) -> str:
    line = f" (work list line {job.work_line})" if job.work_line is not None else ""
    return f"on {found.target}, for {job.customer}{line} on “{job.ssid}”"


def _same_port(path: str, asked: str) -> bool:
    """``--usb`` may name the port by a link to it (``/dev/serial/by-id/…``)."""
    return path == asked or os.path.realpath(path) == os.path.realpath(asked)
