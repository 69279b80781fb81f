"""The app as one fault-matrix cell runs it: wired to a simulation from its ready line, on a
simulated computer whose Wi-Fi outlives the app, and driven through a setup as the app's
pages (and the headless command) drive it.

Nothing here imports the simulator: a killed app runs this module in a process of its own
(``matrix_child.py``), against the simulation of the process that killed it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from setup_wizard.cloud import (
    ClientCredentials,
    CloudClient,
    CloudSettings,
    RetryPolicy,
    make_http_client,
)
from setup_wizard.device import TransportPolicy
from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.models import DeviceInfo
from setup_wizard.device.security import Security
from setup_wizard.device.usb import UsbPort, UsbTiming
from setup_wizard.flow import (
    EXPECTED_ERRORS,
    EventHub,
    FlowError,
    FlowEvent,
    FlowTiming,
    LinkKind,
    MemoryTokenStore,
    Onboarding,
    Services,
    SoftApConnector,
    UsbConnector,
    UsbSettings,
    WifiChoice,
)
from setup_wizard.flow.bench import Bench, Job
from setup_wizard.flow.ledger import Ledger, Outcome, ResumeAt, SetupRow
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.flow.staff import StaffSession
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network import PhotonWifi, RestoreJournal, WifiTiming, url_reachable
from setup_wizard.network.backend import RestorePoint, RestoreReport
from setup_wizard.network.errors import JoinFailed
from setup_wizard.network.simulated import (
    SimulatedAccessPoint,
    SimulatedWifiBackend,
    visible_from_ready,
)
from setup_wizard.secret import ClientSecret, Password, WifiPassword

# -- the time limits, scaled down from the app's defaults ---------------------------------------
# Each keeps the real structure (tries, resends, the split between HTTP and TCP) with short
# waits, so that a device "just under" or "just over" a limit is decided in a fraction of a
# second. The simulated device's slowness is stated as a fraction of these (matrix_world).

DEVICE_POLICY = TransportPolicy(
    connect_timeout=0.3,
    quick_timeout=0.3,
    scan_timeout=0.8,
    configure_timeout=0.8,
    connect_ap_timeout=0.3,
    retry_delays=(0.02, 0.05),
)
WIFI_TIMING = WifiTiming(
    join_timeout=1.5,
    manual_timeout=1.5,
    internet_timeout=1.0,
    leave_check=0.3,
    poll_interval=0.02,
    probe_timeout=0.6,
)
USB_TIMING = UsbTiming(prompt=0.8, scan=1.2, save=1.2)
USB_PROBE_LIMIT = 2.0  # finding the Photon is no step of the matrix: the app's own limit
FLOW_TIMING = FlowTiming(
    presence_interval=0.02,
    leave_help_after=0.4,
    internet_limit=1.0,
    internet_by_hand_limit=1.0,
    cloud_help_after=0.4,
    cloud_limit=1.2,
    cloud_retry_pause=0.02,
)
CLOUD_RETRY = RetryPolicy(base_delay=0.01, max_delay=0.05)
STATUS_RECHECK = 0.1

CUSTOMER = "fault.matrix@example.com"
CUSTOMER_PASSWORD = Password("matrix-cell-1")
DEVICE_NAME = "matrix_cell"


class Mode(StrEnum):
    CUSTOMER = "customer"
    """At home: the customer signs in (the only mode with the SIGN_IN stage)."""
    BENCH = "bench"
    """At a bench: staff sets the device up for the customer; the ledger records it."""


@dataclass(frozen=True)
class Disk:
    """What outlives the app's process on this computer: its state folder, the ledger and
    the computer's own Wi-Fi."""

    folder: Path

    @property
    def journal(self) -> Path:
        return self.folder / "state"

    @property
    def ledger(self) -> Path:
        return self.folder / "data" / "ledger.sqlite3"

    @property
    def computer(self) -> Path:
        return self.folder / "computer-wifi"


async def _on_the_air(
    address: DeviceAddress,
    *,
    timeout: float = 1.0,  # noqa: ASYNC109 - the DeviceProbe protocol's shape
) -> DeviceInfo | None:
    """A Photon's network is on the air while its setup server takes connections, whether or
    not the device answers on them (a hung device still beacons): what a computer's Wi-Fi
    scan sees, rather than the device probe the simulated backend uses by default."""
    try:
        async with asyncio.timeout(timeout):
            _, writer = await asyncio.open_connection(address.host, address.http_port)
    except (OSError, TimeoutError):
        return None
    writer.close()
    with suppress(OSError):
        await writer.wait_closed()
    return DeviceInfo("0" * 24, claimed=False)  # "something is there"; never read


