"""The USB link: the Photon's listening-mode console over its cable; the computer's Wi-Fi stays.

The console cannot scan, so the networks offered for the Photon come from the computer's
own Wi-Fi scan (the Photon then takes security and cipher from its own scan, and asks only
for a network it does not see). A Photon is "present" when its port answers the console's
``i``: that is listening mode, so after the Wi-Fi settings went, a port that answers again
means the Photon could not join and came back to listening mode.

One connector serves every flow of a bench: it knows which ports have a link open, so
looking for Photons never opens a port another setup is using.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

from setup_wizard.device.errors import DeviceError
from setup_wizard.device.models import ConnectResult, DeviceInfo, WifiNetwork
from setup_wizard.device.security import Security
from setup_wizard.device.usb import UsbConsole, UsbPort, UsbTiming, check_usb_input, list_usb_ports
from setup_wizard.device.usb.errors import UsbProblem, UsbUnreachableError
from setup_wizard.device.validation import typed_ssid
from setup_wizard.flow.links import DeviceLink, FoundDevice, LinkKind, WifiChoice
from setup_wizard.network.backend import RestoreReport, VisibleNetwork
from setup_wizard.network.wifi import PhotonWifi
from setup_wizard.secret import ClaimCode, WifiPassword

log = logging.getLogger(__name__)

PortLister = Callable[[], list[UsbPort]]
"""Lists the ports of Photons plugged in (blocking: run in a thread)."""

PROBE_LIMIT = 2.0
"""Seconds a port has to answer ``i`` to count as a Photon in listening mode."""

RECHECK = 10.0
"""Seconds before a port is asked again while Photons are looked for (a new port: at once).
Each look sends the Photon a byte, which a Photon not in listening mode keeps for later."""

_CANNOT_OPEN = (UsbProblem.DENIED, UsbProblem.BUSY)

UNKNOWN_SECURITY = Security.WPA2_MIXED_PSK
"""For a network the computer's scan does not describe: by far the most common kind. The
Photon takes the real security from its own scan whenever it sees the network."""


def _rssi(signal: int | None) -> int:
    """The computer's 0–100 signal as dBm (the usual linear mapping), for bars and order."""
    return -100 + (signal if signal is not None else 40) // 2


def as_wifi_network(network: VisibleNetwork) -> WifiNetwork:
    """A network of the computer's scan, shaped like one of the Photon's (channel unknown)."""
    security = network.security if network.security is not None else UNKNOWN_SECURITY
    return WifiNetwork(network.ssid, security, _rssi(network.signal), 0)


@dataclass(frozen=True)
class UsbSettings:
    """How the connector reaches ports; the simulation lists its pseudo-terminals instead."""

    list_ports: PortLister = list_usb_ports
    timing: UsbTiming | None = None
    probe_limit: float = PROBE_LIMIT
    recheck: float = RECHECK


class UsbLink:
    """A console on one port, seen through the flow's protocol."""

    def __init__(self, console: UsbConsole, wifi: PhotonWifi | None) -> None:
        self._console = console
        self._wifi = wifi

    @property
    def can_scan(self) -> bool:
        """The computer's scan stands in for the Photon's, when the computer has one."""
        return self._wifi is not None and self._wifi.capabilities.can_scan

    async def device_info(self) -> DeviceInfo:
        return await self._console.device_info()

    async def prepare(self) -> None:
        """Nothing to fetch: the password goes over the cable as typed (no key needed)."""

    async def scan(self) -> list[WifiNetwork]:
        return await _nearby_networks(self._wifi)

    def check(self, choice: WifiChoice, password: WifiPassword | None) -> None:
        UsbConnector.check(choice, password)

    async def set_claim_code(self, code: ClaimCode) -> None:
        await self._console.set_claim_code(code)

    async def configure(self, choice: WifiChoice, password: WifiPassword | None) -> None:
        await self._console.configure(_ssid_bytes(choice), choice.security, password)

    async def connect(self) -> ConnectResult:
        """The console's "Awesome" already sent the Photon on its way: nothing to send."""
        return ConnectResult.ACCEPTED


async def _nearby_networks(wifi: PhotonWifi | None) -> list[WifiNetwork]:
    """The computer's scan as Photon scan results (none where it has no Wi-Fi to ask)."""
    return [] if wifi is None else [as_wifi_network(n) for n in await wifi.nearby_networks()]


def _ssid_bytes(choice: WifiChoice) -> bytes:
    return choice.network.raw_ssid if choice.network is not None else typed_ssid(choice.ssid)


