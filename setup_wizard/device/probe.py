"""Is a Photon in listening mode answering at this address? A quick, never-raising check.

HTTP goes first: the first TCP connection of a listening session is one the device never
closes (§2.2), and a router that owns 192.168.0.1 answers HTTP with something that is
quickly seen not to be a Photon. A busy web server (5xx) is asked once more after a short
pause. TCP follows with the rest of the budget, for devices whose HTTP server is missing
(firmware before 0.4.2) or busy. Both leave from ``address.local_host`` when it is set.
"""

from __future__ import annotations

import asyncio
import logging

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.models import DeviceInfo
from setup_wizard.device.replies import parse_device_info
from setup_wizard.device.transport import BusyReplyError, http_exchange, tcp_exchange

log = logging.getLogger(__name__)

_BUSY_PAUSE_SHARE = 0.2  # of the HTTP budget, before asking a busy web server again


async def probe(
    address: DeviceAddress,
    *,
    timeout: float = 3.0,  # noqa: ASYNC109 - a budget split between two transports
) -> DeviceInfo | None:
    """The device's ID if a Photon answers ``device-id`` within ``timeout`` seconds, else None."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    http_share = timeout / 2
    try:
        async with asyncio.timeout(http_share):
            return await _over_http(address, http_share)
    except Exception as error:  # "no Photon here" is the answer, not a fault
        log.debug("probe over HTTP: %s", error or type(error).__name__)
    remaining = deadline - loop.time()
    if remaining <= 0:
        return None
    try:
        async with asyncio.timeout(remaining):
            payload = await tcp_exchange(
                address, "device-id", b"", connect_timeout=remaining, reply_timeout=remaining
            )
        return parse_device_info(payload)
    except Exception as error:
        log.debug("probe over TCP: %s", error or type(error).__name__)
        return None


async def _over_http(address: DeviceAddress, budget: float) -> DeviceInfo:
    for pause in (_BUSY_PAUSE_SHARE * budget, None):
        try:
            payload = await http_exchange(
                address, "device-id", None, connect_timeout=budget, reply_timeout=budget
            )
        except BusyReplyError:
            if pause is None:
                raise
            await asyncio.sleep(pause)
        else:
            return parse_device_info(payload)
    raise AssertionError("unreachable")
