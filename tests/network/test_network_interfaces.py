"""This computer's addresses as a supporting signal for "on the Photon's network"."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network

from network_fakes import FakeInterfaceTable

from setup_wizard.network.interfaces import (
    InterfaceAddress,
    NetifacesTable,
    addresses_on_photon_subnet,
    photon_subnet,
)


def test_the_real_table_lists_loopback() -> None:
    addresses = NetifacesTable().ipv4_addresses()
    assert IPv4Address("127.0.0.1") in [a.address for a in addresses]


def test_photon_subnet_is_the_devices_24_and_means_nothing_on_loopback() -> None:
    assert photon_subnet("192.168.0.1") == IPv4Network("192.168.0.0/24")
    assert photon_subnet("127.0.0.1") is None
    assert photon_subnet("photon.local") is None


def test_only_addresses_in_the_photon_range_count_and_never_the_device_itself() -> None:
    table = FakeInterfaceTable(
        [
            InterfaceAddress("lo", IPv4Address("127.0.0.1")),
            InterfaceAddress("eth0", IPv4Address("192.168.1.20")),
            InterfaceAddress("wlan0", IPv4Address("192.168.0.2")),
            InterfaceAddress("odd", IPv4Address("192.168.0.1")),
        ]
    )
    assert addresses_on_photon_subnet(table, "192.168.0.1") == [
        InterfaceAddress("wlan0", IPv4Address("192.168.0.2"))
    ]
    assert addresses_on_photon_subnet(table, "127.0.0.1") == []
