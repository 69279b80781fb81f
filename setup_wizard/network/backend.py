"""What every way of joining Wi-Fi (NetworkManager, macOS, Windows, by hand, simulated) provides.

The session in ``wifi.py`` drives a backend in a fixed order: ``snapshot`` → ``prepare`` →
``join`` → (device work) → ``restore``. After a crash, the next start asks ``on_photon``
and then either ``restore`` or only ``clean_up``. A backend states what it can do in
``capabilities`` so the flow can choose between a list of Photons and "type the name", and
between joining automatically and guiding the person.
"""

from __future__ import annotations

import dataclasses
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.security import Security
from setup_wizard.i18n import QT_TRANSLATE_NOOP, joined
from setup_wizard.network.errors import JournalUnreadable, ScanUnavailable, WifiError


class BackendKind(StrEnum):
    NETWORK_MANAGER = "networkmanager"
    MACOS = "macos"
    WINDOWS = "windows"
    MANUAL = "manual"
    SIMULATED = "simulated"


@dataclass(frozen=True)
class Capabilities:
    """What a backend does by itself; ``why_not`` explains a missing ability in plain words."""

    can_scan: bool
    can_join: bool
    why_not: str | None = None


@dataclass(frozen=True)
class VisibleNetwork:
    """A Wi-Fi network the computer can see; ``signal`` is 0–100 where the OS reports it.

    ``security`` is the OS's word in the Photon's terms: None where the OS did not say (or
    said it in words this app cannot read), ``Security.UNKNOWN`` for a kind a Photon cannot
    join (WPA3 only, Enhanced Open). Where the OS says WPA or WPA2 but not the cipher (the
    usual case), the value is the mixed one (AES+TKIP): the Photon negotiates either.
    """

    ssid: str
    signal: int | None = None
    security: Security | None = None


def _strength(network: VisibleNetwork) -> int:
    return -1 if network.signal is None else network.signal


def one_per_name(networks: Iterable[VisibleNetwork]) -> list[VisibleNetwork]:
    """Each named network once, in the order first seen: a network with several access
    points (a mesh, a second band) is listed once per access point. The strongest signal
    is kept, with the security of another entry where the strongest has none; hidden
    networks (no name) are left out."""
    best: dict[str, VisibleNetwork] = {}
    for network in networks:
        if not network.ssid:
            continue
        known = best.get(network.ssid)
        if known is None:
            best[network.ssid] = network
            continue
        stronger = _strength(network) > _strength(known)
        strong, weak = (network, known) if stronger else (known, network)
        if strong.security is None:
            strong = dataclasses.replace(strong, security=weak.security)
        best[network.ssid] = strong
    return list(best.values())


def signal_from_dbm(dbm: int) -> int:
    """A signal in dBm as the 0–100 the other systems report (-100 dBm or less is 0,
    -50 dBm or more is 100: the usual linear mapping)."""
    return max(0, min(100, 2 * (dbm + 100)))


@dataclass(frozen=True)
class RestorePoint:
    """How to give the computer its Wi-Fi back; also the crash journal's content.

    ``previous`` is the backend's handle of the network the computer was on: a
    NetworkManager connection UUID, a Windows profile name, a macOS or simulated SSID; None
    when unknown or when the computer was not on Wi-Fi. ``temporary_profile`` is what the
    app created to join the Photon (NetworkManager UUID, Windows profile name) and must
    delete. No secrets: open networks only.
    """

    backend: BackendKind
    photon_ssid: str
    interface: str | None = None
    previous: str | None = None
    previous_label: str | None = None
    temporary_profile: str | None = None
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    FORMAT = 1

    def with_temporary_profile(self, profile: str) -> RestorePoint:
        return dataclasses.replace(self, temporary_profile=profile)

    @property
    def previous_name(self) -> str:
        """The previous network as a person would name it, for messages."""
        return self.previous_label or self.previous or QT_TRANSLATE_NOOP("Wifi", "your usual Wi-Fi")

    def to_json(self) -> str:
        data: dict[str, Any] = {"format": self.FORMAT, **dataclasses.asdict(self)}
        data["backend"] = self.backend.value
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> RestorePoint:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != cls.FORMAT:
                raise ValueError("unknown journal format")
            strings = ("interface", "previous", "previous_label", "temporary_profile")
            for name in strings:
                if data.get(name) is not None and not isinstance(data[name], str):
                    raise ValueError(f"{name} is not text")
            if not isinstance(data.get("photon_ssid"), str):
                raise ValueError("photon_ssid is missing")
            return cls(
                backend=BackendKind(data["backend"]),
                photon_ssid=data["photon_ssid"],
                created_at=str(data.get("created_at", "")),
                **{name: data.get(name) for name in strings},
            )
        except (ValueError, KeyError, TypeError, RecursionError) as error:
            raise JournalUnreadable(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "The note about which Wi-Fi to restore is damaged; if your computer is not "
                    "back on your usual Wi-Fi, choose it in the system Wi-Fi menu.",
                ),
                detail=str(error),
            ) from error


