"""Where a Photon's setup servers are: 192.168.0.1 for a real one, loopback for a simulation."""

from __future__ import annotations

from dataclasses import dataclass

PHOTON_HOST = "192.168.0.1"
PHOTON_TCP_PORT = 5609
PHOTON_HTTP_PORT = 80


@dataclass(frozen=True)
class DeviceAddress:
    """The host and the two ports of a Photon in listening mode."""

    host: str = PHOTON_HOST
    tcp_port: int = PHOTON_TCP_PORT
    http_port: int = PHOTON_HTTP_PORT

    def __str__(self) -> str:
        return f"{self.host} (TCP {self.tcp_port}, HTTP {self.http_port})"
