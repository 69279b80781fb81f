"""macOS: ``networksetup`` and ``system_profiler`` (wifi-join.md §4).

Two facts shape this backend. ``networksetup -setairportnetwork`` exits 0 even when it
fails, so its text decides. And current macOS hides SSIDs from apps without Location
Services permission (``<redacted>``, or "You are not associated" on macOS 15+), so the
previous network is often unknown: then the Wi-Fi is power-cycled and macOS rejoins its
preferred network by itself, after the Photon (which joining made a preferred network) has
been taken off that list where macOS allows it. Whether the computer really reached the
Photon, or really left it, is decided by the device probe, never by an SSID.
"""

from __future__ import annotations

import json
import logging
import re

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
    NamesHidden,
    NetworkNotFound,
    NotAuthorized,
    NoWifiAdapter,
    ScanUnavailable,
    WifiError,
)

log = logging.getLogger(__name__)

NETWORKSETUP = "networksetup"
QUICK = 15.0
JOIN_TIMEOUT = 45.0
SCAN_TIMEOUT = 30.0  # system_profiler takes seconds
REDACTED = "<redacted>"
_CURRENT_PREFIX = "Current Wi-Fi Network: "
_NOT_FOUND = ("could not find network",)
_FAILED = ("failed to join network", "could not connect", "error", "unable to", "failed")
_REFUSED = ("administrator", "not authorized", "authorization")


def parse_wifi_device(text: str) -> str | None:
    """The device (``en0``…) of the "Wi-Fi" (formerly "AirPort") block of
    ``networksetup -listallhardwareports``."""
    port: str | None = None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "Hardware Port":
            port = value
        elif key == "Device" and port in ("Wi-Fi", "AirPort"):
            return value or None
    return None


def parse_current_network(text: str) -> str | None:
    """``-getairportnetwork``: the SSID, or None when not associated or unreadable."""
    for line in text.splitlines():
        if line.startswith(_CURRENT_PREFIX):
            ssid = line[len(_CURRENT_PREFIX) :]
            return None if not ssid or ssid == REDACTED else ssid
    return None


def parse_summary_ssid(text: str) -> str | None:
    """``ipconfig getsummary <dev>``: the ``SSID : …`` line (redacted from macOS 15.6)."""
    match = re.search(r"^\s*SSID : (.*)$", text, re.MULTILINE)
    if match is None:
        return None
    ssid = match.group(1).rstrip("\r")
    return None if not ssid or ssid == REDACTED else ssid


def check_networksetup(result: CommandResult, *, doing: str) -> None:
    """networksetup reports failure in its text and usually still exits 0."""
    text = result.output.strip()
    lowered = text.lower()
    first = text.splitlines()[0] if text else f"exit code {result.returncode}"
    if any(marker in lowered for marker in _REFUSED):
        raise NotAuthorized(
            f"macOS asked for an administrator to {doing}. You'll join the Photon's network "
            "yourself from the Wi-Fi menu in the menu bar.",
            detail=first,
        )
    if any(marker in lowered for marker in _NOT_FOUND):
        raise NetworkNotFound(
            f"macOS could not find the network to {doing}. Check that the Photon is blinking "
            "dark blue and close to this computer, then try again.",
            detail=first,
        )
    if result.returncode != 0 or any(marker in lowered for marker in _FAILED):
        raise JoinFailed(
            f"macOS could not {doing}. Check that the Photon is blinking dark blue, then try "
            "again, or join its network from the Wi-Fi menu in the menu bar.",
            detail=text,
        )
    if text:
        log.info("networksetup printed (not recognised as an error): %s", first)


def _signal_from_dbm(text: str) -> int | None:
    match = re.match(r"\s*(-?\d+)\s*dBm", text)
    if match is None:
        return None
    return max(0, min(100, 2 * (int(match.group(1)) + 100)))


def parse_system_profiler(text: str, device: str) -> tuple[list[VisibleNetwork], int]:
    """``system_profiler SPAirPortDataType -json``: the networks ``device`` sees, and how
    many of them had their names redacted."""
    try:
        data = json.loads(text)
        interfaces = [
            interface
            for section in data.get("SPAirPortDataType", [])
            for interface in section.get("spairport_airport_interfaces", [])
            if interface.get("_name") == device
        ]
    except (ValueError, AttributeError, TypeError) as error:
        raise ScanUnavailable(
            "macOS gave an unreadable list of Wi-Fi networks. Type the Photon's network "
            "name, or join it from the Wi-Fi menu in the menu bar.",
            detail=str(error),
        ) from error
    networks: dict[str, int | None] = {}
    redacted = 0
    for interface in interfaces:
        for entry in interface.get("spairport_airport_other_local_wireless_networks", []):
            name = entry.get("_name") if isinstance(entry, dict) else None
            if not isinstance(name, str) or not name:
                continue
            if name == REDACTED:
                redacted += 1
                continue
            signal = _signal_from_dbm(str(entry.get("spairport_signal_noise", "")))
            known = networks.get(name)
            if name not in networks or (signal or 0) > (known or 0):
                networks[name] = signal
    return [VisibleNetwork(ssid, signal) for ssid, signal in networks.items()], redacted


