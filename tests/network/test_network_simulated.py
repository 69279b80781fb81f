"""``--wifi simulated`` against real simulated Photons and the device layer's real probe."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.client import PhotonClient
from setup_wizard.device.probe import probe
from setup_wizard.device.security import Security
from setup_wizard.network.backend import VisibleNetwork
from setup_wizard.network.choice import choose_backend
from setup_wizard.network.errors import DeviceNotFound, NetworkNotFound
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.manual import ManualBackend
from setup_wizard.network.simulated import (
    SimulatedAccessPoint,
    SimulatedWifiBackend,
    visible_from_ready,
)
from setup_wizard.network.wifi import PhotonWifi, WifiTiming
from setup_wizard.sim.simulation import Simulation

HOME = "HomeNetwork"


@pytest.fixture
async def sim() -> AsyncIterator[Simulation]:
    simulation = await Simulation.start(devices=2, speed=500, seed=7)
    try:
        yield simulation
    finally:
        await simulation.stop()


async def simulated_wifi(sim: Simulation, journal: RestoreJournal) -> PhotonWifi:
    """Built as the app builds it: from the simulator's ready line."""
    ready = sim.ready()
    access_points = [SimulatedAccessPoint.from_ready_device(d) for d in ready["devices"]]
    backend = await choose_backend(
        "simulated",
        access_points=access_points,
        home_ssid=HOME,
        networks=[visible_from_ready(n) for n in ready["wifi"]],
        probe=probe,
    )
    return PhotonWifi(backend, probe=probe, journal=journal)


def address_of(sim: Simulation, index: int) -> DeviceAddress:
    photon = sim.photons[index]
    return DeviceAddress(photon.host, photon.tcp_port, photon.http_port)


async def test_finds_both_photons_joins_one_talks_to_it_and_comes_home(
    sim: Simulation, journal: RestoreJournal
) -> None:
    wifi = await simulated_wifi(sim, journal)
    backend = wifi.backend
    assert isinstance(backend, SimulatedWifiBackend)

    found = await wifi.find_photons()
    assert sorted(n.ssid for n in found) == sorted(p.ssid for p in sim.photons)

    chosen = sim.photons[1]
    async with wifi.photon_session(chosen.ssid) as address:
        assert address == address_of(sim, 1)
        assert backend.current_ssid == chosen.ssid
        async with PhotonClient(address) as client:
            assert (await client.device_info()).device_id == chosen.device_id.lower()

    assert backend.current_ssid == HOME
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete
    assert not journal.path.exists()


async def test_the_scan_lists_the_home_networks_with_their_security_as_a_computer_would(
    sim: Simulation, journal: RestoreJournal
) -> None:
    wifi = await simulated_wifi(sim, journal)
    seen = {n.ssid: n.security for n in await wifi.backend.scan()}

    assert seen["HomeNetwork"] is Security.WPA2_MIXED_PSK
    assert seen["NETGEAR42"] is Security.WPA_AES_PSK
    assert seen["xfinitywifi"] is Security.OPEN
    assert all(seen[p.ssid] is Security.OPEN for p in sim.photons)
    # Looking for Photons still finds only the Photons.
    assert sorted(n.ssid for n in await wifi.find_photons()) == sorted(p.ssid for p in sim.photons)


async def test_nearby_networks_are_the_home_networks_strongest_first_without_photons(
    sim: Simulation, journal: RestoreJournal
) -> None:
    wifi = await simulated_wifi(sim, journal)
    nearby = await wifi.nearby_networks()

    assert [n.ssid for n in nearby] == [n["ssid"] for n in sim.ready()["wifi"]]  # by rssi
    assert nearby[0].ssid == HOME
    assert nearby[0].signal == 100  # -45 dBm
    assert not {p.ssid for p in sim.photons} & {n.ssid for n in nearby}
    assert await wifi.current_network() == HOME


async def test_on_a_photons_network_the_current_network_is_no_suggestion(
    sim: Simulation, journal: RestoreJournal
) -> None:
    wifi = await simulated_wifi(sim, journal)
    async with wifi.photon_session(sim.photons[0].ssid):
        assert await wifi.current_network() is None
    assert await wifi.current_network() == HOME


async def test_a_photon_whose_servers_stopped_is_not_visible_nor_joinable(
    sim: Simulation, journal: RestoreJournal
) -> None:
    wifi = await simulated_wifi(sim, journal)
    gone = sim.photons[0]
    await gone.stop()

    assert [n.ssid for n in await wifi.find_photons()] == [sim.photons[1].ssid]
    with pytest.raises(NetworkNotFound, match="not in range"):
        async with wifi.photon_session(gone.ssid):
            pytest.fail("must not start")
    assert isinstance(wifi.backend, SimulatedWifiBackend)
    assert wifi.backend.current_ssid == HOME


async def test_manual_mode_polls_the_configured_address_until_the_device_answers(
    sim: Simulation, journal: RestoreJournal
) -> None:
    # ``--wifi manual --device-host 127.0.0.1 --device-tcp-port … --device-http-port …``
    wifi = PhotonWifi(
        ManualBackend(),
        device_address=address_of(sim, 0),
        probe=probe,
        journal=journal,
        timing=WifiTiming(manual_timeout=20, poll_interval=0.05),
    )
    async with wifi.photon_session() as address:
        assert address == address_of(sim, 0)
    assert wifi.last_device_info is not None
    assert wifi.last_device_info.device_id == sim.photons[0].device_id.lower()


async def test_manual_mode_reports_a_device_that_never_answers(
    sim: Simulation, journal: RestoreJournal, fast: WifiTiming
) -> None:
    address = address_of(sim, 0)
    await sim.photons[0].stop()
    wifi = PhotonWifi(
        ManualBackend(), device_address=address, probe=probe, journal=journal, timing=fast
    )
    with pytest.raises(DeviceNotFound, match=r"Nothing answered as a Photon at 127\.0\.0\.1"):
        async with wifi.photon_session():
            pytest.fail("must not start")


def test_ready_line_wifi_entries_become_visible_networks() -> None:
    entry = {"ssid": "HomeNetwork", "security": "wpa2_aes", "password": "x" * 8, "rssi": -60}
    assert visible_from_ready(entry) == VisibleNetwork("HomeNetwork", 80, Security.WPA2_AES_PSK)
    odd = visible_from_ready({"ssid": "Lab", "security": "wpa3_sae", "rssi": None})
    assert (odd.signal, odd.security) == (None, None)
    with pytest.raises(ValueError, match="not a simulated Wi-Fi entry"):
        visible_from_ready({"ssid": "Lab"})


def test_ready_line_entries_become_access_points() -> None:
    ap = SimulatedAccessPoint.from_ready_device(
        {
            "id": "ab" * 12,
            "ssid": "Photon-7KQX",
            "http": "http://127.0.0.1:8080",
            "tcp": "127.0.0.1:8081",
        }
    )
    assert ap == SimulatedAccessPoint("Photon-7KQX", DeviceAddress("127.0.0.1", 8081, 8080))
    with pytest.raises(ValueError, match="do not match"):
        SimulatedAccessPoint.from_ready_device(
            {"ssid": "Photon-7KQX", "http": "http://127.0.0.1:8080", "tcp": "127.0.0.2:8081"}
        )
