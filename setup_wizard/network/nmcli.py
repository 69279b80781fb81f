"""Linux: NetworkManager through ``nmcli`` (wifi-join.md §3.1).

The Photon gets a private (``connection.permissions user:<login>``), never-autoconnecting
profile with ``ipv4.never-default`` so a wired default route survives, and the lowest route
metric there is, so that its 192.168.0.0/24 route wins over an Ethernet link to a home
router on the same subnet. State is kept by connection UUID, never by name (names repeat
and may contain ``:``). The app chooses that UUID itself (``connection.uuid`` on
``connection add``, NetworkManager 1.42 and later), so the crash journal names the profile
before it exists. The user's own profile is never taken ``down`` (that would stop it
autoconnecting); it is brought back ``up``, and only a Wi-Fi connection counts as the one
to go back to (a VPN on the same device does not).
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum

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
    AutomaticJoinUnavailable,
    JoinFailed,
    NetworkManagerNotRunning,
    NetworkNotFound,
    NotAuthorized,
    NoWifiAdapter,
    WifiError,
    WifiOff,
)

log = logging.getLogger(__name__)

NMCLI = "nmcli"
WAIT_SECONDS = 30  # nmcli's own --wait for activations (its default is 90)
QUICK = 15.0  # runner deadline for commands that only read or write settings
WIRELESS = "802-11-wireless"  # connection TYPE of a Wi-Fi profile
# The lowest metric there is. NetworkManager's defaults start at 30 (loopback), 50 (VPN,
# WireGuard), 100 (Ethernet), 600 (Wi-Fi): nm_device_get_route_metric_default() in
# src/core/devices/nm-device.c. The metric also applies to address prefix routes (libnm
# NMSettingIPConfig:route-metric), which is what 192.168.0.1 is reached by.
PHOTON_ROUTE_METRIC = 0
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_REFUSALS = ("not authorized", "insufficient privileges", "permission denied", "access denied")
_NOT_RUNNING = QT_TRANSLATE_NOOP(
    "Wifi", "NetworkManager is not running, so you'll join the Photon's network yourself."
)


class ExitCode(IntEnum):
    """nmcli's documented exit codes that need their own handling (man nmcli)."""

    OK = 0
    USER_INPUT = 2
    WAIT_TIMEOUT = 3
    ACTIVATION_FAILED = 4
    NOT_RUNNING = 8
    NOT_FOUND = 10


def split_terse(line: str) -> list[str]:
    """Split one line of ``nmcli -t`` output into fields.

    Terse mode escapes ``:`` and ``\\`` inside values with a backslash, so an SSID such as
    ``Café: 2.4GHz`` arrives as ``Café\\: 2.4GHz``; ``str.split(':')`` would cut it apart.
    """
    fields: list[str] = []
    current: list[str] = []
    chars = iter(line)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == ":":
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def terse_rows(text: str, width: int) -> list[list[str]]:
    """The rows of terse output that have exactly ``width`` fields."""
    rows = []
    for line in text.splitlines():
        if not line:
            continue
        fields = split_terse(line)
        if len(fields) == width:
            rows.append(fields)
        else:
            log.debug("nmcli: skipped a row with %d fields (expected %d)", len(fields), width)
    return rows


@dataclass(frozen=True)
class NmDevice:
    name: str
    type: str
    state: str


def parse_devices(text: str) -> list[NmDevice]:
    """``nmcli -t -f DEVICE,TYPE,STATE device status``."""
    return [NmDevice(*row) for row in terse_rows(text, 3)]


@dataclass(frozen=True)
class NmActiveConnection:
    uuid: str
    type: str
    device: str
    name: str


def parse_active_connections(text: str) -> list[NmActiveConnection]:
    """``nmcli -t -f UUID,TYPE,DEVICE,NAME connection show --active`` (NAME last: it may
    hold anything)."""
    return [NmActiveConnection(*row) for row in terse_rows(text, 4)]


@dataclass(frozen=True)
class NmPermissions:
    """The polkit answers that matter: "yes", "auth" (a password prompt) or "no"."""

    network_control: str
    modify_own: str
    wifi_scan: str

    @property
    def can_join(self) -> bool:
        return self.network_control != "no" and self.modify_own != "no"

    @property
    def can_scan(self) -> bool:
        return self.wifi_scan != "no"


