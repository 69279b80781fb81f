"""This computer's IPv4 addresses: where it stands on the Photon's subnet.

An address in the Photon's /24 (192.168.0.x for a real device) makes "on the Photon's
network" likely, but many home routers use the same subnet, so only the device probe
decides. The address on the Wi-Fi interface is also the one to send from: when Ethernet
reaches a router on the same subnet, packets to 192.168.0.1 would otherwise go there.
The adapter is tiny so tests feed it fake interface tables.

Interface names are the address table's own: ``wlp2s0`` or ``en0``, but on Windows the
adapter GUID (``{5F3C…}``), which is never shown to a person.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network
from typing import Protocol

import netifaces


@dataclass(frozen=True)
class InterfaceAddress:
    interface: str
    address: IPv4Address


class InterfaceTable(Protocol):
    def ipv4_addresses(self) -> list[InterfaceAddress]: ...


class NetifacesTable:
    """The real table. netifaces reads it with one getifaddrs() call, which does not block
    on I/O, so it is called on the event loop directly."""

    def ipv4_addresses(self) -> list[InterfaceAddress]:
        found: list[InterfaceAddress] = []
        for name in netifaces.interfaces():
            for entry in netifaces.ifaddresses(name).get(netifaces.AF_INET, []):
                text = str(entry.get("addr", "")).split("%")[0]
                try:
                    found.append(InterfaceAddress(name, IPv4Address(text)))
                except ValueError:
                    continue
        return found


def photon_subnet(device_host: str) -> IPv4Network | None:
    """The /24 a Photon at ``device_host`` hands out, or None where the check means nothing
    (a simulated Photon on loopback, a host name)."""
    try:
        host = ipaddress.ip_address(device_host)
    except ValueError:
        return None
    if not isinstance(host, IPv4Address) or host.is_loopback or not host.is_private:
        return None
    return IPv4Network(f"{host}/24", strict=False)


_GUID = re.compile(
    r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
)


def same_interface(name: str, other: str) -> bool:
    """Whether two names are the same interface (Windows GUIDs come with or without braces
    and in either case)."""
    return name.strip("{}").lower() == other.strip("{}").lower()


def shown_name(name: str) -> str | None:
    """The interface name as a person may read it, or None for a Windows adapter GUID."""
    return None if _GUID.fullmatch(name) else name


@dataclass(frozen=True)
class SubnetUse:
    """Which of this computer's addresses lie in the Photon's subnet: on the Wi-Fi
    interface, and elsewhere (a competing route, e.g. Ethernet to a home router)."""

    wifi: list[InterfaceAddress]
    others: list[InterfaceAddress]


def subnet_use(table: InterfaceTable, device_host: str, wifi_interface: str | None) -> SubnetUse:
    """This computer's Photon-subnet addresses, split by whether they are on
    ``wifi_interface`` (None: unknown, everything counts as elsewhere)."""
    found = addresses_on_photon_subnet(table, device_host)
    on_wifi = [
        entry
        for entry in found
        if wifi_interface is not None and same_interface(entry.interface, wifi_interface)
    ]
    return SubnetUse(on_wifi, [entry for entry in found if entry not in on_wifi])


def addresses_on_photon_subnet(table: InterfaceTable, device_host: str) -> list[InterfaceAddress]:
    """This computer's addresses in the Photon's subnet (other than the device's own)."""
    subnet = photon_subnet(device_host)
    if subnet is None:
        return []
    device = IPv4Address(device_host)
    return [
        entry
        for entry in table.ipv4_addresses()
        if entry.address in subnet and entry.address != device
    ]