@dataclass(frozen=True)
class RestoreReport:
    """What giving the Wi-Fi back did.

    ``problems`` are what is left for the person, each saying how to do it (empty: nothing
    left). ``user_action_needed`` means the computer may not be back on its usual network,
    so the person must rejoin it by hand; a leftover that does not keep the computer off
    its network (a remembered Photon network on macOS) is a problem without that flag.
    """

    backend: BackendKind
    actions: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    user_action_needed: bool = False

    @property
    def complete(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        return joined((*self.actions, *self.problems))


def reconnected_to(network: str) -> str:
    """What a restore that rejoined ``network`` did, as every backend words it."""
    return QT_TRANSLATE_NOOP("Wifi", "Reconnected to “{network}”.").format(network=network)


class WifiBackend(ABC):
    """One way of switching this computer's Wi-Fi. Methods raise ``WifiError`` subclasses."""

    kind: BackendKind

    answer_means_joined: bool = True
    """Whether the device answering means this computer is on the Photon's network, so the
    session can check that a restore really left it. False in simulation, where a
    simulated Photon answers on loopback whichever network is "current"."""

    join_failure_changes_nothing: bool = False
    """Whether a ``join`` that raised ``JoinFailed`` left the computer on its own network, so
    that nothing needs restoring (macOS: ``networksetup`` fails before leaving it)."""

    @property
    @abstractmethod
    def capabilities(self) -> Capabilities: ...

    async def scan(self) -> list[VisibleNetwork]:
        """Networks nearby (all of them; the caller filters Photons)."""
        raise ScanUnavailable(
            self.capabilities.why_not
            or QT_TRANSLATE_NOOP(
                "Wifi",
                "This app can't list Wi-Fi networks here. Look in your Wi-Fi menu for a "
                "network whose name starts with “Photon-”.",
            )
        )

    async def current_network(self) -> str | None:
        """The name (SSID) of the Wi-Fi network this computer is on now, where the backend
        can tell cheaply; None when not on Wi-Fi, on a hidden network, or unknown."""
        return None

    @abstractmethod
    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        """Remember the current connection before anything changes. A backend that can
        choose the ID of what ``prepare`` will create names it here already, so the journal
        holds it before it exists and a crash in between cannot leak it."""

    def is_temporary_profile(self, name: str) -> bool:
        """Whether ``name`` is a profile this app creates to join a Photon: never a network
        to give back, even when a failed clean-up left the computer on it."""
        return False

    async def prepare(self, point: RestorePoint) -> RestorePoint:
        """Create whatever joining needs (a temporary profile); returns the updated point."""
        return point

    @abstractmethod
    async def join(self, point: RestorePoint) -> None:
        """Switch to the Photon's network (``point.photon_ssid``)."""

    @abstractmethod
    async def restore(self, point: RestorePoint) -> RestoreReport:
        """Rejoin the previous network and delete the temporary profile. Never raises
        ``WifiError``: each step's failure is reported so that the other steps still run."""

    async def discard(self, point: RestorePoint) -> None:
        """Undo ``prepare`` when joining is abandoned before it happened."""
        return None

    async def on_photon(self, point: RestorePoint) -> bool | None:
        """Whether the computer is on the Photon's network now (a crashed session's), as far
        as this backend can tell without the device; None when it cannot tell."""
        return None

    async def clean_up(self, point: RestorePoint) -> RestoreReport:
        """Remove what an interrupted session left behind (a temporary profile, a remembered
        network) without touching the current connection. Never raises ``WifiError``."""
        try:
            await self.discard(point)
        except WifiError as error:
            return RestoreReport(self.kind, problems=(error.message,))
        return RestoreReport(self.kind)

    def address_interface(self, point: RestorePoint) -> str | None:
        """The Wi-Fi interface as this computer's address table names it (on Windows the
        adapter GUID, not the name people see), or None where unknown."""
        return point.interface

    def device_address_for(self, ssid: str | None, default: DeviceAddress) -> DeviceAddress:
        """Where the device answers once joined: the configured address, except in simulation."""
        return default
