"""The bench the soak runs on: one simulated cloud and home Wi-Fi, a simulated computer, and
the app wired as ``setup_wizard.runtime`` wires ``setup-wizard onboard --staff`` (the staff
signed in, the product and its client chosen as the command chooses them), with short
waits. Photons come and go: each device of the soak is a Photon brought to the bench for
it, in range of the computer's Wi-Fi or on a USB cable, and taken away when it is done.
"""

from __future__ import annotations

import asyncio
import io
import random
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pyotp

from setup_wizard.cloud import CloudClient, CloudSettings, RetryPolicy, make_http_client
from setup_wizard.device import TransportPolicy
from setup_wizard.device.usb import UsbTiming
from setup_wizard.flow import (
    EventHub,
    FlowTiming,
    MemoryTokenStore,
    Onboarding,
    Services,
    SoftApConnector,
    UsbConnector,
    UsbSettings,
)
from setup_wizard.flow.bench import Bench, WifiPasswords
from setup_wizard.flow.ledger import Ledger
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.flow.staff import StaffSession
from setup_wizard.headless.credentials import Credentials
from setup_wizard.headless.progress import Progress
from setup_wizard.headless.signin import choose_client, choose_product, sign_in
from setup_wizard.headless.terminal import Terminal
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.logs import AppLogging, configure_logging
from setup_wizard.network import PhotonWifi, RestoreJournal, WifiTiming, url_reachable
from setup_wizard.network.backend import RestorePoint, VisibleNetwork
from setup_wizard.network.errors import JoinFailed
from setup_wizard.network.probes import default_device_probe
from setup_wizard.network.simulated import (
    SimulatedAccessPoint,
    SimulatedWifiBackend,
    visible_from_ready,
)
from setup_wizard.runtime import SimulationHints, simulated_usb_ports, wifi_notice_relay
from setup_wizard.secret import ClientSecret, WifiPassword
from setup_wizard.sim.photon import SimulatedPhoton
from setup_wizard.sim.photon.flash import SUFFIX_ALPHABET, SUFFIX_LENGTH
from setup_wizard.sim.photon.keys import DeviceKey
from setup_wizard.sim.simulation import LOOPBACK, Simulation

SPEED = 100.0
"""Simulated time runs this many times as fast: a Photon reaches the cloud in ~0.1 s."""

# The app's time limits, scaled down with their structure kept (tries, resends, the HTTP
# and TCP split), so that a device that stops answering costs a few seconds, not minutes.
DEVICE_POLICY = TransportPolicy(
    connect_timeout=1.0,
    quick_timeout=1.0,
    scan_timeout=2.0,
    configure_timeout=2.0,
    connect_ap_timeout=1.0,
    retry_delays=(0.05, 0.1),
)
WIFI_TIMING = WifiTiming(
    join_timeout=2.0,
    manual_timeout=2.0,
    internet_timeout=2.0,
    leave_check=0.3,
    poll_interval=0.02,
    probe_timeout=0.5,
)
USB_TIMING = UsbTiming(prompt=1.0, scan=2.0, save=2.0)
USB_PROBE_LIMIT = 1.0
USB_RECHECK = 0.5
"""A port that did not answer is asked again after this long (10 s in the app)."""
FLOW_TIMING = FlowTiming(
    presence_interval=0.02,
    leave_help_after=1.0,
    internet_limit=2.0,
    internet_by_hand_limit=2.0,
    cloud_help_after=2.0,
    cloud_limit=4.0,
    cloud_retry_pause=0.02,
)
CLOUD_RETRY = RetryPolicy(base_delay=0.01, max_delay=0.05)
PHOTON_TIMEOUT = 2.0
"""``--photon-timeout``: how long the command looks for the Photon brought for a device."""

KEY_POOL = 8
"""Device keys made in advance and shared among the soak's Photons."""

