"""macOS: ``networksetup`` and ``system_profiler`` (wifi-join.md §4).

Three facts shape this backend. ``networksetup -setairportnetwork`` exits 0 even when it
fails, so its text decides (read line by line, with network names taken out first: a name
may contain "error"). Current macOS hides SSIDs from apps without Location Services
permission (``<redacted>``, or "You are not associated" on macOS 15+), so the previous
network is often unknown: then the Wi-Fi is power-cycled and macOS rejoins its preferred
network by itself. And joining makes the Photon a preferred network, which only an
administrator may remove: the app tries, checks the list, and tells the person the one step
that removes it if it is still there. Whether the computer really reached the Photon, or
really left it, is decided by the device probe, never by an SSID.

The Wi-Fi device is found in any language: the hardware port is "Wi-Fi" in English but
"WLAN" in German, so port names only order the candidates, and the device is the first one
``-getairportpower`` reports a power state for (other devices print "… is not a Wi-Fi
interface"). That answer also says whether Wi-Fi is on, and the command takes a moment,
where ``system_profiler SPAirPortDataType`` (whose interface names would also do) takes
seconds.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

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
    signal_from_dbm,
)
from setup_wizard.network.commands import CommandResult, CommandRunner
from setup_wizard.network.errors import (
    JoinFailed,
    NamesHidden,
    NetworkNotFound,
    NotAuthorized,
    NoWifiAdapter,
    ScanUnavailable,
    WifiError,
    WifiOff,
)

log = logging.getLogger(__name__)

NETWORKSETUP = "networksetup"
QUICK = 15.0
JOIN_TIMEOUT = 45.0
SCAN_TIMEOUT = 30.0  # system_profiler takes seconds
REDACTED = "<redacted>"
_CURRENT_PREFIX = "Current Wi-Fi Network: "
# Failure lines of networksetup start with these (wifiwand's list, and recorded output).
# [^\S\n]: white space within the line. \s* after ^ would run over blank lines, from every
# line start to the end of the run: time in the square of the run's length.
_NOT_FOUND = re.compile(r"^[^\S\n]*could not find network\b", re.IGNORECASE | re.MULTILINE)
_FAILED = re.compile(
    r"^[^\S\n]*(?:failed to join|could not join|could not connect|unable to|\*\* error|error\b)"
    r"|is not a wi-fi interface",
    re.IGNORECASE | re.MULTILINE,
)
_REFUSED = re.compile(r"administrator|not authorized|authorization", re.IGNORECASE)
_POWER = re.compile(r"\((?P<device>[^()]+)\):\s*(?P<state>On|Off)\s*$", re.MULTILINE)
# Hardware port names of the Wi-Fi device in the languages we know of; others are found by
# asking each device (see the module docstring).
_WIFI_PORT = re.compile(r"wi-?fi|airport|wlan|wireless", re.IGNORECASE)
_PREFERRED_HEADING = "Preferred networks on"


@dataclass(frozen=True)
class HardwarePort:
    port: str
    device: str


def parse_hardware_ports(text: str) -> list[HardwarePort]:
    """The ``Hardware Port`` / ``Device`` pairs of ``networksetup -listallhardwareports``
    (the labels are English in every language; the port names are not)."""
    ports: list[HardwarePort] = []
    port: str | None = None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "Hardware Port":
            port = value
        elif key == "Device" and port is not None and value:
            ports.append(HardwarePort(port, value))
            port = None
    return ports


def wifi_candidates(ports: Iterable[HardwarePort]) -> list[str]:
    """Devices to ask, the ones whose port is named like Wi-Fi first."""
    listed = list(ports)
    likely = [p.device for p in listed if _WIFI_PORT.search(p.port)]
    return likely + [p.device for p in listed if p.device not in likely]


def parse_airport_power(text: str, device: str) -> bool | None:
    """``-getairportpower <device>``: True for "Wi-Fi Power (en1): On", False for "Off",
    None for a device that is not Wi-Fi ("en4 is not a Wi-Fi interface.")."""
    for match in _POWER.finditer(text):
        if match.group("device") == device:
            return match.group("state") == "On"
    return None


def parse_preferred_networks(text: str) -> list[str]:
    """``-listpreferredwirelessnetworks <device>``: the names, each on a line after a tab,
    under a heading that recent macOS versions leave out."""
    names = []
    for line in text.splitlines():
        if not line.strip() or line.startswith(_PREFERRED_HEADING):
            continue
        names.append(line[1:] if line.startswith("\t") else line.strip())
    return names


def parse_current_network(text: str) -> str | None:
    """``-getairportnetwork``: the SSID, or None when not associated or unreadable."""
    for line in text.splitlines():
        if line.startswith(_CURRENT_PREFIX):
            ssid = line[len(_CURRENT_PREFIX) :]
            return None if not ssid or ssid == REDACTED else ssid
    return None


def parse_summary_ssid(text: str) -> str | None:
    """``ipconfig getsummary <dev>``: the ``SSID : …`` line (redacted from macOS 15.6)."""
    match = re.search(r"^[^\S\n]*SSID : (.*)$", text, re.MULTILINE)  # see _NOT_FOUND
    if match is None:
        return None
    ssid = match.group(1).rstrip("\r")
    return None if not ssid or ssid == REDACTED else ssid


def check_networksetup(result: CommandResult, *, doing: str, names: Iterable[str] = ()) -> None:
    """networksetup reports failure in its text and usually still exits 0. ``names`` (the
    networks in the command) are taken out of the text before it is read, so "Removed
    Error-Lab from the preferred networks list" is not mistaken for an error."""
    text = result.output.strip()
    scrubbed = text
    for name in names:
        if name:
            scrubbed = scrubbed.replace(name, "“network”")
    first = text.splitlines()[0] if text else f"exit code {result.returncode}"
    if _REFUSED.search(scrubbed):
        raise NotAuthorized(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "macOS asked for an administrator to {doing}. You'll join the Photon's network "
                "yourself from the Wi-Fi menu in the menu bar.",
            ).format(doing=doing),
            detail=first,
        )
    if _NOT_FOUND.search(scrubbed):
        raise NetworkNotFound(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "macOS could not find the network to {doing}. Check that the Photon is "
                "blinking dark blue and close to this computer, then try again.",
            ).format(doing=doing),
            detail=first,
        )
    if result.returncode != 0 or _FAILED.search(scrubbed):
        raise JoinFailed(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "macOS could not {doing}. Check that the Photon is blinking dark blue, then try "
                "again, or join its network from the Wi-Fi menu in the menu bar.",
            ).format(doing=doing),
            detail=text,
        )
    if text:
        log.info("networksetup printed (not recognised as an error): %s", first)


