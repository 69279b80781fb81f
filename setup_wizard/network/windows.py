"""Windows: ``netsh wlan`` with a temporary open-network profile (wifi-join.md §5).

netsh output is translated into the Windows display language, so nothing here depends on
the words: interface blocks are found by their GUID value, the interface name is the first
line of its block, "connected" means the block has an ``SSID`` line (a technical term left
untranslated; a hidden network has an empty one), success is the exit code, and the
Windows 11 24H2 location refusal is recognised by the ``ms-settings:privacy-location``
address it prints. The only translated words read are the "Profile" key, with a fallback to
the profile list, and a network's security (see ``netsh_security``).

netsh also writes in the OEM code page, where a name outside it (an emoji, another script)
becomes "?". Such names, security in words this app cannot read, and the radio state
(worded in the display language) are read through the Native Wifi API instead
(``wlanapi.py``) where it is available. The GUIDs that tie the two together never appear in
messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from setup_wizard.device.security import Security
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.backend import (
    BackendKind,
    Capabilities,
    RestorePoint,
    RestoreReport,
    VisibleNetwork,
    WifiBackend,
    one_per_name,
    reconnected_to,
)
from setup_wizard.network.commands import CommandResult, CommandRunner
from setup_wizard.network.errors import (
    JoinFailed,
    LocationPermissionDenied,
    NoWifiAdapter,
    ScanUnavailable,
    WifiError,
    WifiOff,
)
from setup_wizard.network.wlanapi import WlanApi, WlanApiError

log = logging.getLogger(__name__)

T = TypeVar("T")

NETSH = "netsh"
QUICK = 15.0
PROFILE_NAMESPACE = "http://www.microsoft.com/networking/WLAN/profile/v1"
LOCATION_SETTINGS = "ms-settings:privacy-location"
_GUID = re.compile(
    r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
)
# "key : value"; netsh ends the line after the colon when the value is empty (a hidden SSID).
# The key is everything before the first colon, stripped in _key_values: spaces matched by
# three patterns in a row (\s*, a lazy key, \s*) made a long line of spaces take hours.
_KEY_VALUE = re.compile(r"^(?P<key>[^:]*):(?: (?P<value>.*))?$")
# "Profile" in the display languages we know; other languages fall back to the profile list.
_PROFILE_KEYS = frozenset({"profile", "profil", "perfil", "profilo", "profiel"})
_SSID_HEADING = re.compile(r"^SSID \d+\s*:(?: (?P<ssid>.*))?$")
_PERCENT = re.compile(r"^(\d{1,3})\s?%$")
# The radio state's on/off words, where the API cannot be asked (English, German).
_RADIO_OFF_WORDS = frozenset({"off", "aus"})


def mangled(name: str | None) -> bool:
    """Whether netsh could not carry a name in the OEM code page ("?" for each character it
    lacks; U+FFFD where the bytes did not decode)."""
    return name is not None and ("?" in name or "\ufffd" in name)


@dataclass(frozen=True)
class NetshInterface:
    """One block of ``netsh wlan show interfaces``; ``ssid`` None means not connected."""

    name: str
    guid: str
    ssid: str | None = None
    profile: str | None = None
    radio_off: bool | None = None  # None: the words are not ones we know


def _key_values(block: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for line in block:
        match = _KEY_VALUE.match(line)
        if match:
            pairs.append((match.group("key").strip(), match.group("value") or ""))
    return pairs


def _radio_off(block: list[str]) -> bool | None:
    """The radio state is the one value that goes on over a second line ("Hardware On" /
    "Software Off"); off if either part ends in an off word we know, None if unknown."""
    for index, line in enumerate(block[:-1]):
        follower = block[index + 1]
        match = _KEY_VALUE.match(line)
        if match and not _KEY_VALUE.match(follower) and follower.startswith(" "):
            words = [
                part.split()[-1].lower()
                for part in (match.group("value") or "", follower)
                if part.split()
            ]
            if any(word in _RADIO_OFF_WORDS for word in words):
                return True
            return False if {"on", "ein"} & set(words) else None
    return None


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
        guid_key = guid.strip("{}").lower()
        found.append(NetshInterface(name, guid_key, ssid, profile, _radio_off(block)))
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
        if match and (match.group("value") or "").strip():
            names.append(match.group("value"))
    return names


def parse_networks(text: str) -> list[VisibleNetwork]:
    """``netsh wlan show networks mode=bssid``: ``SSID <n> : <name>`` headings start at the
    margin in every language. Under each come the network type, the authentication and the
    encryption, in that order (their labels translated), then a ``BSSID <n>`` line per
    access point; the signal is the indented value that reads like ``85%``."""
    blocks: list[tuple[str, list[str]]] = []
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        heading = _SSID_HEADING.match(line)
        if heading:
            blocks.append((heading.group("ssid") or "", []))
        elif blocks and line.startswith(" "):
            blocks[-1][1].append(line)
    networks = []
    for ssid, lines in blocks:
        pairs = _key_values(lines)
        head = list(itertools.takewhile(lambda pair: not pair[0].startswith("BSSID"), pairs))
        security = netsh_security(head[1][1], head[2][1]) if len(head) >= 3 else None
        signals = [
            int(percent.group(1))
            for _, value in pairs
            if (percent := _PERCENT.match(value.strip()))
        ]
        networks.append(VisibleNetwork(ssid, max(signals, default=None), security))
    return one_per_name(networks)


# The ciphers netsh names (technical terms, untranslated); "None" is translated.
_CIPHERS = frozenset({"WEP", "TKIP", "CCMP", "GCMP", "GCMP-256", "CCMP-256"})
# "Personal" and "Enterprise" as netsh writes them in the languages we have seen (English,
# German, Spanish and Italian keep the English words; French: "WPA2 - Personnel").
_PERSONAL = ("PERSONAL", "PERSONNEL", "PSK")
_ENTERPRISE = ("ENTERPRISE", "ENTREPRISE")


def netsh_security(authentication: str, encryption: str) -> Security | None:
    """A network's "Authentication" and "Encryption" values in the Photon's terms, in any
    display language as far as the words allow: the WPA names and the ciphers are technical
    terms netsh leaves alone, while "Open" and "None" are translated, so a network without
    WPA and without a cipher is open whatever the words. WPA3-Personal is left unknown: a
    Windows that supports WPA3 may describe a WPA2/WPA3 transition network that way, which
    a Photon joins with WPA2. Words this app does not know leave it unknown (None), and the
    Native Wifi API is asked instead where there is one."""
    auth = authentication.upper()
    cipher = encryption.strip().upper()
    if "WPA" not in auth:
        if cipher == "WEP":
            return Security.WEP_PSK
        return None if cipher in _CIPHERS or "OWE" in auth else Security.OPEN
    if any(word in auth for word in _ENTERPRISE):
        wpa1 = "WPA2" not in auth and "WPA3" not in auth
        return Security.WPA_MIXED_ENT if wpa1 else Security.WPA2_MIXED_ENT
    if "WPA3" in auth or not any(word in auth for word in _PERSONAL):
        return None
    return Security.WPA2_MIXED_PSK if "WPA2" in auth else Security.WPA_MIXED_PSK


def location_refused(result: CommandResult) -> bool:
    return LOCATION_SETTINGS in result.output


def refusal_error(result: CommandResult) -> LocationPermissionDenied:
    return LocationPermissionDenied(
        QT_TRANSLATE_NOOP(
            "Wifi",
            "Windows lets apps see and change Wi-Fi only with location access turned on "
            "(Settings › Privacy & security › Location › “Let desktop apps access your "
            "location”). Turn it on and start again, or join the Photon's network yourself "
            "from the network icon in the taskbar.",
        ),
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


TEMPORARY_PREFIX = "photon-setup-"


def temporary_profile_name(ssid: str) -> str:
    return TEMPORARY_PREFIX + ssid


_JOIN_ADVICE = QT_TRANSLATE_NOOP(
    "Wifi",
    "Check that the Photon is blinking dark blue and close to this computer, then try again, "
    "or join its network from the network icon in the taskbar.",
)
_OTHER_ADVICE = QT_TRANSLATE_NOOP(
    "Wifi",
    "Try again; if it keeps failing, join the Photon's network yourself from the network icon "
    "in the taskbar.",
)


def _check(result: CommandResult, *, doing: str, joining: bool = False) -> None:
    """netsh's exit code decides (its text is translated); the 24H2 refusal is recognised by
    the settings address it prints."""
    if location_refused(result):
        raise refusal_error(result)
    if result.returncode != 0:
        failure = JoinFailed if joining else WifiError
        advice = _JOIN_ADVICE if joining else _OTHER_ADVICE
        raise failure(
            QT_TRANSLATE_NOOP("Wifi", "Windows could not {doing}. {advice}").format(
                doing=doing, advice=advice
            ),
            detail=result.output.strip(),
        )


_WIFI_OFF = QT_TRANSLATE_NOOP(
    "Wifi",
    "Wi-Fi is turned off on this computer. Turn it on from the network icon in the taskbar "
    "(bottom right), or turn airplane mode off, then try again.",
)


class WindowsWifiBackend(WifiBackend):
    kind = BackendKind.WINDOWS

    def __init__(
        self,
        runner: CommandRunner,
        interface: str,
        *,
        guid: str | None = None,
        wlan: WlanApi | None = None,
        temporary_folder: Path | None = None,
    ) -> None:
        self._runner = runner
        self.interface = interface  # the name netsh takes ("Wi-Fi"), shown to people
        self.guid = guid  # ties netsh, the API and the address table together; never shown
        self._wlan = wlan
        self._temporary_folder = temporary_folder

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(can_scan=True, can_join=True)

    def address_interface(self, point: RestorePoint) -> str | None:
        return self.guid  # the address table names Windows adapters by GUID

    async def _netsh(self, *args: str, doing: str, joining: bool = False) -> CommandResult:
        result = await self._runner.run([NETSH, "wlan", *args], timeout=QUICK)
        _check(result, doing=doing, joining=joining)
        return result

    async def _native(self, read: Callable[[WlanApi, str], T]) -> T | None:
        """``read(api, guid)`` in a thread; None where the API is missing or refuses."""
        if self._wlan is None or self.guid is None:
            return None
        try:
            return await asyncio.to_thread(read, self._wlan, self.guid)
        except WlanApiError as error:
            log.info("Native Wifi call failed: %s", error)
            return None

    async def _read_interface(self) -> NetshInterface | None:
        result = await self._netsh(
            "show", "interfaces", doing=QT_TRANSLATE_NOOP("Wifi", "read the current Wi-Fi")
        )
        found = parse_interfaces(result.stdout)
        if self.guid is not None:
            return next((i for i in found if i.guid == self.guid), None)
        return next((i for i in found if i.name == self.interface), None)

    async def _ensure_wifi_on(self, mine: NetshInterface | None) -> None:
        """Refuse to go on with the radio off; the person turns it on, never the app."""
        off = await self._native(lambda api, guid: api.radio_off(guid))
        if off is None:
            off = mine.radio_off if mine else None
        if off:
            raise WifiOff(_WIFI_OFF)

    async def scan(self) -> list[VisibleNetwork]:
        # netsh lists Windows' own periodic scan results; it has no rescan command.
        try:
            result = await self._netsh(
                "show", "networks", "mode=bssid", f"interface={self.interface}",
                doing=QT_TRANSLATE_NOOP("Wifi", "list Wi-Fi networks"),
            )  # fmt: skip
        except LocationPermissionDenied as refusal:
            raise ScanUnavailable(refusal.message, detail=refusal.detail) from refusal
        except WifiError as error:
            # "The wireless local area network interface is powered down…", in any language.
            try:
                mine = await self._read_interface()
            except WifiError:
                mine = None
            await self._ensure_wifi_on(mine)
            raise ScanUnavailable(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "Windows could not list Wi-Fi networks. Type the Photon's network name, or "
                    "join it from the network icon in the taskbar.",
                ),
                detail=error.detail,
            ) from error
        networks = parse_networks(result.stdout)
        # A name netsh could not carry, or security in words it could not be read from.
        if any(mangled(n.ssid) or n.security is None for n in networks):
            native = await self._native(lambda api, guid: api.visible_networks(guid))
            if native is not None:
                networks = native
        return networks

    async def _connection(self, mine: NetshInterface | None) -> tuple[str | None, str | None]:
        """(SSID, profile) of the current connection ("" for a hidden network, None when not
        connected), through the API where netsh could not carry them."""
        ssid = mine.ssid if mine else None
        profile = mine.profile if mine else None
        if ssid is not None and (profile is None or mangled(profile) or mangled(ssid)):
            native = await self._native(lambda api, guid: api.current_connection(guid))
            if native is not None:
                profile, ssid = native.profile, native.ssid
        return ssid, profile

    async def current_network(self) -> str | None:
        ssid, _ = await self._connection(await self._read_interface())
        return None if not ssid or mangled(ssid) else ssid

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        mine = await self._read_interface()
        await self._ensure_wifi_on(mine)
        ssid, profile = await self._connection(mine)
        if ssid is not None and profile is None:
            profile = await self._profile_named(ssid)
        return RestorePoint(
            backend=self.kind,
            photon_ssid=photon_ssid,
            interface=self.interface,
            previous=profile,
            previous_label=ssid,
            # Named before it exists, so the journal holds it before netsh adds it.
            temporary_profile=temporary_profile_name(photon_ssid),
        )

    async def _profile_names(self) -> list[str]:
        result = await self._netsh(
            "show",
            "profiles",
            f"interface={self.interface}",
            doing=QT_TRANSLATE_NOOP("Wifi", "list Wi-Fi profiles"),
        )
        return parse_profile_names(result.stdout)

    async def _profile_named(self, ssid: str) -> str | None:
        """Windows names a profile after its SSID unless someone renamed it."""
        return ssid if ssid in await self._profile_names() else None

    def is_temporary_profile(self, name: str) -> bool:
        return name.startswith(TEMPORARY_PREFIX)

    async def prepare(self, point: RestorePoint) -> RestorePoint:
        name = point.temporary_profile or temporary_profile_name(point.photon_ssid)
        xml = open_network_profile(name, point.photon_ssid)
        path = await asyncio.to_thread(self._write_profile, xml)
        try:
            await self._netsh(
                "add", "profile", f"filename={path}", f"interface={self.interface}",
                "user=current",
                doing=QT_TRANSLATE_NOOP("Wifi", "save a profile for the Photon's network"),
                joining=True,
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
            doing=QT_TRANSLATE_NOOP("Wifi", "connect to “{network}”").format(
                network=point.photon_ssid
            ),
            joining=True,
        )  # fmt: skip

    async def discard(self, point: RestorePoint) -> None:
        if point.temporary_profile:
            await self._delete(point)

    async def _delete(self, point: RestorePoint) -> bool:
        """Delete the Photon's profile; False if there was none (the journal names it before
        it is added). netsh's "not found" is translated, so the profile list decides."""
        assert point.temporary_profile is not None
        try:
            await self._netsh(
                "delete", "profile", f"name={point.temporary_profile}",
                f"interface={point.interface or self.interface}",
                doing=QT_TRANSLATE_NOOP("Wifi", "remove the Photon's profile"),
            )  # fmt: skip
        except LocationPermissionDenied:
            raise
        except WifiError:
            if point.temporary_profile not in await self._profile_names():
                return False
            raise
        return True

    async def _remove_temporary(self, point: RestorePoint) -> tuple[list[str], list[str]]:
        """Delete the Photon's profile: (what was done, what is left for the person)."""
        if not point.temporary_profile:
            return [], []
        try:
            # Deleting the profile in use also disconnects, so Windows rejoins a network it
            # joins automatically when the previous one was unknown.
            removed = await self._delete(point)
        except WifiError as error:
            log.warning("deleting %s failed: %s", point.temporary_profile, error.detail)
            return [], [
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "Could not remove the temporary Wi-Fi profile “{name}”; you can forget "
                    "that network in Settings › Network & internet › Wi-Fi.",
                ).format(name=point.temporary_profile)
            ]
        removal = QT_TRANSLATE_NOOP("Wifi", "Removed the temporary Photon profile.")
        return ([removal] if removed else []), []

    async def restore(self, point: RestorePoint) -> RestoreReport:
        actions: list[str] = []
        problems: list[str] = []
        rejoin_by_hand = False
        if point.previous:
            try:
                await self._netsh(
                    "connect", f"name={point.previous}",
                    f"interface={point.interface or self.interface}",
                    doing=QT_TRANSLATE_NOOP("Wifi", "reconnect to “{network}”").format(
                        network=point.previous_name
                    ),
                )  # fmt: skip
                actions.append(reconnected_to(point.previous_name))
            except WifiError as error:
                log.warning("reconnecting %s failed: %s", point.previous, error.detail)
                rejoin_by_hand = True
                problems.append(
                    QT_TRANSLATE_NOOP(
                        "Wifi",
                        "Could not reconnect to “{network}”: choose it from the network icon in "
                        "the taskbar.",
                    ).format(network=point.previous_name)
                )
        removed, leftover = await self._remove_temporary(point)
        actions.extend(removed)
        problems.extend(leftover)
        if not point.previous:
            actions.append(
                QT_TRANSLATE_NOOP("Wifi", "Windows rejoins a network it joins automatically.")
            )
        return RestoreReport(self.kind, tuple(actions), tuple(problems), rejoin_by_hand)

    async def on_photon(self, point: RestorePoint) -> bool | None:
        try:
            mine = await self._read_interface()
        except WifiError as error:
            log.info("could not read the current Wi-Fi: %s", error.detail)
            return None
        if mine is None or mine.ssid is None:
            return False
        return mine.profile == point.temporary_profile or mine.ssid == point.photon_ssid

    async def clean_up(self, point: RestorePoint) -> RestoreReport:
        removed, leftover = await self._remove_temporary(point)
        return RestoreReport(self.kind, tuple(removed), tuple(leftover))


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


