"""What the operating system's tools print (nmcli, networksetup, system_profiler, ipconfig,
netsh), what the Native Wifi API hands back, the crash journal on disk and the network
names people type: every reader answers or raises the network layer's typed errors."""

from __future__ import annotations

import ctypes
import json

from fuzz_support import FUZZ, deep_json, fixture_texts, mutated_bytes, mutated_text, parser
from hypothesis import example, given
from hypothesis import strategies as st

from setup_wizard.network.backend import BackendKind, RestorePoint
from setup_wizard.network.commands import CommandResult
from setup_wizard.network.errors import JournalUnreadable, WifiError
from setup_wizard.network.macos import (
    check_networksetup,
    mac_security,
    parse_airport_power,
    parse_current_network,
    parse_hardware_ports,
    parse_preferred_networks,
    parse_summary_ssid,
    parse_system_profiler,
    wifi_candidates,
)
from setup_wizard.network.names import PhotonNames, check_ssid
from setup_wizard.network.nmcli import (
    check,
    nm_security,
    parse_access_points,
    parse_active_connections,
    parse_added_uuid,
    parse_devices,
    parse_in_use,
    parse_permissions,
    parse_radio,
    parse_wifi_list,
)
from setup_wizard.network.windows import (
    _check,
    location_refused,
    mangled,
    netsh_security,
    parse_interfaces,
    parse_networks,
    parse_profile_names,
)
from setup_wizard.network.wlanapi import (
    WLAN_AVAILABLE_NETWORK,
    WLAN_AVAILABLE_NETWORK_LIST,
    WLAN_CONNECTION_ATTRIBUTES,
    WLAN_INTERFACE_INFO,
    WLAN_INTERFACE_INFO_LIST,
    WLAN_RADIO_STATE,
    connection_from,
    interfaces_from,
    networks_from,
    radio_off_from,
)

NMCLI = mutated_text(fixture_texts("nmcli"))
MACOS = mutated_text(fixture_texts("macos", "*.txt"))
PROFILER = mutated_text(fixture_texts("macos", "*.json"))
NETSH = mutated_text(fixture_texts("windows"))
EXIT_CODES = st.sampled_from([0, 1, 2, 3, 4, 8, 10, -9, 255])


@FUZZ
@given(NMCLI)
@example("a:²:x:WPA2\n")
@example("*:a:" + "1" * 5000 + ":WPA2\n")
def test_nmcli_output_reads_without_raising(text: str) -> None:
    parser("nmcli terse tables (devices, connections, permissions, radio)").run(
        lambda: (
            parse_devices(text),
            parse_active_connections(text),
            parse_permissions(text),
            parse_radio(text),
        )
    )
    parser("nmcli Wi-Fi list").run(
        lambda: (parse_access_points(text), parse_wifi_list(text), parse_in_use(text))
    )
    parser("nmcli security words").run(lambda: nm_security(text))
    parser("nmcli connection add (UUID)", WifiError).run(lambda: parse_added_uuid(text))


@FUZZ
@given(NMCLI | NETSH | MACOS, EXIT_CODES)
def test_a_tools_failure_becomes_a_wifi_error(text: str, code: int) -> None:
    result = CommandResult(code, text, text[::-1])
    parser("nmcli exit code and message", WifiError).run(lambda: check(result, doing="join"))
    parser("networksetup message", WifiError).run(
        lambda: check_networksetup(result, doing="join", names=(text[:8],))
    )
    parser("netsh exit code and message", WifiError).run(
        lambda: (location_refused(result), _check(result, doing="join", joining=code % 2 == 0))
    )


@FUZZ
@given(MACOS)
def test_networksetup_and_ipconfig_output_reads_without_raising(text: str) -> None:
    parser("networksetup and ipconfig listings").run(
        lambda: (
            wifi_candidates(parse_hardware_ports(text)),
            parse_airport_power(text, "en1"),
            parse_preferred_networks(text),
            parse_current_network(text),
            parse_summary_ssid(text),
            mac_security(text),
        )
    )


PROFILER_ENTRY = st.fixed_dictionaries(
    {
        "_name": st.text(max_size=8) | st.integers(),
        "spairport_signal_noise": st.sampled_from(
            ["-49 dBm / -93 dBm", "x", "-" + "9" * 5000 + " dBm", "٣ dBm"]
        )
        | st.integers(),
        "spairport_security_mode": st.text(max_size=30),
    }
)


