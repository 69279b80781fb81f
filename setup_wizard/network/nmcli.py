"""Linux: NetworkManager through ``nmcli`` (wifi-join.md §3.1).

The Photon gets a private (``connection.permissions user:<login>``), never-autoconnecting
profile with ``ipv4.never-default`` so a wired default route survives. State is kept by
connection UUID, never by name (names repeat and may contain ``:``). The app chooses that
UUID itself (``connection.uuid`` on ``connection add``, NetworkManager 1.42 and later), so
the crash journal names the profile before it exists. The user's own profile is never taken
``down`` (that would stop it autoconnecting); it is brought back ``up``.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum

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
    AutomaticJoinUnavailable,
    JoinFailed,
    NetworkManagerNotRunning,
    NetworkNotFound,
    NotAuthorized,
    NoWifiAdapter,
    WifiError,
)

log = logging.getLogger(__name__)

NMCLI = "nmcli"
WAIT_SECONDS = 30  # nmcli's own --wait for activations (its default is 90)
QUICK = 15.0  # runner deadline for commands that only read or write settings
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_REFUSALS = ("not authorized", "insufficient privileges", "permission denied", "access denied")


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


def parse_wifi_list(text: str) -> list[VisibleNetwork]:
    """``nmcli -t -f SSID,SIGNAL device wifi list``: one entry per SSID, strongest signal
    kept, hidden networks (empty SSID) left out."""
    best: dict[str, int | None] = {}
    for ssid, signal in terse_rows(text, 2):
        if not ssid:
            continue
        strength = int(signal) if signal.isdigit() else None
        known = best.get(ssid)
        if ssid not in best or (strength is not None and (known is None or strength > known)):
            best[ssid] = strength
    return [VisibleNetwork(ssid, signal) for ssid, signal in best.items()]


def parse_added_uuid(text: str) -> str:
    """The UUID in "Connection 'NAME' (UUID) successfully added."; the last one, since the
    name comes first and is ours, but may in theory contain anything."""
    found = _UUID.findall(text)
    if not found:
        raise AutomaticJoinUnavailable(
            "NetworkManager created the Photon connection but did not say its ID, so you'll "
            "join the Photon's network yourself from the system Wi-Fi menu.",
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
            f"NetworkManager did not allow this app to {doing} (not authorized). "
            "You'll join the Photon's network yourself from the system Wi-Fi menu.",
            detail=first,
        )
    if code == ExitCode.NOT_RUNNING:
        raise NetworkManagerNotRunning(
            "NetworkManager is not running, so you'll join the Photon's network yourself.",
            detail=first,
        )
    if code == ExitCode.NOT_FOUND:
        raise NetworkNotFound(
            f"NetworkManager could not {doing}: the network, connection or Wi-Fi adapter "
            "was not found. Check that the Photon is blinking dark blue, then try again.",
            detail=first,
        )
    if code == ExitCode.ACTIVATION_FAILED:
        raise JoinFailed(
            f"NetworkManager could not {doing}. Check that the Photon is blinking dark blue "
            "and close to this computer, then try again.",
            detail=first,
        )
    if code == ExitCode.WAIT_TIMEOUT:
        raise JoinFailed(
            f"NetworkManager did not manage to {doing} within {WAIT_SECONDS} seconds. "
            "Move the Photon closer and try again.",
            detail=first,
        )
    raise WifiError(
        f"NetworkManager could not {doing}. Try again; if it keeps failing, join the "
        "Photon's network yourself from the system Wi-Fi menu.",
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
            else "NetworkManager does not allow this user to scan for Wi-Fi networks.",
        )

    async def _nmcli(self, *args: str, doing: str, seconds: float = QUICK) -> CommandResult:
        result = await self._runner.run([NMCLI, *args], timeout=seconds)
        check(result, doing=doing)
        return result

    async def scan(self) -> list[VisibleNetwork]:
        if not self._can_scan:
            return await super().scan()
        # "auto" rescans only if the list is older than 30 s; NM rate-limits scans anyway.
        result = await self._nmcli(
            "-t", "-f", "SSID,SIGNAL", "device", "wifi", "list",
            "ifname", self.interface, "--rescan", "auto",
            doing="list Wi-Fi networks", seconds=30.0,
        )  # fmt: skip
        return parse_wifi_list(result.stdout)

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        result = await self._nmcli(
            "-t", "-f", "UUID,TYPE,DEVICE,NAME", "connection", "show", "--active",
            doing="read the current connection",
        )  # fmt: skip
        current = next(
            (c for c in parse_active_connections(result.stdout) if c.device == self.interface),
            None,
        )
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
            doing=f"connect to “{point.photon_ssid}”", seconds=WAIT_SECONDS + 15,
        )  # fmt: skip

    async def discard(self, point: RestorePoint) -> None:
        if point.temporary_profile:
            await self._delete(point.temporary_profile)

    async def restore(self, point: RestorePoint) -> RestoreReport:
        actions: list[str] = []
        problems: list[str] = []
        rejoin_by_hand = False
        interface = point.interface or self.interface
        if point.previous:
            try:
                await self._nmcli(
                    "--wait", str(WAIT_SECONDS), "connection", "up",
                    "uuid", point.previous, "ifname", interface,
                    doing=f"reconnect to “{point.previous_name}”", seconds=WAIT_SECONDS + 15,
                )  # fmt: skip
                actions.append(f"Reconnected to “{point.previous_name}”.")
            except WifiError as error:
                log.warning("restoring %s failed: %s (%s)", point.previous, error, error.detail)
                if await self._let_network_manager_choose(interface):
                    actions.append("Reconnected Wi-Fi to a saved network.")
                else:
                    rejoin_by_hand = True
                    problems.append(
                        f"Could not reconnect to “{point.previous_name}”: choose it in the "
                        "system Wi-Fi menu."
                    )
        if point.temporary_profile:
            try:
                if await self._delete(point.temporary_profile):
                    actions.append("Removed the temporary Photon connection.")
            except WifiError as error:
                log.warning("deleting %s failed: %s", point.temporary_profile, error.detail)
                problems.append(
                    f"Could not remove the temporary connection "
                    f"“{temporary_profile_name(point.photon_ssid)}”; you can delete it in "
                    "the network settings."
                )
        return RestoreReport(
            self.kind,
            tuple(actions),
            tuple(problems),
            user_action_needed=rejoin_by_hand,
        )

    async def _let_network_manager_choose(self, interface: str) -> bool:
        """Fallback: ``device connect`` lets NM pick a profile by its autoconnect rules."""
        try:
            await self._nmcli(
                "--wait", str(WAIT_SECONDS), "device", "connect", interface,
                doing="reconnect Wi-Fi", seconds=WAIT_SECONDS + 15,
            )  # fmt: skip
        except WifiError as error:
            log.warning("device connect %s failed: %s", interface, error.detail)
            return False
        return True

    async def _delete(self, profile: str) -> bool:
        """Delete the profile; False if it did not exist (never created, or already gone)."""
        try:
            await self._nmcli(
                "connection", "delete", "uuid", profile, doing="remove the Photon connection"
            )
        except NetworkNotFound:
            return False
        return True

    async def _delete_named(self, name: str) -> None:
        """Last resort when the UUID is unknown; the name is ours, so is any profile with it."""
        try:
            await self._nmcli(
                "connection", "delete", "id", name, doing="remove the Photon connection"
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

    running = await nmcli("-t", "-f", "RUNNING", "general", doing="check NetworkManager")
    if running.stdout.strip() != "running":
        raise NetworkManagerNotRunning(
            "NetworkManager is not running, so you'll join the Photon's network yourself.",
            detail=running.stdout.strip(),
        )
    allowed = await nmcli(
        "-t", "-f", "PERMISSION,VALUE", "general", "permissions",
        doing="check NetworkManager permissions",
    )  # fmt: skip
    permissions = parse_permissions(allowed.stdout)
    if not permissions.can_join:
        raise NotAuthorized(
            "NetworkManager does not allow this user to change Wi-Fi connections, so you'll "
            "join the Photon's network yourself from the system Wi-Fi menu.",
            detail=f"{permissions}",
        )
    status = await nmcli(
        "-t", "-f", "DEVICE,TYPE,STATE", "device", "status", doing="list network adapters"
    )  # fmt: skip
    devices = parse_devices(status.stdout)
    interface = choose_wifi_device(devices)
    return NetworkManagerBackend(runner, interface, user=user, can_scan=permissions.can_scan)


def choose_wifi_device(devices: Sequence[NmDevice]) -> str:
    """The Wi-Fi adapter to use: a connected one first, then any usable one."""
    wifi = [d for d in devices if d.type == "wifi"]
    usable = [d for d in wifi if d.state not in ("unmanaged", "unavailable")]
    if not usable:
        if wifi:
            raise AutomaticJoinUnavailable(
                "Wi-Fi is switched off (or not managed by NetworkManager). Turn Wi-Fi on, "
                "then join the Photon's network from the system Wi-Fi menu.",
                detail=", ".join(f"{d.name}={d.state}" for d in wifi),
            )
        raise NoWifiAdapter(
            "NetworkManager found no Wi-Fi adapter on this computer, so the app can't join "
            "the Photon's network by itself. If you have Wi-Fi, join it from the system menu.",
        )
    connected = [d for d in usable if d.state.startswith("connected")]
    return (connected or usable)[0].name
