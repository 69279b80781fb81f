"""The Native Wifi layer, without Windows: structure layouts against the documented sizes,
and the decoding of lists the API hands back, built in memory from those layouts
(constructed, see fixtures/CONSTRUCTED.md: there is no recorded output of an API)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from setup_wizard.device.security import Security
from setup_wizard.network.backend import VisibleNetwork
from setup_wizard.network.wlanapi import (
    DOT11_SSID,
    GUID,
    RADIO_OFF,
    WLAN_AVAILABLE_NETWORK,
    WLAN_AVAILABLE_NETWORK_LIST,
    WLAN_CONNECTION_ATTRIBUTES,
    WLAN_INTERFACE_INFO,
    WLAN_INTERFACE_INFO_LIST,
    WLAN_RADIO_STATE,
    NativeWlan,
    WlanApiError,
    WlanConnection,
    WlanInterface,
    connection_from,
    guid_struct,
    guid_text,
    interfaces_from,
    load_native_wlan,
    native_security,
    networks_from,
    radio_off_from,
)

GUID_TEXT = "5f3c2a1b-7d4e-4b8a-9c6d-0e1f2a3b4c5d"


def test_layouts_match_the_sizes_windows_uses() -> None:
    # sizeof() in wlanapi.h on x86 and x64 (no pointers inside, so the same on both).
    assert ctypes.sizeof(GUID) == 16
    assert ctypes.sizeof(DOT11_SSID) == 36
    assert ctypes.sizeof(WLAN_INTERFACE_INFO) == 532
    assert ctypes.sizeof(WLAN_AVAILABLE_NETWORK) == 628
    assert ctypes.sizeof(WLAN_CONNECTION_ATTRIBUTES) == 604
    assert ctypes.sizeof(WLAN_RADIO_STATE) == 4 + 64 * 12
    assert WLAN_AVAILABLE_NETWORK_LIST.Network.offset == 8
    assert WLAN_INTERFACE_INFO_LIST.InterfaceInfo.offset == 8


def ssid(name: str) -> DOT11_SSID:
    raw = name.encode("utf-8")
    value = DOT11_SSID()
    value.uSSIDLength = len(raw)
    value.ucSSID[: len(raw)] = list(raw)
    return value


def wide(text: str, size: int = 256) -> ctypes.Array[ctypes.c_uint16]:
    units = text.encode("utf-16-le")
    array = (ctypes.c_uint16 * size)()
    ctypes.memmove(array, units, len(units))
    return array


def network_list(
    *networks: tuple[str, str, int] | tuple[str, str, int, int, int],
) -> WLAN_AVAILABLE_NETWORK_LIST:
    """A list as WlanGetAvailableNetworkList returns it: header, then N entries, each
    (profile, SSID, signal[, authentication algorithm, cipher algorithm])."""
    size = WLAN_AVAILABLE_NETWORK_LIST.Network.offset + len(networks) * ctypes.sizeof(
        WLAN_AVAILABLE_NETWORK
    )
    buffer = ctypes.create_string_buffer(size)
    listing = WLAN_AVAILABLE_NETWORK_LIST.from_buffer(buffer)
    listing.dwNumberOfItems = len(networks)
    entries = (WLAN_AVAILABLE_NETWORK * len(networks)).from_buffer(
        buffer, WLAN_AVAILABLE_NETWORK_LIST.Network.offset
    )
    for entry, (profile, name, signal, *algorithms) in zip(entries, networks, strict=True):
        entry.strProfileName = wide(profile)
        entry.dot11Ssid = ssid(name)
        entry.wlanSignalQuality = signal
        if algorithms:
            entry.dot11DefaultAuthAlgorithm, entry.dot11DefaultCipherAlgorithm = algorithms
    return listing


def test_network_names_come_whole_one_entry_per_ssid_strongest_kept() -> None:
    listing = network_list(
        ("Wohnzimmer WLAN 🦊", "Wohnzimmer WLAN 🦊", 88),  # with its profile…
        ("", "Wohnzimmer WLAN 🦊", 95),  # …and without: two entries for one network
        ("", "Photon-7KQX", 74),
        ("", "", 30),  # hidden
    )
    assert networks_from(listing) == [
        VisibleNetwork("Wohnzimmer WLAN 🦊", 95),
        VisibleNetwork("Photon-7KQX", 74),
    ]


def test_each_network_comes_with_its_security_in_the_photons_terms() -> None:
    # DOT11_AUTH_ALGORITHM and DOT11_CIPHER_ALGORITHM values as in wlantypes.h.
    listing = network_list(
        ("Wohnzimmer WLAN 🦊", "Wohnzimmer WLAN 🦊", 88, 7, 0x04),  # RSNA_PSK, CCMP
        ("", "Photon-7KQX", 74, 1, 0x00),  # open, no cipher
        ("", "Old Router", 50, 1, 0x101),  # open system with WEP
        ("", "Campus", 45, 6, 0x04),  # RSNA: WPA2 Enterprise
        ("", "Neighbour 6E", 40, 9, 0x04),  # WPA3 SAE: maybe a transition network
    )
    assert [(n.ssid, n.security) for n in networks_from(listing)] == [
        ("Wohnzimmer WLAN 🦊", Security.WPA2_MIXED_PSK),
        ("Photon-7KQX", Security.OPEN),
        ("Old Router", Security.WEP_PSK),
        ("Campus", Security.WPA2_MIXED_ENT),
        ("Neighbour 6E", None),
    ]


@pytest.mark.parametrize(
    ("auth", "cipher", "security"),
    [
        (1, 0x00, Security.OPEN),
        (1, 0x01, Security.WEP_PSK),
        (1, 0x05, Security.WEP_PSK),
        (2, 0x101, Security.WEP_SHARED),
        (3, 0x02, Security.WPA_MIXED_ENT),
        (4, 0x02, Security.WPA_MIXED_PSK),
        (6, 0x04, Security.WPA2_MIXED_ENT),
        (7, 0x04, Security.WPA2_MIXED_PSK),
        (8, 0x09, Security.WPA2_MIXED_ENT),  # WPA3 Enterprise 192: Enterprise all the same
        (11, 0x04, Security.WPA2_MIXED_ENT),
        (9, 0x04, None),  # SAE
        (10, 0x04, None),  # OWE
        (1, 0x04, None),  # open with a cipher: nothing a Photon knows
        (-0x80000000, 0x00, None),  # a vendor's own (IHV) algorithm
    ],
)
def test_native_algorithms(auth: int, cipher: int, security: Security | None) -> None:
    assert native_security(auth, cipher) == security


def test_interfaces_are_listed_with_their_guid_as_netsh_prints_it() -> None:
    size = WLAN_INTERFACE_INFO_LIST.InterfaceInfo.offset + ctypes.sizeof(WLAN_INTERFACE_INFO)
    buffer = ctypes.create_string_buffer(size)
    listing = WLAN_INTERFACE_INFO_LIST.from_buffer(buffer)
    listing.dwNumberOfItems = 1
    info = listing.InterfaceInfo[0]
    info.InterfaceGuid = guid_struct("{5F3C2A1B-7D4E-4B8A-9C6D-0E1F2A3B4C5D}")
    info.strInterfaceDescription = wide("Intel(R) Wi-Fi 6 AX201 160MHz")
    info.isState = 1  # wlan_interface_state_connected
    assert interfaces_from(listing) == [
        WlanInterface(GUID_TEXT, "Intel(R) Wi-Fi 6 AX201 160MHz", connected=True)
    ]
    assert guid_text(guid_struct(GUID_TEXT)) == GUID_TEXT


def test_the_current_connection_gives_the_profile_and_ssid_exactly() -> None:
    attributes = WLAN_CONNECTION_ATTRIBUTES()
    attributes.strProfileName = wide("Wohnzimmer WLAN 🦊")
    attributes.wlanAssociationAttributes.dot11Ssid = ssid("Wohnzimmer WLAN 🦊")
    assert connection_from(attributes) == WlanConnection("Wohnzimmer WLAN 🦊", "Wohnzimmer WLAN 🦊")


@pytest.mark.parametrize(
    ("states", "off"),
    [
        ([(1, 1)], False),
        ([(RADIO_OFF, 1)], True),  # switched off in Windows
        ([(1, RADIO_OFF)], True),  # by a hardware switch
        ([(RADIO_OFF, 1), (1, 1)], False),  # one of two radios still on
        ([], False),
    ],
)
def test_the_radio_is_off_when_every_radio_is(states: list[tuple[int, int]], off: bool) -> None:
    state = WLAN_RADIO_STATE()
    state.dwNumberOfPhys = len(states)
    for index, (software, hardware) in enumerate(states):
        state.PhyRadioState[index].dwPhyIndex = index
        state.PhyRadioState[index].dot11SoftwareRadioState = software
        state.PhyRadioState[index].dot11HardwareRadioState = hardware
    assert radio_off_from(state) is off


@pytest.mark.skipif(sys.platform == "win32", reason="checks the behaviour off Windows")
def test_importing_never_loads_the_dll_and_elsewhere_the_api_is_simply_absent() -> None:
    # This module imported it above, on a system without wlanapi.dll.
    with pytest.raises(WlanApiError, match="only on Windows"):
        NativeWlan()
    assert load_native_wlan() is None
