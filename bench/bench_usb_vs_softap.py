"""One Photon set up over its USB cable against over its Wi-Fi (SoftAP), and three on cables
at once against one.

Both ways run the same journey through the flow, headless, against the same simulated world:
one Photon with the simulator's default firmware delays (``SetupTiming()``: a radio sweep
takes 2.8 s; joining Wi-Fi, DHCP, the cloud connection as in ``sim/photon/timing.py``), a
cloud that holds each request 100 ms, simulated time at ``--speed`` (default 1: real time),
wired as ``setup_wizard.runtime`` wires the app, with its default intervals. The journey:
sign in (a new customer), find the Photon, connect, pick the home network, send, wait until
the cloud shows it online and the customer's, name it. Over Wi-Fi the computer joins the
Photon's network and back (instant here: the simulated computer's Wi-Fi does not make a
real join's 5 to 15 s, so the real difference is larger); over the cable it stays on its own.

Then a bench: a staff member signed in, the same world with three Photons plugged in, set up
with ``UsbBatch`` for three customers at once, against the batch of only one of them (from
``run`` to the last device online and named).

Each round starts fresh worlds (the same seed for both ways); rounds alternate which way
goes first. Prints each round, the medians, and for the median rounds the time per stage of
the flow's timeline. At a higher ``--speed`` the flow's own intervals, which do not shrink
(the cloud is looked up every 0.5 s), weigh more than the device's waits: compare at speed 1.
Loopback only.
Usage: python bench/bench_usb_vs_softap.py [--rounds N] [--speed FACTOR]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from setup_wizard.cloud import ClientCredentials, CloudClient, CloudSettings, make_http_client
from setup_wizard.flow import (
    EventHub,
    LinkKind,
    MemoryTokenStore,
    Onboarding,
    Services,
    SoftApConnector,
    Stage,
    UsbConnector,
    UsbSettings,
    WifiChoice,
)
from setup_wizard.flow.batch import UsbBatch
from setup_wizard.flow.bench import Bench, Job
from setup_wizard.flow.ledger import Ledger, Outcome
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.flow.staff import StaffSession
from setup_wizard.network import (
    PhotonWifi,
    RestoreJournal,
    SimulatedAccessPoint,
    choose_backend,
    url_reachable,
)
from setup_wizard.network.simulated import visible_from_ready
from setup_wizard.runtime import simulated_usb_ports
from setup_wizard.secret import ClientSecret, Password, WifiPassword
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.simulation import Simulation

CLOUD_LATENCY = 0.1
HOME, HOME_PASSWORD = "HomeNetwork", "correct horse battery"  # WifiEnvironment.home()
EMAIL, PASSWORD = "bench.customer@example.com", Password("bench-password-1")
ROUNDS = 3
ROUND_LIMIT = 180.0
SEED = 31


@dataclass
class World:
    sim: Simulation
    flow: Onboarding
    http: httpx.AsyncClient


async def world(seed: int, speed: float, devices: int, folder: Path) -> World:
    """A simulation with ``devices`` Photons, on Wi-Fi and plugged in by USB, and the flow
    wired to it as the app wires a simulated run."""
    sim = await Simulation.start(
        devices=devices, speed=speed, seed=seed, cloud_latency=CLOUD_LATENCY, usb=True
    )
    ready = sim.ready()
    access_points = [SimulatedAccessPoint.from_ready_device(d) for d in ready["devices"]]
    backend = await choose_backend(
        "simulated",
        access_points=access_points,
        home_ssid=HOME,
        networks=[visible_from_ready(n) for n in ready["wifi"]],
    )
    wifi = PhotonWifi(
        backend,
        device_address=access_points[0].address,
        internet_probe=url_reachable(sim.cloud.url),
        journal=RestoreJournal(folder),
    )
    http = make_http_client(CloudSettings(api_url=sim.cloud.url))
    client = sim.cloud.client
    services = Services(
        cloud=CloudClient(http),
        product=sim.cloud.product.id,
        client=ClientCredentials(client.id, ClientSecret(client.secret)),
        connector=SoftApConnector(wifi),
        tokens=MemoryTokenStore(),
        usb=UsbConnector(wifi, UsbSettings(list_ports=simulated_usb_ports(sim))),
    )
    return World(sim, Onboarding(services, events=EventHub()), http)


async def close(w: World) -> None:
    await w.flow.close()
    await w.http.aclose()
    await w.sim.stop()


# -- one Photon, one way or the other -----------------------------------------------------------


@dataclass
class Journey:
    seconds: float
    stages: dict[Stage, float]
    """Seconds spent in each stage of the flow's timeline (a stage run twice: added up)."""


async def journey(kind: LinkKind, seed: int, speed: float) -> Journey:
    """From the sign-in to the Photon online, the customer's and named."""
    with tempfile.TemporaryDirectory() as folder:
        w = await world(seed, speed, 1, Path(folder))
        try:
            flow = w.flow
            flow.use_link(kind)
            started = time.monotonic()
            async with asyncio.timeout(ROUND_LIMIT):
                await flow.sign_in(EMAIL, PASSWORD, keep=False)
                (photon,) = await flow.find_photons()
                await flow.connect_photon(photon.target)
                home = next(n for n in flow.state.networks if n.ssid == HOME)
                flow.choose_network(WifiChoice.scanned(home))
                await flow.send(WifiPassword(HOME_PASSWORD))
                await flow.wait_for_cloud()
                await flow.name_device(flow.suggested_name())
            seconds = time.monotonic() - started
            stages: dict[Stage, float] = {}
            for record in flow.timeline:
                if record.started is not None and record.ended is not None:
                    took = record.ended - record.started
                    stages[record.stage] = stages.get(record.stage, 0.0) + took
            return Journey(seconds, stages)
        finally:
            await close(w)


