"""The world one run of the app works in: real (a product profile) or the built-in simulation.

Qt-free, so the window, the headless command and the benchmarks build the same flow the
same way. In a simulation, a cloud, one Photon and the home Wi-Fi run in this process on
127.0.0.1; nothing touches this computer's Wi-Fi or the real Particle Cloud.

Starting runs while the window is already on screen, so whatever would hold the event loop
for long (importing the simulator, generating its Photon's key, loading the CA bundle,
asking the keyring) happens in worker threads.
"""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import logging
import secrets
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING

from setup_wizard import redact
from setup_wizard.cloud.client import CloudClient
from setup_wizard.cloud.models import ClientCredentials
from setup_wizard.cloud.settings import CloudSettings, make_http_client
from setup_wizard.device.usb import UsbPort
from setup_wizard.flow.bench import Bench, WifiPasswords
from setup_wizard.flow.events import EventHub, Notice
from setup_wizard.flow.keychain import KeyringTokenStore, MemoryTokenStore, TokenStore
from setup_wizard.flow.ledger import Ledger
from setup_wizard.flow.ledger import default_path as ledger_default_path
from setup_wizard.flow.onboarding import Onboarding, Services
from setup_wizard.flow.secret_store import (
    MemorySecretStore,
    SecretStore,
    keyring_client_secrets,
    keyring_wifi_passwords,
)
from setup_wizard.flow.softap import SoftApConnector
from setup_wizard.flow.staff import StaffSession
from setup_wizard.flow.usb import PortLister, UsbConnector, UsbSettings
from setup_wizard.network.backend import RestoreReport
from setup_wizard.network.choice import choose_backend
from setup_wizard.network.probes import url_reachable
from setup_wizard.network.simulated import SimulatedAccessPoint, visible_from_ready
from setup_wizard.network.wifi import NoticeKind, PhotonWifi, WifiNotice
from setup_wizard.profile import with_keyring_secret
from setup_wizard.secret import ClientSecret, WifiPassword
from setup_wizard.settings import AppSettings

if TYPE_CHECKING:
    from setup_wizard.sim.simulation import Simulation

log = logging.getLogger(__name__)

SIMULATION_SPEED = 2.0
"""The built-in simulation runs twice as fast as a real Photon: realistic, not tedious."""
SIMULATED_HOME = "HomeNetwork"
SIMULATED_BENCH_DEVICES = 3
"""A simulated bench has three Photons waiting, for a work list of three."""
SIMULATION_LEDGER = "ledger-simulation.sqlite3"
"""The simulation's devices are recorded apart from real ones."""


@dataclass(frozen=True)
class SimulationHints:
    """What a person trying the simulation needs to know (nothing here is a real secret)."""

    home_network: str
    home_password: str
    staff_username: str | None = None
    staff_password: str | None = None
    two_step_code: Callable[[], str] | None = None
    """The simulated staff account's current two-step code (what an authenticator shows)."""


@dataclass
class Runtime:
    flow: Onboarding
    events: EventHub
    simulation_hints: SimulationHints | None
    recovered: RestoreReport | None
    """What start-up did about a Wi-Fi left changed by an earlier run that ended badly."""
    wifi_backend: str
    """How this computer's Wi-Fi is switched (networkmanager, macos, windows, manual, …)."""
    _stack: AsyncExitStack
    bench: Bench | None = None
    """Bench mode (``--staff``): the staff session, the ledger and the device loop."""

    @property
    def simulated(self) -> bool:
        return self.simulation_hints is not None

    async def aclose(self) -> None:
        """Give the Wi-Fi back if needed, then stop the simulation and close connections."""
        try:
            await self.flow.close()
        finally:
            await self._stack.aclose()


def wifi_notice_relay(hub: EventHub) -> Callable[[WifiNotice], None]:
    """Pass the network layer's notices to the flow's subscribers."""
    by_hand = {NoticeKind.JOIN_BY_HAND, NoticeKind.REJOIN_BY_HAND, NoticeKind.SWITCHED_TO_MANUAL}

    def relay(notice: WifiNotice) -> None:
        hub.emit(Notice(notice.message, action_needed=notice.kind in by_hand))

    return relay


def _import_http_backend() -> None:
    """httpx's first request imports anyio's asyncio backend, which takes tens of
    milliseconds (anyio parses source at import): do it now, off the event loop, rather than
    freezing the window at the first sign-in."""
    try:
        importlib.import_module("anyio._backends._asyncio")
    except ImportError:  # another anyio layout: it is only a warm-up
        log.debug("no anyio asyncio backend to warm up")


def _prepare_simulation(seed: int) -> None:
    """The simulator's modules (aiohttp among them: about 0.25 s) and the key of the Photon
    that ``Simulation.start(seed=seed)`` creates first (pure-Python RSA, about 50 ms; cached
    by seed), made ready in a worker thread rather than on the event loop."""
    importlib.import_module("setup_wizard.sim.simulation")
    from setup_wizard.sim.photon.keys import DeviceKey

    DeviceKey.for_seed(seed + 1)  # the simulation gives its Photon i the seed + 1 + i


async def start_runtime(settings: AppSettings) -> Runtime:
    """Build (and in a simulation, start) everything one run needs."""
    stack = AsyncExitStack()
    try:
        return await _start(settings, stack)
    except BaseException:
        await stack.aclose()
        raise