def parse_permissions(text: str) -> NmPermissions:
    """``nmcli -t -f PERMISSION,VALUE general permissions``; a missing line counts as "no"."""
    values = {row[0]: row[1] for row in terse_rows(text, 2)}
    base = "org.freedesktop.NetworkManager."
    return NmPermissions(
        network_control=values.get(base + "network-control", "no"),
        modify_own=values.get(base + "settings.modify.own", "no"),
        wifi_scan=values.get(base + "wifi.scan", "no"),
    )


@dataclass(frozen=True)
class NmRadio:
    """``nmcli -t -f WIFI-HW,WIFI radio``: the hardware switch (``missing`` where there is
    none to report) and the software one, ``enabled`` or ``disabled`` (terse output is never
    translated: src/nmcli/general.c)."""

    hardware: str
    software: str

    @property
    def off(self) -> bool:
        return "disabled" in (self.hardware, self.software)


def parse_radio(text: str) -> NmRadio | None:
    rows = terse_rows(text, 2)
    return NmRadio(*rows[0]) if rows else None


def wifi_off_error(radio: NmRadio) -> WifiOff:
    where = (
        QT_TRANSLATE_NOOP(
            "Wifi", "with the Wi-Fi key or switch on the computer, or by turning airplane mode off"
        )
        if radio.hardware == "disabled"
        else QT_TRANSLATE_NOOP("Wifi", "in the network menu of your desktop")
    )
    return WifiOff(
        QT_TRANSLATE_NOOP(
            "Wifi", "Wi-Fi is turned off on this computer. Turn it on {where}, then try again."
        ).format(where=where),
        detail=f"WIFI-HW={radio.hardware} WIFI={radio.software}",
    )


WIFI_LIST_FIELDS = "IN-USE,SSID,SIGNAL,SECURITY"
"""The columns read from ``nmcli -t -f … device wifi list``; SSID is never last, as it may
hold anything."""


@dataclass(frozen=True)
class NmAccessPoint:
    """One row of the Wi-Fi list: one access point (``in_use``: the one this computer is
    associated with)."""

    in_use: bool
    network: VisibleNetwork


def parse_access_points(text: str) -> list[NmAccessPoint]:
    """``nmcli -t -f IN-USE,SSID,SIGNAL,SECURITY device wifi list``, row by row."""
    return [
        NmAccessPoint(
            in_use == "*",
            VisibleNetwork(ssid, _signal(signal), nm_security(security)),
        )
        for in_use, ssid, signal, security in terse_rows(text, 4)
    ]


