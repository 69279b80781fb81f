"""One device of the run: the wizard's device pages, decided by the options instead of clicks.

Which Photon: joined by hand (``--wifi manual``), the one at the device address; otherwise the
strongest Photon network the computer sees that this run has not tried yet (so a bench
with several Photons in listening mode takes them in turn, nearest first). Which Wi-Fi:
the network of that name in the Photon's own scan, else, when the Photon does not see it
(hidden), typed with ``--wifi-security``. Whatever happens, the link to the Photon is
closed before this returns, which gives the computer its Wi-Fi back.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from setup_wizard.device.security import Security
from setup_wizard.flow.bench import Bench, Job
from setup_wizard.flow.errors import EXPECTED_ERRORS, WrongWifiPassword, user_message
from setup_wizard.flow.ledger import Outcome, ResumeAt, SetupRow
from setup_wizard.flow.links import WifiChoice
from setup_wizard.flow.stages import Stage, StageStatus
from setup_wizard.flow.state import Ownership
from setup_wizard.headless.credentials import Credentials, missing_wifi_password
from setup_wizard.headless.exits import EXPECTED, ExitCode, HeadlessError, exit_code_for
from setup_wizard.headless.progress import Progress
from setup_wizard.headless.terminal import Interrupted, Terminal
from setup_wizard.network.errors import ScanUnavailable
from setup_wizard.secret import WifiPassword

FIND_INTERVAL = 2.0
"""Seconds between looks at the computer's Wi-Fi scan for a Photon's network."""
PASSWORD_TRIES = 3
"""A person at the terminal may type a Wi-Fi password this many times per device."""


@dataclass(frozen=True)
class DeviceResult:
    """How one device's setup ended: the JSON line of ``--json``."""

    customer: str
    ssid: str | None
    outcome: Outcome
    code: ExitCode
    device_id: str | None = None
    device_name: str | None = None
    error: str | None = None
    seconds: float = 0.0
    ledger_id: int | None = None
    work_line: int | None = None

    def summary(self) -> dict[str, object]:
        return {
            "customer": self.customer,
            "device_id": self.device_id,
            "device_name": self.device_name,
            "ssid": self.ssid,
            "outcome": self.outcome.value,
            "error": self.error,
            "seconds": round(self.seconds, 1),
            "ledger_id": self.ledger_id,
        }


@dataclass(frozen=True)
class DeviceOptions:
    security: Security | None
    """For a network the Photon does not see (None: ``auto``, such a network is an error)."""
    take_over: bool
    photon_timeout: float


