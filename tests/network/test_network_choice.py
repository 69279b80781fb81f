"""``--wifi auto|manual|simulated`` on each kind of system."""

from __future__ import annotations

import pytest
from network_fakes import FakeRunner, StubDevice

from setup_wizard.network.choice import WifiMode, choose_backend
from setup_wizard.network.errors import ScanUnavailable
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.manual import ManualBackend
from setup_wizard.network.simulated import SimulatedWifiBackend
from setup_wizard.network.wifi import PhotonWifi


async def test_manual_is_a_choice_even_where_joining_could_be_automatic() -> None:
    runner = FakeRunner()
    backend = await choose_backend(WifiMode.MANUAL, runner=runner, platform="linux")
    assert isinstance(backend, ManualBackend)
    assert backend.capabilities.why_not == "You chose to join the Photon's network yourself."
    assert runner.calls == []  # nothing is probed on the system


async def test_unknown_systems_join_by_hand_and_say_so() -> None:
    backend = await choose_backend("auto", runner=FakeRunner(), platform="freebsd14")
    assert not backend.capabilities.can_join
    assert backend.capabilities.why_not == (
        "Automatic Wi-Fi joining is not available on this system, so you'll join the "
        "Photon's network yourself."
    )


async def test_a_hanging_or_failing_preflight_falls_back_to_joining_by_hand() -> None:
    runner = FakeRunner().on(
        "netsh", returncode=1, stdout="The Wireless AutoConfig Service (wlansvc) is not running."
    )
    backend = await choose_backend(
        "auto", runner=runner, platform="win32", which=lambda _: "netsh.exe"
    )
    assert not backend.capabilities.can_join
    assert "no Wi-Fi adapter (or its WLAN service is stopped)" in (
        backend.capabilities.why_not or ""
    )


async def test_simulated_mode_needs_the_home_network() -> None:
    with pytest.raises(ValueError, match="home network"):
        await choose_backend("simulated")
    backend = await choose_backend("simulated", home_ssid="HomeNetwork", probe=StubDevice())
    assert isinstance(backend, SimulatedWifiBackend)
    assert backend.current_ssid == "HomeNetwork"


async def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="'wireless'"):
        await choose_backend("wireless")


async def test_scanning_by_hand_explains_what_to_look_for(journal: RestoreJournal) -> None:
    wifi = PhotonWifi(ManualBackend("NetworkManager is not running, so…"), journal=journal)
    with pytest.raises(ScanUnavailable, match="NetworkManager is not running"):
        await wifi.find_photons()
    assert not wifi.capabilities.can_scan


async def test_without_a_scan_the_nearby_list_asks_for_the_name_and_no_network_is_suggested(
    journal: RestoreJournal,
) -> None:
    wifi = PhotonWifi(ManualBackend("NetworkManager is not running, so…"), journal=journal)
    with pytest.raises(ScanUnavailable, match="Type the name of the network the Photon") as raised:
        await wifi.nearby_networks()
    assert "NetworkManager is not running" in raised.value.detail  # kept for the log
    assert await wifi.current_network() is None