@FUZZ
@given(
    PROFILER
    | st.builds(
        lambda networks, current: json.dumps(
            {
                "SPAirPortDataType": [
                    {
                        "spairport_airport_interfaces": [
                            {
                                "_name": "en1",
                                "spairport_current_network_information": current,
                                "spairport_airport_other_local_wireless_networks": networks,
                            }
                        ]
                    }
                ]
            }
        ),
        st.lists(PROFILER_ENTRY, max_size=4) | st.integers() | st.text(max_size=4),
        PROFILER_ENTRY | st.none(),
    )
)
@example(deep_json(100_000))
@example(
    '{"SPAirPortDataType":[{"spairport_airport_interfaces":[{"_name":"en1",'
    '"spairport_airport_other_local_wireless_networks":[{"_name":"a",'
    '"spairport_signal_noise":"-' + "9" * 5000 + ' dBm"}]}]}]}'
)
def test_system_profiler_output_reads_or_says_the_list_is_unreadable(text: str) -> None:
    parser("system_profiler Wi-Fi list (JSON)", WifiError).run(
        lambda: parse_system_profiler(text, "en1")
    )


@FUZZ
@given(NETSH)
def test_netsh_output_reads_without_raising(text: str) -> None:
    parser("netsh interfaces, profiles and networks").run(
        lambda: (
            parse_interfaces(text),
            parse_profile_names(text),
            parse_networks(text),
            mangled(text),
            netsh_security(text, text[-8:]),
        )
    )


def _filled(kind: type[ctypes.Structure], data: bytes) -> ctypes.Structure:
    """A structure of ``kind`` whose bytes are ``data`` (repeated or cut to its size)."""
    size = ctypes.sizeof(kind)
    return kind.from_buffer_copy(
        (data * (size // max(1, len(data)) + 1))[:size] if data else bytes(size)
    )


def _listing(
    kind: type[ctypes.Structure], item: type[ctypes.Structure], field: str, data: bytes, count: int
) -> ctypes.Structure:
    """A WLAN_*_LIST of ``count`` items filled with ``data``, its count field set to match:
    the API sizes the memory it hands back by the count, so a reader may trust it."""
    offset = getattr(kind, field).offset
    size = max(ctypes.sizeof(kind), offset + count * ctypes.sizeof(item))
    buffer = ctypes.create_string_buffer(
        (data * (size // max(1, len(data)) + 1))[:size] if data else size
    )
    listing = kind.from_buffer(buffer)
    listing.dwNumberOfItems = count
    listing._keep = buffer  # type: ignore[attr-defined]  # the memory lives as long as the listing
    return listing


@FUZZ
@given(st.binary(min_size=1, max_size=200), st.integers(0, 3))
def test_native_wifi_structures_read_whatever_their_bytes(data: bytes, count: int) -> None:
    parser("Native Wifi API structures").run(
        lambda: (
            interfaces_from(
                _listing(
                    WLAN_INTERFACE_INFO_LIST, WLAN_INTERFACE_INFO, "InterfaceInfo", data, count
                )  # type: ignore[arg-type]
            ),
            networks_from(
                _listing(
                    WLAN_AVAILABLE_NETWORK_LIST, WLAN_AVAILABLE_NETWORK, "Network", data, count
                )  # type: ignore[arg-type]
            ),
            connection_from(_filled(WLAN_CONNECTION_ATTRIBUTES, data)),  # type: ignore[arg-type]
            radio_off_from(_filled(WLAN_RADIO_STATE, data)),  # type: ignore[arg-type]
        )
    )


JOURNAL = RestorePoint(
    BackendKind.NETWORK_MANAGER,
    "Photon-7KQX",
    interface="wlp2s0",
    previous="8b2c1f0e-4a6d-4e1b-9f3a-2c5d7e9f1a3b",
    previous_label="HomeNetwork",
    temporary_profile="1f0e8b2c-4a6d-4e1b-9f3a-2c5d7e9f1a3b",
).to_json()


@FUZZ
@given(
    mutated_text([JOURNAL])
    | mutated_bytes([JOURNAL.encode()]).map(lambda b: b.decode("utf-8", "replace"))
)
@example(deep_json(100_000))
def test_a_damaged_crash_journal_says_it_is_damaged(text: str) -> None:
    parser("Wi-Fi crash journal (RestorePoint.from_json)", JournalUnreadable).run(
        lambda: RestorePoint.from_json(text)
    )


@FUZZ
@given(mutated_text(["Photon-7KQX", "7kqx", "photon-A2B4C6", " Photon-x ", "Café-2.4"]))
def test_a_typed_network_name_is_taken_or_refused_with_a_reason(typed: str) -> None:
    names = parser("typed network names", ValueError)  # InvalidNetworkName is a ValueError too
    names.run(lambda: PhotonNames().complete(typed))
    names.run(lambda: check_ssid(typed))
    names.run(lambda: PhotonNames(typed).suffix(typed))


def test_the_samples_are_what_the_parsers_read() -> None:
    assert RestorePoint.from_json(JOURNAL).previous_label == "HomeNetwork"
    assert parse_wifi_list(fixture_texts("nmcli", "wifi_list.txt")[0])
    assert parse_interfaces(fixture_texts("windows", "interfaces_en.txt")[0])
