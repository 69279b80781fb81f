"""Windows: ``netsh wlan`` with a temporary open-network profile (wifi-join.md §5).

netsh output is translated into the Windows display language, so nothing here depends on
the words: interface blocks are found by their GUID value, the interface name is the first
line of its block, "connected" means the block has an ``SSID`` line (a technical term left
untranslated), success is the exit code, and the Windows 11 24H2 location refusal is
recognised by the ``ms-settings:privacy-location`` address it prints. The only translated
word read is the "Profile" key, with a fallback to the profile list.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from setup_wizard.network.backend import (
    BackendKind,
    Capabilities,
    RestorePoint,
    RestoreReport,
    VisibleNetwork,
    WifiBackend,
)
from setup_wizard.network.commands import CommandResult, CommandRunner
from setup_wizard.network.errors import (
    JoinFailed,
    LocationPermissionDenied,
    NoWifiAdapter,
    ScanUnavailable,
    WifiError,
)

log = logging.getLogger(__name__)

NETSH = "netsh"
QUICK = 15.0
PROFILE_NAMESPACE = "http://www.microsoft.com/networking/WLAN/profile/v1"
LOCATION_SETTINGS = "ms-settings:privacy-location"
_GUID = re.compile(
    r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
)
_KEY_VALUE = re.compile(r"^\s*(?P<key>[^:]*?)\s*: (?P<value>.*)$")
# "Profile" in the display languages we know; other languages fall back to the profile list.
_PROFILE_KEYS = frozenset({"profile", "profil", "perfil", "profilo", "profiel"})
_SSID_HEADING = re.compile(r"^SSID \d+\s*:(?: (?P<ssid>.*))?$")
_PERCENT = re.compile(r"^(\d{1,3})\s?%$")


@dataclass(frozen=True)
class NetshInterface:
    """One block of ``netsh wlan show interfaces``; ``ssid`` None means not connected."""

    name: str
    guid: str
    ssid: str | None = None
    profile: str | None = None


def _key_values(block: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for line in block:
        match = _KEY_VALUE.match(line)
        if match:
            pairs.append((match.group("key"), match.group("value")))
    return pairs


def _paragraphs(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def parse_interfaces(text: str) -> list[NetshInterface]:
    """Interface blocks of ``netsh wlan show interfaces``, in any display language."""
    found = []
    for block in _paragraphs(text):
        pairs = _key_values(block)
        guid = next((v.strip() for _, v in pairs if _GUID.fullmatch(v.strip())), None)
        if guid is None or not pairs:
            continue
        name = pairs[0][1].strip()  # the first line of a block is the interface name
        ssid = next((v for k, v in pairs if k == "SSID"), None)
        profile = next((v for k, v in pairs if k.lower() in _PROFILE_KEYS), None)
        found.append(NetshInterface(name, guid.strip("{}").lower(), ssid, profile))
    return found


def parse_profile_names(text: str) -> list[str]:
    """Profile names in ``netsh wlan show profiles``: the values of the indented
    ``<label> : <name>`` lines (the label is translated, the layout is not)."""
    names = []
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        if not line.startswith(" "):
            continue
        match = _KEY_VALUE.match(line)
        if match and match.group("value").strip():
            names.append(match.group("value"))
    return names


def parse_networks(text: str) -> list[VisibleNetwork]:
    """``netsh wlan show networks mode=bssid``: ``SSID <n> : <name>`` headings start at the
    margin in every language; the signal is the indented value that reads like ``85%``."""
    networks: dict[str, int | None] = {}
    current: str | None = None
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        heading = _SSID_HEADING.match(line)
        if heading:
            current = heading.group("ssid") or None
            if current:
                networks.setdefault(current, None)
            continue
        if current and line.startswith(" "):
            match = _KEY_VALUE.match(line)
            percent = _PERCENT.match(match.group("value").strip()) if match else None
            if percent:
                signal = int(percent.group(1))
                known = networks.get(current)
                networks[current] = signal if known is None else max(known, signal)
    return [VisibleNetwork(ssid, signal) for ssid, signal in networks.items() if ssid]


def location_refused(result: CommandResult) -> bool:
    return LOCATION_SETTINGS in result.output


def refusal_error(result: CommandResult) -> LocationPermissionDenied:
    return LocationPermissionDenied(
        "Windows lets apps see and change Wi-Fi only with location access turned on "
        "(Settings › Privacy & security › Location › “Let desktop apps access your "
        "location”). Turn it on and start again, or join the Photon's network yourself "
        "from the network icon in the taskbar.",
        detail=result.output.strip(),
    )


def open_network_profile(profile_name: str, ssid: str) -> str:
    """A WLANProfile v1 for an open network that Windows never joins by itself
    (``connectionMode manual``). The SSID goes in both as UTF-8 hex (exact bytes) and as
    text; ElementTree escapes the text."""
    root = ET.Element("WLANProfile", xmlns=PROFILE_NAMESPACE)
    ET.SubElement(root, "name").text = profile_name
    ssid_element = ET.SubElement(ET.SubElement(root, "SSIDConfig"), "SSID")
    ET.SubElement(ssid_element, "hex").text = ssid.encode("utf-8").hex().upper()
    ET.SubElement(ssid_element, "name").text = ssid
    ET.SubElement(root, "connectionType").text = "ESS"
    ET.SubElement(root, "connectionMode").text = "manual"
    auth = ET.SubElement(ET.SubElement(ET.SubElement(root, "MSM"), "security"), "authEncryption")
    ET.SubElement(auth, "authentication").text = "open"
    ET.SubElement(auth, "encryption").text = "none"
    ET.SubElement(auth, "useOneX").text = "false"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def temporary_profile_name(ssid: str) -> str:
    return f"photon-setup-{ssid}"


_JOIN_ADVICE = (
    "Check that the Photon is blinking dark blue and close to this computer, then try again, "
    "or join its network from the network icon in the taskbar."
)
_OTHER_ADVICE = (
    "Try again; if it keeps failing, join the Photon's network yourself from the network icon "
    "in the taskbar."
)


def _check(result: CommandResult, *, doing: str, joining: bool = False) -> None:
    """netsh's exit code decides (its text is translated); the 24H2 refusal is recognised by
    the settings address it prints."""
    if location_refused(result):
        raise refusal_error(result)
    if result.returncode != 0:
        failure = JoinFailed if joining else WifiError
        advice = _JOIN_ADVICE if joining else _OTHER_ADVICE
        raise failure(f"Windows could not {doing}. {advice}", detail=result.output.strip())


class WindowsWifiBackend(WifiBackend):
    kind = BackendKind.WINDOWS

    def __init__(
        self, runner: CommandRunner, interface: str, *, temporary_folder: Path | None = None
    ) -> None:
        self._runner = runner
        self.interface = interface
        self._temporary_folder = temporary_folder

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(can_scan=True, can_join=True)

    async def _netsh(self, *args: str, doing: str, joining: bool = False) -> CommandResult:
        result = await self._runner.run([NETSH, "wlan", *args], timeout=QUICK)
        _check(result, doing=doing, joining=joining)
        return result

    async def scan(self) -> list[VisibleNetwork]:
        # netsh lists Windows' own periodic scan results; it has no rescan command.
        try:
            result = await self._netsh(
                "show", "networks", "mode=bssid", f"interface={self.interface}",
                doing="list Wi-Fi networks",
            )  # fmt: skip
        except LocationPermissionDenied as refusal:
            raise ScanUnavailable(refusal.message, detail=refusal.detail) from refusal
        except WifiError as error:
            raise ScanUnavailable(
                "Windows could not list Wi-Fi networks. Type the Photon's network name, or "
                "join it from the network icon in the taskbar.",
                detail=error.detail,
            ) from error
        return parse_networks(result.stdout)

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        result = await self._netsh("show", "interfaces", doing="read the current Wi-Fi")
        mine = next((i for i in parse_interfaces(result.stdout) if i.name == self.interface), None)
        profile = mine.profile if mine else None
        if mine and mine.ssid is not None and profile is None:
            profile = await self._profile_named(mine.ssid)
        return RestorePoint(
            backend=self.kind,
            photon_ssid=photon_ssid,
            interface=self.interface,
            previous=profile,
            previous_label=mine.ssid if mine else None,
        )

    async def _profile_named(self, ssid: str) -> str | None:
        """Windows names a profile after its SSID unless someone renamed it."""
        result = await self._netsh(
            "show", "profiles", f"interface={self.interface}", doing="list Wi-Fi profiles"
        )
        return ssid if ssid in parse_profile_names(result.stdout) else None

    async def prepare(self, point: RestorePoint) -> RestorePoint:
        name = temporary_profile_name(point.photon_ssid)
        xml = open_network_profile(name, point.photon_ssid)
        path = await asyncio.to_thread(self._write_profile, xml)
        try:
            await self._netsh(
                "add", "profile", f"filename={path}", f"interface={self.interface}",
                "user=current", doing="save a profile for the Photon's network", joining=True,
            )  # fmt: skip
        finally:
            await asyncio.to_thread(_remove, path)
        return point.with_temporary_profile(name)

    def _write_profile(self, xml: str) -> str:
        # Closed before netsh reads it: Windows does not let another process open a file
        # that is still open for writing.
        fd, path = tempfile.mkstemp(
            prefix="photon-setup-", suffix=".xml", dir=self._temporary_folder
        )
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(xml)
        return path

    async def join(self, point: RestorePoint) -> None:
        assert point.temporary_profile is not None, "prepare() first"
        await self._netsh(
            "connect", f"name={point.temporary_profile}", f"ssid={point.photon_ssid}",
            f"interface={point.interface or self.interface}",
            doing=f"connect to “{point.photon_ssid}”", joining=True,
        )  # fmt: skip

    async def discard(self, point: RestorePoint) -> None:
        if point.temporary_profile:
            await self._delete(point)

    async def _delete(self, point: RestorePoint) -> None:
        assert point.temporary_profile is not None
        await self._netsh(
            "delete", "profile", f"name={point.temporary_profile}",
            f"interface={point.interface or self.interface}",
            doing="remove the Photon's profile",
        )  # fmt: skip

    async def restore(self, point: RestorePoint) -> RestoreReport:
        actions: list[str] = []
        problems: list[str] = []
        rejoin_by_hand = False
        if point.previous:
            try:
                await self._netsh(
                    "connect", f"name={point.previous}",
                    f"interface={point.interface or self.interface}",
                    doing=f"reconnect to “{point.previous_name}”",
                )  # fmt: skip
                actions.append(f"Reconnected to “{point.previous_name}”.")
            except WifiError as error:
                log.warning("reconnecting %s failed: %s", point.previous, error.detail)
                rejoin_by_hand = True
                problems.append(
                    f"Could not reconnect to “{point.previous_name}”: choose it from the "
                    "network icon in the taskbar."
                )
        if point.temporary_profile:
            try:
                # Deleting the profile in use also disconnects, so Windows rejoins a network
                # it joins automatically when the previous one was unknown.
                await self._delete(point)
                actions.append("Removed the temporary Photon profile.")
            except WifiError as error:
                log.warning("deleting %s failed: %s", point.temporary_profile, error.detail)
                problems.append(
                    f"Could not remove the temporary Wi-Fi profile “{point.temporary_profile}”;"
                    " you can forget that network in Settings › Network & internet › Wi-Fi."
                )
        if not point.previous:
            actions.append("Windows rejoins a network it joins automatically.")
        return RestoreReport(self.kind, tuple(actions), tuple(problems), rejoin_by_hand)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


async def detect_windows(runner: CommandRunner) -> WindowsWifiBackend:
    """Preflight: an interface to use, and location access (24H2) to read it."""
    result = await runner.run([NETSH, "wlan", "show", "interfaces"], timeout=QUICK)
    if location_refused(result):
        raise refusal_error(result)
    interfaces = parse_interfaces(result.stdout) if result.returncode == 0 else []
    if not interfaces:
        raise NoWifiAdapter(
            "Windows reports no Wi-Fi adapter (or its WLAN service is stopped), so the app "
            "can't join the Photon's network by itself. If you have Wi-Fi, join it from the "
            "network icon in the taskbar.",
            detail=result.output.strip(),
        )
    connected = [i for i in interfaces if i.ssid is not None]
    return WindowsWifiBackend(runner, (connected or interfaces)[0].name)
