"""The whole onboarding story headless: our cloud, device and network layers against one
simulated world, as the wizard will drive them.

The forum recipe this project starts from stopped after four cURL calls (OAuth client,
customer, customer-scoped token, claim code) and never checked the result, so its users
could not tell why their customer did not show up. Here the story goes on until the
device is online and listed as the customer's.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from setup_wizard.cloud import CloudClient, CloudSettings, RetryPolicy, make_http_client
from setup_wizard.device import DeviceAddress, PhotonClient, Transport, TransportPolicy
from setup_wizard.network import (
    PhotonWifi,
    RestoreJournal,
    SimulatedAccessPoint,
    WifiTiming,
    choose_backend,
)
from setup_wizard.secret import Password, WifiPassword
from setup_wizard.sim.photon import PhotonState
from setup_wizard.sim.simulation import Simulation

WAIT = 15.0  # generous bound on anything the simulated world does at speed 200
FAST_DEVICE = TransportPolicy(connect_timeout=2, quick_timeout=3, retry_delays=(0.05, 0.1))


@pytest.fixture
async def world() -> AsyncIterator[Simulation]:
    sim = await Simulation.start(devices=2, speed=200, seed=11)
    yield sim
    await sim.stop()


@pytest.fixture
async def cloud(world: Simulation) -> AsyncIterator[CloudClient]:
    async with make_http_client(CloudSettings(api_url=world.cloud.url)) as http:
        yield CloudClient(http, retry=RetryPolicy(base_delay=0.01, max_delay=0.05))


async def simulated_wifi(world: Simulation, journal: Path) -> PhotonWifi:
    ready = world.ready()
    backend = await choose_backend(
        "simulated",
        access_points=[SimulatedAccessPoint.from_ready_device(d) for d in ready["devices"]],
        home_ssid=ready["wifi"][0]["ssid"],
    )
    return PhotonWifi(
        backend, journal=RestoreJournal(journal), timing=WifiTiming(poll_interval=0.02)
    )


def home_network(world: Simulation) -> tuple[str, WifiPassword]:
    home = world.ready()["wifi"][0]
    return home["ssid"], WifiPassword(home["password"])


async def test_forum_recipe_then_device_online_and_owned_by_the_customer(
    world: Simulation, cloud: CloudClient, tmp_path: Path
) -> None:
    product = world.cloud.product.id
    staff = await cloud.sign_in(
        world.cloud.developer.username, Password(world.cloud.developer.password)
    )

    # The forum recipe's four calls, done with the current product endpoints.
    oauth_client = await cloud.create_client(staff.access_token, product, "Bench station 1")
    assert oauth_client.secret is not None, "the secret is shown once, at creation"
    credentials = oauth_client.credentials()
    email = "Ada.Lovelace@Example.com"
    await cloud.create_customer(product, credentials, email, None)
    customer = await cloud.customer_token(credentials, email)
    claim = await cloud.create_claim_code(customer.access_token, product)
    assert claim.device_ids == ()

    # What the recipe never did: give the claim code and Wi-Fi to the Photon, and check.
    wifi = await simulated_wifi(world, tmp_path)
    photons = await wifi.find_photons()
    assert {p.ssid for p in photons} == {p.ssid for p in world.photons}
    target = world.photons[0]
    ssid, password = home_network(world)
    async with (
        wifi.photon_session(target.ssid) as address,
        PhotonClient(address, policy=FAST_DEVICE) as photon,
    ):
        info = await photon.device_info()
        assert not info.claimed
        await photon.set_claim_code(claim.claim_code)
        network = next(n for n in await photon.scan() if n.ssid == ssid)
        await photon.configure(network, password=password)
        await photon.connect()
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete

    await asyncio.wait_for(cloud.wait_for_status(customer.access_token, info.device_id), WAIT)
    listed = {d.id: d for d in await cloud.list_devices(customer.access_token)}
    assert listed[info.device_id].online
    assert target.claimed
    assert target.claim_code is None
    owner = world.cloud.customer(email.lower())
    assert owner is not None
    assert info.device_id in owner.device_ids

    renamed = await cloud.rename_device(customer.access_token, info.device_id, "kitchen_sensor")
    assert (await cloud.get_device(customer.access_token, info.device_id)).name == renamed.name

    # The other Photon was never touched: still waiting in listening mode, unclaimed.
    assert world.photons[1].state is PhotonState.LISTENING
    assert not world.photons[1].claimed


@pytest.mark.parametrize("transport", [Transport.TCP, Transport.HTTP])
async def test_each_device_decrypts_exactly_the_password_sent_and_goes_online(
    world: Simulation, transport: Transport
) -> None:
    ssid, password = home_network(world)
    for device in world.photons:
        address = DeviceAddress(device.host, device.tcp_port, device.http_port)
        async with PhotonClient(address, policy=FAST_DEVICE, prefer=transport) as photon:
            network = next(n for n in await photon.scan() if n.ssid == ssid)
            await photon.configure(network, password=password)
            assert device.credentials[0].password == password.reveal()
            await photon.connect()
            assert photon.transport is transport, "no fallback was needed"
        await asyncio.wait_for(device.wait_for_state(PhotonState.ONLINE), WAIT)
        assert world.cloud.device(device.device_id.lower()) is not None


async def test_wrong_password_brings_the_photon_network_back_for_a_retry(tmp_path: Path) -> None:
    # Slower than the other tests: the access point stays away for the ~21 simulated seconds
    # the Photon spends failing to join (about 2 s here), long enough to look for it.
    world = await Simulation.start(devices=1, speed=10, seed=12)
    try:
        wifi = await simulated_wifi(world, tmp_path)
        target = world.photons[0]
        ssid, _ = home_network(world)
        joining = asyncio.ensure_future(target.wait_for_state(PhotonState.JOINING_WIFI))
        async with (
            wifi.photon_session(target.ssid) as address,
            PhotonClient(address, policy=FAST_DEVICE) as photon,
        ):
            network = next(n for n in await photon.scan() if n.ssid == ssid)
            await photon.configure(network, password=WifiPassword("not the password"))
            await photon.connect()

        await asyncio.wait_for(joining, WAIT)
        back = asyncio.ensure_future(target.wait_for_state(PhotonState.LISTENING))
        assert target.ssid not in {p.ssid for p in await wifi.find_photons()}
        assert not back.done(), "the check above ran while the Photon was away"
        await asyncio.wait_for(back, WAIT)
        assert target.ssid in {p.ssid for p in await wifi.find_photons()}
        assert world.cloud.device(target.device_id.lower()) is None, "it never reached the cloud"
    finally:
        await world.stop()
