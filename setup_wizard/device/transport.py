"""One command, one connection: the raw exchange over TCP 5609 or HTTP 80 (§2.2, §2.3).

These functions know bytes and sockets, not commands. They report *how* an exchange failed,
because that decides what is safe next: if nothing was delivered, another transport may try
the same command; once it was delivered, only idempotent commands may be sent again.

HTTP is spoken with ``h11`` over plain asyncio streams: the Photon has no TLS, so a full HTTP
client (which builds a TLS context for every instance) would only cost time. Both transports
bind to ``DeviceAddress.local_host`` when it is known, so the packets leave through the
interface that is on the Photon's network, and both stop reading at ``MAX_REPLY_BYTES``.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
from enum import StrEnum

import h11

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.framing import TcpReply, encode_request
from setup_wizard.device.replies import MAX_REPLY_BYTES
from setup_wizard.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

_READ_SIZE = 4096
_TOO_LONG = QT_TRANSLATE_NOOP("Device", "more than {size} KB, far more than a Photon sends").format(
    size=MAX_REPLY_BYTES // 1024
)


class Transport(StrEnum):
    TCP = "TCP"
    HTTP = "HTTP"


class NotDeliveredError(Exception):
    """No connection was made, so the device never saw the request.

    ``local_address_missing``: the socket could not even be bound to the local address
    (``DeviceAddress.local_host`` is no longer this computer's).
    """

    def __init__(
        self,
        transport: Transport,
        *,
        timed_out: bool,
        local_address_missing: bool = False,
        reason: str | None = None,
    ) -> None:
        if reason is None:
            if local_address_missing:
                reason = "this computer no longer has the local address"
            else:
                reason = "timed out" if timed_out else "refused or unreachable"
        super().__init__(f"could not connect over {transport} ({reason})")
        self.transport = transport
        self.timed_out = timed_out
        self.local_address_missing = local_address_missing


class BusyReplyError(NotDeliveredError):
    """The web server answered 5xx before running the command: its request slots are full.

    The firmware writes its 200 before it runs a command, so another status means the
    command never ran: sending it again after a pause is safe (§2.3).
    """

    def __init__(self, status: int) -> None:
        super().__init__(Transport.HTTP, timed_out=False, reason=f"busy, HTTP status {status}")
        self.status = status


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
        """True once the device wrote more than the blank lines it sends before the JSON."""
        return bool(self.partial.strip())


class ForeignReplyError(Exception):
    """Something answered, but not the way a Photon's setup server does.

    ``detail`` says how, in words for a person (marked for translation: the client puts
    it into the message of :class:`~setup_wizard.device.errors.DeviceReplyUnreadableError`).
    """

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


async def _connect(
    address: DeviceAddress, port: int, transport: Transport, connect_timeout: float
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    local = (address.local_host, 0) if address.local_host else None
    try:
        async with asyncio.timeout(connect_timeout):
            return await asyncio.open_connection(address.host, port, local_addr=local)
    except TimeoutError as error:
        raise NotDeliveredError(transport, timed_out=True) from error
    except OSError as error:
        unbindable = local is not None and error.errno == errno.EADDRNOTAVAIL
        raise NotDeliveredError(
            transport, timed_out=False, local_address_missing=unbindable
        ) from error


async def _close(writer: asyncio.StreamWriter) -> None:
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()


async def tcp_exchange(
    address: DeviceAddress,
    name: str,
    body: bytes,
    *,
    connect_timeout: float,
    reply_timeout: float,
) -> bytes:
    """Send one framed command; returns the JSON part of the reply (empty: refused).

    Reading stops at EOF or as soon as the reply holds one whole JSON value, whichever comes
    first: the device leaves its first connection open after the reply (§2.2).
    """
    reader, writer = await _connect(address, address.tcp_port, Transport.TCP, connect_timeout)
    reply = TcpReply()
    try:
        async with asyncio.timeout(reply_timeout):
            writer.write(encode_request(name, body))
            await writer.drain()
            while not reply.complete:
                chunk = await reader.read(_READ_SIZE)
                if not chunk:
                    break
                if len(reply) + len(chunk) > MAX_REPLY_BYTES:
                    raise ForeignReplyError(_TOO_LONG)
                reply.feed(chunk)
            if reply.cut_short:
                raise ConnectionResetError("closed before the reply ended")
    except TimeoutError as error:
        raise IncompleteReplyError(Transport.TCP, reply.data, timed_out=True) from error
    except OSError as error:
        raise IncompleteReplyError(Transport.TCP, reply.data, timed_out=False) from error
    finally:
        await _close(writer)
    return reply.payload()


def _http_request(
    connection: h11.Connection, address: DeviceAddress, name: str, body: bytes | None
) -> bytes:
    """``GET /name`` (no body) or ``POST /name``, head and body as one piece of bytes.

    One write, so that head and body share a TCP segment where they fit: early firmware
    read only the first segment of a request (device-os #680).
    """
    host = f"[{address.host}]" if ":" in address.host else address.host
    if address.http_port != 80:
        host = f"{host}:{address.http_port}"
    headers = [("Host", host), ("Connection", "close")]
    method = "GET"
    if body is not None:
        method = "POST"
        # A CORS "simple" content type, like softap-setup-js; the firmware ignores it. The
        # length must be given: the firmware sizes its buffer from it (§2.3).
        headers += [
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Content-Length", str(len(body))),
        ]
    parts = [connection.send(h11.Request(method=method, target=f"/{name}", headers=headers))]
    if body:
        parts.append(connection.send(h11.Data(data=body)))
    parts.append(connection.send(h11.EndOfMessage()))
    return b"".join(part for part in parts if part)


async def _read_http_reply(
    connection: h11.Connection, reader: asyncio.StreamReader, received: bytearray
) -> None:
    """Read one response into ``received``, refusing anything a Photon would not send.

    The device answers 200 before it runs the command and streams the JSON in chunks, so a
    200 says nothing about success; 5xx means busy; any other status, not a Photon.
    """
    at_eof = False
    while True:
        try:
            event = connection.next_event()
        except h11.RemoteProtocolError as error:
            if at_eof:  # cut short, not malformed
                raise ConnectionResetError("closed before the reply ended") from error
            raise ForeignReplyError(QT_TRANSLATE_NOOP("Device", "not an HTTP answer")) from error
        if event is h11.NEED_DATA:
            chunk = await reader.read(_READ_SIZE)
            at_eof = not chunk
            connection.receive_data(chunk)
        elif isinstance(event, h11.Response):
            if 500 <= event.status_code <= 599:
                raise BusyReplyError(event.status_code)
            if event.status_code != 200:
                raise ForeignReplyError(
                    QT_TRANSLATE_NOOP("Device", "HTTP status {status}").format(
                        status=event.status_code
                    )
                )
        elif isinstance(event, h11.Data):
            if len(received) + len(event.data) > MAX_REPLY_BYTES:
                raise ForeignReplyError(_TOO_LONG)
            received += event.data
        elif isinstance(event, h11.EndOfMessage):
            return
        elif isinstance(event, h11.ConnectionClosed):
            raise ConnectionResetError("the connection closed before the reply")


async def http_exchange(
    address: DeviceAddress,
    name: str,
    body: bytes | None,
    *,
    connect_timeout: float,
    reply_timeout: float,
) -> bytes:
    """``GET /name`` (no body) or ``POST /name``; returns the reply body (empty = refused)."""
    connection = h11.Connection(h11.CLIENT)
    request = _http_request(connection, address, name, body)
    reader, writer = await _connect(address, address.http_port, Transport.HTTP, connect_timeout)
    received = bytearray()
    try:
        async with asyncio.timeout(reply_timeout):
            writer.write(request)
            await writer.drain()
            await _read_http_reply(connection, reader, received)
    except TimeoutError as error:
        raise IncompleteReplyError(Transport.HTTP, bytes(received), timed_out=True) from error
    except OSError as error:
        raise IncompleteReplyError(Transport.HTTP, bytes(received), timed_out=False) from error
    finally:
        await _close(writer)
    return bytes(received).strip()