async def detect_windows(runner: CommandRunner, wlan: WlanApi | None = None) -> WindowsWifiBackend:
    """Preflight: an interface to use, and location access (24H2) to read it. The interface
    name netsh takes comes from the API where netsh could not print it."""
    result = await runner.run([NETSH, "wlan", "show", "interfaces"], timeout=QUICK)
    if location_refused(result):
        raise refusal_error(result)
    interfaces = parse_interfaces(result.stdout) if result.returncode == 0 else []
    if not interfaces and wlan is not None:
        interfaces = await asyncio.to_thread(_native_interfaces, wlan)
    if not interfaces:
        raise NoWifiAdapter(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "Windows reports no Wi-Fi adapter (or its WLAN service is stopped), so the app "
                "can't join the Photon's network by itself. If you have Wi-Fi, join it from "
                "the network icon in the taskbar.",
            ),
            detail=result.output.strip(),
        )
    connected = [i for i in interfaces if i.ssid is not None]
    chosen = (connected or interfaces)[0]
    name = chosen.name
    if mangled(name) and wlan is not None:
        try:
            name = await asyncio.to_thread(wlan.alias, chosen.guid)
        except WlanApiError as error:
            log.info("could not read the Wi-Fi interface's name: %s", error)
    return WindowsWifiBackend(runner, name, guid=chosen.guid, wlan=wlan)


def _native_interfaces(wlan: WlanApi) -> list[NetshInterface]:
    """The API's view, where netsh listed nothing readable."""
    try:
        return [
            NetshInterface(wlan.alias(i.guid), i.guid, "" if i.connected else None)
            for i in wlan.interfaces()
        ]
    except WlanApiError as error:
        log.info("Native Wifi interfaces unavailable: %s", error)
        return []