# -- a bench: several Photons on cables at once ---------------------------------------------


async def batch(devices: int, seed: int, speed: float) -> float:
    """Seconds for ``devices`` Photons on cables, set up at once for as many customers (the
    staff member signed in and the product chosen beforehand)."""
    with tempfile.TemporaryDirectory() as folder:
        w = await world(seed, speed, devices, Path(folder))
        ledger = Ledger(Path(folder) / "ledger.sqlite3")
        try:
            secrets: MemorySecretStore[ClientSecret] = MemorySecretStore()
            staff = StaffSession(w.flow.services.cloud, tokens=MemoryTokenStore(), secrets=secrets)
            bench = Bench(staff, w.flow, ledger)
            developer = w.sim.cloud.developer
            await staff.sign_in(developer.username, Password(developer.password), keep=False)
            products = await staff.products()
            staff.choose_product(next(p for p in products if p.id == w.sim.cloud.product.id))
            await staff.create_client("Bench station")
            await bench.wifi_passwords.put(HOME, WifiPassword(HOME_PASSWORD))
            found = await w.flow.find_photons(LinkKind.USB)
            assert len(found) == devices, found
            work = [(f, Job(f"bench.{i}@example.com", HOME)) for i, f in enumerate(found)]
            setups = UsbBatch(bench)
            started = time.monotonic()
            async with asyncio.timeout(ROUND_LIMIT):
                done = await setups.run(work)
            seconds = time.monotonic() - started
            failed = [d for d in done if d.outcome is not Outcome.ONLINE]
            assert not failed, [d.error for d in failed]
            return seconds
        finally:
            ledger.close()
            await close(w)


# -- rounds and the table ----------------------------------------------------------------------


async def alternate(
    first: Callable[[], Awaitable[float]], second: Callable[[], Awaitable[float]], swap: bool
) -> tuple[float, float]:
    if swap:
        b = await second()
        return await first(), b
    a = await first()
    return a, await second()


def middle(runs: list[Journey]) -> Journey:
    return sorted(runs, key=lambda j: j.seconds)[len(runs) // 2]


def cell(seconds: float | None) -> str:
    return "       –" if seconds is None else f"{seconds:6.2f} s"


def row(label: str, values: list[float]) -> str:
    each = "  ".join(f"{v:6.2f}" for v in values)
    return f"  {label:<28} {statistics.median(values):7.2f} s   ({each})"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--speed", type=float, default=1.0, help="simulated time's speed")
    args = parser.parse_args()
    speed: float = args.speed
    timing = SetupTiming()
    print(
        f"Speed {speed:g} (1 = real time); cloud {CLOUD_LATENCY * 1000:.0f} ms a request; "
        f"device {timing.command_seconds * 1000:.0f} ms a command, "
        f"{timing.scan_seconds:g} s a radio sweep (SetupTiming defaults); "
        f"{args.rounds} rounds, median (each round)"
    )
    softap: list[Journey] = []
    usb: list[Journey] = []
    one: list[float] = []
    three: list[float] = []
    for number in range(args.rounds):
        seed, swap = SEED + number, number % 2 == 1
        a, b = await alternate(
            functools.partial(journey, LinkKind.SOFTAP, seed, speed),
            functools.partial(journey, LinkKind.USB, seed, speed),
            swap,
        )
        softap.append(a)
        usb.append(b)
        c, d = await alternate(
            functools.partial(batch, 1, seed, speed),
            functools.partial(batch, 3, seed, speed),
            swap,
        )
        one.append(c)
        three.append(d)
        print(
            f"  round {number + 1}: Wi-Fi {a.seconds:.2f} s, USB {b.seconds:.2f} s; USB batch"
            f" of 1 {c:.2f} s, of 3 {d:.2f} s"
        )
    wifi_times, usb_times = [j.seconds for j in softap], [j.seconds for j in usb]
    print("\none Photon, sign-in to named      median   (rounds)")
    print(row("over Wi-Fi (SoftAP)", wifi_times))
    print(row("over the USB cable", usb_times))
    saved = statistics.median(wifi_times) - statistics.median(usb_times)
    share = saved / statistics.median(wifi_times)
    print(f"  USB saves {saved:.2f} s ({share:.0%}) of the Wi-Fi way")
    print("\nper stage, median round          Wi-Fi      USB")
    median_wifi, median_usb = middle(softap), middle(usb)
    for stage in Stage:
        a_s, b_s = median_wifi.stages.get(stage), median_usb.stages.get(stage)
        if a_s is None and b_s is None:
            continue
        print(f"  {stage.value:<28} {cell(a_s)} {cell(b_s)}")
    print("\nUSB bench (UsbBatch), run to all online and named")
    print(row("1 Photon", one))
    print(row("3 Photons at once", three))
    ratio = statistics.median(three) / statistics.median(one)
    print(
        f"  3 at once take {ratio:.2f}x the time of 1 "
        f"({statistics.median(three) / 3:.2f} s a Photon against {statistics.median(one):.2f} s)"
    )


if __name__ == "__main__":
    asyncio.run(main())
