"""A bench setting up several Photons on USB cables at the same time, headless, against the
simulated consoles: one ledger row and one progress per Photon, failures kept to their own
Photon, the Wi-Fi passwords settled before the start, and Cancel for all."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from flow_world import HOME, HOME_PASSWORD, flow_world
from test_flow_bench import BenchWorld, sign_in_and_choose

from setup_wizard.flow import (
    FlowError,
    FoundDevice,
    LinkKind,
    MemoryTokenStore,
    NotReady,
    Page,
    Stage,
)
from setup_wizard.flow.batch import BatchDevice, UsbBatch
from setup_wizard.flow.bench import Bench, Job
from setup_wizard.flow.ledger import Ledger, Outcome
from setup_wizard.flow.pages import BenchRoute
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.flow.staff import StaffSession
from setup_wizard.secret import ClientSecret, WifiPassword
from setup_wizard.sim.photon import PTY_AVAILABLE
from setup_wizard.sim.simulation import Simulation

needs_pty = pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")

CUSTOMERS = ["ada@example.com", "grace@example.com", "hedy@example.com"]
NEIGHBOUR = "Miller Family"
"""A second network the bench computer sees (its real password is "millers2019")."""


@pytest.fixture
async def bench_world(tmp_path: Path) -> AsyncIterator[BenchWorld]:
    """Three Photons in listening mode on USB cables, and a staff member signed in."""
    sim = await Simulation.start(devices=3, speed=200, seed=71, mfa=True, usb=True)
    async with flow_world(tmp_path, sim=sim) as world:
        path = tmp_path / "data" / "ledger.sqlite3"
        ledger = Ledger(path)
        secrets: MemorySecretStore[ClientSecret] = MemorySecretStore()
        staff = StaffSession(world.flow.services.cloud, tokens=MemoryTokenStore(), secrets=secrets)
        w = BenchWorld(world, Bench(staff, world.flow, ledger), ledger, secrets, path)
        await sign_in_and_choose(w)
        yield w
        ledger.close()


class Progress:
    """What each Photon's row would show, as the batch reports it."""

    def __init__(self) -> None:
        self.stages: dict[str, list[Stage]] = {}

    def __call__(self, device: BatchDevice) -> None:
        seen = self.stages.setdefault(device.port, [])
        if device.stage is not None and (not seen or seen[-1] is not device.stage):
            seen.append(device.stage)


async def plugged_in(w: BenchWorld) -> list[FoundDevice]:
    """The Photons on cables, in the simulation's order."""
    found = await w.bench.flow.find_photons(LinkKind.USB)
    order = [photon.usb_port for photon in w.sim.photons]
    return sorted(found, key=lambda f: order.index(f.target))


@needs_pty
async def test_three_photons_on_cables_are_set_up_at_once_for_three_customers(
    bench_world: BenchWorld,
) -> None:
    w = bench_world
    progress = Progress()
    batch = UsbBatch(w.bench, on_change=progress)
    await batch.look_around()
    assert batch.needs_password(HOME)
    assert await batch.missing_passwords([HOME, HOME]) == [HOME], "asked once per network"
    await w.bench.wifi_passwords.put(HOME, WifiPassword(HOME_PASSWORD))
    assert await batch.missing_passwords([HOME]) == []

    found = await plugged_in(w)
    assert len(found) == 3
    ended = await batch.run(
        [(f, Job(customer, HOME)) for f, customer in zip(found, CUSTOMERS, strict=True)]
    )

    assert [d.outcome for d in ended] == [Outcome.ONLINE] * 3
    photons = w.sim.photons
    rows = w.ledger.setups()
    assert sorted((r.customer, r.device_id, r.outcome) for r in rows) == sorted(
        (customer, photon.device_id.lower(), Outcome.ONLINE)
        for customer, photon in zip(CUSTOMERS, photons, strict=True)
    )
    for device, customer, photon in zip(ended, CUSTOMERS, photons, strict=True):
        assert device.device_id == photon.device_id.lower()
        owner = w.sim.cloud.customer(customer)
        assert owner is not None
        assert device.device_id in owner.device_ids, "claimed for its own customer"
        row = w.ledger.setup(device.ledger_id or 0)
        assert row.customer == customer
        assert row.device_name == device.device_name
        assert row.device_name
        steps = [(s.stage, s.status) for s in w.ledger.steps(row.id)]
        for stage in ("read-device", "send-claim-code", "send-wifi", "cloud-online", "name"):
            assert (stage, "done") in steps, f"{stage} recorded for {customer}"
        shown = progress.stages[device.port]
        assert shown.index(Stage.READ_DEVICE) < shown.index(Stage.SEND_WIFI)
        assert shown.index(Stage.SEND_WIFI) < shown.index(Stage.CLOUD_ONLINE)
    assert w.world.backend.current_ssid == HOME, "the computer stayed on its own network"


