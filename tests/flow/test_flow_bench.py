"""Staff mode headless: a support person with two-step verification sets up Photons for
several customers in a row, from a work list, recorded in the ledger; a crash is resumed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pyotp
import pytest
from flow_world import HOME, HOME_PASSWORD, FlowWorld, flow_world

from setup_wizard.cloud import DeviceQuarantined, MfaCodeWrong
from setup_wizard.flow import MemoryTokenStore, WifiChoice
from setup_wizard.flow.bench import Bench, Job, WifiPasswords
from setup_wizard.flow.ledger import Ledger, Outcome, ResumeAt
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.flow.staff import StaffSession
from setup_wizard.flow.worklist import parse_work_list
from setup_wizard.secret import ClientSecret, Password, WifiPassword
from setup_wizard.sim.photon import SimulatedPhoton
from setup_wizard.sim.simulation import Simulation


@dataclass
class BenchWorld:
    world: FlowWorld
    bench: Bench
    ledger: Ledger
    secrets: MemorySecretStore[ClientSecret]
    path: Path

    @property
    def sim(self) -> Simulation:
        return self.world.sim

    def code(self) -> str:
        secret = self.sim.cloud.developer.mfa_otp_secret
        assert secret is not None
        return str(pyotp.TOTP(secret).at(self.sim.clock.now()))

    def restart(self) -> Bench:
        """The app started again on the same computer: same ledger, keyring and journal."""
        ledger = Ledger(self.path)
        staff = StaffSession(
            self.world.flow.services.cloud, tokens=MemoryTokenStore(), secrets=self.secrets
        )
        return Bench(staff, self.world.new_flow(), ledger)


async def make_bench_world(
    tmp_path: Path, *, devices: int = 2, quarantine: bool = False
) -> AsyncIterator[BenchWorld]:
    sim = await Simulation.start(
        devices=devices, speed=200, seed=51, mfa=True, quarantine=quarantine
    )
    async with flow_world(tmp_path, sim=sim) as world:
        path = tmp_path / "data" / "ledger.sqlite3"
        ledger = Ledger(path)
        secrets: MemorySecretStore[ClientSecret] = MemorySecretStore()
        staff = StaffSession(world.flow.services.cloud, tokens=MemoryTokenStore(), secrets=secrets)
        bench = Bench(staff, world.flow, ledger)
        yield BenchWorld(world, bench, ledger, secrets, path)
        ledger.close()


@pytest.fixture
async def bench_world(tmp_path: Path) -> AsyncIterator[BenchWorld]:
    async for world in make_bench_world(tmp_path):
        yield world


async def sign_in_and_choose(w: BenchWorld, bench: Bench | None = None) -> None:
    bench = bench or w.bench
    developer = w.sim.cloud.developer
    needs_code = await bench.staff.sign_in(
        developer.username, Password(developer.password), keep=False
    )
    assert needs_code is None, "two-step verification is on"
    await bench.staff.verify(w.code())
    products = await bench.staff.products()
    bench.staff.choose_product(next(p for p in products if p.id == w.sim.cloud.product.id))
    options = await bench.staff.clients()
    kept = [o for o in options if o.secret_kept]
    if kept:
        await bench.staff.choose_client(kept[0].client.id)
    else:
        await bench.staff.create_client("Bench station")


async def set_up(bench: Bench, photon: SimulatedPhoton, password: str = HOME_PASSWORD) -> None:
    flow = bench.flow
    await flow.connect_photon(photon.ssid)
    home = next(n for n in flow.state.networks if n.ssid == HOME)
    flow.choose_network(WifiChoice.scanned(home))
    await flow.send(WifiPassword(password))
    await flow.wait_for_cloud()


async def test_two_devices_for_two_customers_in_a_row_are_recorded_step_by_step(
    bench_world: BenchWorld,
) -> None:
    w = bench_world
    await sign_in_and_choose(w)
    assert w.secrets.kept, "the new client's secret went to the keyring"

    # An existing customer gets a customer-scoped token; a new one is created.
    await w.world.new_flow().sign_in("existing@example.com", Password("theirs-123"), keep=False)
    customers = ["existing@example.com", "brand.new@example.com"]
    for customer, photon, name in zip(customers, w.sim.photons, ["hall", "porch"], strict=True):
        account = await w.bench.start(Job(customer, HOME, name))
        assert account.created is (customer == "brand.new@example.com")
        await set_up(w.bench, photon)
        await w.bench.flow.name_device(name)
        w.bench.finish(Outcome.ONLINE)

    rows = w.ledger.setups()
    assert [(r.customer, r.device_name, r.outcome) for r in rows] == [
        ("existing@example.com", "hall", Outcome.ONLINE),
        ("brand.new@example.com", "porch", Outcome.ONLINE),
    ]
    for row, photon in zip(rows, w.sim.photons, strict=True):
        assert row.device_id == photon.device_id.lower()
        assert row.ssid == HOME
        assert row.operator == w.sim.cloud.developer.username
        steps = w.ledger.steps(row.id)
        assert [s.stage for s in steps if s.status == "done"][-3:] == [
            "internet",
            "cloud-online",
            "name",
        ]
        assert all(s.seconds is not None for s in steps)
        owner = w.sim.cloud.customer(row.customer)
        assert owner is not None
        assert row.device_id in owner.device_ids, "claimed for the customer, not for staff"
    report = w.ledger.handover_report("brand.new@example.com")
    assert "porch" in report
    assert "1 of 1 online" in report


async def test_a_wrong_verification_code_says_so_and_the_right_one_then_works(
    bench_world: BenchWorld,
) -> None:
    w = bench_world
    developer = w.sim.cloud.developer
    await w.bench.staff.sign_in(developer.username, Password(developer.password), keep=False)
    wrong = "000000" if w.code() != "000000" else "111111"
    with pytest.raises(MfaCodeWrong) as refused:
        await w.bench.staff.verify(wrong)
    assert "code" in refused.value.message
    assert w.bench.staff.waiting_for_code, "the person can type it again"
    staff = await w.bench.staff.verify(w.code())
    assert staff.username == developer.username


async def test_a_wrong_wifi_password_on_the_second_device_is_fixed_and_recorded(
    tmp_path: Path,
) -> None:
    async for w in make_bench_world(tmp_path):
        await sign_in_and_choose(w)
        await w.bench.start(Job("one@example.com", HOME))
        await set_up(w.bench, w.sim.photons[0])
        w.bench.finish(Outcome.ONLINE)
        await w.bench.start(Job("two@example.com", HOME))
        with pytest.raises(Exception, match="password was probably wrong"):
            await set_up(w.bench, w.sim.photons[1], password="not the password")
        await w.bench.flow.retry_wifi()
        home = next(n for n in w.bench.flow.state.networks if n.ssid == HOME)
        w.bench.flow.choose_network(WifiChoice.scanned(home))
        await w.bench.flow.send(WifiPassword(HOME_PASSWORD))
        await w.bench.flow.wait_for_cloud()
        w.bench.finish(Outcome.ONLINE)
        second = w.ledger.setups()[1]
        statuses = [(s.stage, s.status) for s in w.ledger.steps(second.id)]
        assert ("photon-leaves", "done") in statuses
        assert statuses[-1] == ("cloud-online", "done")
        assert second.outcome is Outcome.ONLINE


async def test_a_crash_after_connect_is_resumed_at_the_wait_for_the_cloud(
    bench_world: BenchWorld,
) -> None:
    w = bench_world
    await sign_in_and_choose(w)
    await w.bench.start(Job("resumed@example.com", HOME, "garage"))
    photon = w.sim.photons[0]
    await w.bench.flow.connect_photon(photon.ssid)
    home = next(n for n in w.bench.flow.state.networks if n.ssid == HOME)
    w.bench.flow.choose_network(WifiChoice.scanned(home))
    await w.bench.flow.send(WifiPassword(HOME_PASSWORD))
    # The app dies here: the Photon was told to connect, nobody waited for it.

    again = w.restart()
    unfinished = again.ledger.unfinished()
    assert unfinished is not None
    assert unfinished.customer == "resumed@example.com"
    assert unfinished.resume_at is ResumeAt.CLOUD
    steps_before = len(again.ledger.steps(unfinished.id))
    await sign_in_and_choose(w, again)
    assert await again.resume(unfinished) is ResumeAt.CLOUD
    await again.flow.wait_for_cloud()
    await again.flow.name_device("garage")
    again.finish(Outcome.ONLINE)
    row = again.ledger.setup(unfinished.id)
    assert row.outcome is Outcome.ONLINE
    assert row.device_name == "garage"
    assert len(again.ledger.steps(row.id)) > steps_before, "earlier steps were kept"
    assert again.ledger.unfinished() is None
    again.ledger.close()


async def test_a_work_list_of_three_rows_is_worked_through_in_order(tmp_path: Path) -> None:
    async for w in make_bench_world(tmp_path, devices=3):
        await sign_in_and_choose(w)
        items = parse_work_list(
            "customer_email,device_name,wifi_ssid\n"
            f"a@example.com,kitchen,{HOME}\n"
            f"b@example.com,,{HOME}\n"
            f"c@example.com,attic,{HOME}\n"
        )
        w.bench.load_work(items, tmp_path / "work.csv")
        for photon in w.sim.photons:
            job = w.bench.next_job()
            assert job is not None
            await w.bench.start(job)
            await set_up(w.bench, photon)
            await w.bench.flow.name_device(job.device_name or w.bench.flow.suggested_name())
            w.bench.finish(Outcome.ONLINE)
        assert w.bench.next_job() is None
        assert [r.customer for r in w.ledger.setups()] == [
            "a@example.com",
            "b@example.com",
            "c@example.com",
        ]


async def test_a_quarantined_device_is_reported_as_such_in_staff_mode(tmp_path: Path) -> None:
    async for w in make_bench_world(tmp_path, devices=1, quarantine=True):
        await sign_in_and_choose(w)
        await w.bench.start(Job("q@example.com", HOME))
        with pytest.raises(DeviceQuarantined) as held:
            await set_up(w.bench, w.sim.photons[0])
        assert "quarantine" in held.value.message
        w.bench.finish(Outcome.FAILED, held.value.message)
        row = w.ledger.setups()[0]
        assert row.outcome is Outcome.FAILED
        assert row.error is not None
        assert "quarantine" in row.error


async def test_a_wifi_password_kept_in_the_keyring_is_found_by_the_next_session() -> None:
    keyring: MemorySecretStore[WifiPassword] = MemorySecretStore()
    await WifiPasswords(keyring).put(HOME, WifiPassword(HOME_PASSWORD), keep=True)
    await WifiPasswords(keyring).put("Guest", WifiPassword("guest-only"))
    later = WifiPasswords(keyring)
    assert await later.get(HOME) == WifiPassword(HOME_PASSWORD)
    assert await later.get("Guest") is None, "kept in memory only, as asked"
