"""Where a Photon's setup servers are: 192.168.0.1 for a real one, loopback for a simulation."""

from __future__ import annotations

from dataclasses import dataclass

PHOTON_HOST = "192.168.0.1"
PHOTON_TCP_PORT = 5609
PHOTON_HTTP_PORT = 80


@dataclass(frozen=True)
class DeviceAddress:
    """The host and the two ports of a Photon in listening mode.

    ``local_host`` is this computer's own address on the Photon's network, when the network
    layer knows it: the device client binds its sockets to it, so that the packets leave
    through the Wi-Fi interface even when another interface (often Ethernet to a home
    router) has a route to the same 192.168.0.0/24 subnet.
    """

    host: str = PHOTON_HOST
    tcp_port: int = PHOTON_TCP_PORT
    http_port: int = PHOTON_HTTP_PORT
    local_host: str | None = None

    def __str__(self) -> str:
        return f"{self.host} (TCP {self.tcp_port}, HTTP {self.http_port})"
