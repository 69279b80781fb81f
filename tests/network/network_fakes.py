"""Test doubles at the two boundaries the network layer cannot cross in tests.

``FakeRunner`` stands in for the OS process boundary (no nmcli/netsh/networksetup exists
here, and none may touch the machine's Wi-Fi): it answers from recorded outputs and records
every argument list, so tests assert the exact command sequence. ``StubDevice`` answers the
device probe for the real Photon address 192.168.0.1 without sending a packet; tests that
exercise real probing use a simulated Photon on 127.0.0.1 instead. A runner can tell the
device that a command took the computer off the Photon's network (``when``), so the
session's check after a restore sees what a real computer would. ``FakeWlan`` stands in for
the Windows Native Wifi API, the one boundary that is not a process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.models import DeviceInfo
from setup_wizard.network.backend import VisibleNetwork
from setup_wizard.network.commands import CommandResult
from setup_wizard.network.interfaces import InterfaceAddress
from setup_wizard.network.nmcli import NetworkManagerBackend
from setup_wizard.network.wifi import WifiTiming
from setup_wizard.network.wlanapi import WlanApiError, WlanConnection, WlanInterface

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    """A recorded output, byte for byte (Windows ones keep their CRLF line ends)."""
    return (FIXTURES / name).read_bytes().decode("utf-8")


@dataclass
class _Rule:
    prefix: tuple[str, ...]
    result: CommandResult
    once: bool


@dataclass
class FakeRunner:
    """Answers commands whose argv starts with a registered prefix; the newest rule wins,
    a ``once`` rule is used up by its first match. An unknown command fails the test."""

    calls: list[tuple[str, ...]] = field(default_factory=list)
    _rules: list[_Rule] = field(default_factory=list)
    _effects: list[tuple[tuple[str, ...], Callable[[], None]]] = field(default_factory=list)
    gate: asyncio.Event | None = None  # while cleared, commands wait (to cancel mid-command)
    blocked: asyncio.Event = field(default_factory=asyncio.Event)  # a command waits at the gate

    def on(
        self,
        *prefix: str,
        stdout: str = "",
        stderr: str = "",
        returncode: int = 0,
        once: bool = False,
    ) -> FakeRunner:
        self._rules.append(_Rule(prefix, CommandResult(returncode, stdout, stderr), once))
        return self

    def when(self, *prefix: str, then: Callable[[], None]) -> FakeRunner:
        """Call ``then`` each time a command starting with ``prefix`` exits with 0 (whichever
        rule answered it)."""
        self._effects.append((prefix, then))
        return self

    async def run(
        self,
        argv: Sequence[str],
        *,
        timeout: float,  # noqa: ASYNC109 - the CommandRunner protocol
    ) -> CommandResult:
        assert timeout > 0
        command = tuple(argv)
        self.calls.append(command)
        if self.gate is not None and not self.gate.is_set():
            self.blocked.set()
            await self.gate.wait()
        for rule in reversed(self._rules):
            if command[: len(rule.prefix)] == rule.prefix:
                if rule.once:
                    self._rules.remove(rule)
                if rule.result.returncode == 0:
                    for prefix, effect in self._effects:
                        if command[: len(prefix)] == prefix:
                            effect()
                return rule.result
        raise AssertionError(f"unexpected command: {command}")

    def calls_starting(self, *prefix: str) -> list[tuple[str, ...]]:
        return [c for c in self.calls if c[: len(prefix)] == prefix]


PHOTON = DeviceAddress()  # 192.168.0.1: only ever handed to StubDevice, never connected to
DEVICE_ID = "3a0021000447343233323032"


@dataclass
class StubDevice:
    """The device probe for a Photon at ``address``: answers while ``answering`` is set.

    ``reachable_from`` models a competing route (Ethernet to a home router on the same
    subnet): then only probes sent from that local address reach the Photon.
    """

    address: DeviceAddress = PHOTON
    answering: bool = True
    reachable_from: str | None = None
    probed: list[DeviceAddress] = field(default_factory=list)
    first_probe: asyncio.Event = field(default_factory=asyncio.Event)

    async def __call__(
        self,
        address: DeviceAddress,
        *,
        timeout: float = 3.0,  # noqa: ASYNC109 - the device probe's signature
    ) -> DeviceInfo | None:
        assert timeout > 0
        self.probed.append(address)
        self.first_probe.set()
        await asyncio.sleep(0)
        same = (address.host, address.tcp_port, address.http_port) == (
            self.address.host,
            self.address.tcp_port,
            self.address.http_port,
        )
        reached = self.reachable_from is None or address.local_host == self.reachable_from
        if self.answering and same and reached:
            return DeviceInfo(DEVICE_ID, claimed=False)
        return None

    def leave(self) -> None:
        """The computer is off the Photon's network now: the device no longer answers."""
        self.answering = False

    def rejoin(self) -> None:
        """The computer went back to the Photon's network: the device answers again."""
        self.answering = True


