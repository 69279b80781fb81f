"""Setting a Photon up over its USB cable, headless, against the simulated console.

Every journey here also checks that the computer never joined a network: over a cable it
stays on its own Wi-Fi from the first step to the last.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from flow_world import HOME, HOME_PASSWORD, FlowWorld, flow_world
from photon_logs import photon_logs

from setup_wizard.device import DeviceUnreachableError, InvalidSetupInputError, Security
from setup_wizard.flow import (
    LinkKind,
    Onboarding,
    Ownership,
    Stage,
    StageStatus,
    WifiChoice,
    WrongWifiPassword,
)
from setup_wizard.network.backend import RestorePoint
from setup_wizard.secret import Password, WifiPassword
from setup_wizard.sim.photon import PTY_AVAILABLE, PhotonFaults, PhotonState, SimulatedPhoton
from setup_wizard.sim.photon.security import SecurityType
from setup_wizard.sim.simulation import Simulation
from setup_wizard.sim.wifi import AES_ENABLED, WPA2_SECURITY

pytestmark = pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")

EMAIL = "ada.lovelace@example.com"
PASSWORD = Password("analytical-engine-1843")
HIDDEN, HIDDEN_PASSWORD = "Garage", "garagedoor1"  # WifiEnvironment.home()'s hidden network
SCAN_HANGS = "the scan hangs"  # what the simulated console logs when its scan never returns


@asynccontextmanager
async def usb_world(
    tmp_path: Path, faults: PhotonFaults | None = None, speed: float = 200
) -> AsyncIterator[FlowWorld]:
    """One Photon plugged in by USB (with ``faults``, if given), the flow signed in on the
    USB link, and every join of the computer's Wi-Fi checked to be none at the end."""
    sim = await Simulation.start(devices=0 if faults else 1, speed=speed, seed=5, usb=True)
    if faults is not None:
        photon = SimulatedPhoton(
            clock=sim.clock, wifi=sim.wifi, link=sim.cloud, faults=faults, seed=6
        )
        sim.photons.append(photon)
        photon.plug_usb()
        await photon.start()
    async with flow_world(tmp_path, sim=sim) as world:
        joins = record_joins(world)
        await world.flow.sign_in(EMAIL, PASSWORD, keep=False)
        world.flow.use_link(LinkKind.USB)
        yield world
        assert joins == [], "the computer joined a network during a USB setup"
        assert world.backend.current_ssid == HOME


def record_joins(world: FlowWorld) -> list[str]:
    """Every network the computer is told to join from now on (it still joins it)."""
    joined: list[str] = []
    backend = world.backend
    join = backend.join

    async def recording(point: RestorePoint) -> None:
        joined.append(point.photon_ssid)
        await join(point)

    backend.join = recording  # type: ignore[method-assign]
    return joined


async def connect_to_the_plugged_in_photon(flow: Onboarding) -> None:
    (found,) = await flow.find_photons()
    await flow.connect_photon(found.target)


def choose_home(flow: Onboarding) -> None:
    home = next(n for n in flow.state.networks if n.ssid == HOME)
    flow.choose_network(WifiChoice.scanned(home))


async def test_a_photon_on_a_cable_is_set_up_while_the_computer_stays_on_its_wifi(
    tmp_path: Path,
) -> None:
    async with usb_world(tmp_path) as world:
        flow = world.flow
        found = await flow.find_photons()
        photon = world.sim.photons[0]
        assert [(f.target, f.label) for f in found] == [
            (photon.usb_port, f"Photon {photon.device_id.lower()}")
        ]
        await flow.connect_photon(found[0].target)
        assert flow.state.ownership is Ownership.UNCLAIMED
        assert flow.state.home_network == HOME
        names = [n.ssid for n in flow.state.networks]
        assert HOME in names
        assert not any(name.startswith("Photon-") for name in names)
        choose_home(flow)
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()
        assert flow.state.cloud_device is not None
        assert flow.state.cloud_device.online
        skipped = {r.stage for r in flow.timeline if r.status is StageStatus.SKIPPED}
        assert {Stage.RESTORE_WIFI, Stage.INTERNET} <= skipped


