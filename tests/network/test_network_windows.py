"""Windows: netsh output in any display language, the temporary open profile, 24H2 refusals,
names netsh cannot carry (read through the Native Wifi API), and Wi-Fi switched off."""

from __future__ import annotations

import asyncio
import re
import xml.etree.ElementTree as ET
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from network_fakes import (
    BRISK,
    FakeInterfaceTable,
    FakeRunner,
    FakeWlan,
    StubDevice,
    device_left_by,
    fixture,
)

from setup_wizard.device.security import Security
from setup_wizard.network.backend import BackendKind, RestorePoint, VisibleNetwork
from setup_wizard.network.choice import choose_backend
from setup_wizard.network.errors import DeviceNotFound, ScanUnavailable, WifiOff
from setup_wizard.network.interfaces import InterfaceAddress
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.manual import ManualBackend
from setup_wizard.network.wifi import NoticeKind, PhotonWifi, WifiNotice, WifiTiming
from setup_wizard.network.windows import (
    PROFILE_NAMESPACE,
    WindowsWifiBackend,
    detect_windows,
    netsh_security,
    open_network_profile,
    parse_interfaces,
    parse_networks,
    parse_profile_names,
)
from setup_wizard.network.wlanapi import WlanConnection

SSID = "Photon-7KQX"
TEMP = "photon-setup-Photon-7KQX"
SHOW = ("netsh", "wlan", "show", "interfaces")
PROFILES = ("netsh", "wlan", "show", "profiles", "interface=Wi-Fi")
ADD = ("netsh", "wlan", "add", "profile")
JOIN = ("netsh", "wlan", "connect", f"name={TEMP}", f"ssid={SSID}", "interface=Wi-Fi")
DELETE = ("netsh", "wlan", "delete", "profile", f"name={TEMP}", "interface=Wi-Fi")
NETWORKS = ("netsh", "wlan", "show", "networks", "mode=bssid", "interface=Wi-Fi")
GUID = "5f3c2a1b-7d4e-4b8a-9c6d-0e1f2a3b4c5d"  # of the "Wi-Fi"/"WLAN" adapter in the fixtures


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
    *,
    wlan: FakeWlan | None = None,
    interface: str = "Wi-Fi",
    table: FakeInterfaceTable | None = None,
    device: StubDevice | None = None,
    timing: WifiTiming = BRISK,
) -> PhotonWifi:
    return PhotonWifi(
        WindowsWifiBackend(runner, interface, guid=GUID, wlan=wlan, temporary_folder=tmp_path),
        # Deleting the profile in use disconnects, whether or not a reconnect came first.
        probe=device or device_left_by(runner, DELETE),
        journal=journal,
        timing=timing,
        interfaces=table or FakeInterfaceTable(),
        on_notice=None if notices is None else notices.append,
        platform="win32",
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


def test_german_network_list_gives_security_from_technical_terms_and_open_from_no_cipher() -> None:
    networks = {n.ssid: n.security for n in parse_networks(fixture("windows/networks_de.txt"))}
    assert networks == {
        "Wohnzimmer WLAN 🦊": Security.WPA2_MIXED_PSK,  # WPA2-Personal, CCMP
        "Photon-7KQX": Security.OPEN,  # "Offen", "Keine"
        "Photon-A2B4C6": Security.OPEN,
    }


def test_english_network_list_gives_each_kind_of_security() -> None:
    networks = parse_networks(fixture("windows/networks_security_en.txt"))
    assert {n.ssid: (n.signal, n.security) for n in networks} == {
        "Office: 5G": (90, Security.WPA2_MIXED_PSK),
        "Photon-7KQX": (81, Security.OPEN),
        "Guest": (70, Security.OPEN),
        "Old Router": (52, Security.WEP_PSK),
        "Printer": (33, Security.WEP_PSK),  # shared-key WEP: the same key to type
        "NETGEAR42": (60, Security.WPA_MIXED_PSK),
        "Campus": (58, Security.WPA2_MIXED_ENT),
        "Neighbour 6E": (40, None),  # WPA3-Personal: perhaps a WPA2/WPA3 network
        "Lab": (38, Security.WPA2_MIXED_ENT),
        "Cafe Free": (36, None),  # Enhanced Open
    }


def test_french_network_list_reads_personal_and_enterprise_in_french() -> None:
    networks = parse_networks(fixture("windows/networks_security_fr.txt"))
    assert {n.ssid: (n.signal, n.security) for n in networks} == {
        "Livebox-Salon": (64, Security.WPA2_MIXED_PSK),  # "WPA2 - Personnel"
        "Photon-A2B4C6": (48, Security.OPEN),  # "Ouvrir", "Aucun"
        "FreeWifi_secure": (40, Security.WPA2_MIXED_ENT),
        "Voisin": (22, Security.WPA_MIXED_PSK),
    }


@pytest.mark.parametrize(
    ("authentication", "encryption", "security"),
    [
        ("WPA2-Personal", "CCMP", Security.WPA2_MIXED_PSK),
        ("WPA2-PSK", "CCMP", Security.WPA2_MIXED_PSK),  # Windows Vista and 7
        ("WPA-Enterprise", "TKIP", Security.WPA_MIXED_ENT),
        ("Abierta", "Ninguna", Security.OPEN),  # Spanish
        ("Aperta", "Nessuno", Security.OPEN),  # Italian
        ("WPA2-パーソナル", "CCMP", None),  # words this app does not know: not guessed
        ("WPA3-Personal", "GCMP", None),
        ("OWE", "CCMP", None),
    ],
)
def test_netsh_security_words(
    authentication: str, encryption: str, security: Security | None
) -> None:
    assert netsh_security(authentication, encryption) == security


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


# --- a hidden network is still a network ---------------------------------------------------------


def test_an_empty_ssid_line_is_a_hidden_network_not_a_disconnected_interface() -> None:
    (found,) = parse_interfaces(fixture("windows/interfaces_hidden_en.txt"))
    assert (found.ssid, found.profile) == ("", "Lab (hidden)")


async def test_the_adapter_on_a_hidden_network_is_the_connected_one() -> None:
    # Constructed from the recorded German listing: its connected adapter ("WLAN", listed
    # second) is on a hidden network, so its SSID line has nothing after the colon.
    listing = fixture("windows/interfaces_de.txt").replace(
        "SSID                   : Wohnzimmer WLAN 🦊", "SSID                   :"
    )
    backend = await detect_windows(FakeRunner().on(*SHOW, stdout=listing))
    assert backend.interface == "WLAN"  # not the idle "WLAN 2" listed first
    assert backend.guid == GUID


# --- Wi-Fi switched off ----------------------------------------------------------------------


async def test_wifi_switched_off_is_seen_in_netsh_and_left_off(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner("windows/interfaces_radio_off_en.txt")
    runner.on(*NETWORKS, returncode=1, stdout=fixture("windows/networks_radio_off_en.txt"))
    wifi = windows_wifi(runner, journal, tmp_path)
    with pytest.raises(WifiOff, match="Turn it on from the network icon in the taskbar"):
        await wifi.find_photons()
    with pytest.raises(WifiOff, match="Wi-Fi is turned off on this computer"):
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")
    assert runner.calls == [NETWORKS, SHOW, SHOW]  # read only: the radio is left as it was
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Your Wi-Fi was not changed."


async def test_wifi_switched_off_is_read_from_the_api_in_any_language(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    # French netsh words the radio state in French; the API answers in numbers.
    runner = windows_runner("windows/interfaces_fr.txt")
    wlan = FakeWlan(radio_is_off=True)
    with pytest.raises(WifiOff):
        async with windows_wifi(runner, journal, tmp_path, wlan=wlan).photon_session(SSID):
            pytest.fail("must not start")
    assert runner.calls == [SHOW]
    assert wlan.calls == [f"radio_off {GUID}"]


# --- names netsh cannot carry ----------------------------------------------------------------


async def test_a_name_netsh_mangles_is_read_through_the_native_api(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    # netsh writes the fox (outside the OEM code page) as "??"; reconnecting to a profile
    # named "Wohnzimmer WLAN ??" would fail.
    runner = windows_runner("windows/interfaces_mangled_de.txt")
    wlan = FakeWlan(connection=WlanConnection("Wohnzimmer WLAN 🦊", "Wohnzimmer WLAN 🦊"))
    wifi = windows_wifi(runner, journal, tmp_path, wlan=wlan, interface="WLAN")
    async with wifi.photon_session(SSID):
        pass
    assert ("netsh", "wlan", "connect", "name=Wohnzimmer WLAN 🦊", "interface=WLAN") in runner.calls
    assert f"current_connection {GUID}" in wlan.calls
    assert wifi.last_restore is not None
    assert wifi.last_restore.message.startswith("Reconnected to “Wohnzimmer WLAN 🦊”.")


async def test_names_netsh_carries_need_no_api_call(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    wlan = FakeWlan()
    async with windows_wifi(windows_runner(), journal, tmp_path, wlan=wlan).photon_session(SSID):
        pass
    assert wlan.calls == [f"radio_off {GUID}"]


async def test_a_scan_netsh_mangles_is_read_through_the_native_api(tmp_path: Path) -> None:
    runner = windows_runner().on(*NETWORKS, stdout=fixture("windows/networks_mangled_de.txt"))
    exact = [VisibleNetwork("Wohnzimmer WLAN 🦊", 95), VisibleNetwork("Photon-7KQX", 74)]
    backend = WindowsWifiBackend(runner, "Wi-Fi", guid=GUID, wlan=FakeWlan(networks=exact))
    assert await backend.scan() == exact
    refused = WindowsWifiBackend(runner, "Wi-Fi", guid=GUID, wlan=FakeWlan(networks=None))
    assert "Photon-7KQX" in [n.ssid for n in await refused.scan()]  # netsh's list, then


async def test_security_in_words_netsh_cannot_be_read_in_is_read_through_the_native_api() -> None:
    # Constructed from the recorded German list, as a display language this app has no
    # words for would write it.
    listing = fixture("windows/networks_de.txt").replace("WPA2-Personal", "WPA2-パーソナル")
    runner = windows_runner().on(*NETWORKS, stdout=listing)
    exact = [
        VisibleNetwork("Wohnzimmer WLAN 🦊", 95, Security.WPA2_MIXED_PSK),
        VisibleNetwork("Photon-7KQX", 74, Security.OPEN),
    ]
    wlan = FakeWlan(networks=exact)
    backend = WindowsWifiBackend(runner, "Wi-Fi", guid=GUID, wlan=wlan)
    assert await backend.scan() == exact
    assert wlan.calls == [f"visible_networks {GUID}"]
    without_api = WindowsWifiBackend(runner, "Wi-Fi", guid=GUID)
    assert {n.ssid: n.security for n in await without_api.scan()}["Wohnzimmer WLAN 🦊"] is None


async def test_security_netsh_words_in_a_known_way_needs_no_api_call() -> None:
    wlan = FakeWlan(networks=[])
    backend = WindowsWifiBackend(windows_runner(), "Wi-Fi", guid=GUID, wlan=wlan)
    assert len(await backend.scan()) == 3
    assert wlan.calls == []


@pytest.mark.parametrize(
    ("interfaces", "wlan", "current"),
    [
        ("windows/interfaces_en.txt", None, "Office: 5G"),
        ("windows/interfaces_disconnected_en.txt", None, None),
        ("windows/interfaces_hidden_en.txt", None, None),  # a hidden network has no name
        (
            "windows/interfaces_mangled_de.txt",
            FakeWlan(connection=WlanConnection("Wohnzimmer WLAN 🦊", "Wohnzimmer WLAN 🦊")),
            "Wohnzimmer WLAN 🦊",
        ),
        ("windows/interfaces_mangled_de.txt", None, None),  # "??" is no name to suggest
    ],
)
async def test_the_current_network_is_the_connected_ssid_read_whole(
    interfaces: str,
    wlan: FakeWlan | None,
    current: str | None,
    journal: RestoreJournal,
    tmp_path: Path,
) -> None:
    runner = windows_runner(interfaces)
    wifi = windows_wifi(runner, journal, tmp_path, wlan=wlan, interface="WLAN")
    assert await wifi.current_network() == current
    assert runner.calls == [SHOW]


async def test_an_interface_name_netsh_mangles_is_read_through_the_native_api() -> None:
    # Constructed from the recorded English listing: a Russian display language on a
    # Western OEM code page turns the adapter's name into question marks.
    mangled = fixture("windows/interfaces_en.txt").replace(
        "Name                   : Wi-Fi", "Name                   : ???????????? ????"
    )
    runner = FakeRunner().on(*SHOW, stdout=mangled)
    wlan = FakeWlan(aliases={GUID: "Беспроводная сеть"})
    backend = await detect_windows(runner, wlan)
    assert backend.interface == "Беспроводная сеть"
    assert backend.guid == GUID


# --- the Photon's subnet, and never a GUID in a message -------------------------------------------

WIFI_ADAPTER = InterfaceAddress(
    "{5F3C2A1B-7D4E-4B8A-9C6D-0E1F2A3B4C5D}", IPv4Address("192.168.0.23")
)
ETHERNET_ADAPTER = InterfaceAddress(
    "{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}", IPv4Address("192.168.0.10")
)
_ANY_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-")


async def test_the_address_yielded_sends_from_the_wifi_adapter(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner()
    device = StubDevice(reachable_from="192.168.0.23")
    runner.when(*DELETE, then=device.leave)
    table = FakeInterfaceTable([ETHERNET_ADAPTER, WIFI_ADAPTER])  # the table names GUIDs
    brisk = WifiTiming(join_timeout=2, leave_check=0.05, poll_interval=0.01)
    wifi = windows_wifi(runner, journal, tmp_path, table=table, device=device, timing=brisk)
    async with wifi.photon_session(SSID) as address:
        assert address.local_host == "192.168.0.23"


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([ETHERNET_ADAPTER, WIFI_ADAPTER], "unplug the network cable"),
        ([WIFI_ADAPTER], "192.168.0.23 on “Wi-Fi”"),
    ],
)
async def test_adapter_guids_never_appear_in_messages(
    journal: RestoreJournal,
    tmp_path: Path,
    fast: WifiTiming,
    entries: list[InterfaceAddress],
    expected: str,
) -> None:
    wifi = windows_wifi(
        windows_runner(), journal, tmp_path, table=FakeInterfaceTable(entries),
        device=StubDevice(answering=False), timing=fast,
    )  # fmt: skip
    with pytest.raises(DeviceNotFound) as raised:
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")
    assert expected in str(raised.value)
    assert not _ANY_GUID.search(str(raised.value))


async def test_joined_by_hand_a_lone_adapter_is_not_named_by_its_guid(
    journal: RestoreJournal, fast: WifiTiming
) -> None:
    wifi = PhotonWifi(
        ManualBackend(platform="win32"), probe=StubDevice(answering=False), journal=journal,
        timing=fast, interfaces=FakeInterfaceTable([WIFI_ADAPTER]), platform="win32",
    )  # fmt: skip
    with pytest.raises(DeviceNotFound) as raised:
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")
    assert "192.168.0.23" in str(raised.value)
    assert not _ANY_GUID.search(str(raised.value))


# --- crash safety ------------------------------------------------------------------------------


async def test_the_journal_names_the_profile_before_netsh_adds_it(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    runner = windows_runner()
    runner.gate = asyncio.Event()
    runner.gate.set()
    runner.when(*SHOW, then=runner.gate.clear)  # the next command (the add) hangs
    wifi = windows_wifi(runner, journal, tmp_path)

    async def session() -> None:
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")

    task = asyncio.create_task(session())
    await runner.blocked.wait()
    assert runner.calls[-1][:4] == ADD
    note = await journal.load()
    assert note is not None
    assert note.temporary_profile == TEMP  # a crash now cannot leak it
    task.cancel()  # e.g. the window closes while netsh adds the profile
    runner.gate.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert runner.calls[-1] == DELETE
    assert not journal.path.exists()


async def test_recovery_removes_a_profile_left_behind_without_switching_networks(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    await journal.save(
        RestorePoint(BackendKind.WINDOWS, SSID, "Wi-Fi", "Office: 5G", "Office: 5G", TEMP)
    )
    runner = windows_runner()  # back on "Office: 5G" after a restart
    wifi = windows_wifi(runner, journal, tmp_path, device=StubDevice(answering=False))
    report = await wifi.recover()
    assert runner.calls == [SHOW, DELETE]  # no "connect": it is home already
    assert report is not None
    assert report.message == "Removed the temporary Photon profile."
    assert not journal.path.exists()


async def test_recovery_of_a_profile_never_added_reports_nothing(
    journal: RestoreJournal, tmp_path: Path
) -> None:
    await journal.save(
        RestorePoint(BackendKind.WINDOWS, SSID, "Wi-Fi", "Office: 5G", "Office: 5G", TEMP)
    )
    runner = windows_runner().on(
        *DELETE, returncode=1, stdout=fixture("windows/delete_profile_not_found_en.txt")
    )
    wifi = windows_wifi(runner, journal, tmp_path, device=StubDevice(answering=False))
    assert await wifi.recover() is None
    assert runner.calls == [SHOW, DELETE, PROFILES]  # the list, not the words, says "gone"
    assert not journal.path.exists()