class MacWifiBackend(WifiBackend):
    kind = BackendKind.MACOS

    def __init__(self, runner: CommandRunner, device: str) -> None:
        self._runner = runner
        self.device = device

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(can_scan=True, can_join=True)

    async def _networksetup(self, *args: str, doing: str, seconds: float = QUICK) -> None:
        result = await self._runner.run([NETWORKSETUP, *args], timeout=seconds)
        check_networksetup(result, doing=doing)

    async def scan(self) -> list[VisibleNetwork]:
        result = await self._runner.run(
            ["system_profiler", "SPAirPortDataType", "-json"], timeout=SCAN_TIMEOUT
        )
        if result.returncode != 0:
            raise ScanUnavailable(
                "macOS could not list Wi-Fi networks. Type the Photon's network name, or join "
                "it from the Wi-Fi menu in the menu bar.",
                detail=result.stderr.strip(),
            )
        networks, redacted = parse_system_profiler(result.stdout, self.device)
        if redacted and not networks:
            raise NamesHidden(
                "macOS hides the names of Wi-Fi networks from this app (it would need Location "
                "Services permission). Type the code after “Photon-” shown in your Wi-Fi "
                "menu, or join the Photon's network from the menu yourself.",
                detail=f"{redacted} names redacted",
            )
        return networks

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        return RestorePoint(
            backend=self.kind,
            photon_ssid=photon_ssid,
            interface=self.device,
            previous=await self._current_ssid(),
        )

    async def _current_ssid(self) -> str | None:
        """The current SSID if macOS tells us; None is common and fine (see module doc)."""
        result = await self._runner.run(
            [NETWORKSETUP, "-getairportnetwork", self.device], timeout=QUICK
        )
        ssid = parse_current_network(result.stdout)
        if ssid is None:
            summary = await self._runner.run(["ipconfig", "getsummary", self.device], timeout=QUICK)
            ssid = parse_summary_ssid(summary.stdout) if summary.returncode == 0 else None
        return ssid

    async def join(self, point: RestorePoint) -> None:
        await self._networksetup(
            "-setairportnetwork", self.device, point.photon_ssid,
            doing=f"join “{point.photon_ssid}”", seconds=JOIN_TIMEOUT,
        )  # fmt: skip

    async def restore(self, point: RestorePoint) -> RestoreReport:
        device = point.interface or self.device
        await self._forget(device, point.photon_ssid)
        if point.previous:
            try:
                await self._networksetup(
                    "-setairportnetwork", device, point.previous,
                    doing=f"rejoin “{point.previous}”", seconds=JOIN_TIMEOUT,
                )  # fmt: skip
                return RestoreReport(self.kind, (f"Reconnected to “{point.previous}”.",))
            except WifiError as error:
                log.warning("rejoining %s failed: %s", point.previous, error.detail)
        # Unknown or unreachable: turning Wi-Fi off and on makes macOS join its preferred network.
        try:
            await self._networksetup("-setairportpower", device, "off", doing="turn Wi-Fi off")
        except WifiError as error:
            log.warning("turning Wi-Fi off failed: %s", error.detail)
            return RestoreReport(
                self.kind,
                problems=(
                    "Could not switch Wi-Fi back by itself: choose your usual network in the "
                    "Wi-Fi menu in the menu bar.",
                ),
                user_action_needed=True,
            )
        if not await self._power_on(device):
            return RestoreReport(
                self.kind,
                problems=(
                    "Wi-Fi is off: the app turned it off to leave the Photon's network but "
                    "could not turn it back on. Turn Wi-Fi on in the Wi-Fi menu in the menu bar.",
                ),
                user_action_needed=True,
            )
        return RestoreReport(
            self.kind,
            ("Turned Wi-Fi off and on so macOS rejoins your usual network.",),
        )

    async def _forget(self, device: str, ssid: str) -> None:
        """Take the Photon off macOS's preferred networks, which ``-setairportnetwork`` put
        it on, so that Wi-Fi coming back on does not rejoin it. This may need an
        administrator; without one the session's device check catches a rejoin."""
        try:
            await self._networksetup(
                "-removepreferredwirelessnetwork", device, ssid,
                doing=f"forget “{ssid}”",
            )  # fmt: skip
        except WifiError as error:
            log.info("could not remove %s from the preferred networks: %s", ssid, error.detail)

    async def _power_on(self, device: str) -> bool:
        """Turn Wi-Fi on, trying twice: failing here leaves the computer with no Wi-Fi."""
        for attempt in (1, 2):
            try:
                await self._networksetup("-setairportpower", device, "on", doing="turn Wi-Fi on")
            except WifiError as error:
                log.warning("turning Wi-Fi on failed (attempt %d): %s", attempt, error.detail)
            else:
                return True
        return False


async def detect_macos(runner: CommandRunner) -> MacWifiBackend:
    result = await runner.run([NETWORKSETUP, "-listallhardwareports"], timeout=QUICK)
    device = parse_wifi_device(result.stdout) if result.returncode == 0 else None
    if device is None:
        raise NoWifiAdapter(
            "macOS reports no Wi-Fi adapter, so the app can't join the Photon's network "
            "by itself. If you have Wi-Fi, join it from the Wi-Fi menu in the menu bar.",
            detail=result.output.strip(),
        )
    return MacWifiBackend(runner, device)