def _signal(text: str) -> int | None:
    """``spairport_signal_noise``: "-49 dBm / -93 dBm"."""
    match = re.match(r"\s*(-?\d{1,4})\s*dBm", text)  # a bound: int() refuses 4300+ digits
    return None if match is None else signal_from_dbm(int(match.group(1)))


_SECURITY_MODES: dict[str, Security] = {
    "none": Security.OPEN,
    "wep": Security.WEP_PSK,
    "wpa_personal": Security.WPA_MIXED_PSK,
    "wpa2_personal": Security.WPA2_MIXED_PSK,
    "wpa2_personal_mixed": Security.WPA2_MIXED_PSK,
    "wpa3_transition": Security.WPA2_MIXED_PSK,
    "wpa3_personal": Security.UNKNOWN,
    "wpa_enterprise": Security.WPA_MIXED_ENT,
    "wpa2_enterprise": Security.WPA2_MIXED_ENT,
    "wpa3_enterprise": Security.WPA2_MIXED_ENT,
}
"""``spairport_security_mode_<mode>`` (the modes seen in published outputs) in the Photon's
terms: "wpa2_personal_mixed" is WPA/WPA2 and a WPA3 transition network also takes WPA2, so
a Photon joins both with WPA2; WPA3 Personal alone is beyond a Photon (UNKNOWN). Every
Enterprise kind is Enterprise, which the app refuses as such. Any other mode is left
unknown (None)."""


def mac_security(mode: object) -> Security | None:
    """``spairport_security_mode``, whichever prefix macOS writes: some versions drop the
    first letter ("pairport_security_mode_wpa3_transition")."""
    if not isinstance(mode, str):
        return None
    _, found, name = mode.partition("security_mode_")
    return _SECURITY_MODES.get(name) if found else None


def parse_system_profiler(text: str, device: str) -> tuple[list[VisibleNetwork], int]:
    """``system_profiler SPAirPortDataType -json``: the networks ``device`` sees (the one it
    is on is listed apart from the others), and how many had their names redacted."""
    try:
        data = json.loads(text)
        interfaces = [
            interface
            for section in data.get("SPAirPortDataType", [])
            for interface in section.get("spairport_airport_interfaces", [])
            if interface.get("_name") == device
        ]
        entries = [
            entry
            for interface in interfaces
            for entry in (
                interface.get("spairport_current_network_information"),
                *interface.get("spairport_airport_other_local_wireless_networks", []),
            )
            if isinstance(entry, dict)
        ]
    except (ValueError, AttributeError, TypeError, RecursionError) as error:
        raise ScanUnavailable(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "macOS gave an unreadable list of Wi-Fi networks. Type the Photon's network "
                "name, or join it from the Wi-Fi menu in the menu bar.",
            ),
            detail=str(error),
        ) from error
    networks: list[VisibleNetwork] = []
    redacted = 0
    for entry in entries:
        name = entry.get("_name")
        if not isinstance(name, str) or not name:
            continue
        if name == REDACTED:
            redacted += 1
            continue
        signal = _signal(str(entry.get("spairport_signal_noise", "")))
        networks.append(
            VisibleNetwork(name, signal, mac_security(entry.get("spairport_security_mode")))
        )
    return one_per_name(networks), redacted


