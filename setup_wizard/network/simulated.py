"""Simulated Wi-Fi for ``--wifi simulated``: "joining" a simulated Photon means talking to
its loopback ports.

Built from the simulator's ready line (the app turns each device into a
``SimulatedAccessPoint``); it does not import the simulator. Like a real access point, a
simulated Photon is visible only while it answers: its servers stop after ``connect-ap``,
as the real AP disappears.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from setup_wizard.device.address import DeviceAddress
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.backend import (
    BackendKind,
    Capabilities,
    RestorePoint,
    RestoreReport,
    VisibleNetwork,
    WifiBackend,
    reconnected_to,
)
from setup_wizard.network.errors import NetworkNotFound
from setup_wizard.network.probes import DeviceProbe


@dataclass(frozen=True)
class SimulatedAccessPoint:
    ssid: str
    address: DeviceAddress

    @classmethod
    def from_ready_device(cls, device: Mapping[str, object]) -> SimulatedAccessPoint:
        """One entry of the simulator's ready line: ``{"ssid": "Photon-…",
        "http": "http://127.0.0.1:PORT", "tcp": "127.0.0.1:PORT", …}``."""
        ssid, http, tcp = device.get("ssid"), device.get("http"), device.get("tcp")
        if not (isinstance(ssid, str) and isinstance(http, str) and isinstance(tcp, str)):
            raise ValueError(f"not a simulated device entry: {device!r}")
        web = urlsplit(http)
        host, _, tcp_port = tcp.rpartition(":")
        if web.hostname is None or web.port is None or host != web.hostname:
            raise ValueError(f"simulated device addresses do not match: {http} and {tcp}")
        return cls(ssid, DeviceAddress(host, int(tcp_port), web.port))


class SimulatedWifiBackend(WifiBackend):
    kind = BackendKind.SIMULATED
    answer_means_joined = False  # its Photons answer on loopback whatever "current_ssid" is

    def __init__(
        self,
        access_points: Sequence[SimulatedAccessPoint],
        home_ssid: str,
        *,
        probe: DeviceProbe,
        probe_timeout: float = 1.0,
    ) -> None:
        self._access_points = {ap.ssid: ap for ap in access_points}
        self._probe = probe
        self._probe_timeout = probe_timeout
        self.current_ssid: str | None = home_ssid

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(can_scan=True, can_join=True)

    async def _answers(self, ap: SimulatedAccessPoint) -> bool:
        return await self._probe(ap.address, timeout=self._probe_timeout) is not None

    async def scan(self) -> list[VisibleNetwork]:
        aps = list(self._access_points.values())
        answers = await asyncio.gather(*(self._answers(ap) for ap in aps))
        return [VisibleNetwork(ap.ssid) for ap, up in zip(aps, answers, strict=True) if up]

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        return RestorePoint(backend=self.kind, photon_ssid=photon_ssid, previous=self.current_ssid)

    async def join(self, point: RestorePoint) -> None:
        ap = self._access_points.get(point.photon_ssid)
        if ap is None or not await self._answers(ap):
            raise NetworkNotFound(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "The simulated network “{ssid}” is not in range: its Photon is not in "
                    "listening mode. Put it back in listening mode and try again.",
                ).format(ssid=point.photon_ssid)
            )
        self.current_ssid = ap.ssid

    async def restore(self, point: RestorePoint) -> RestoreReport:
        self.current_ssid = point.previous
        return RestoreReport(self.kind, (reconnected_to(point.previous_name),))

    def device_address_for(self, ssid: str | None, default: DeviceAddress) -> DeviceAddress:
        ap = self._access_points.get(ssid) if ssid else None
        return ap.address if ap else default
