"""A simulated world wired to the flow exactly as the app wires it, with short waits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from setup_wizard.cloud import (
    ClientCredentials,
    CloudClient,
    CloudSettings,
    RetryPolicy,
    make_http_client,
)
from setup_wizard.device import TransportPolicy
from setup_wizard.flow import (
    EventHub,
    FlowEvent,
    FlowTiming,
    MemoryTokenStore,
    Onboarding,
    Services,
    SoftApConnector,
    UsbConnector,
    UsbSettings,
)
from setup_wizard.network import (
    PhotonWifi,
    RestoreJournal,
    SimulatedAccessPoint,
    WifiTiming,
    choose_backend,
    url_reachable,
)
from setup_wizard.network.simulated import SimulatedWifiBackend, visible_from_ready
from setup_wizard.runtime import simulated_usb_ports
from setup_wizard.secret import ClientSecret
from setup_wizard.sim.simulation import Simulation

FAST_DEVICE = TransportPolicy(connect_timeout=2, quick_timeout=3, retry_delays=(0.05, 0.1))
FAST_FLOW = FlowTiming(
    presence_interval=0.02,
    leave_help_after=5,
    internet_limit=5,
    internet_by_hand_limit=5,
    cloud_help_after=5,
    cloud_limit=15,
    cloud_retry_pause=0.02,
)
HOME = "HomeNetwork"
HOME_PASSWORD = "correct horse battery"


@dataclass
class FlowWorld:
    sim: Simulation
    flow: Onboarding
    backend: SimulatedWifiBackend
    journal: RestoreJournal
    tokens: MemoryTokenStore
    events: list[FlowEvent] = field(default_factory=list)

    def new_flow(self) -> Onboarding:
        """A second run of the app on the same computer (same keyring, same journal)."""
        return Onboarding(self.flow.services, timing=self.flow.timing)


@asynccontextmanager
async def flow_world(
    tmp_path: Path,
    *,
    sim: Simulation | None = None,
    timing: FlowTiming = FAST_FLOW,
    speed: float = 200,
    seed: int = 21,
    sim_time: bool = False,
) -> AsyncIterator[FlowWorld]:
    """``sim_time``: the flow reads the simulated clock, so its times compare with the
    cloud's (a sped-up simulation's timestamps run ahead of the real clock)."""
    world = sim or await Simulation.start(devices=1, speed=speed, seed=seed)
    try:
        async with make_http_client(CloudSettings(api_url=world.cloud.url)) as http:
            wired = await _wire(world, http, tmp_path, timing)
            if sim_time:
                wired.flow.services.now = lambda: datetime.fromtimestamp(world.clock.now(), UTC)
            yield wired
    finally:
        await world.stop()


async def _wire(
    world: Simulation, http: httpx.AsyncClient, tmp_path: Path, timing: FlowTiming
) -> FlowWorld:
    ready = world.ready()
    backend = await choose_backend(
        "simulated",
        access_points=[SimulatedAccessPoint.from_ready_device(d) for d in ready["devices"]],
        home_ssid=HOME,
        networks=[visible_from_ready(n) for n in ready["wifi"]],
    )
    assert isinstance(backend, SimulatedWifiBackend)
    journal = RestoreJournal(tmp_path / "journal")
    hub = EventHub()
    wifi = PhotonWifi(
        backend,
        journal=journal,
        internet_probe=url_reachable(world.cloud.url, timeout=1),
        timing=WifiTiming(poll_interval=0.02, probe_timeout=0.5, join_timeout=5),
    )
    tokens = MemoryTokenStore()
    client = ready["cloud"]["client"]
    services = Services(
        cloud=CloudClient(http, retry=RetryPolicy(base_delay=0.01, max_delay=0.05)),
        product=world.cloud.product.id,
        client=ClientCredentials(client["id"], ClientSecret(client["secret"])),
        connector=SoftApConnector(wifi, policy=FAST_DEVICE),
        tokens=tokens,
        usb=UsbConnector(wifi, UsbSettings(list_ports=simulated_usb_ports(world))),
    )
    flow = Onboarding(services, timing=timing, events=hub)
    result = FlowWorld(world, flow, backend, journal, tokens)
    hub.subscribe(result.events.append)
    return result
