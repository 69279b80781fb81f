"""The SoftAP link: join the Photon's own Wi-Fi, talk TCP 5609 / HTTP 80, give the Wi-Fi back."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from setup_wizard.device.client import PhotonClient
from setup_wizard.device.models import ConnectResult, DeviceInfo, WifiNetwork
from setup_wizard.device.policy import TransportPolicy
from setup_wizard.device.validation import check_ssid, password_plaintext
from setup_wizard.flow.links import DeviceLink, FoundDevice, LinkKind, WifiChoice
from setup_wizard.network.backend import RestoreReport
from setup_wizard.network.errors import ScanUnavailable
from setup_wizard.network.wifi import PhotonWifi
from setup_wizard.secret import ClaimCode, WifiPassword


class SoftApLink:
    """A :class:`PhotonClient` on the Photon's network, seen through the flow's protocol."""

    can_scan = True

    def __init__(self, client: PhotonClient) -> None:
        self._client = client

    async def device_info(self) -> DeviceInfo:
        return await self._client.device_info()

    async def prepare(self) -> None:
        await self._client.public_key()

    async def scan(self) -> list[WifiNetwork]:
        return await self._client.scan()

    def check(self, choice: WifiChoice, password: WifiPassword | None) -> None:
        if choice.network is None:
            check_ssid(choice.ssid)
        password_plaintext(choice.security, password)

    async def set_claim_code(self, code: ClaimCode) -> None:
        await self._client.set_claim_code(code)

    async def configure(self, choice: WifiChoice, password: WifiPassword | None) -> None:
        if choice.network is not None:
            await self._client.configure(choice.network, password=password)
        else:
            await self._client.configure(choice.ssid, choice.security, password)

    async def connect(self) -> ConnectResult:
        return await self._client.connect()


class SoftApConnector:
    """Photons found in the computer's Wi-Fi scan, reached by joining their network."""

    kind = LinkKind.SOFTAP

    def __init__(self, wifi: PhotonWifi, *, policy: TransportPolicy | None = None) -> None:
        self.wifi = wifi
        self._policy = policy

    @property
    def joins_by_hand(self) -> bool:
        return self.wifi.joins_by_hand

    @property
    def home_network(self) -> str | None:
        return self.wifi.home_network

    @property
    def last_restore(self) -> RestoreReport | None:
        return self.wifi.last_restore

    def join_instructions(self, target: str | None) -> str:
        return self.wifi.join_instructions(target)

    async def find(self) -> Sequence[FoundDevice]:
        return [
            FoundDevice(network.ssid, network.ssid, network.signal)
            for network in await self.wifi.find_photons()
        ]

    def open(self, target: str | None) -> AbstractAsyncContextManager[DeviceLink]:
        return self._open(target)

    @asynccontextmanager
    async def _open(self, target: str | None) -> AsyncIterator[DeviceLink]:
        ssid = None if self.wifi.joins_by_hand else target
        async with (
            self.wifi.photon_session(ssid) as address,
            PhotonClient(address, policy=self._policy) as client,
        ):
            yield SoftApLink(client)

    def check_now(self) -> None:
        self.wifi.check_now()

    async def present(self, target: str) -> bool | None:
        if not self.wifi.capabilities.can_scan:
            return None
        try:
            return any(found.target == target for found in await self.find())
        except ScanUnavailable:
            return None

    async def wait_for_internet(self, timeout: float) -> bool:  # noqa: ASYNC109
        """The internet comes back while it is confirmed that the computer left the Photon
        (the two overlap: each can take seconds)."""
        left = asyncio.ensure_future(self.wifi.confirm_left())
        try:
            return await self.wifi.wait_for_internet(timeout)
        finally:
            if not left.done():
                left.cancel()
            await asyncio.wait({left})
