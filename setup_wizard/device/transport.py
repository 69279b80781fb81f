"""One command, one connection: the raw exchange over TCP 5609 or HTTP 80 (§2.2, §2.3).

These functions know bytes and sockets, not commands. They report *how* an exchange failed,
because that decides what is safe next: if nothing was delivered, another transport may try
the same command; once it was delivered, only idempotent commands may be sent again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from enum import StrEnum

import httpx

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.framing import encode_request, reply_payload

log = logging.getLogger(__name__)

_READ_SIZE = 4096


class Transport(StrEnum):
    TCP = "TCP"
    HTTP = "HTTP"


class NotDeliveredError(Exception):
    """No connection was made, so the device never saw the request."""

    def __init__(self, transport: Transport, *, timed_out: bool) -> None:
        reason = "timed out" if timed_out else "refused or unreachable"
        super().__init__(f"could not connect over {transport} ({reason})")
        self.transport = transport
        self.timed_out = timed_out


class IncompleteReplyError(Exception):
    """The request went out (or may have), but the reply did not arrive whole."""

    def __init__(self, transport: Transport, partial: bytes, *, timed_out: bool) -> None:
        what = "timed out" if timed_out else "connection lost"
        super().__init__(f"{transport} reply {what} after {len(partial)} bytes")
        self.transport = transport
        self.partial = partial
        self.timed_out = timed_out

    @property
    def got_anything(self) -> bool:
        """True once the device wrote more than the blank header lines."""
        return bool(self.partial.strip())


class ForeignReplyError(Exception):
    """Something answered, but not the way a Photon's setup server does."""


async def tcp_exchange(
    address: DeviceAddress,
    name: str,
    body: bytes,
    *,
    connect_timeout: float,
    reply_timeout: float,
) -> bytes:
    """Send one framed command and read the reply to EOF; returns the JSON part (maybe empty)."""
    try:
        async with asyncio.timeout(connect_timeout):
            reader, writer = await asyncio.open_connection(address.host, address.tcp_port)
    except TimeoutError as error:
        raise NotDeliveredError(Transport.TCP, timed_out=True) from error
    except OSError as error:
        raise NotDeliveredError(Transport.TCP, timed_out=False) from error
    received = bytearray()
    try:
        async with asyncio.timeout(reply_timeout):
            writer.write(encode_request(name, body))
            await writer.drain()
            while chunk := await reader.read(_READ_SIZE):
                received += chunk
    except TimeoutError as error:
        raise IncompleteReplyError(Transport.TCP, bytes(received), timed_out=True) from error
    except OSError as error:
        raise IncompleteReplyError(Transport.TCP, bytes(received), timed_out=False) from error
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
    return reply_payload(bytes(received))


def new_http_client() -> httpx.AsyncClient:
    """A client that ignores proxy settings: the Photon is on the local link, never behind one."""
    return httpx.AsyncClient(trust_env=False, follow_redirects=False)


async def http_exchange(
    client: httpx.AsyncClient,
    address: DeviceAddress,
    name: str,
    body: bytes | None,
    *,
    connect_timeout: float,
    reply_timeout: float,
) -> bytes:
    """``GET /name`` (no body) or ``POST /name``; returns the reply body (empty = refused).

    The device answers 200 before it runs the command and streams the JSON in chunks, so the
    status says nothing about success; anything but 200 means this is not a Photon.
    """
    headers = {"Connection": "close"}
    if body is None:
        method = "GET"
    else:
        method = "POST"
        # A CORS "simple" content type, like softap-setup-js; the firmware ignores it.
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    url = httpx.URL(scheme="http", host=address.host, port=address.http_port, path=f"/{name}")
    request = client.build_request(
        method,
        url,
        headers=headers,
        content=body,
        timeout=httpx.Timeout(reply_timeout, connect=connect_timeout),
    )
    received = bytearray()
    try:
        async with asyncio.timeout(connect_timeout + reply_timeout):
            response = await client.send(request, stream=True)
            try:
                if response.status_code != httpx.codes.OK:
                    raise ForeignReplyError(f"HTTP status {response.status_code}")
                async for chunk in response.aiter_bytes():
                    received += chunk
            finally:
                await response.aclose()
    except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
        timed_out = isinstance(error, httpx.TimeoutException)
        raise NotDeliveredError(Transport.HTTP, timed_out=timed_out) from error
    except (TimeoutError, httpx.TimeoutException) as error:
        raise IncompleteReplyError(Transport.HTTP, bytes(received), timed_out=True) from error
    except httpx.DecodingError as error:
        raise ForeignReplyError("undecodable HTTP body") from error
    except httpx.RequestError as error:
        raise IncompleteReplyError(Transport.HTTP, bytes(received), timed_out=False) from error
    return bytes(received).strip()