@needs_pty
async def test_all_photons_for_one_new_customer_end_on_that_customers_account(
    bench_world: BenchWorld,
) -> None:
    w = bench_world
    await w.bench.wifi_passwords.put(HOME, WifiPassword(HOME_PASSWORD))
    batch = UsbBatch(w.bench)
    found = await plugged_in(w)
    ended = await batch.run([(f, Job("one.customer@example.com", HOME)) for f in found])

    assert [d.outcome for d in ended] == [Outcome.ONLINE] * 3
    owner = w.sim.cloud.customer("one.customer@example.com")
    assert owner is not None
    assert set(owner.device_ids) == {p.device_id.lower() for p in w.sim.photons}
    rows = w.ledger.setups(customer="one.customer@example.com")
    assert len(rows) == 3
    assert len({r.device_id for r in rows}) == 3


@needs_pty
async def test_an_unplugged_photon_and_a_wrong_password_stop_only_their_own_setups(
    bench_world: BenchWorld,
) -> None:
    w = bench_world
    unplugged, wrong, fine = w.sim.photons
    await w.bench.wifi_passwords.put(HOME, WifiPassword(HOME_PASSWORD))
    await w.bench.wifi_passwords.put(NEIGHBOUR, WifiPassword("not-the-millers"))

    def pull_the_cable(device: BatchDevice) -> None:
        if device.port == unplugged.usb_port and device.stage is Stage.SEND_WIFI:
            unplugged.unplug_usb()

    batch = UsbBatch(w.bench, on_change=pull_the_cable)
    found = await plugged_in(w)
    networks = [HOME, NEIGHBOUR, HOME]
    ended = await batch.run(
        [
            (f, Job(customer, ssid))
            for f, customer, ssid in zip(found, CUSTOMERS, networks, strict=True)
        ]
    )
    by_customer = {d.job.customer: d for d in ended}

    lost = by_customer[CUSTOMERS[0]]
    assert lost.outcome is Outcome.FAILED
    assert lost.stopped_at is Stage.SEND_WIFI
    assert lost.error is not None
    assert "USB connection was lost" in lost.error
    row = w.ledger.setup(lost.ledger_id or 0)
    assert row.outcome is Outcome.FAILED
    assert row.device_id == unplugged.device_id.lower()
    assert row.error == lost.error
    steps = [(s.stage, s.status) for s in w.ledger.steps(row.id)]
    assert steps[-1] == ("send-wifi", "failed"), "the ledger says where it stopped"

    refused = by_customer[CUSTOMERS[1]]
    assert refused.outcome is Outcome.FAILED
    assert refused.error is not None
    assert f"could not join “{NEIGHBOUR}”" in refused.error
    assert refused.device_id == wrong.device_id.lower()
    assert w.ledger.setup(refused.ledger_id or 0).outcome is Outcome.FAILED

    online = by_customer[CUSTOMERS[2]]
    assert online.outcome is Outcome.ONLINE
    owner = w.sim.cloud.customer(CUSTOMERS[2])
    assert owner is not None
    assert fine.device_id.lower() in owner.device_ids
    assert len(w.ledger.setups()) == 3


@needs_pty
async def test_nothing_starts_until_every_network_has_its_password(
    bench_world: BenchWorld,
) -> None:
    w = bench_world
    batch = UsbBatch(w.bench)
    found = await plugged_in(w)
    work = [(f, Job(c, HOME)) for f, c in zip(found, CUSTOMERS, strict=True)]

    with pytest.raises(NotReady, match=f"password of “{HOME}”"):
        await batch.run(work)
    await w.bench.wifi_passwords.put(HOME, WifiPassword("short"))
    with pytest.raises(FlowError, match="at least 8 characters"):
        await batch.run(work)

    assert w.ledger.setups() == [], "no row opened"
    assert all(photon.claim_code is None for photon in w.sim.photons), "nothing was sent"
    assert len(await plugged_in(w)) == 3, "every Photon still waits in listening mode"


@needs_pty
async def test_cancel_stops_every_photon_and_records_each_as_cancelled(
    bench_world: BenchWorld,
) -> None:
    w = bench_world
    await w.bench.wifi_passwords.put(HOME, WifiPassword(HOME_PASSWORD))
    reading: set[str] = set()
    all_reading = asyncio.Event()

    def watch(device: BatchDevice) -> None:
        if device.stage is Stage.READ_DEVICE:
            reading.add(device.port)
            if len(reading) == 3:
                all_reading.set()

    batch = UsbBatch(w.bench, on_change=watch)
    found = await plugged_in(w)
    running = asyncio.ensure_future(
        batch.run([(f, Job(c, HOME)) for f, c in zip(found, CUSTOMERS, strict=True)])
    )
    await all_reading.wait()
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running

    assert [d.outcome for d in batch.devices] == [Outcome.CANCELLED] * 3
    rows = w.ledger.setups()
    assert [r.outcome for r in rows] == [Outcome.CANCELLED] * 3
    for device in batch.devices:
        assert device.stopped_at is not None
        steps = [(s.stage, s.status) for s in w.ledger.steps(device.ledger_id or 0)]
        assert (device.stopped_at.value, "cancelled") in steps


def test_the_usb_bench_follows_the_customer_page_when_chosen_and_ends_the_route() -> None:
    def device_pages(page: Page) -> Page | None:
        return Page(page + 1)

    assert BenchRoute().next_page(Page.CUSTOMER, device_pages) is Page.LISTENING
    chosen = BenchRoute(usb_bench=True)
    assert chosen.next_page(Page.CUSTOMER, device_pages) is Page.USB_BENCH
    assert chosen.next_page(Page.USB_BENCH, device_pages) is None
