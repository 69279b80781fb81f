"""What the soak found, each pinned down on its own: a Photon that loses power in the middle
of its scan, a Photon swapped for another on the same USB port, a log scrubber that grew
with every device of a bench session, and a simulated Photon that kept a port open."""

from __future__ import annotations

import asyncio
import random
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from soak_levels import open_files
from soak_run import set_up_over_usb
from soak_world import HOME, PHOTON_TIMEOUT, SoakWorld, soak_world

from setup_wizard import redact
from setup_wizard.device.usb import UsbPort
from setup_wizard.flow import UsbConnector, UsbSettings
from setup_wizard.flow.bench import Job
from setup_wizard.flow.ledger import Outcome
from setup_wizard.headless.devices import DeviceOptions, DeviceResult, DeviceRun
from setup_wizard.secret import Password, Token
from setup_wizard.sim.photon import PTY_AVAILABLE
from setup_wizard.sim.photon.connections import SetupServer
from setup_wizard.sim.simulation import Simulation


@pytest.fixture(autouse=True)
def _scrubber_emptied() -> Iterator[None]:
    yield
    redact.forget_all()


def _devices(world: SoakWorld) -> DeviceRun:
    options = DeviceOptions(security=None, take_over=True, photon_timeout=PHOTON_TIMEOUT)
    return DeviceRun(world.bench, options, world.credentials, world.terminal, world.progress)


async def test_a_photon_that_loses_power_during_its_scan_is_unreachable_not_blind(
    tmp_path: Path,
) -> None:
    """It streams its scan as it finds networks: the start of the list, then nothing. That
    is a Photon gone, not a Photon that sees no Wi-Fi (which sends the person off to move it
    closer to the router)."""
    async with soak_world(tmp_path, seed=7) as world:
        photon = await world.bring_photon(random.Random(7), usb=False)
        power_off: set[asyncio.Task[None]] = set()

        def arrived(command: str) -> None:
            if command == "scan-ap" and not power_off:
                world.computer.take_away(photon)
                power_off.add(asyncio.create_task(photon.stop()))

        photon.live.on_command = arrived
        result = await _devices(world).set_up(Job("scan.cut@example.com", HOME))
        await asyncio.wait(power_off)
    assert power_off, "the Photon was asked for its scan"
    assert result.outcome is Outcome.FAILED
    assert result.error is not None
    assert "does not see" not in result.error
    assert "reach the Photon" in result.error


@pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")
async def test_a_photon_swapped_for_another_on_the_same_usb_port_is_listed_as_the_new_one(
    tmp_path: Path,
) -> None:
    """A computer gives the next Photon plugged in the port the last one had (ttyACM0):
    the list must show the Photon on the cable now, not the one that was there."""
    sim = await Simulation.start(devices=2, speed=100, seed=3, usb=True)
    try:
        first, second = sim.photons
        port = tmp_path / "ttyACM0"  # the computer's name for whichever Photon is plugged in
        plugged = first

        def ports() -> list[UsbPort]:
            return [UsbPort(str(port), "Photon", plugged.device_id.lower())]

        port.symlink_to(str(first.usb_port))
        usb = UsbConnector(None, UsbSettings(list_ports=ports))
        (found,) = await usb.find()
        assert first.device_id.lower() in found.label

        port.unlink()  # the first one is unplugged, the second one plugged in
        port.symlink_to(str(second.usb_port))
        plugged = second
        (found,) = await usb.find()
        assert second.device_id.lower() in found.label
    finally:
        await sim.stop()


@pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")
async def test_a_finished_device_s_token_and_claim_code_leave_the_log_scrubber(
    tmp_path: Path,
) -> None:
    """Every log line is matched against every secret remembered: a bench session must not
    add each device's customer token and claim code to them for good. The session's own
    secrets (the staff member's password) and those of the device in progress stay."""
    async with soak_world(tmp_path, seed=8) as world:
        devices = _devices(world)
        rng = random.Random(8)
        done: list[DeviceResult] = []
        earlier: list[str] = []
        for index in range(2):
            photon = await world.bring_photon(rng, usb=False)
            done.append(await devices.set_up(Job(f"forget.{index}@example.com", HOME)))
            earlier += _device_secrets(world)
            await world.take_away(photon)
        # One more on a cable, whose claim code the cloud would not give (no ledger row).
        photon = await world.bring_photon(rng, usb=True)
        world.sim.cloud.inject_failure("POST", "/v1/products/*/device_claims", status=503)
        options = DeviceOptions(security=None, take_over=True, photon_timeout=PHOTON_TIMEOUT)
        unclaimed = Job("forget.unclaimed@example.com", HOME)
        done.append(await set_up_over_usb(world, options, unclaimed, photon))
        await world.take_away(photon)
        earlier += _tokens_of(world, unclaimed.customer)
        await world.bench.start(Job("forget.now@example.com", HOME))  # the device in progress
        current = _device_secrets(world)
        scrubbed_now = [redact.scrub_remembered(secret) for secret in current]
        world.bench.finish(Outcome.CANCELLED, "the test ends here")
        staff_password = world.sim.cloud.developer.password
    assert [r.outcome for r in done] == [Outcome.ONLINE, Outcome.ONLINE, Outcome.FAILED]
    assert scrubbed_now == [redact.REDACTED] * len(current)
    assert redact.scrub_remembered(staff_password) == redact.REDACTED
    assert [redact.scrub_remembered(secret) for secret in earlier] == earlier


def _tokens_of(world: SoakWorld, customer: str) -> list[str]:
    """The access tokens the simulated cloud gave ``customer`` (read from its store)."""
    tokens = world.sim.cloud._store.access_tokens.values()
    found = [t.value for t in tokens if t.account.username == customer]
    assert found, f"the cloud gave {customer} no token"
    return found


def _device_secrets(world: SoakWorld) -> list[str]:
    """The customer's token and the claim code of the bench's device."""
    state = world.flow.state
    assert state.account is not None
    assert state.claim is not None
    return [state.account.grant.access_token.reveal(), state.claim.claim_code.reveal()]


def test_scrubbing_with_secrets_that_come_and_go_keeps_memory_flat() -> None:
    """Each new set of secrets compiles a pattern; ``re`` kept the last 512 of them (each
    as large as the set), so a long session's memory grew with every device."""
    redact.remember(Password("the staff member's own password"))
    grown: list[int] = []
    tracemalloc.start()
    try:
        for device in range(1, 301):
            token = Token(f"customer-token-{device:06d}-for-one-device-only")
            redact.remember(token)
            redact.scrub_remembered(f"a log line that mentions device {device}")
            redact.forget(token)
            redact.scrub_remembered("a log line after the device")
            if device in (150, 300):
                grown.append(tracemalloc.get_traced_memory()[0])
    finally:
        tracemalloc.stop()
    assert grown[1] - grown[0] < 64 * 1024, f"{(grown[1] - grown[0]) // 1024} KiB more"


async def test_a_simulated_photon_stopped_as_it_opens_listening_mode_leaves_no_port_open() -> None:
    """Powered off in the loop turn its setup server starts serving (the soak's Photons
    lose power at any moment): that server must close with the rest, not listen for good."""
    before = open_files()
    server = SetupServer(host="127.0.0.1", port=0, max_clients=5, stream_limit=4096)
    starting = asyncio.create_task(server.start())
    # One loop turn at a time until it has bound its port: the moment to cut the power is
    # between two turns, which nothing announces.
    while open_files() == before and not starting.done():  # noqa: ASYNC110
        await asyncio.sleep(0)
    starting.cancel()
    await asyncio.wait({starting})
    await server.stop()
    assert open_files() == before
