"""Is a Photon in listening mode answering at this address? A quick, never-raising check.

HTTP goes first: the first TCP command after the access point comes up sometimes hangs
(§2.2), which would eat the whole budget and report "no Photon" for a healthy device; and a
router that owns 192.168.0.1 answers HTTP with something that is quickly seen not to be a
Photon. TCP follows with the rest of the budget, for devices whose HTTP server is missing
(firmware before 0.4.2) or busy.
"""

from __future__ import annotations

import asyncio
import logging

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.models import DeviceInfo
from setup_wizard.device.replies import parse_device_info
from setup_wizard.device.transport import http_exchange, new_http_client, tcp_exchange

log = logging.getLogger(__name__)


async def probe(
    address: DeviceAddress,
    *,
    timeout: float = 3.0,  # noqa: ASYNC109 - a budget split between two transports
) -> DeviceInfo | None:
    """The device's ID if a Photon answers ``device-id`` within ``timeout`` seconds, else None."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    http_share = timeout / 2
    async with new_http_client() as http:
        try:
            async with asyncio.timeout(http_share):
                payload = await http_exchange(
                    http,
                    address,
                    "device-id",
                    None,
                    connect_timeout=http_share,
                    reply_timeout=http_share,
                )
            return parse_device_info(payload)
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
