"""Windows: netsh output in any display language, the temporary open profile, 24H2 refusals."""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from network_fakes import BRISK, FakeRunner, device_left_by, fixture

from setup_wizard.network.choice import choose_backend
from setup_wizard.network.errors import ScanUnavailable
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.wifi import NoticeKind, PhotonWifi, WifiNotice
from setup_wizard.network.windows import (
    PROFILE_NAMESPACE,
    WindowsWifiBackend,
    open_network_profile,
    parse_interfaces,
    parse_networks,
    parse_profile_names,
)

SSID = "Photon-7KQX"
TEMP = "photon-setup-Photon-7KQX"
SHOW = ("netsh", "wlan", "show", "interfaces")
PROFILES = ("netsh", "wlan", "show", "profiles", "interface=Wi-Fi")
ADD = ("netsh", "wlan", "add", "profile")
JOIN = ("netsh", "wlan", "connect", f"name={TEMP}", f"ssid={SSID}", "interface=Wi-Fi")
DELETE = ("netsh", "wlan", "delete", "profile", f"name={TEMP}", "interface=Wi-Fi")


def windows_runner(interfaces: str = "windows/interfaces_en.txt") -> FakeRunner:
    runner = FakeRunner()
    runner.on(*SHOW, stdout=fixture(interfaces))
    runner.on(*PROFILES, stdout=fixture("windows/profiles_ja.txt"))
    runner.on(*ADD, stdout=fixture("windows/add_profile_en.txt"))
    runner.on("netsh", "wlan", "connect", stdout=fixture("windows/connect_en.txt"))
    runner.on("netsh", "wlan", "delete", "profile", stdout=fixture("windows/delete_profile_en.txt"))
    runner.on("netsh", "wlan", "show", "networks", stdout=fixture("windows/networks_de.txt"))
    return runner


def windows_wifi(
    runner: FakeRunner,
    journal: RestoreJournal,
    tmp_path: Path,
    notices: list[WifiNotice] | None = None,
) -> PhotonWifi:
    return PhotonWifi(
        WindowsWifiBackend(runner, "Wi-Fi", temporary_folder=tmp_path),
        # Deleting the profile in use disconnects, whether or not a reconnect came first.
        probe=device_left_by(runner, DELETE),
        journal=journal,
        timing=BRISK,
        on_notice=None if notices is None else notices.append,
    )


@pytest.mark.parametrize(
    ("name", "interface", "ssid", "profile"),
    [
        ("windows/interfaces_en.txt", "Wi-Fi", "Office: 5G", "Office: 5G"),
        ("windows/interfaces_fr.txt", "Wi-Fi", "Livebox-Salon", "Maison (renommé)"),
        ("windows/interfaces_ja.txt", "Wi-Fi", "自宅のWi-Fi", None),  # label unknown: see below
    ],
)
def test_interfaces_are_read_by_structure_in_any_language(
    name: str, interface: str, ssid: str, profile: str | None
) -> None:
    (found,) = parse_interfaces(fixture(name))
    assert (found.name, found.ssid, found.profile) == (interface, ssid, profile)
    assert found.guid == "5f3c2a1b-7d4e-4b8a-9c6d-0e1f2a3b4c5d"


def test_german_listing_with_a_disconnected_second_adapter() -> None:
    second, first = parse_interfaces(fixture("windows/interfaces_de.txt"))
    assert (second.name, second.ssid, second.guid) == (
        "WLAN 2",
        None,
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    )
    assert (first.name, first.ssid, first.profile) == (
        "WLAN",
        "Wohnzimmer WLAN 🦊",
        "Wohnzimmer WLAN 🦊",
    )


def test_disconnected_interface_has_no_ssid() -> None:
    (found,) = parse_interfaces(fixture("windows/interfaces_disconnected_en.txt"))
    assert found.ssid is None


def test_location_refusal_is_not_mistaken_for_an_interface() -> None:
    assert parse_interfaces(fixture("windows/interfaces_location_denied.txt")) == []


def test_profile_names_are_read_whatever_the_labels_say() -> None:
    assert parse_profile_names(fixture("windows/profiles_ja.txt")) == ["自宅のWi-Fi", "Office: 5G"]


def test_german_network_list_gives_names_and_best_signal() -> None:
    networks = {n.ssid: n.signal for n in parse_networks(fixture("windows/networks_de.txt"))}
    assert networks == {"Wohnzimmer WLAN 🦊": 95, "Photon-7KQX": 74, "Photon-A2B4C6": 41}