def device_left_by(runner: FakeRunner, *commands: tuple[str, ...]) -> StubDevice:
    """A Photon that answers until one of ``commands`` succeeds, as each takes the computer
    off the Photon's network."""
    device = StubDevice()
    for command in commands:
        runner.when(*command, then=device.leave)
    return device


#: Default timeouts with short pauses and a short check after the restore (else seconds a test).
BRISK = WifiTiming(leave_check=0.05, poll_interval=0.01)


@dataclass
class FakeInterfaceTable:
    entries: list[InterfaceAddress] = field(default_factory=list)

    def ipv4_addresses(self) -> list[InterfaceAddress]:
        return list(self.entries)


@dataclass
class FakeWlan:
    """The Native Wifi API of a Windows computer, as ``wlanapi.py`` decodes it; None for a
    call means it fails (as on 24H2 without location access, error 5)."""

    connection: WlanConnection | None = None
    networks: list[VisibleNetwork] | None = None
    radio_is_off: bool | None = False
    aliases: dict[str, str] = field(default_factory=dict)
    listed: list[WlanInterface] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def interfaces(self) -> list[WlanInterface]:
        self.calls.append("interfaces")
        return list(self.listed)

    def current_connection(self, guid: str) -> WlanConnection | None:
        self.calls.append(f"current_connection {guid}")
        return self.connection

    def visible_networks(self, guid: str) -> list[VisibleNetwork]:
        self.calls.append(f"visible_networks {guid}")
        if self.networks is None:
            raise WlanApiError("WlanGetAvailableNetworkList failed with error 5", 5)
        return list(self.networks)

    def radio_off(self, guid: str) -> bool:
        self.calls.append(f"radio_off {guid}")
        if self.radio_is_off is None:
            raise WlanApiError("WlanQueryInterface(4) failed with error 5", 5)
        return self.radio_is_off

    def alias(self, guid: str) -> str:
        self.calls.append(f"alias {guid}")
        return self.aliases[guid]


# --- a NetworkManager laptop, shared by the nmcli tests and the crash-recovery child ----------

HOME_UUID = "6f2c1c1e-8a3b-4c5d-9e0f-112233445566"
TEMP_UUID = "0b6f4e7e-2f0c-4f52-9a43-6c1f1d1e9a10"
NM_RADIO = ("nmcli", "-t", "-f", "WIFI-HW,WIFI", "radio")
#: Reads the active connections: the snapshot, and the checks of where the computer is.
NM_SNAPSHOT = ("nmcli", "-t", "-f", "UUID,TYPE,DEVICE,NAME", "connection", "show", "--active")
NM_WIFI_LIST = ("nmcli", "-t", "-f", "IN-USE,SSID,SIGNAL,SECURITY", "device", "wifi", "list")
NM_ADD = ("nmcli", "connection", "add")
NM_JOIN = ("nmcli", "--wait", "30", "connection", "up", "uuid", TEMP_UUID, "ifname", "wlp2s0")
NM_BACK_HOME = ("nmcli", "--wait", "30", "connection", "up", "uuid", HOME_UUID, "ifname", "wlp2s0")
NM_DELETE = ("nmcli", "connection", "delete", "uuid", TEMP_UUID)
NM_DEVICE_CONNECT = ("nmcli", "--wait", "30", "device", "connect", "wlp2s0")
#: What takes the computer off the Photon's network: another profile up, or ours deleted.
NM_LEAVING = (NM_BACK_HOME, NM_DEVICE_CONNECT, NM_DELETE)


def nm_backend(runner: FakeRunner) -> NetworkManagerBackend:
    """NetworkManager on wlp2s0 for alice, naming its temporary profile ``TEMP_UUID``."""
    return NetworkManagerBackend(runner, "wlp2s0", user="alice", new_uuid=lambda: TEMP_UUID)


def network_manager_runner() -> FakeRunner:
    """A laptop on "Café: 2.4GHz \\ upstairs" over wlp2s0, everything allowed."""
    runner = FakeRunner()
    runner.on(
        "nmcli", "-t", "-f", "RUNNING", "general", stdout=fixture("nmcli/general_running.txt")
    )
    runner.on("nmcli", "-t", "-f", "PERMISSION,VALUE", stdout=fixture("nmcli/permissions.txt"))
    runner.on("nmcli", "-t", "-f", "DEVICE,TYPE,STATE", stdout=fixture("nmcli/device_status.txt"))
    runner.on(*NM_RADIO, stdout=fixture("nmcli/radio_enabled.txt"))
    runner.on(*NM_SNAPSHOT, stdout=fixture("nmcli/active_connections.txt"))
    runner.on(*NM_WIFI_LIST, stdout=fixture("nmcli/wifi_list.txt"))
    runner.on(*NM_ADD, stdout=fixture("nmcli/connection_add.txt"))
    runner.on(
        "nmcli", "--wait", "30", "connection", "up", stdout=fixture("nmcli/connection_up.txt")
    )
    runner.on("nmcli", "connection", "delete", stdout=fixture("nmcli/connection_delete.txt"))
    runner.on(*NM_DEVICE_CONNECT, stdout=fixture("nmcli/device_connect.txt"))
    return runner