HOME = "HomeNetwork"  # the simulated home (setup_wizard/sim/wifi.py), the computer's own Wi-Fi
MISTYPED = "NETGEAR42"
"""A neighbour's network of the simulated home, whose password the staff member mistyped:
the jobs of the "wrong Wi-Fi password" fault ask for it."""
MISTYPED_PASSWORD = "quietmoon521"  # the network's is quietmoon512
PRODUCT = "Photon Setup Demo"  # the simulated product's name, as ``--product`` gives it


class SoakComputer(SimulatedWifiBackend):
    """The simulated backend on a bench where Photons come and go: one comes into range of
    the computer's Wi-Fi for its setup (:meth:`place`) and leaves it after
    (:meth:`take_away`). Its operating system can also refuse the next joins, as a real one
    does when the network drops out while it associates."""

    def __init__(
        self, home: str, networks: Sequence[VisibleNetwork], *, probe_timeout: float
    ) -> None:
        super().__init__(
            [],
            home,
            probe=default_device_probe,
            probe_timeout=probe_timeout,
            networks=networks,
        )
        self.refuse_joins = 0
        """How many of the next joins of a Photon's network fail."""
        self.joins = 0

    def place(self, photon: SimulatedPhoton) -> None:
        self._access_points[photon.ssid] = SimulatedAccessPoint.from_ready_device(
            {
                "ssid": photon.ssid,
                "http": f"http://{photon.host}:{photon.http_port}",
                "tcp": f"{photon.host}:{photon.tcp_port}",
            }
        )

    def take_away(self, photon: SimulatedPhoton) -> None:
        self._access_points.pop(photon.ssid, None)

    async def join(self, point: RestorePoint) -> None:
        self.joins += 1
        if self.refuse_joins > 0:
            self.refuse_joins -= 1
            raise JoinFailed(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "This computer could not join “{ssid}”. Check that the Photon still "
                    "blinks dark blue, then try again.",
                ).format(ssid=point.photon_ssid),
                detail="refused by the simulated computer",
            )
        await super().join(point)


class _Discard(io.StringIO):
    """The terminal's stream and the results' stdout: read by nobody, kept by nobody (a
    growing buffer would count as the soak's memory)."""

    def write(self, text: str) -> int:
        return len(text)


@dataclass
class SoakWorld:
    sim: Simulation
    computer: SoakComputer
    bench: Bench
    terminal: Terminal
    progress: Progress
    credentials: Credentials
    folder: Path
    out: io.StringIO
    key_seeds: list[int]

    @property
    def flow(self) -> Onboarding:
        return self.bench.flow

    @property
    def ledger(self) -> Ledger:
        return self.bench.ledger

    async def bring_photon(self, rng: random.Random, *, usb: bool) -> SimulatedPhoton:
        """A Photon fresh from the box, in listening mode: on a USB cable, or in range of
        the computer's Wi-Fi. Its ID and network name come from ``rng``; its key is one of
        a few made before the soak (pure-Python RSA is slow under tracemalloc, and the app
        does not care whose key it is)."""
        photon = SimulatedPhoton(
            clock=self.sim.clock,
            wifi=self.sim.wifi,
            link=self.sim.cloud,
            host=LOOPBACK,
            device_id=rng.getrandbits(96).to_bytes(12, "big").hex(),
            ssid_suffix="".join(rng.choices(SUFFIX_ALPHABET, k=SUFFIX_LENGTH)),
            seed=self.key_seeds[rng.randrange(len(self.key_seeds))],
        )
        self.sim.photons.append(photon)  # the simulation's USB ports are its Photons' ptys
        if usb:
            photon.plug_usb()
        await photon.start()
        if not usb:
            self.computer.place(photon)
        return photon

    async def take_away(self, photon: SimulatedPhoton) -> None:
        """The Photon leaves the bench: out of range, unplugged, powered off."""
        self.computer.take_away(photon)
        await photon.stop()
        if photon in self.sim.photons:
            self.sim.photons.remove(photon)


