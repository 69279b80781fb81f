"""This computer's IPv4 addresses: a supporting signal that it is on the Photon's network.

An address in the Photon's /24 (192.168.0.x for a real device) makes "on the Photon's
network" likely, but many home routers use the same subnet, so only the device probe
decides. The adapter is tiny so tests feed it fake interface tables.
"""

from __future__ import annotations

import ipaddress
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