class ComputerWifi(SimulatedWifiBackend):
    """The simulated backend on a computer whose association is kept in a file: like a real
    one, it stays on the Photon's network when the app dies. It sees a Photon's network
    while the Photon's radio is on (not only while it answers). It can refuse to join (the
    OS says no) and fail to rejoin the home network (reported, as real backends do)."""

    def __init__(
        self,
        access_points: Sequence[SimulatedAccessPoint],
        home_ssid: str,
        *,
        state: Path,
        probe_timeout: float,
        networks: Sequence[Any] = (),
    ) -> None:
        self._state = state
        self._starting = state.exists()  # a later run: the computer is where it was left
        self.refuse_join = False
        self.refuse_restore = False
        self.refusals = 0
        super().__init__(
            access_points,
            home_ssid,
            probe=_on_the_air,
            probe_timeout=probe_timeout,
            networks=networks,
        )
        self._starting = False

    @property  # type: ignore[override]
    def current_ssid(self) -> str | None:
        return self._state.read_text(encoding="utf-8").splitlines()[-1] or None

    @current_ssid.setter
    def current_ssid(self, ssid: str | None) -> None:
        if self._starting:
            return
        self._state.parent.mkdir(parents=True, exist_ok=True)
        with self._state.open("a", encoding="utf-8") as history:
            history.write((ssid or "") + "\n")

    @property
    def history(self) -> list[str]:
        """Every network the computer was on, oldest first (its home network first)."""
        return self._state.read_text(encoding="utf-8").splitlines()

    async def join(self, point: RestorePoint) -> None:
        if self.refuse_join:
            self.refusals += 1
            raise JoinFailed(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "This computer could not join “{ssid}”. Check that the Photon still blinks "
                    "dark blue, then try again.",
                ).format(ssid=point.photon_ssid),
                detail="refused by the simulated computer",
            )
        await super().join(point)

    async def restore(self, point: RestorePoint) -> RestoreReport:
        if self.refuse_restore:
            self.refusals += 1
            return RestoreReport(
                self.kind,
                problems=(
                    f"Could not rejoin “{point.previous_name}”: choose it in the Wi-Fi menu.",
                ),
                user_action_needed=True,
            )
        return await super().restore(point)


@dataclass
class App:
    """One run of the app on the simulated computer."""

    flow: Onboarding
    wifi: PhotonWifi
    computer: ComputerWifi
    journal: RestoreJournal
    mode: Mode
    home: str
    home_password: str
    bench: Bench | None = None
    ledger: Ledger | None = None
    events: list[FlowEvent] = field(default_factory=list)
    name_error: BaseException | None = None
    """Naming failed (the setup did not: the Photon is online and the customer's)."""
    recorded_steps: int | None = None
    """How many stage runs the ledger's row holds: those before its end (later ones, a
    renaming tried again, are not the device's setup any more)."""


def ports_from_ready(ready: Mapping[str, Any]) -> Callable[[], list[UsbPort]]:
    """The simulated Photons' USB ports as a computer lists them: those plugged in now (a
    pseudo-terminal's path exists while its cable is in)."""

    def ports() -> list[UsbPort]:
        return [
            UsbPort(device["usb"], "Photon", device["id"])
            for device in ready["devices"]
            if "usb" in device and Path(device["usb"]).exists()
        ]

    return ports