def _signal(text: str) -> int | None:
    """The SIGNAL column, 0 to 100. ASCII digits only: "²" is a digit to ``isdigit()`` but
    not to ``int()``, and ``int()`` refuses more than 4300 digits."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 3 else None


def parse_wifi_list(text: str) -> list[VisibleNetwork]:
    """The networks of the Wi-Fi list: one entry per SSID, strongest signal kept, hidden
    networks (empty SSID) left out."""
    return one_per_name(ap.network for ap in parse_access_points(text))


def parse_in_use(text: str) -> str | None:
    """The SSID of the access point this computer is associated with (None: none, or a
    hidden network)."""
    return next((ap.network.ssid or None for ap in parse_access_points(text) if ap.in_use), None)


def nm_security(words: str) -> Security | None:
    """nmcli's SECURITY column in the Photon's terms.

    nmcli writes (src/nmcli/devices.c) "" for an open network, "WEP", or a list of "WPA1",
    "WPA2" (PSK or 802.1X), "WPA3" (SAE), "OWE", "OWE-TM", "802.1X" and
    "WPA-EAP-SUITE-B-192". WPA3 next to WPA2 is a transition network a Photon joins as
    WPA2; WPA3 or OWE alone is beyond it (UNKNOWN); OWE-TM marks the open half of an
    Enhanced Open pair, which anyone joins as open.
    """
    tokens = set(words.split())
    if not tokens or tokens == {"OWE-TM"}:
        return Security.OPEN
    if "WEP" in tokens:
        return Security.WEP_PSK
    wpa1, wpa2 = "WPA1" in tokens, "WPA2" in tokens
    if tokens & {"802.1X", "WPA-EAP-SUITE-B-192"}:
        return Security.WPA_MIXED_ENT if wpa1 and not wpa2 else Security.WPA2_MIXED_ENT
    if wpa2:
        return Security.WPA2_MIXED_PSK
    if wpa1:
        return Security.WPA_MIXED_PSK
    if tokens & {"WPA3", "OWE"}:
        return Security.UNKNOWN
    return None


def parse_added_uuid(text: str) -> str:
    """The UUID in "Connection 'NAME' (UUID) successfully added."; the last one, since the
    name comes first and is ours, but may in theory contain anything."""
    found = _UUID.findall(text)
    if not found:
        raise AutomaticJoinUnavailable(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "NetworkManager created the Photon connection but did not say its ID, so "
                "you'll join the Photon's network yourself from the system Wi-Fi menu.",
            ),
            detail=text.strip(),
        )
    return str(found[-1]).lower()


def check(result: CommandResult, *, doing: str) -> None:
    """Turn nmcli's exit code (and polkit's refusal text) into a typed error."""
    if result.returncode == 0:
        return
    text = result.output.strip()
    first = text.splitlines()[0] if text else f"exit code {result.returncode}"
    code = result.returncode
    if any(refusal in text.lower() for refusal in _REFUSALS):
        raise NotAuthorized(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "NetworkManager did not allow this app to {doing} (not authorized). "
                "You'll join the Photon's network yourself from the system Wi-Fi menu.",
            ).format(doing=doing),
            detail=first,
        )
    if code == ExitCode.NOT_RUNNING:
        raise NetworkManagerNotRunning(
            _NOT_RUNNING,
            detail=first,
        )
    if code == ExitCode.NOT_FOUND:
        raise NetworkNotFound(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "NetworkManager could not {doing}: the network, connection or Wi-Fi adapter "
                "was not found. Check that the Photon is blinking dark blue, then try again.",
            ).format(doing=doing),
            detail=first,
        )
    if code == ExitCode.ACTIVATION_FAILED:
        raise JoinFailed(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "NetworkManager could not {doing}. Check that the Photon is blinking dark blue "
                "and close to this computer, then try again.",
            ).format(doing=doing),
            detail=first,
        )
    if code == ExitCode.WAIT_TIMEOUT:
        raise JoinFailed(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "NetworkManager did not manage to {doing} within {seconds} seconds. "
                "Move the Photon closer and try again.",
            ).format(doing=doing, seconds=WAIT_SECONDS),
            detail=first,
        )
    raise WifiError(
        QT_TRANSLATE_NOOP(
            "Wifi",
            "NetworkManager could not {doing}. Try again; if it keeps failing, join the "
            "Photon's network yourself from the system Wi-Fi menu.",
        ).format(doing=doing),
        detail=text,
    )


class NetworkManagerBackend(WifiBackend):
    kind = BackendKind.NETWORK_MANAGER

    def __init__(
        self,
        runner: CommandRunner,
        interface: str,
        *,
        user: str,
        can_scan: bool = True,
        new_uuid: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self._runner = runner
        self.interface = interface
        self._user = user
        self._can_scan = can_scan
        self._new_uuid = new_uuid

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            can_scan=self._can_scan,
            can_join=True,
            why_not=None
            if self._can_scan
            else QT_TRANSLATE_NOOP(
                "Wifi", "NetworkManager does not allow this user to scan for Wi-Fi networks."
            ),
        )

    async def _nmcli(self, *args: str, doing: str, seconds: float = QUICK) -> CommandResult:
        result = await self._runner.run([NMCLI, *args], timeout=seconds)
        check(result, doing=doing)
        return result

    async def _ensure_wifi_on(self) -> None:
        """Refuse to go on with the radio off (NetworkManager would list no networks and
        fail to activate with misleading errors); the person turns it on, not the app."""
        result = await self._nmcli(
            "-t", "-f", "WIFI-HW,WIFI", "radio",
            doing=QT_TRANSLATE_NOOP("Wifi", "check whether Wi-Fi is on"),
        )  # fmt: skip
        radio = parse_radio(result.stdout)
        if radio is not None and radio.off:
            raise wifi_off_error(radio)

    async def _wifi_list(self, rescan: str, *, seconds: float) -> str:
        result = await self._nmcli(
            "-t", "-f", WIFI_LIST_FIELDS, "device", "wifi", "list",
            "ifname", self.interface, "--rescan", rescan,
            doing=QT_TRANSLATE_NOOP("Wifi", "list Wi-Fi networks"), seconds=seconds,
        )  # fmt: skip
        return result.stdout

    async def scan(self) -> list[VisibleNetwork]:
        if not self._can_scan:
            return await super().scan()
        await self._ensure_wifi_on()
        # "auto" rescans only if the list is older than 30 s; NM rate-limits scans anyway.
        return parse_wifi_list(await self._wifi_list("auto", seconds=30.0))

    async def current_network(self) -> str | None:
        """The SSID itself (the active connection's name may differ), from the list as it
        is: no rescan."""
        return parse_in_use(await self._wifi_list("no", seconds=QUICK))

    async def _current(self, interface: str) -> NmActiveConnection | None:
        """The Wi-Fi connection active on ``interface``: never a VPN (or anything else)
        that NetworkManager also lists on that device."""
        result = await self._nmcli(
            "-t", "-f", "UUID,TYPE,DEVICE,NAME", "connection", "show", "--active",
            doing=QT_TRANSLATE_NOOP("Wifi", "read the current connection"),
        )  # fmt: skip
        return next(
            (
                c
                for c in parse_active_connections(result.stdout)
                if c.device == interface and c.type == WIRELESS
            ),
            None,
        )

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        await self._ensure_wifi_on()
        current = await self._current(self.interface)
        return RestorePoint(
            backend=self.kind,
            photon_ssid=photon_ssid,
            interface=self.interface,
            previous=current.uuid if current else None,
            previous_label=current.name if current else None,
            temporary_profile=self._new_uuid(),
        )

    def is_temporary_profile(self, name: str) -> bool:
        return _TEMPORARY_NAME.fullmatch(name) is not None

    async def prepare(self, point: RestorePoint) -> RestorePoint:
        assert point.temporary_profile is not None, "snapshot() first"
        name = temporary_profile_name(point.photon_ssid)
        add = (
            NMCLI, "connection", "add", "type", "wifi",
            "ifname", self.interface,
            "con-name", name,
            "ssid", point.photon_ssid,
            "connection.autoconnect", "no",
            "connection.permissions", f"user:{self._user}",
            "ipv4.method", "auto",
            "ipv4.never-default", "yes",
            "ipv4.route-metric", str(PHOTON_ROUTE_METRIC),
            "ipv6.method", "ignore",
        )  # fmt: skip
        doing = "create a connection for the Photon's network"
        result = await self._runner.run(
            [*add, "connection.uuid", point.temporary_profile], timeout=QUICK
        )
        if not _uuid_refused(result):
            check(result, doing=doing)
            return point
        # NetworkManager before 1.42 does not let nmcli set the UUID: it picks one and says
        # which. Until the session journals it, only the name finds this profile.
        log.info("nmcli cannot set connection.uuid here; reading the one it chose")
        result = await self._runner.run(add, timeout=QUICK)
        check(result, doing=doing)
        try:
            return point.with_temporary_profile(parse_added_uuid(result.stdout))
        except AutomaticJoinUnavailable:
            await self._delete_named(name)
            raise

    async def join(self, point: RestorePoint) -> None:
        assert point.temporary_profile is not None, "prepare() first"
        await self._nmcli(
            "--wait", str(WAIT_SECONDS), "connection", "up",
            "uuid", point.temporary_profile, "ifname", point.interface or self.interface,
            doing=QT_TRANSLATE_NOOP("Wifi", "connect to “{network}”").format(
                network=point.photon_ssid
            ),
            seconds=WAIT_SECONDS + 15,
        )  # fmt: skip

    async def discard(self, point: RestorePoint) -> None:
        if point.temporary_profile:
            await self._delete(point.temporary_profile)

    async def restore(self, point: RestorePoint) -> RestoreReport:
        """Bring the previous connection back up, then delete the Photon's profile. If the
        previous one does not come back, NetworkManager picks a saved network, but only
        after the Photon's profile is gone (else it may pick that again), and the report
        says "reconnected" only once the active connection is the previous one."""
        problems: list[str] = []
        interface = point.interface or self.interface
        back = bool(point.previous) and await self._up(point, interface)
        removed, leftover = await self._remove_temporary(point)
        problems.extend(leftover)
        rejoin_by_hand = False
        if point.previous and not back:
            now = (
                await self._current_or_none(interface)
                if await self._let_network_manager_choose(interface)
                else None
            )
            back = now is not None and now.uuid == point.previous
            if now is None:
                rejoin_by_hand = True
                problems.insert(
                    0,
                    QT_TRANSLATE_NOOP(
                        "Wifi",
                        "Could not reconnect to “{network}”: choose it in the system Wi-Fi menu.",
                    ).format(network=point.previous_name),
                )
            elif not back:
                problems.insert(
                    0,
                    QT_TRANSLATE_NOOP(
                        "Wifi",
                        "Could not reconnect to “{network}”; Wi-Fi is on “{current}” instead. If "
                        "you need “{network}”, choose it in the system Wi-Fi menu.",
                    ).format(network=point.previous_name, current=now.name),
                )
        actions = [reconnected_to(point.previous_name)] if back else []
        actions.extend(removed)
        return RestoreReport(self.kind, tuple(actions), tuple(problems), rejoin_by_hand)

    async def _up(self, point: RestorePoint, interface: str) -> bool:
        assert point.previous is not None
        try:
            await self._nmcli(
                "--wait", str(WAIT_SECONDS), "connection", "up",
                "uuid", point.previous, "ifname", interface,
                doing=QT_TRANSLATE_NOOP("Wifi", "reconnect to “{network}”").format(
                    network=point.previous_name
                ),
                seconds=WAIT_SECONDS + 15,
            )  # fmt: skip
        except WifiError as error:
            log.warning("restoring %s failed: %s (%s)", point.previous, error, error.detail)
            return False
        return True

    async def _current_or_none(self, interface: str) -> NmActiveConnection | None:
        try:
            return await self._current(interface)
        except WifiError as error:
            log.warning("could not read the current connection: %s", error.detail)
            return None

    async def _remove_temporary(self, point: RestorePoint) -> tuple[list[str], list[str]]:
        """Delete the Photon's profile: (what was done, what is left for the person)."""
        if not point.temporary_profile:
            return [], []
        try:
            removed = await self._delete(point.temporary_profile)
        except WifiError as error:
            log.warning("deleting %s failed: %s", point.temporary_profile, error.detail)
            return [], [
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "Could not remove the temporary connection “{name}”; you can delete it in "
                    "the network settings.",
                ).format(name=temporary_profile_name(point.photon_ssid))
            ]
        removal = QT_TRANSLATE_NOOP("Wifi", "Removed the temporary Photon connection.")
        return ([removal] if removed else []), []

    async def on_photon(self, point: RestorePoint) -> bool | None:
        try:
            current = await self._current(point.interface or self.interface)
        except WifiError as error:
            log.info("could not read the current connection: %s", error.detail)
            return None
        return current is not None and (
            current.uuid == point.temporary_profile or self.is_temporary_profile(current.name)
        )

    async def clean_up(self, point: RestorePoint) -> RestoreReport:
        removed, leftover = await self._remove_temporary(point)
        return RestoreReport(self.kind, tuple(removed), tuple(leftover))

    async def _let_network_manager_choose(self, interface: str) -> bool:
        """Fallback: ``device connect`` lets NM pick a profile by its autoconnect rules."""
        try:
            await self._nmcli(
                "--wait", str(WAIT_SECONDS), "device", "connect", interface,
                doing=QT_TRANSLATE_NOOP("Wifi", "reconnect Wi-Fi"), seconds=WAIT_SECONDS + 15,
            )  # fmt: skip
        except WifiError as error:
            log.warning("device connect %s failed: %s", interface, error.detail)
            return False
        return True

    async def _delete(self, profile: str) -> bool:
        """Delete the profile; False if it did not exist (never created, or already gone)."""
        try:
            await self._nmcli(
                "connection",
                "delete",
                "uuid",
                profile,
                doing=QT_TRANSLATE_NOOP("Wifi", "remove the Photon connection"),
            )
        except NetworkNotFound:
            return False
        return True

    async def _delete_named(self, name: str) -> None:
        """Last resort when the UUID is unknown; the name is ours, so is any profile with it."""
        try:
            await self._nmcli(
                "connection",
                "delete",
                "id",
                name,
                doing=QT_TRANSLATE_NOOP("Wifi", "remove the Photon connection"),
            )
        except WifiError as error:
            log.warning("could not delete the profile %s: %s", name, error.detail)