def test_open_profile_names_the_ssid_exactly_and_never_autoconnects() -> None:
    ssid = 'Photon-<A&B> "x"'
    root = ET.fromstring(open_network_profile("p", ssid))  # noqa: S314 - our own document
    ns = {"w": PROFILE_NAMESPACE}
    assert root.tag == f"{{{PROFILE_NAMESPACE}}}WLANProfile"
    assert root.findtext("w:SSIDConfig/w:SSID/w:name", namespaces=ns) == ssid
    assert bytes.fromhex(root.findtext("w:SSIDConfig/w:SSID/w:hex", namespaces=ns) or "") == (
        ssid.encode()
    )
    assert root.findtext("w:connectionMode", namespaces=ns) == "manual"
    auth = "w:MSM/w:security/w:authEncryption/"
    assert root.findtext(auth + "w:authentication", namespaces=ns) == "open"
    assert root.findtext(auth + "w:encryption", namespaces=ns) == "none"


async def test_session_adds_joins_restores_and_deletes(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner()
    wifi = windows_wifi(runner, journal, tmp_path)
    async with wifi.photon_session(SSID):
        pass

    add = runner.calls[1]
    assert runner.calls == [
        SHOW,
        add,
        JOIN,
        ("netsh", "wlan", "connect", "name=Office: 5G", "interface=Wi-Fi"),
        DELETE,
    ]
    assert add[:4] == ADD
    assert add[5:] == ("interface=Wi-Fi", "user=current")
    written = Path(add[4].removeprefix("filename="))
    assert written.parent == tmp_path
    assert not await asyncio.to_thread(written.exists)  # the XML file is cleaned up
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_unknown_profile_label_falls_back_to_the_profile_list(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner("windows/interfaces_ja.txt")
    async with windows_wifi(runner, journal, tmp_path).photon_session(SSID):
        pass
    assert PROFILES in runner.calls
    assert ("netsh", "wlan", "connect", "name=自宅のWi-Fi", "interface=Wi-Fi") in runner.calls


async def test_refused_reconnect_in_french_is_reported_and_the_profile_still_deleted(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner("windows/interfaces_fr.txt").on(
        "netsh", "wlan", "connect", "name=Maison (renommé)",
        returncode=1, stdout=fixture("windows/connect_no_profile_fr.txt"),
    )  # fmt: skip
    wifi = windows_wifi(runner, journal, tmp_path)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls[-1] == DELETE
    report = wifi.last_restore
    assert report is not None
    assert report.user_action_needed
    # Named as the person sees it in the Wi-Fi menu: the SSID, not the renamed profile.
    assert "Could not reconnect to “Livebox-Salon”" in report.message


async def test_location_refusal_in_24h2_means_joining_by_hand_with_the_settings_path(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner("windows/interfaces_location_denied.txt")
    backend = await choose_backend(
        "auto", runner=runner, platform="win32", which=lambda _: r"C:\Windows\System32\netsh.exe"
    )
    assert not backend.capabilities.can_join
    assert "location" in (backend.capabilities.why_not or "")
    assert "Privacy & security" in (backend.capabilities.why_not or "")


async def test_location_refusal_during_a_session_falls_back_to_joining_by_hand(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner().on(*SHOW, stdout=fixture("windows/interfaces_location_denied.txt"))
    notices: list[WifiNotice] = []
    async with windows_wifi(runner, journal, tmp_path, notices).photon_session(SSID):
        pass
    assert runner.calls == [SHOW]
    assert NoticeKind.SWITCHED_TO_MANUAL in [n.kind for n in notices]


async def test_scanning_without_location_access_explains_the_setting(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner().on(
        "netsh", "wlan", "show", "networks",
        returncode=1, stdout=fixture("windows/interfaces_location_denied.txt"),
    )  # fmt: skip
    with pytest.raises(ScanUnavailable, match="location access"):
        await windows_wifi(runner, journal, tmp_path).find_photons()


async def test_find_photons_on_windows(journal: RestoreJournal, tmp_path: Path) -> None:
    photons = await windows_wifi(windows_runner(), journal, tmp_path).find_photons()
    assert [(p.ssid, p.signal) for p in photons] == [("Photon-7KQX", 74), ("Photon-A2B4C6", 41)]
