"""The onboarding flow, headless, against the simulated cloud, Photon and Wi-Fi."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from flow_world import FAST_FLOW, HOME, HOME_PASSWORD, FlowWorld, flow_world

from setup_wizard.cloud import SignInFailed
from setup_wizard.device import DeviceRejectedError, Security
from setup_wizard.flow import (
    CloudNeverSawDevice,
    FlowError,
    NotReady,
    Ownership,
    Page,
    Stage,
    StageChanged,
    StageHelp,
    StageStatus,
    WifiChoice,
    WrongWifiPassword,
    page_to_fix,
)
from setup_wizard.secret import Password, WifiPassword
from setup_wizard.sim.link import CloudLink, Handshake, NoCloud
from setup_wizard.sim.photon import PhotonState, SimulatedPhoton
from setup_wizard.sim.simulation import Simulation
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

EMAIL = "Grace.Hopper@Example.com"
PASSWORD = Password("cobol-forever-1959")


async def connect_to_the_only_photon(world: FlowWorld) -> None:
    photons = await world.flow.find_photons()
    assert [p.target for p in photons] == [world.sim.photons[0].ssid]
    await world.flow.connect_photon(photons[0].target)


def choose_home(world: FlowWorld) -> None:
    home = next(n for n in world.flow.state.networks if n.ssid == HOME)
    world.flow.choose_network(WifiChoice.scanned(home))


def statuses(world: FlowWorld, stage: Stage) -> list[StageStatus]:
    return [r.status for r in world.flow.timeline if r.stage is stage]


async def test_a_new_customer_sets_up_a_photon_that_ends_online_named_and_theirs(
    tmp_path: Path,
) -> None:
    async with flow_world(tmp_path) as world:
        flow = world.flow
        account = await flow.sign_in(EMAIL, PASSWORD, keep=False)
        assert account.created
        assert account.email == EMAIL.lower()
        assert flow.state.claim is not None

        await connect_to_the_only_photon(world)
        assert world.backend.current_ssid == world.sim.photons[0].ssid
        assert flow.state.ownership is Ownership.UNCLAIMED
        names = [n.ssid for n in flow.state.networks]
        assert HOME in names
        assert "HomeNetwork-5G" not in names, "a Photon sees 2.4 GHz only"

        choose_home(world)
        assert flow.next_page(Page.CHOOSE_WIFI) is Page.PASSWORD
        assert flow.password_problem(WifiPassword("short")) is not None
        assert flow.password_problem(WifiPassword(HOME_PASSWORD)) is None

        await flow.send(WifiPassword(HOME_PASSWORD))
        assert not flow.on_device_link
        assert world.backend.current_ssid == HOME, "the computer is back on its own Wi-Fi"
        assert await world.journal.load() is None

        await flow.wait_for_cloud()
        device_id = flow.state.device_id
        assert device_id is not None
        owner = world.sim.cloud.customer(EMAIL.lower())
        assert owner is not None
        assert device_id in owner.device_ids
        assert flow.state.cloud_device is not None
        assert flow.state.cloud_device.online

        name = flow.suggested_name()
        assert flow.name_problem(name) is None
        await flow.name_device("kitchen_sensor")
        assert world.sim.cloud.device(device_id).name == "kitchen_sensor"

        done = [r.stage for r in flow.timeline if r.status is StageStatus.DONE]
        assert done == [
            Stage.SIGN_IN,
            Stage.CLAIM_CODE,
            Stage.JOIN_PHOTON,
            Stage.READ_DEVICE,
            Stage.SCAN,
            Stage.SEND_CLAIM_CODE,
            Stage.SEND_WIFI,
            Stage.CONNECT,
            Stage.RESTORE_WIFI,
            Stage.PHOTON_LEAVES,
            Stage.INTERNET,
            Stage.CLOUD_ONLINE,
            Stage.NAME,
        ]
        assert any(isinstance(e, StageChanged) for e in world.events)


async def test_an_existing_customer_is_signed_in_and_a_wrong_password_says_so(
    tmp_path: Path,
) -> None:
    async with flow_world(tmp_path) as world:
        await world.flow.sign_in(EMAIL, PASSWORD, keep=False)
        again = world.new_flow()
        with pytest.raises(SignInFailed) as wrong:
            await again.sign_in(EMAIL, Password("not-my-password"), keep=False)
        assert "password" in wrong.value.message
        account = await again.sign_in(EMAIL, PASSWORD, keep=False)
        assert not account.created


async def test_keep_me_signed_in_survives_a_restart_and_sign_out_forgets_it(
    tmp_path: Path,
) -> None:
    async with flow_world(tmp_path) as world:
        await world.flow.sign_in(EMAIL, PASSWORD, keep=True)
        later = world.new_flow()
        kept = await later.use_kept_sign_in()
        assert kept is not None
        assert kept.email == EMAIL.lower()
        assert (await later.prepare_claim()).claim_code

        await later.sign_out()
        assert await world.new_flow().use_kept_sign_in() is None


async def test_a_wrong_wifi_password_brings_the_person_back_to_choose_the_network(
    tmp_path: Path,
) -> None:
    async with flow_world(tmp_path, speed=50) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        await connect_to_the_only_photon(world)
        choose_home(world)
        await flow.send(WifiPassword("definitely not it"))

        with pytest.raises(WrongWifiPassword) as wrong:
            await flow.wait_for_cloud()
        assert page_to_fix(wrong.value) is Page.CHOOSE_WIFI
        assert HOME in wrong.value.message
        assert world.backend.current_ssid == HOME

        await flow.retry_wifi()
        assert flow.state.wrong_password_for == HOME, "the network list says why"
        preselected = flow.preselected()
        assert preselected is not None
        assert preselected.ssid == HOME
        assert flow.state.password is None, "the wrong password is not offered again"
        choose_home(world)
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()
        assert world.sim.photons[0].state is PhotonState.ONLINE


async def test_a_network_the_photon_cannot_see_is_refused_and_the_link_stays_open(
    tmp_path: Path,
) -> None:
    async with flow_world(tmp_path) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        await connect_to_the_only_photon(world)
        flow.choose_network(WifiChoice.typed("Neighbours Hidden", Security.WPA2_AES_PSK))
        with pytest.raises(DeviceRejectedError) as refused:
            await flow.send(WifiPassword("whatever-it-is"))
        assert page_to_fix(refused.value) is Page.CHOOSE_WIFI
        assert "cannot see" in refused.value.message
        assert flow.on_device_link, "still on the Photon: the person picks another network"

        choose_home(world)
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()


async def test_cancel_while_on_the_photon_gives_the_wifi_back_and_removes_the_journal(
    tmp_path: Path,
) -> None:
    async with flow_world(tmp_path) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        await connect_to_the_only_photon(world)
        assert await world.journal.load() is not None, "a crash now would be recoverable"

        await flow.close()
        assert world.backend.current_ssid == HOME
        assert await world.journal.load() is None
        assert statuses(world, Stage.RESTORE_WIFI) == [StageStatus.DONE]
        assert world.sim.photons[0].state is PhotonState.LISTENING


async def test_cancelling_the_join_half_way_still_gives_the_wifi_back(tmp_path: Path) -> None:
    async with flow_world(tmp_path) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        reading = asyncio.Event()
        flow.events.subscribe(
            lambda e: (
                reading.set()
                if isinstance(e, StageChanged) and e.record.stage is Stage.READ_DEVICE
                else None
            )
        )
        step = asyncio.ensure_future(flow.connect_photon(world.sim.photons[0].ssid))
        await asyncio.wait_for(reading.wait(), 10)  # joined; now reading the device
        step.cancel()
        with pytest.raises(asyncio.CancelledError):
            await step
        assert world.backend.current_ssid == HOME
        assert await world.journal.load() is None
        assert not flow.on_device_link
        assert statuses(world, Stage.READ_DEVICE) == [StageStatus.CANCELLED]


async def test_a_photon_the_customer_already_owns_gets_no_claim_code(tmp_path: Path) -> None:
    async with flow_world(tmp_path) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        await connect_to_the_only_photon(world)
        choose_home(world)
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()

        photon = world.sim.photons[0]
        photon.enter_listening_mode()  # the person holds SETUP again
        await asyncio.wait_for(photon.wait_for_state(PhotonState.LISTENING), 10)
        flow.start_over()
        await connect_to_the_only_photon(world)
        assert flow.state.ownership is Ownership.CUSTOMERS
        choose_home(world)
        await flow.send(WifiPassword(HOME_PASSWORD))
        assert statuses(world, Stage.SEND_CLAIM_CODE)[-1] is StageStatus.SKIPPED
        await flow.wait_for_cloud()


async def test_a_photon_claimed_by_someone_else_needs_the_persons_consent(
    tmp_path: Path,
) -> None:
    async with flow_world(tmp_path) as world:
        first = world.flow
        await first.sign_in("someone.else@example.com", PASSWORD, keep=False)
        await connect_to_the_only_photon(world)
        choose_home(world)
        await first.send(WifiPassword(HOME_PASSWORD))
        await first.wait_for_cloud()
        photon = world.sim.photons[0]
        photon.enter_listening_mode()
        await asyncio.wait_for(photon.wait_for_state(PhotonState.LISTENING), 10)

        flow = world.new_flow()
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        await flow.connect_photon(photon.ssid)
        assert flow.state.ownership is Ownership.SOMEONE_ELSE
        home = next(n for n in flow.state.networks if n.ssid == HOME)
        flow.choose_network(WifiChoice.scanned(home))
        with pytest.raises(NotReady):
            await flow.send(WifiPassword(HOME_PASSWORD))
        flow.confirm_take_over()
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()
        owner = world.sim.cloud.customer(EMAIL.lower())
        assert owner is not None
        assert photon.device_id.lower() in owner.device_ids


async def test_a_photon_that_never_reaches_the_cloud_is_reported_at_the_limit(
    tmp_path: Path,
) -> None:
    sim = await Simulation.start(devices=0, speed=200, seed=5)
    lonely = SimulatedPhoton(clock=sim.clock, wifi=sim.wifi, link=NoCloud(), seed=9)
    await lonely.start()
    sim.photons.append(lonely)
    timing = replace(FAST_FLOW, cloud_limit=1.0, cloud_help_after=0.2)
    async with flow_world(tmp_path, sim=sim, timing=timing) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        await connect_to_the_only_photon(world)
        choose_home(world)
        await flow.send(WifiPassword(HOME_PASSWORD))
        with pytest.raises(CloudNeverSawDevice) as never:
            await flow.wait_for_cloud()
        assert "blinking" in never.value.message
        assert any(
            isinstance(e, StageHelp) and e.stage is Stage.CLOUD_ONLINE for e in world.events
        ), "help was shown before giving up"


async def test_an_expired_kept_sign_in_sends_the_person_back_to_sign_in(tmp_path: Path) -> None:
    async with flow_world(tmp_path) as world:
        account = await world.flow.sign_in(EMAIL, PASSWORD, keep=True)
        await world.flow.services.cloud.sign_out(account.grant.access_token)
        later = world.new_flow()
        assert await later.use_kept_sign_in() is not None
        with pytest.raises(FlowError) as expired:
            await later.prepare_claim()
        assert page_to_fix(expired.value) is Page.SIGN_IN
        assert await world.new_flow().use_kept_sign_in() is None


class LateToNotice:
    """The cloud notices late that a device went offline: here, never (it is told nothing)."""

    def __init__(self, cloud: CloudLink) -> None:
        self._cloud = cloud

    async def device_online(self, handshake: Handshake) -> bool:
        return await self._cloud.device_online(handshake)

    async def device_offline(self, device_id: str) -> None:
        return None


async def test_an_online_status_from_before_the_setup_does_not_count(tmp_path: Path) -> None:
    sim = await Simulation.start(devices=0, speed=200, seed=7)
    photon = SimulatedPhoton(clock=sim.clock, wifi=sim.wifi, link=LateToNotice(sim.cloud), seed=8)
    await photon.start()
    sim.photons.append(photon)
    timing = replace(FAST_FLOW, clock_skew=1.0)
    async with flow_world(tmp_path, sim=sim, timing=timing, sim_time=True) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        await connect_to_the_only_photon(world)
        choose_home(world)
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()

        photon.enter_listening_mode()  # the cloud still shows it online
        await asyncio.wait_for(photon.wait_for_state(PhotonState.LISTENING), 10)
        flow.start_over()
        await connect_to_the_only_photon(world)
        choose_home(world)
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()
        seen = flow.state.cloud_device
        assert seen is not None
        assert seen.last_handshake_at is not None
        assert flow.state.connected_at is not None
        assert seen.last_handshake_at >= flow.state.connected_at, "a new handshake, not the old"


async def test_a_network_named_in_latin_1_is_shown_readably_and_joined_by_its_bytes(
    tmp_path: Path,
) -> None:
    environment = WifiEnvironment.home()
    latin_1 = b"Bo\xeete \xe0 lettres"  # an old router's name, not UTF-8
    environment.add(SimNetwork(raw_ssid=latin_1, security="wpa2_aes", password="timbre-poste"))
    sim = await Simulation.start(devices=1, speed=200, seed=41, wifi=environment)
    async with flow_world(tmp_path, sim=sim) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        await connect_to_the_only_photon(world)
        shown = next(n for n in flow.state.networks if n.raw_ssid == latin_1)
        assert shown.ssid == "Bo\ufffdte \ufffd lettres", "readable, with replacement marks"
        flow.choose_network(WifiChoice.scanned(shown))
        await flow.send(WifiPassword("timbre-poste"))
        await flow.wait_for_cloud()
        assert world.sim.photons[0].joined_network is not None
        assert world.sim.photons[0].joined_network.raw_ssid == latin_1