async def test_a_hidden_network_typed_by_name_gets_its_security_and_cipher_and_joins(
    tmp_path: Path,
) -> None:
    async with usb_world(tmp_path) as world:
        flow = world.flow
        await connect_to_the_plugged_in_photon(flow)
        assert HIDDEN not in [n.ssid for n in flow.state.networks], "the computer cannot see it"
        flow.choose_network(WifiChoice.typed(HIDDEN, Security.WPA2_AES_PSK))
        await flow.send(WifiPassword(HIDDEN_PASSWORD))
        await flow.wait_for_cloud()

        photon = world.sim.photons[0]
        assert photon.state is PhotonState.ONLINE
        assert photon.joined_network is not None
        assert photon.joined_network.ssid == HIDDEN
        (stored,) = photon.credentials
        # The device could not take these from its scan: they are the answers to its prompts.
        assert stored.sec is SecurityType.WPA2
        assert stored.security == WPA2_SECURITY | AES_ENABLED  # cipher 1 = AES


@pytest.mark.parametrize(
    ("choice", "password", "said"),
    [
        (
            WifiChoice.typed(HIDDEN, Security.WEP_PSK),
            WifiPassword("0123456789"),
            "WEP network cannot be set up over the USB cable",
        ),
        (
            WifiChoice.typed(HOME, Security.WPA2_MIXED_PSK),
            WifiPassword("correct\x7fhorse battery"),  # the console's line reader deletes
            "contains a control character",
        ),
        (
            WifiChoice.typed("Home\rNetwork", Security.WPA2_MIXED_PSK),  # ends the line
            WifiPassword(HOME_PASSWORD),
            "cannot be sent to the Photon over a USB cable (a carriage return)",
        ),
    ],
    ids=["wep", "password-delete", "name-carriage-return"],
)
async def test_a_password_the_cable_cannot_carry_is_refused_before_anything_is_sent(
    tmp_path: Path, choice: WifiChoice, password: WifiPassword, said: str
) -> None:
    async with usb_world(tmp_path) as world:
        flow = world.flow
        await connect_to_the_plugged_in_photon(flow)
        flow.choose_network(choice)
        problem = flow.password_problem(password)
        assert problem is not None
        assert said in problem, "the password page says why before the person sends"
        with pytest.raises(InvalidSetupInputError) as refused:
            await flow.send(password)
        assert said in refused.value.message

        photon = world.sim.photons[0]
        assert photon.state is PhotonState.LISTENING
        assert photon.credentials == [], "no `w` dialogue reached the Photon"
        assert photon.claim_code is None, "not even the claim code was sent"
        assert not any(r.stage is Stage.SEND_WIFI for r in flow.timeline)
        assert flow.on_device_link, "still on the cable: the person corrects the password"

        choose_home(flow)
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()


async def test_a_wrong_wifi_password_is_seen_on_the_cable_and_a_retry_brings_it_online(
    tmp_path: Path,
) -> None:
    async with usb_world(tmp_path) as world:
        flow = world.flow
        photon = world.sim.photons[0]
        await connect_to_the_plugged_in_photon(flow)
        choose_home(flow)
        await flow.send(WifiPassword("definitely not it"))

        with pytest.raises(WrongWifiPassword) as wrong:
            await flow.wait_for_cloud()
        assert HOME in wrong.value.message
        assert photon.state is PhotonState.LISTENING, "back in listening mode"
        assert photon.usb_port == flow.state.target, "on the same port, the cable still in"
        assert not photon.claimed

        await flow.retry_wifi()
        assert flow.state.wrong_password_for == HOME, "the network list says why"
        assert flow.state.password is None, "the wrong password is not offered again"
        choose_home(flow)
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()
        assert photon.state is PhotonState.ONLINE
        assert photon.joined_network is not None
        assert photon.joined_network.ssid == HOME


async def test_unplugged_in_the_middle_says_to_plug_it_in_again_and_lets_go_of_the_port(
    tmp_path: Path,
) -> None:
    async with usb_world(tmp_path, PhotonFaults(console_scan_hangs=True)) as world:
        flow = world.flow
        photon = world.sim.photons[0]
        await connect_to_the_plugged_in_photon(flow)
        choose_home(flow)
        with photon_logs(SCAN_HANGS) as scanning:
            sending = asyncio.ensure_future(flow.send(WifiPassword(HOME_PASSWORD)))
            await scanning.wait()  # the Photon has the network's name and is scanning
            photon.unplug_usb()
            with pytest.raises(DeviceUnreachableError) as lost:
                await sending

        message = lost.value.message
        assert "USB connection was lost" in message
        assert "plug it in again" in message, "it says what to do"
        assert not flow.on_device_link, "the port is let go: plugged in again, it is found"
        failed = [r for r in flow.timeline if r.status is StageStatus.FAILED]
        assert [r.stage for r in failed] == [Stage.SEND_WIFI]
        assert failed[0].note == message

        photon.reset()
        await photon.wait_for_state(PhotonState.LISTENING)
        photon.plug_usb()
        assert [f.target for f in await flow.find_photons()] == [photon.usb_port]
