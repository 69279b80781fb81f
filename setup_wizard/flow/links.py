"""How the flow talks to a Photon: a *connector* finds devices and opens a *link* to one.

Today the link is the Photon's own Wi-Fi access point (SoftAP: join its network, then TCP or
HTTP); a USB cable is the next one. The flow and the pages see only these protocols, so the
second transport adds a connector and changes no page logic.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from setup_wizard.device.models import ConnectResult, DeviceInfo, WifiNetwork
from setup_wizard.device.security import Security
from setup_wizard.network.backend import RestoreReport
from setup_wizard.secret import ClaimCode, WifiPassword


class LinkKind(StrEnum):
    SOFTAP = "wifi"
    """Over the Photon's own Wi-Fi network: the computer leaves its own network meanwhile."""
    USB = "usb"
    """Over a USB cable: the computer stays on its own network."""


@dataclass(frozen=True)
class FoundDevice:
    """A Photon in listening mode that a connector can open."""

    target: str
    """What :meth:`DeviceConnector.open` takes: the Photon's network name, or a serial port."""
    label: str
    """What the person sees in a list."""
    signal: int | None = None
    """0–100 where known (Wi-Fi), else None."""


@dataclass(frozen=True)
class WifiChoice:
    """The network the Photon should join: one from its own scan, or one typed by hand."""

    ssid: str
    """The name as shown (a scanned name that is not UTF-8 shows replacement characters)."""
    security: Security
    network: WifiNetwork | None = None
    """The scan result, whose exact bytes are what is sent; None for a typed name."""

    @classmethod
    def scanned(cls, network: WifiNetwork) -> WifiChoice:
        return cls(network.ssid, network.security, network)

    @classmethod
    def typed(cls, ssid: str, security: Security) -> WifiChoice:
        return cls(ssid, security, None)

    @property
    def hidden(self) -> bool:
        """Typed by hand: not in the Photon's scan (hidden, out of range, or 5 GHz)."""
        return self.network is None

    @property
    def needs_password(self) -> bool:
        return self.security.needs_password


class DeviceLink(Protocol):
    """An open conversation with one Photon in listening mode."""

    @property
    def can_scan(self) -> bool:
        """Whether the device can list the Wi-Fi networks it sees (SoftAP can, USB cannot)."""

    async def device_info(self) -> DeviceInfo: ...

    async def prepare(self) -> None:
        """Fetch what sending the Wi-Fi settings needs (the SoftAP public key)."""

    async def scan(self) -> list[WifiNetwork]: ...

    def check(self, choice: WifiChoice, password: WifiPassword | None) -> None:
        """Raise ``InvalidSetupInputError`` if this link cannot carry these settings."""

    async def set_claim_code(self, code: ClaimCode) -> None: ...

    async def configure(self, choice: WifiChoice, password: WifiPassword | None) -> None: ...

    async def connect(self) -> ConnectResult: ...


class DeviceConnector(Protocol):
    """Finds Photons in listening mode and opens links to them, over one kind of transport."""

    @property
    def kind(self) -> LinkKind: ...

    @property
    def joins_by_hand(self) -> bool:
        """True when the person must join (and later leave) the device's network themselves."""

    @property
    def home_network(self) -> str | None:
        """The Wi-Fi this computer was on before the last link opened, by name (to pre-select
        it for the Photon); None when unknown or when the link does not switch networks."""

    @property
    def last_restore(self) -> RestoreReport | None:
        """What closing the last link did to this computer's own network (None: nothing)."""

    def join_instructions(self, target: str | None) -> str:
        """What the person does by hand to reach the device (empty when nothing)."""

    async def find(self) -> Sequence[FoundDevice]:
        """Devices in listening mode now; raises ``ScanUnavailable`` when this cannot be known."""

    def open(self, target: str | None) -> AbstractAsyncContextManager[DeviceLink]:
        """A link to ``target`` (None: whichever device the person joins by hand). Leaving
        the context gives the computer its own network back, whatever happened."""

    def check_now(self) -> None:
        """Cut a wait for the device short ("I have joined its network")."""

    async def present(self, target: str) -> bool | None:
        """Whether ``target`` is in listening mode right now; None when this cannot be seen."""

    async def wait_for_internet(self, timeout: float) -> bool:  # noqa: ASYNC109
        """After a link closed: True once this computer reaches the internet again."""