class DeviceRun:
    """Sets devices up one after another with one bench (signed in, product and client
    chosen)."""

    def __init__(
        self,
        bench: Bench,
        options: DeviceOptions,
        credentials: Credentials,
        terminal: Terminal,
        progress: Progress,
    ) -> None:
        self.bench = bench
        self.flow = bench.flow
        self.options = options
        self.credentials = credentials
        self.terminal = terminal
        self.progress = progress
        self._tried: set[str] = set()
        self.interrupted: DeviceResult | None = None
        """The device a cancellation stopped, as recorded."""

    async def set_up(self, job: Job, resume: SetupRow | None = None) -> DeviceResult:
        """The device of ``job``, from its customer to its name, recorded in the ledger; or,
        with ``resume`` (the ledger's row of a run that stopped in the middle of this job),
        on from the step that run had reached, in the same row."""
        started = time.monotonic()
        bench, flow = self.bench, self.flow
        flow.start_over()  # nothing of the previous device shows in this one's result
        try:
            try:
                if resume is None:
                    await bench.start(job)
                    await self._device_steps(job)
                else:
                    await self._resumed_steps(job, await bench.resume(resume))
            finally:
                await flow.leave_photon()  # the Wi-Fi back before anything is reported
        except (asyncio.CancelledError, Interrupted):
            message = "Interrupted before the device was set up."
            self.interrupted = self._result(
                job, started, Outcome.CANCELLED, ExitCode.INTERRUPTED, message
            )
            self._finish(Outcome.CANCELLED, message)
            raise
        except EXPECTED as error:
            message = user_message(error)
            code = exit_code_for(error, self._failed_stage())
            result = self._result(job, started, Outcome.FAILED, code, message)
            self._finish(Outcome.FAILED, message)
            return result
        except Exception:  # logged by the caller
            self._finish(Outcome.FAILED, "An unexpected error happened (see the log).")
            raise
        result = self._result(job, started, Outcome.ONLINE, ExitCode.ONLINE, None)
        self._finish(Outcome.ONLINE)
        return result

    def _finish(self, outcome: Outcome, error: str | None = None) -> None:
        self.bench.finish(outcome, error)

    def _failed_stage(self) -> Stage | None:
        for record in reversed(self.flow.timeline.records):
            if record.status is StageStatus.FAILED:
                return record.stage
        return None

    def _result(
        self, job: Job, started: float, outcome: Outcome, code: ExitCode, error: str | None
    ) -> DeviceResult:
        state = self.flow.state
        return DeviceResult(
            customer=job.customer,
            ssid=state.choice.ssid if state.choice else job.ssid,
            outcome=outcome,
            code=code,
            device_id=state.device_id,
            device_name=state.device_name or None,
            error=error,
            seconds=time.monotonic() - started,
            ledger_id=self.bench.setup_id,
            work_line=job.work_line,
        )

    # -- the steps -------------------------------------------------------------------------

    async def _device_steps(self, job: Job) -> None:
        flow = self.flow
        assert job.ssid is not None
        await flow.connect_photon(await self._find_photon())
        self._confirm_owner_change()
        choice = self._network(job.ssid)
        flow.choose_network(choice)
        password = await self._password(choice)
        for attempt in range(1, PASSWORD_TRIES + 1):
            try:
                await flow.send(password)
                await flow.wait_for_cloud()
                break
            except WrongWifiPassword as wrong:
                if attempt == PASSWORD_TRIES or not self.terminal.interactive:
                    raise
                self.progress.say(wrong.message)
                typed = self.credentials.ask_wifi_password(choice.ssid, again=True)
                if typed is None:
                    raise
                await self.bench.wifi_passwords.put(choice.ssid, typed)
                await flow.retry_wifi()
                choice = self._network(job.ssid)
                flow.choose_network(choice)
                password = await self._password(choice)
        await self._name(job)

    async def _resumed_steps(self, job: Job, where: ResumeAt) -> None:
        if where is ResumeAt.DEVICE:
            self.progress.say("Nothing had reached the Photon yet: it is set up from the start.")
            await self._device_steps(job)
            return
        if where is ResumeAt.CLOUD:
            self.progress.say("The Photon had been told to connect: waiting for it in the cloud.")
            await self.flow.wait_for_cloud()
        await self._name(job)

    async def _name(self, job: Job) -> None:
        flow = self.flow
        name = job.device_name or flow.suggested_name()
        try:
            await flow.name_device(name)
        except EXPECTED_ERRORS as error:  # online and the customer's all the same
            self.progress.say(
                f"The device is set up, but was not named {name}: {user_message(error)}"
            )

    async def _find_photon(self) -> str | None:
        """The Photon's network to join; None when the person joins it by hand."""
        connector = self.flow.services.connector
        if connector.joins_by_hand:
            return None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.options.photon_timeout
        asked = False
        while True:
            try:
                found = await self.flow.find_photons()
            except ScanUnavailable as error:
                raise HeadlessError(
                    f"{error.message} Give --wifi manual and join the Photon's network yourself.",
                    ExitCode.PHOTON,
                ) from None
            fresh = [device for device in found if device.target not in self._tried]
            if fresh:
                chosen = fresh[0]  # the strongest: the scan comes strongest first
                self._tried.add(chosen.target)
                others = f" (the strongest of {len(fresh)})" if len(fresh) > 1 else ""
                self.progress.say(f"Found the Photon {chosen.label}{others}.")
                return chosen.target
            if loop.time() >= deadline:
                raise HeadlessError(
                    f"No Photon in listening mode was found within "
                    f"{self.options.photon_timeout:g} seconds. Hold its SETUP button for about "
                    "3 seconds, until its light blinks dark blue, and run the command again.",
                    ExitCode.PHOTON,
                )
            if not asked:
                asked = True
                self.progress.say(
                    "Looking for a Photon in listening mode: hold its SETUP button for about "
                    "3 seconds, until its light blinks dark blue."
                )
            await asyncio.sleep(FIND_INTERVAL)

    def _confirm_owner_change(self) -> None:
        state = self.flow.state
        if state.ownership is not Ownership.SOMEONE_ELSE:
            return
        question = (
            f"The Photon {state.device_id} was set up for another account before. Should it "
            "become this customer's?"
        )
        if self.options.take_over or self.terminal.confirm(question):
            self.flow.confirm_take_over()
            return
        raise HeadlessError(
            f"The Photon {state.device_id} belongs to another account. Give --take-over to "
            "make it this customer's.",
            ExitCode.USAGE,
        )

    def _network(self, ssid: str) -> WifiChoice:
        seen = [network for network in self.flow.state.networks if network.ssid == ssid]
        if seen:
            return WifiChoice.scanned(max(seen, key=lambda network: network.rssi))
        if self.options.security is not None:
            return WifiChoice.typed(ssid, self.options.security)
        names = ", ".join(f"“{n.ssid}”" for n in self.flow.state.networks) or "none"
        raise HeadlessError(
            f"The Photon does not see the Wi-Fi network “{ssid}” (it sees: {names}). A Photon "
            "sees only 2.4 GHz networks that show their name: move it closer to the router, "
            "or use the router's 2.4 GHz network. If the network hides its name, give "
            "--wifi-security (open, wep, wpa or wpa2) to send it all the same (a Photon "
            "with firmware 0.7.0 or later refuses hidden WPA networks).",
            ExitCode.WIFI_SETTINGS,
        )

    async def _password(self, choice: WifiChoice) -> WifiPassword | None:
        if not choice.needs_password:
            return None
        password = await self.bench.wifi_passwords.get(choice.ssid)
        if password is None:
            raise missing_wifi_password(choice.ssid)
        problem = self.flow.password_problem(password)
        if problem:
            raise HeadlessError(problem, ExitCode.WIFI_SETTINGS)
        return password