class MacWifiBackend(WifiBackend):
    kind = BackendKind.MACOS
    # networksetup fails to join before the Mac leaves its network: nothing to restore.
    join_failure_changes_nothing = True

    def __init__(self, runner: CommandRunner, device: str) -> None:
        self._runner = runner
        self.device = device

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(can_scan=True, can_join=True)

    async def _networksetup(
        self, *args: str, doing: str, names: Iterable[str] = (), seconds: float = QUICK
    ) -> None:
        result = await self._runner.run([NETWORKSETUP, *args], timeout=seconds)
        check_networksetup(result, doing=doing, names=names)

    async def _ensure_wifi_on(self) -> None:
        """Refuse to go on with Wi-Fi off; the person turns it on, never the app (so the
        power-cycle of a restore only ever runs on Wi-Fi that was on)."""
        result = await self._runner.run(
            [NETWORKSETUP, "-getairportpower", self.device], timeout=QUICK
        )
        if parse_airport_power(result.output, self.device) is False:
            raise WifiOff(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "Wi-Fi is turned off on this Mac. Turn it on in the Wi-Fi menu in the menu "
                    "bar (top right), then try again.",
                ),
                detail=result.output.strip(),
            )

    async def scan(self) -> list[VisibleNetwork]:
        await self._ensure_wifi_on()
        result = await self._runner.run(
            ["system_profiler", "SPAirPortDataType", "-json"], timeout=SCAN_TIMEOUT
        )
        if result.returncode != 0:
            raise ScanUnavailable(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "macOS could not list Wi-Fi networks. Type the Photon's network name, or "
                    "join it from the Wi-Fi menu in the menu bar.",
                ),
                detail=result.stderr.strip(),
            )
        networks, redacted = parse_system_profiler(result.stdout, self.device)
        if redacted and not networks:
            raise NamesHidden(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "macOS hides the names of Wi-Fi networks from this app (it would need "
                    "Location Services permission). Type the code after “Photon-” shown in your "
                    "Wi-Fi menu, or join the Photon's network from the menu yourself.",
                ),
                detail=f"{redacted} names redacted",
            )
        return networks

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        await self._ensure_wifi_on()
        return RestorePoint(
            backend=self.kind,
            photon_ssid=photon_ssid,
            interface=self.device,
            previous=await self._current_ssid(self.device),
        )

    async def current_network(self) -> str | None:
        return await self._current_ssid(self.device)

    async def _current_ssid(self, device: str) -> str | None:
        """The current SSID if macOS tells us; None is common and fine (see module doc)."""
        result = await self._runner.run([NETWORKSETUP, "-getairportnetwork", device], timeout=QUICK)
        ssid = parse_current_network(result.stdout)
        if ssid is None:
            summary = await self._runner.run(["ipconfig", "getsummary", device], timeout=QUICK)
            ssid = parse_summary_ssid(summary.stdout) if summary.returncode == 0 else None
        return ssid

    async def join(self, point: RestorePoint) -> None:
        await self._networksetup(
            "-setairportnetwork", self.device, point.photon_ssid,
            doing=QT_TRANSLATE_NOOP("Wifi", "join “{network}”").format(network=point.photon_ssid),
            names=(point.photon_ssid,),
            seconds=JOIN_TIMEOUT,
        )  # fmt: skip

    async def restore(self, point: RestorePoint) -> RestoreReport:
        device = point.interface or self.device
        leftover = await self._forget(device, point.photon_ssid)
        report = await self._rejoin(device, point)
        return RestoreReport(
            self.kind,
            report.actions,
            (*report.problems, *leftover),
            report.user_action_needed,
        )

    async def _rejoin(self, device: str, point: RestorePoint) -> RestoreReport:
        if point.previous:
            try:
                await self._networksetup(
                    "-setairportnetwork", device, point.previous,
                    doing=QT_TRANSLATE_NOOP("Wifi", "rejoin “{network}”").format(
                        network=point.previous
                    ),
                    names=(point.previous,),
                    seconds=JOIN_TIMEOUT,
                )  # fmt: skip
                return RestoreReport(self.kind, (reconnected_to(point.previous),))
            except WifiError as error:
                log.warning("rejoining %s failed: %s", point.previous, error.detail)
        # Unknown or unreachable: turning Wi-Fi off and on makes macOS join its preferred network.
        try:
            await self._networksetup(
                "-setairportpower", device, "off", doing=QT_TRANSLATE_NOOP("Wifi", "turn Wi-Fi off")
            )
        except WifiError as error:
            log.warning("turning Wi-Fi off failed: %s", error.detail)
            return RestoreReport(
                self.kind,
                problems=(
                    QT_TRANSLATE_NOOP(
                        "Wifi",
                        "Could not switch Wi-Fi back by itself: choose your usual network in "
                        "the Wi-Fi menu in the menu bar.",
                    ),
                ),
                user_action_needed=True,
            )
        if not await self._power_on(device):
            return RestoreReport(
                self.kind,
                problems=(
                    QT_TRANSLATE_NOOP(
                        "Wifi",
                        "Wi-Fi is off: the app turned it off to leave the Photon's network but "
                        "could not turn it back on. Turn Wi-Fi on in the Wi-Fi menu in the menu "
                        "bar.",
                    ),
                ),
                user_action_needed=True,
            )
        return RestoreReport(
            self.kind,
            (
                QT_TRANSLATE_NOOP(
                    "Wifi", "Turned Wi-Fi off and on so macOS rejoins your usual network."
                ),
            ),
        )

    async def _forget(self, device: str, ssid: str) -> tuple[str, ...]:
        """Take the Photon off macOS's preferred networks, which ``-setairportnetwork`` put
        it on, so that macOS does not rejoin it later. That needs an administrator and fails
        quietly without one, so the list decides; returns what is left for the person."""
        try:
            await self._networksetup(
                "-removepreferredwirelessnetwork", device, ssid,
                doing=QT_TRANSLATE_NOOP("Wifi", "forget “{network}”").format(network=ssid),
                names=(ssid,),
            )  # fmt: skip
        except WifiError as error:
            log.info("could not remove %s from the preferred networks: %s", ssid, error.detail)
        listed = await self._runner.run(
            [NETWORKSETUP, "-listpreferredwirelessnetworks", device], timeout=QUICK
        )
        names = parse_preferred_networks(listed.stdout) if listed.returncode == 0 else None
        if names is not None and ssid not in names and REDACTED not in names:
            return ()
        known = names is not None and ssid in names
        log.info("%s is %s a preferred network", ssid, "still" if known else "perhaps still")
        if known:
            remembers = QT_TRANSLATE_NOOP(
                "Wifi",
                "macOS still remembers the Photon's network “{network}” and could join it "
                "again by itself. To remove it, open System Settings › Wi-Fi, click “…” next "
                "to “{network}” under Known Networks, and choose “Remove From List”.",
            )
        else:
            remembers = QT_TRANSLATE_NOOP(
                "Wifi",
                "macOS may still remember the Photon's network “{network}” and could join it "
                "again by itself. To remove it, open System Settings › Wi-Fi, click “…” next "
                "to “{network}” under Known Networks, and choose “Remove From List”.",
            )
        return (remembers.format(network=ssid),)

    async def _power_on(self, device: str) -> bool:
        """Turn Wi-Fi on, trying twice: failing here leaves the computer with no Wi-Fi."""
        for attempt in (1, 2):
            try:
                await self._networksetup(
                    "-setairportpower",
                    device,
                    "on",
                    doing=QT_TRANSLATE_NOOP("Wifi", "turn Wi-Fi on"),
                )
            except WifiError as error:
                log.warning("turning Wi-Fi on failed (attempt %d): %s", attempt, error.detail)
            else:
                return True
        return False

    async def on_photon(self, point: RestorePoint) -> bool | None:
        ssid = await self._current_ssid(point.interface or self.device)
        return None if ssid is None else ssid == point.photon_ssid

    async def clean_up(self, point: RestorePoint) -> RestoreReport:
        return RestoreReport(
            self.kind,
            problems=await self._forget(point.interface or self.device, point.photon_ssid),
        )


async def detect_macos(runner: CommandRunner) -> MacWifiBackend:
    """The Wi-Fi device in any language: the first candidate that reports a Wi-Fi power
    state (see the module docstring)."""
    result = await runner.run([NETWORKSETUP, "-listallhardwareports"], timeout=QUICK)
    ports = parse_hardware_ports(result.stdout) if result.returncode == 0 else []
    for device in wifi_candidates(ports):
        power = await runner.run([NETWORKSETUP, "-getairportpower", device], timeout=QUICK)
        if parse_airport_power(power.output, device) is not None:
            return MacWifiBackend(runner, device)
    raise NoWifiAdapter(
        QT_TRANSLATE_NOOP(
            "Wifi",
            "macOS reports no Wi-Fi adapter, so the app can't join the Photon's network "
            "by itself. If you have Wi-Fi, join it from the Wi-Fi menu in the menu bar.",
        ),
        detail=result.output.strip(),
    )
