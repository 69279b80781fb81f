"""Several Photons on USB cables set up at the same time, each for its own customer.

Over a cable the computer never leaves its network, so nothing stops a bench from running
one setup per plugged-in Photon at once. Each device gets its own onboarding flow (its own
claim code, state and timeline), its own :class:`Bench` (its own row in the shared ledger)
and its own progress; they share the staff session, the cloud client, the USB connector
(which keeps them off each other's ports) and the session's Wi-Fi passwords. Nobody is
asked anything while they run: every network and password is settled before the start,
and one device failing or being unplugged leaves the others running.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from setup_wizard.device.models import WifiNetwork
from setup_wizard.device.security import Security
from setup_wizard.flow.bench import Bench, Job
from setup_wizard.flow.errors import EXPECTED_ERRORS, FlowError, NotReady, user_message
from setup_wizard.flow.events import EventHub, FlowEvent, StageChanged
from setup_wizard.flow.ledger import Outcome
from setup_wizard.flow.links import FoundDevice, LinkKind, WifiChoice
from setup_wizard.flow.onboarding import Onboarding
from setup_wizard.flow.stages import Stage, StageStatus
from setup_wizard.flow.state import Ownership
from setup_wizard.flow.usb import UsbConnector
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.errors import ScanUnavailable
from setup_wizard.secret import WifiPassword

log = logging.getLogger(__name__)

Work = list[tuple[FoundDevice, Job]]
"""Which Photon (by its port) is set up for which job."""


@dataclass(frozen=True)
class BatchOptions:
    unseen_security: Security = Security.WPA2_MIXED_PSK
    """For a network the computer's scan does not show: what the Photon is told if it does
    not see it either (it asks only then)."""
    take_over: bool = False
    """A Photon set up for another account before becomes the customer's without asking."""


@dataclass
class BatchDevice:
    """One Photon of the batch, as its row shows it while it runs."""

    found: FoundDevice
    job: Job
    stage: Stage | None = None
    """The stage running now (the last one that ran, once it ended)."""
    outcome: Outcome | None = None
    """None while it runs."""
    error: str | None = None
    """What went wrong, in words (a :class:`~setup_wizard.i18n.Text`); None unless failed."""
    stopped_at: Stage | None = None
    """The stage that failed or was cancelled (None: online, or stopped before any stage)."""
    problem: Exception | None = field(default=None, repr=False)
    """The error that ended it, if one did (a script's exit code depends on its kind)."""
    device_id: str | None = None
    device_name: str | None = None
    ledger_id: int | None = None
    seconds: float = 0.0
    flow: Onboarding | None = field(default=None, repr=False)

    @property
    def port(self) -> str:
        return self.found.target

    @property
    def running(self) -> bool:
        return self.outcome is None


