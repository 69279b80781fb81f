"""Simulated Wi-Fi for ``--wifi simulated``: "joining" a simulated Photon means talking to
its loopback ports.

Built from the simulator's ready line (the app turns each device into a
``SimulatedAccessPoint`` and each of its Wi-Fi networks into a ``VisibleNetwork``); it does
not import the simulator. Like a real access point, a simulated Photon is visible only
while it answers: its servers stop after ``connect-ap``, as the real AP disappears. The
home networks are always in range, so a scan lists them as a real computer's would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.security import Security
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.backend import (
    BackendKind,
    Capabilities,
    RestorePoint,
    RestoreReport,
    VisibleNetwork,
    WifiBackend,
    reconnected_to,
    signal_from_dbm,
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


READY_SECURITY: Mapping[str, Security] = {
    "open": Security.OPEN,
    "none": Security.OPEN,
    "wep_psk": Security.WEP_PSK,
    "wep_shared": Security.WEP_SHARED,
    "wpa_tkip": Security.WPA_TKIP_PSK,
    "wpa_aes": Security.WPA_AES_PSK,
    "wpa_mixed": Security.WPA_MIXED_PSK,
    "wpa2_aes": Security.WPA2_AES_PSK,
    "wpa2_tkip": Security.WPA2_TKIP_PSK,
    "wpa2_mixed": Security.WPA2_MIXED_PSK,
    "wpa2": Security.WPA2_MIXED_PSK,
    "wpa_enterprise_tkip": Security.WPA_TKIP_ENT,
    "wpa_enterprise_aes": Security.WPA_AES_ENT,
    "wpa_enterprise_mixed": Security.WPA_MIXED_ENT,
    "wpa2_enterprise_tkip": Security.WPA2_TKIP_ENT,
    "wpa2_enterprise_aes": Security.WPA2_AES_ENT,
    "wpa2_enterprise_mixed": Security.WPA2_MIXED_ENT,
    "wpa2_enterprise": Security.WPA2_MIXED_ENT,
    "wps_open": Security.WPS_OPEN,
    "wps_secure": Security.WPS_SECURE,
    "ibss_open": Security.IBSS_OPEN,
}
"""The ready line's security names (softap-setup-js's, softap-protocol.md §4) as values."""


def visible_from_ready(network: Mapping[str, object]) -> VisibleNetwork:
    """One ``wifi`` entry of the simulator's ready line, ``{"ssid": "HomeNetwork",
    "security": "wpa2_mixed", "rssi": -45, …}``, as the computer's scan shows it (its
    password is not read)."""
    ssid, security, rssi = network.get("ssid"), network.get("security"), network.get("rssi")
    if not isinstance(ssid, str) or not isinstance(security, str):
        raise ValueError(f"not a simulated Wi-Fi entry: ssid={ssid!r} security={security!r}")
    signal = signal_from_dbm(rssi) if isinstance(rssi, int) else None
    return VisibleNetwork(ssid, signal, READY_SECURITY.get(security))


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
        networks: Sequence[VisibleNetwork] = (),
    ) -> None:
        """``networks``: the home Wi-Fi networks around (``visible_from_ready``)."""
        self._access_points = {ap.ssid: ap for ap in access_points}
        self._networks = list(networks)
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
        photons = [
            VisibleNetwork(ap.ssid, security=Security.OPEN)  # a Photon's network is open
            for ap, up in zip(aps, answers, strict=True)
            if up
        ]
        return [*self._networks, *photons]

    async def current_network(self) -> str | None:
        return self.current_ssid

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
