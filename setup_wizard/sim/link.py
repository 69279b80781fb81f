"""The one seam between the simulated Photons and the simulated cloud.

A real Photon that joins Wi-Fi opens a cloud session, publishes its claim code during
the handshake and is told whether the claim was accepted; it goes offline when it
drops back to listening mode. The simulated Photon reports exactly these moments here,
and the simulated cloud implements the protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Handshake:
    """What a simulated Photon tells the cloud when it connects."""

    device_id: str  # 24 hex digits, lower case, as the cloud writes device IDs
    platform_id: int  # 6 = Photon, 8 = P1
    claim_code: str | None  # the code given with SoftAP `set`, if any
    ssid: str  # the Wi-Fi network the device joined


class CloudLink(Protocol):
    async def device_online(self, handshake: Handshake) -> bool:
        """The device finished its cloud handshake; True if its claim code was accepted."""
        ...

    async def device_offline(self, device_id: str) -> None:
        """The device left the cloud (back to listening mode, or powered off)."""
        ...


class NoCloud:
    """A link for a Photon simulated alone: the handshake happens, nobody answers the claim."""

    async def device_online(self, handshake: Handshake) -> bool:
        return False

    async def device_offline(self, device_id: str) -> None:
        return None