_TEMPORARY_NAME = re.compile(r"Photon Setup \(.+\)", re.DOTALL)


def temporary_profile_name(photon_ssid: str) -> str:
    return f"Photon Setup ({photon_ssid})"


def _uuid_refused(result: CommandResult) -> bool:
    """nmcli before NetworkManager 1.42: "Error: failed to modify connection.uuid: the
    property can't be changed." (exit code 2)."""
    return result.returncode == ExitCode.USER_INPUT and "connection.uuid" in result.output


async def detect_network_manager(runner: CommandRunner, *, user: str) -> NetworkManagerBackend:
    """Preflight: NM running, this user allowed to join, a Wi-Fi adapter present.

    Raises ``AutomaticJoinUnavailable`` with the reason in plain words otherwise.
    """

    async def nmcli(*args: str, doing: str) -> CommandResult:
        result = await runner.run([NMCLI, *args], timeout=QUICK)
        check(result, doing=doing)
        return result

    running = await nmcli(
        "-t", "-f", "RUNNING", "general", doing=QT_TRANSLATE_NOOP("Wifi", "check NetworkManager")
    )
    if running.stdout.strip() != "running":
        raise NetworkManagerNotRunning(
            _NOT_RUNNING,
            detail=running.stdout.strip(),
        )
    allowed = await nmcli(
        "-t", "-f", "PERMISSION,VALUE", "general", "permissions",
        doing=QT_TRANSLATE_NOOP("Wifi", "check NetworkManager permissions"),
    )  # fmt: skip
    permissions = parse_permissions(allowed.stdout)
    if not permissions.can_join:
        raise NotAuthorized(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "NetworkManager does not allow this user to change Wi-Fi connections, so "
                "you'll join the Photon's network yourself from the system Wi-Fi menu.",
            ),
            detail=f"{permissions}",
        )
    status = await nmcli(
        "-t", "-f", "DEVICE,TYPE,STATE", "device", "status",
        doing=QT_TRANSLATE_NOOP("Wifi", "list network adapters"),
    )  # fmt: skip
    devices = parse_devices(status.stdout)
    interface = choose_wifi_device(devices)
    if interface is None:
        # Every Wi-Fi adapter is unavailable. With the radio switched off that is the
        # person's to change: keep the automatic path, and the session asks them to turn
        # Wi-Fi on. Otherwise (missing firmware, unmanaged) joining by hand is the way.
        answer = await nmcli(
            "-t", "-f", "WIFI-HW,WIFI", "radio", doing=QT_TRANSLATE_NOOP("Wifi", "check Wi-Fi")
        )
        radio = parse_radio(answer.stdout)
        wifi = [d for d in devices if d.type == "wifi"]
        if radio is None or not radio.off:
            raise AutomaticJoinUnavailable(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "NetworkManager reports the Wi-Fi adapter as not ready (or not managed by "
                    "it), so you'll join the Photon's network yourself from the system Wi-Fi "
                    "menu once Wi-Fi works.",
                ),
                detail=", ".join(f"{d.name}={d.state}" for d in wifi),
            )
        interface = next((d.name for d in wifi if d.state == "unavailable"), wifi[0].name)
    return NetworkManagerBackend(runner, interface, user=user, can_scan=permissions.can_scan)


def choose_wifi_device(devices: Sequence[NmDevice]) -> str | None:
    """The Wi-Fi adapter to use: a connected one first, then any usable one; None if every
    Wi-Fi adapter is unavailable (switched off, or not managed by NetworkManager)."""
    wifi = [d for d in devices if d.type == "wifi"]
    if not wifi:
        raise NoWifiAdapter(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "NetworkManager found no Wi-Fi adapter on this computer, so the app can't join "
                "the Photon's network by itself. If you have Wi-Fi, join it from the system "
                "menu.",
            ),
        )
    usable = [d for d in wifi if d.state not in ("unmanaged", "unavailable")]
    connected = [d for d in usable if d.state.startswith("connected")]
    return (connected or usable)[0].name if usable else None
