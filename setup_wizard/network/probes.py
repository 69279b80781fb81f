"""Asking "is the Photon answering?" and "is the internet back?" until the answer is yes.

Both questions come in as injected callables: the device probe from the device layer (the
decisive test that the computer is on the Photon's network, since SSIDs are often hidden
and subnets collide) and an internet probe chosen by the app (e.g. the cloud answers).
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

import httpx

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.models import DeviceInfo
from setup_wizard.device.probe import probe as device_layer_probe

log = logging.getLogger(__name__)

T = TypeVar("T")


class DeviceProbe(Protocol):
    """``setup_wizard.device.probe.probe``'s shape: device info if a Photon answers, else None."""

    def __call__(
        self, address: DeviceAddress, *, timeout: float = ...
    ) -> Awaitable[DeviceInfo | None]: ...


InternetProbe = Callable[[], Awaitable[bool]]

#: The device layer's probe; injected as a default, so tests can pass their own.
default_device_probe: DeviceProbe = device_layer_probe


def url_reachable(url: str, *, timeout: float = 5.0) -> InternetProbe:
    """An internet probe: True once ``url`` gives any HTTP answer (status does not matter).

    System proxies are honoured on purpose: this asks whether the person's usual way out
    works again. Give it an ``https`` URL: on the Photon's network every name resolves to
    the Photon, whose port 80 answers anything, but nothing there completes a verified TLS
    handshake for the real host.
    """

    tls: list[ssl.SSLContext] = []  # built once, off the event loop (loading the CA bundle
    # takes tens of milliseconds, which would freeze the window at every probe)

    async def probe() -> bool:
        if not tls:
            tls.append(await asyncio.to_thread(httpx.create_ssl_context))
        try:
            # A new client each time: after a network change, pooled connections are stale.
            async with httpx.AsyncClient(
                timeout=timeout, follow_redirects=False, verify=tls[0]
            ) as client:
                await client.get(url)
        except httpx.HTTPError as error:
            log.debug("internet probe %s: %s", url, error)
            return False
        return True

    return probe


async def poll_until(
    check: Callable[[float], Awaitable[T | None]],
    *,
    timeout: float,  # noqa: ASYNC109 - expiry is an answer (None), not an error
    interval: float,
    wake: asyncio.Event | None = None,
) -> T | None:
    """Call ``check(time_left)`` until it returns something other than None or False, or
    ``timeout`` seconds pass (then None). ``wake`` cuts a pause short ("check now")."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        left = deadline - loop.time()
        if left <= 0:
            return None
        result = await check(left)
        if result is not None and result is not False:
            return result
        pause = min(interval, deadline - loop.time())
        if pause <= 0:
            return None
        if wake is None:
            await asyncio.sleep(pause)
            continue
        try:
            async with asyncio.timeout(pause):
                await wake.wait()
        except TimeoutError:
            pass
        wake.clear()