@asynccontextmanager
async def soak_world(folder: Path, *, seed: int) -> AsyncIterator[SoakWorld]:
    """The app started in bench mode on the simulated computer, its log in ``folder``,
    signed in with two-step verification, the product and client chosen."""
    async with AsyncExitStack() as stack:
        key_seeds = [seed * KEY_POOL + i for i in range(KEY_POOL)]
        await asyncio.to_thread(lambda: [DeviceKey.for_seed(k) for k in key_seeds])
        out = _Discard()
        logs: AppLogging = configure_logging(directory=folder / "log", console=out)
        stack.callback(logs.close)
        sim = await Simulation.start(devices=0, speed=SPEED, seed=seed, mfa=True)
        stack.push_async_callback(sim.stop)
        ready = sim.ready()
        computer = SoakComputer(
            HOME,
            [visible_from_ready(n) for n in ready["wifi"]],
            probe_timeout=WIFI_TIMING.probe_timeout,
        )
        http = await stack.enter_async_context(
            make_http_client(CloudSettings(api_url=sim.cloud.url))
        )
        hub = EventHub()
        wifi = PhotonWifi(
            computer,
            journal=RestoreJournal(folder / "state"),
            internet_probe=url_reachable(sim.cloud.url, timeout=WIFI_TIMING.probe_timeout),
            timing=WIFI_TIMING,
            on_notice=wifi_notice_relay(hub),
        )
        cloud = CloudClient(http, retry=CLOUD_RETRY)
        services = Services(
            cloud=cloud,
            product=None,  # chosen by the staff member
            client=None,
            connector=SoftApConnector(wifi, policy=DEVICE_POLICY),
            tokens=MemoryTokenStore(),
            usb=UsbConnector(
                wifi,
                UsbSettings(
                    list_ports=simulated_usb_ports(sim),
                    timing=USB_TIMING,
                    probe_limit=USB_PROBE_LIMIT,
                    recheck=USB_RECHECK,
                ),
            ),
        )
        flow = Onboarding(services, timing=FLOW_TIMING, events=hub)
        stack.push_async_callback(flow.close)
        kept: MemorySecretStore[ClientSecret] = MemorySecretStore()
        kept.kept[sim.cloud.client.id] = ClientSecret(sim.cloud.client.secret)  # as runtime
        ledger = Ledger(folder / "data" / "ledger.sqlite3")
        stack.callback(ledger.close)
        staff = StaffSession(cloud, tokens=services.tokens, secrets=kept)
        bench = Bench(staff, flow, ledger, wifi_passwords=WifiPasswords())
        terminal = Terminal(stdin=io.StringIO(), stream=out, interactive=False)
        progress = Progress(terminal)
        unsubscribe = hub.subscribe(progress.on_event)
        stack.callback(unsubscribe)
        home = next(n for n in ready["wifi"] if n["ssid"] == HOME)
        hints = SimulationHints(
            HOME,
            home["password"],
            staff_username=sim.cloud.developer.username,
            staff_password=sim.cloud.developer.password,
            two_step_code=_two_step_code(sim),
        )
        credentials = Credentials({}, terminal, hints)
        await sign_in(staff, credentials, progress)
        await choose_product(staff, PRODUCT, progress)
        await choose_client(staff, None, credentials, progress)
        # Asked once per network before the first device, as the command asks: the home
        # network's password is right, the other network's is mistyped.
        await bench.wifi_passwords.put(HOME, WifiPassword(home["password"]))
        await bench.wifi_passwords.put(MISTYPED, WifiPassword(MISTYPED_PASSWORD))
        yield SoakWorld(
            sim, computer, bench, terminal, progress, credentials, folder, out, key_seeds
        )


def _two_step_code(sim: Simulation) -> Callable[[], str]:
    """What the staff member's authenticator shows now (as the simulated command reads it)."""
    secret = sim.cloud.developer.mfa_otp_secret
    assert secret is not None
    totp = pyotp.TOTP(secret)
    return lambda: str(totp.at(sim.clock.now()))