async def _start(settings: AppSettings, stack: AsyncExitStack) -> Runtime:
    hub = EventHub()
    profile = settings.profile
    hints: SimulationHints | None = None
    tokens: TokenStore
    if settings.simulate:
        seed = secrets.randbits(31)  # a different world each run, its key made in advance
        await asyncio.to_thread(_prepare_simulation, seed)
        from setup_wizard.sim.simulation import Simulation

        sim = await Simulation.start(
            devices=SIMULATED_BENCH_DEVICES if settings.staff else 1,
            speed=settings.simulation_speed or SIMULATION_SPEED,
            seed=seed,
            mfa=settings.staff,  # a bench shows the two-step code page too
            usb=settings.usb,
        )
        stack.push_async_callback(sim.stop)
        ready = sim.ready()
        home = next(n for n in ready["wifi"] if n["ssid"] == SIMULATED_HOME)
        hints = SimulationHints(home["ssid"], home["password"])
        if settings.staff:
            hints = dataclasses.replace(
                hints,
                staff_username=sim.cloud.developer.username,
                staff_password=sim.cloud.developer.password,
                two_step_code=_two_step_code(sim),
            )
        api_url = sim.cloud.url
        product: int | str | None = sim.cloud.product.id
        client: ClientCredentials | None = ClientCredentials(
            sim.cloud.client.id, ClientSecret(sim.cloud.client.secret)
        )
        access_points = [SimulatedAccessPoint.from_ready_device(d) for d in ready["devices"]]
        backend = await choose_backend(
            settings.wifi,
            access_points=access_points,
            home_ssid=SIMULATED_HOME,
            networks=[visible_from_ready(n) for n in ready["wifi"]],
        )
        device_address = access_points[0].address  # also where "join by hand" finds it
        tokens = MemoryTokenStore()
        usb = UsbSettings(list_ports=simulated_usb_ports(sim))
    elif profile is None:  # a bench without a product profile: staff choose the product
        api_url = settings.api_url
        product = client = None
        backend = await choose_backend(settings.wifi)
        device_address = settings.device
        tokens = KeyringTokenStore()
        usb = UsbSettings()
    else:
        secret = profile.client_secret
        if secret is None:  # kept in the keyring, which may block (asking to unlock): a thread
            secret = (await asyncio.to_thread(with_keyring_secret, profile)).client_secret
            assert secret is not None
            redact.remember(secret)
        api_url = settings.api_url
        product = profile.product
        client = ClientCredentials(profile.client_id, secret)
        backend = await choose_backend(settings.wifi)
        device_address = settings.device
        tokens = KeyringTokenStore()
        usb = UsbSettings()
    # Building the client loads the CA bundle (tens of milliseconds): in a thread.
    http = await asyncio.to_thread(make_http_client, CloudSettings(api_url=api_url))
    await stack.enter_async_context(http)
    wifi = PhotonWifi(
        backend,
        device_address=device_address,
        internet_probe=url_reachable(api_url),
        on_notice=wifi_notice_relay(hub),
    )
    await asyncio.to_thread(_import_http_backend)
    recovered = await wifi.recover()
    if recovered is not None:
        log.info("start-up Wi-Fi recovery: %s", recovered.message)
    services = Services(
        cloud=CloudClient(http),
        product=product,
        client=client,
        connector=SoftApConnector(wifi),
        tokens=tokens,
        usb=UsbConnector(wifi, usb),
    )
    known = services.client  # the simulation's seeded client: as if this bench kept it
    if settings.staff:
        services.product = services.client = None  # chosen by the staff member
    flow = Onboarding(services, events=hub)
    bench = (
        _bench(services, flow, simulated_client=known if settings.simulate else None, stack=stack)
        if settings.staff
        else None
    )
    return Runtime(
        flow=flow,
        events=hub,
        simulation_hints=hints,
        recovered=recovered,
        wifi_backend=backend.kind.value,
        _stack=stack,
        bench=bench,
    )


def simulated_usb_ports(sim: Simulation) -> PortLister:
    """The simulated Photons' pseudo-terminals, as a real computer lists USB serial ports."""

    def ports() -> list[UsbPort]:
        return [
            UsbPort(photon.usb_port, "Photon", photon.device_id.lower())
            for photon in sim.photons
            if photon.usb_port is not None
        ]

    return ports


def _bench(
    services: Services,
    flow: Onboarding,
    *,
    simulated_client: ClientCredentials | None,
    stack: AsyncExitStack,
) -> Bench:
    """The staff session, the ledger (a separate one for the simulation) and the loop."""
    client_secrets: SecretStore[ClientSecret]
    wifi_keyring: SecretStore[WifiPassword] | None
    if simulated_client is not None:
        memory: MemorySecretStore[ClientSecret] = MemorySecretStore()
        memory.kept[simulated_client.id] = simulated_client.secret
        client_secrets, wifi_keyring = memory, None
        ledger_path = ledger_default_path().with_name(SIMULATION_LEDGER)
    else:
        client_secrets, wifi_keyring = keyring_client_secrets(), keyring_wifi_passwords()
        ledger_path = ledger_default_path()
    staff = StaffSession(services.cloud, tokens=services.tokens, secrets=client_secrets)
    ledger = Ledger(ledger_path)
    stack.callback(ledger.close)
    return Bench(staff, flow, ledger, wifi_passwords=WifiPasswords(wifi_keyring))


def _two_step_code(sim: Simulation) -> Callable[[], str]:
    """What an authenticator app would show for the simulated staff account, now."""
    import pyotp

    secret = sim.cloud.developer.mfa_otp_secret
    assert secret is not None
    totp = pyotp.TOTP(secret)
    return lambda: str(totp.at(sim.clock.now()))