@asynccontextmanager
async def running_app(
    ready: Mapping[str, Any],
    disk: Disk,
    *,
    mode: Mode,
    home: str,
    home_password: str,
    usb_ports: Callable[[], list[UsbPort]] | None = None,
) -> AsyncIterator[App]:
    """The app started on this computer (as after a reboot: the journal, the ledger and the
    computer's Wi-Fi are as the last run left them), signed in at a bench in bench mode."""
    cloud = ready["cloud"]
    computer = ComputerWifi(
        [SimulatedAccessPoint.from_ready_device(d) for d in ready["devices"]],
        home,
        state=disk.computer,
        probe_timeout=WIFI_TIMING.probe_timeout,
        networks=[visible_from_ready(n) for n in ready["wifi"]],
    )
    journal = RestoreJournal(disk.journal)
    async with make_http_client(CloudSettings(api_url=cloud["url"])) as http:
        wifi = PhotonWifi(
            computer,
            journal=journal,
            internet_probe=url_reachable(cloud["url"], timeout=0.5),
            timing=WIFI_TIMING,
        )
        client = CloudClient(http, retry=CLOUD_RETRY, status_recheck=STATUS_RECHECK)
        services = Services(
            cloud=client,
            product=cloud["product"]["id"],
            client=ClientCredentials(
                cloud["client"]["id"], ClientSecret(cloud["client"]["secret"])
            ),
            connector=SoftApConnector(wifi, policy=DEVICE_POLICY),
            tokens=MemoryTokenStore(),
            usb=UsbConnector(
                wifi,
                UsbSettings(
                    list_ports=usb_ports or ports_from_ready(ready),
                    timing=USB_TIMING,
                    probe_limit=USB_PROBE_LIMIT,
                ),
            ),
        )
        hub = EventHub()
        flow = Onboarding(services, timing=FLOW_TIMING, events=hub)
        app = App(flow, wifi, computer, journal, mode, home, home_password)
        if mode is Mode.BENCH:
            ledger = Ledger(disk.ledger)
            staff = StaffSession(client, tokens=MemoryTokenStore(), secrets=MemorySecretStore())
            app.bench, app.ledger = Bench(staff, flow, ledger), ledger
        hub.subscribe(app.events.append)  # after the bench: the ledger hears each event first
        try:
            if app.bench is not None:
                await _staff_ready(app.bench, cloud)
            yield app
        finally:
            if app.ledger is not None:
                app.ledger.close()


async def _staff_ready(bench: Bench, cloud: Mapping[str, Any]) -> None:
    developer = cloud["developer"]
    staff = bench.staff
    signed_in = await staff.sign_in(
        developer["username"], Password(developer["password"]), keep=False
    )
    assert signed_in is not None, "the simulated developer has no two-step verification"
    product = next(p for p in await staff.products() if p.id == cloud["product"]["id"])
    staff.choose_product(product)
    await staff.create_client("Fault matrix bench")


# -- the journey, as the app's pages drive it ------------------------------------------------------


class NoPhotonFound(FlowError):
    """The person looked for the Photon and saw none (the Listening page's empty list)."""


async def open_customer(app: App) -> None:
    """Sign-in (home) or the bench's start of a device (customer opened, claim code, row)."""
    if app.bench is None:
        await app.flow.sign_in(CUSTOMER, CUSTOMER_PASSWORD, keep=False)
    else:
        await app.bench.start(Job(CUSTOMER, app.home, DEVICE_NAME))


async def device_steps(app: App, link: LinkKind) -> None:
    """From "Listening mode" to "online and the customer's"."""
    flow = app.flow
    flow.use_link(link)
    found = await flow.find_photons()
    if not found:
        raise NoPhotonFound(
            "No Photon in listening mode was found. Hold its SETUP button for 3 seconds until "
            "it blinks dark blue, then look again."
        )
    await flow.connect_photon(found[0].target)
    home = next((n for n in flow.state.networks if n.ssid == app.home), None)
    flow.choose_network(
        WifiChoice.scanned(home) if home else WifiChoice.typed(app.home, Security.WPA2_MIXED_PSK)
    )
    await flow.send(WifiPassword(app.home_password))
    await flow.wait_for_cloud()


async def name_step(app: App) -> None:
    """Naming, as the headless command does it: a Photon online and the customer's is set up
    even when naming it fails (the person is told, and can name it later)."""
    try:
        await app.flow.name_device(DEVICE_NAME)
    except EXPECTED_ERRORS as error:
        app.name_error = error
    finish(app, Outcome.ONLINE)


def finish(app: App, outcome: Outcome, error: str | None = None) -> None:
    """The device's row ends (at a bench): what the app's pages or the headless command do."""
    bench = app.bench
    if bench is not None and bench.setup_id is not None:
        app.recorded_steps = len(app.flow.timeline.records)
        bench.finish(outcome, error)


async def whole_journey(app: App, link: LinkKind) -> None:
    await open_customer(app)
    await device_steps(app, link)
    await name_step(app)


async def resume(app: App, row: SetupRow, link: LinkKind) -> None:
    """The next start's "carry on with the device in progress"."""
    assert app.bench is not None
    where = await app.bench.resume(row)
    if where is ResumeAt.DEVICE:
        await device_steps(app, link)
    elif where is ResumeAt.CLOUD:
        await app.flow.wait_for_cloud()
    await name_step(app)