class UsbBatch:
    """Runs one setup per Photon on a cable, all at once, with one staff bench."""

    def __init__(
        self,
        bench: Bench,
        options: BatchOptions | None = None,
        *,
        on_change: Callable[[BatchDevice], None] | None = None,
    ) -> None:
        usb = bench.flow.services.usb
        if not isinstance(usb, UsbConnector):
            raise ValueError("USB is not available on this computer")
        self.bench = bench
        self.options = options or BatchOptions()
        self._usb = usb
        self._observers: list[Callable[[BatchDevice], None]] = [on_change] if on_change else []
        self.devices: list[BatchDevice] = []
        self.networks: list[WifiNetwork] | None = None
        """The computer's nearby networks (None until :meth:`look_around`)."""
        self.scan_problem: str | None = None
        """Why the computer could not list its networks (type the name instead)."""

    def subscribe(self, observer: Callable[[BatchDevice], None]) -> None:
        """Call ``observer`` whenever a Photon's stage or outcome changes (as ``on_change``)."""
        self._observers.append(observer)

    def _changed(self, device: BatchDevice) -> None:
        for observer in list(self._observers):
            try:
                observer(device)
            except Exception:  # a failing view must not stop the setups
                log.exception("a USB batch observer failed on %s", device.port)

    # -- before the start: networks and passwords ----------------------------------------

    async def look_around(self) -> list[WifiNetwork]:
        """The networks this computer sees: what the rows offer, and whether each one needs
        a password (the Photons see about the same from the same bench)."""
        try:
            self.networks = await self._usb.nearby_networks()
            self.scan_problem = None
        except ScanUnavailable as error:
            self.networks, self.scan_problem = [], user_message(error)
        return self.networks

    async def current_network(self) -> str | None:
        """The computer's own Wi-Fi: the network a bench usually gives its Photons."""
        return await self._usb.current_network()

    def choice(self, ssid: str) -> WifiChoice:
        """The network called ``ssid`` as the Photons will be told it: the strongest one of
        that name the computer sees, else a typed name of :attr:`BatchOptions.unseen_security`."""
        seen = [n for n in self.networks or [] if n.ssid == ssid]
        if seen:
            return WifiChoice.scanned(max(seen, key=lambda network: network.rssi))
        return WifiChoice.typed(ssid, self.options.unseen_security)

    def needs_password(self, ssid: str) -> bool:
        return self.choice(ssid).needs_password

    def password_problem(self, ssid: str, password: WifiPassword | None) -> str | None:
        """Why ``password`` cannot go over a cable for ``ssid``, or None."""
        try:
            self._usb.check(self.choice(ssid), password)
        except EXPECTED_ERRORS as error:
            return user_message(error)
        return None

    async def missing_passwords(self, ssids: Iterable[str]) -> list[str]:
        """The networks among ``ssids`` that need a password this session does not know yet
        (each once, in order): ask for these before the start."""
        missing: list[str] = []
        for ssid in dict.fromkeys(ssids):
            if self.needs_password(ssid) and await self.bench.wifi_passwords.get(ssid) is None:
                missing.append(ssid)
        return missing

    async def _check(self, work: Work) -> None:
        if not work:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Plug in a Photon first."))
        ports = [found.target for found, _ in work]
        if len(set(ports)) != len(ports):
            raise ValueError("a Photon appears twice in the batch")
        for _, job in work:
            if "@" not in job.customer:
                raise NotReady(
                    QT_TRANSLATE_NOOP("Flow", "Enter the customer's e-mail for every Photon.")
                )
            if not job.ssid:
                raise NotReady(QT_TRANSLATE_NOOP("Flow", "Choose the Wi-Fi network first."))
        if self.networks is None:
            await self.look_around()
        ssids = [job.ssid for _, job in work if job.ssid]
        missing = await self.missing_passwords(ssids)
        if missing:
            raise NotReady(
                QT_TRANSLATE_NOOP("Flow", "Enter the password of “{network}” first.").format(
                    network=missing[0]
                )
            )
        for ssid in dict.fromkeys(ssids):
            if self.needs_password(ssid):
                problem = self.password_problem(ssid, await self.bench.wifi_passwords.get(ssid))
                if problem is not None:
                    raise FlowError(problem)

    # -- running ----------------------------------------------------------------------------

    async def run(self, work: Work) -> list[BatchDevice]:
        """Set up every ``(Photon, job)`` pair at once; returns how each ended. Raises before
        anything starts when a customer, network or password is missing. Cancelling cancels
        them all, each recorded as cancelled in the ledger (with the stage it was at)."""
        await self._check(work)
        self.devices = [BatchDevice(found, job) for found, job in work]
        async with asyncio.TaskGroup() as group:
            for device in self.devices:
                group.create_task(self._one(device))
        return self.devices

    def _flow(self) -> Onboarding:
        main = self.bench.flow
        flow = Onboarding(main.services, timing=main.timing, events=EventHub())
        flow.use_link(LinkKind.USB)
        return flow

    async def _one(self, device: BatchDevice) -> None:
        started = time.monotonic()
        flow = device.flow = self._flow()
        bench = Bench(
            self.bench.staff, flow, self.bench.ledger, wifi_passwords=self.bench.wifi_passwords
        )
        flow.events.subscribe(lambda event: self._progress(device, event))
        outcome, error = Outcome.FAILED, None
        try:
            try:
                await bench.start(device.job)
                device.ledger_id = bench.setup_id
                await self._steps(flow, device)
                outcome = Outcome.ONLINE
            finally:
                await flow.leave_photon()
        except asyncio.CancelledError:
            outcome = Outcome.CANCELLED
            raise
        except EXPECTED_ERRORS as problem:
            error, device.problem = user_message(problem), problem
        except Exception as problem:
            device.problem = problem
            log.exception("USB batch: %s", device.port)
            error = QT_TRANSLATE_NOOP("Flow", "An unexpected error happened (see the log).")
        finally:
            bench.finish(outcome, error)
            device.outcome, device.error = outcome, error
            device.stopped_at = None if outcome is Outcome.ONLINE else _stopped_at(flow)
            device.device_id = flow.state.device_id
            device.seconds = time.monotonic() - started
            log.info("USB batch: %s %s", device.port, outcome.value)
            self._changed(device)

    async def _steps(self, flow: Onboarding, device: BatchDevice) -> None:
        job = device.job
        assert job.ssid is not None  # checked before the start
        await flow.connect_photon(device.port)
        if flow.state.ownership is Ownership.SOMEONE_ELSE:
            if not self.options.take_over:
                raise FlowError(
                    QT_TRANSLATE_NOOP(
                        "Flow",
                        "This Photon was set up for another account before. Set it up on its "
                        "own to confirm that it should become this customer's.",
                    )
                )
            flow.confirm_take_over()
        choice = self.choice(job.ssid)
        flow.choose_network(choice)
        password = (
            await self.bench.wifi_passwords.get(choice.ssid) if choice.needs_password else None
        )
        await flow.send(password)
        await flow.wait_for_cloud()
        name = job.device_name or flow.suggested_name()
        try:
            await flow.name_device(name)
        except EXPECTED_ERRORS as problem:  # online and the customer's all the same
            log.info("USB batch: %s not named: %s", device.port, user_message(problem))
        device.device_name = flow.state.device_name

    def _progress(self, device: BatchDevice, event: FlowEvent) -> None:
        if not isinstance(event, StageChanged):
            return
        record = event.record
        if record.status is StageStatus.RUNNING:
            device.stage = record.stage
        if device.flow is not None:
            device.device_id = device.flow.state.device_id
        self._changed(device)


def _stopped_at(flow: Onboarding) -> Stage | None:
    """The last stage that failed or was cancelled: where the device's setup stopped."""
    for record in reversed(flow.timeline.records):
        if record.status in (StageStatus.FAILED, StageStatus.CANCELLED):
            return record.stage
    return None