class UsbConnector:
    """Photons on USB cables, found by their USB ids and named by their device IDs."""

    kind = LinkKind.USB
    joins_by_hand = False
    last_restore: RestoreReport | None = None

    def __init__(self, wifi: PhotonWifi | None = None, settings: UsbSettings | None = None):
        self._wifi = wifi
        self._settings = settings or UsbSettings()
        self._busy: set[str] = set()
        """Ports with a link open: never probed (a second opener would steal its bytes)."""
        self._ids: dict[str, str] = {}
        """Device IDs of the ports seen answering, kept while the port stays plugged in."""
        self.unopenable: dict[str, UsbUnreachableError] = {}
        """Photons plugged in whose port this computer may not open (permission denied, or
        held by another program), by port: why, for the person to act on."""
        self._home: str | None = None
        self._looked: dict[str, float] = {}
        """When each port was last asked (monotonic seconds)."""
        self._serials: dict[str, str | None] = {}
        """The USB serial number (the device ID) each port was last listed with."""

    @property
    def home_network(self) -> str | None:
        """The Wi-Fi this computer was on when the last link opened (it stays on it): the
        network pre-selected for the Photon."""
        return self._home

    def join_instructions(self, target: str | None) -> str:
        return ""

    def check_now(self) -> None:
        """Nothing to cut short: ports are looked at whenever ``find`` runs."""

    async def ports(self) -> list[UsbPort]:
        """Every Photon or P1 plugged in, in listening mode or not."""
        return await asyncio.to_thread(self._settings.list_ports)

    async def find(self) -> Sequence[FoundDevice]:
        """Photons in listening mode on a cable, not already being set up, by device ID."""
        ports = [port for port in await self.ports() if port.path not in self._busy]
        listed = {port.path for port in ports} | self._busy
        for known in (self._ids, self.unopenable, self._looked, self._serials):
            for gone in set(known) - listed:
                del known[gone]
        for port in ports:  # another Photon on a port seen before (swapped): new, ask at once
            if self._serials.get(port.path, port.serial_number) != port.serial_number:
                self._looked.pop(port.path, None)
                self._ids.pop(port.path, None)
            self._serials[port.path] = port.serial_number
        now, recheck = time.monotonic(), self._settings.recheck
        due = [p.path for p in ports if now - self._looked.get(p.path, -recheck) >= recheck]
        for path in due:  # now, so that a look running meanwhile does not ask them twice
            self._looked[path] = now
        await asyncio.gather(*(self._probe(path) for path in due))
        return [
            FoundDevice(port.path, _label(port, self._ids[port.path]))
            for port in ports
            if port.path in self._ids
        ]

    async def _probe(self, path: str) -> str | None:
        """The device ID if the port's console answers now (listening mode), else None."""
        self._looked[path] = time.monotonic()
        try:
            async with asyncio.timeout(self._settings.probe_limit):
                async with UsbConsole(path, timing=self._settings.timing) as console:
                    device_id = await console.device_id()
        except (TimeoutError, DeviceError, OSError) as error:
            log.debug("USB port %s does not answer as a console: %s", path, error)
            self._ids.pop(path, None)
            self.unopenable.pop(path, None)
            if isinstance(error, UsbUnreachableError) and error.problem in _CANNOT_OPEN:
                self.unopenable[path] = error
            return None
        self.unopenable.pop(path, None)
        self._ids[path] = device_id
        return device_id

    def open(self, target: str | None) -> AbstractAsyncContextManager[DeviceLink]:
        if target is None:
            raise ValueError("a USB link needs the port of the Photon")
        return self._open(target)

    @asynccontextmanager
    async def _open(self, path: str) -> AsyncIterator[DeviceLink]:
        if path in self._busy:
            raise ValueError(f"{path} is already in use by another setup")
        self._busy.add(path)
        try:
            if self._wifi is not None:
                self._home = await self._wifi.current_network()
            async with UsbConsole(path, timing=self._settings.timing) as console:
                yield UsbLink(console, self._wifi)
        finally:
            self._busy.discard(path)
            self._looked.pop(path, None)  # it may have left listening mode: look again
            self._ids.pop(path, None)

    async def present(self, target: str) -> bool | None:
        """Whether the Photon on ``target`` is in listening mode (answers its console)."""
        if target in self._busy:
            return True
        if target not in {port.path for port in await self.ports()}:
            return False
        return await self._probe(target) is not None

    async def wait_for_internet(self, timeout: float) -> bool:  # noqa: ASYNC109
        """The computer never left its network."""
        return True

    # -- before any Photon is opened (a bench choosing for several at once) ---------------

    async def nearby_networks(self) -> list[WifiNetwork]:
        """The computer's scan, as a link's ``scan`` gives it (ScanUnavailable: type it)."""
        return await _nearby_networks(self._wifi)

    async def current_network(self) -> str | None:
        """The Wi-Fi this computer is on now (to suggest it), None when unknown."""
        return None if self._wifi is None else await self._wifi.current_network()

    @staticmethod
    def check(choice: WifiChoice, password: WifiPassword | None) -> None:
        """What a link's ``check`` would say about these settings, with no Photon open."""
        check_usb_input(_ssid_bytes(choice), choice.security, password)


def _label(port: UsbPort, device_id: str) -> str:
    return f"{port.product} {device_id}"
