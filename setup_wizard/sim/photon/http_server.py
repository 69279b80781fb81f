"""The HTTP server on port 80 (softap-protocol.md §2.3), as the WICED server answers.

For a command URL the ``200`` status line and headers go out *before* the command runs, so
HTTP status never tells failure: a rejected request is a 200 with an empty chunked body.
Any method is accepted, the body is sized by Content-Length only, the query is ignored, and
connections are kept alive. One worker serves the requests of every connection in turn.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.photon import timing
from setup_wizard.sim.photon.commands import FREE_HEAP_BYTES, DiscardedReply, SoftApCommands
from setup_wizard.sim.photon.connections import SetupServer
from setup_wizard.sim.photon.freeze import Freeze
from setup_wizard.sim.photon.jsonbody import atoi

log = logging.getLogger(__name__)

MAX_CONNECTIONS = 10  # since 0.7.0
URL_LIMIT = 255
HEADER_LIMIT = 4096
HELLO_BODY = b"Soft AP Setup\0"  # the static page's length counts the C string's NUL

_NO_CACHE = (
    b"Cache-Control: no-store, no-cache, must-revalidate, post-check=0, pre-check=0\r\n"
    b"Pragma: no-cache\r\n"
)
_CORS = b"Access-Control-Allow-Origin: *\r\n"
_LAST_CHUNK = b"0\r\n\r\n"


@dataclass(frozen=True)
class HttpRequest:
    method: bytes
    target: bytes
    content_length: int
    keep_alive: bool
    chunked_body: bool  # not supported by the device: the connection cannot be reused


def chunked_head(status: bytes, content_type: bytes | None, extra: bytes = b"") -> bytes:
    """Status line and headers of a chunked, uncached, cross-origin response."""
    head = b"HTTP/1.1 " + status + b"\r\n"
    if content_type is not None:
        head += b"Content-Type: " + content_type + b"\r\n"
    return head + b"Transfer-Encoding: chunked\r\n" + _NO_CACHE + _CORS + extra + b"\r\n"


async def read_request(reader: asyncio.StreamReader) -> HttpRequest | None:
    """Request line and headers; None when the client closed or sent something unreadable."""
    try:
        line = await _line(reader)
        while line == b"":  # stray empty lines between requests are tolerated
            line = await _line(reader)
        parts = line.split(b" ")
        if len(parts) != 3 or not parts[0] or not parts[2].startswith(b"HTTP/1."):
            return None
        method, target, version = parts
        content_length = 0
        connection: list[bytes] = []
        chunked = False
        size = 0
        while True:
            header = await _line(reader)
            if header == b"":
                break
            size += len(header)
            name, colon, value = header.partition(b":")
            if not colon or size > HEADER_LIMIT:
                return None
            name, value = name.strip().lower(), value.strip()
            if name == b"content-length":
                content_length = max(0, atoi(value))
            elif name == b"connection":
                connection += [token.strip().lower() for token in value.split(b",")]
            elif name == b"transfer-encoding":
                chunked = True
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return None
    if version == b"HTTP/1.0":
        keep_alive = b"keep-alive" in connection
    else:
        keep_alive = b"close" not in connection
    return HttpRequest(method, target, content_length, keep_alive, chunked)


async def _line(reader: asyncio.StreamReader) -> bytes:
    return (await reader.readuntil(b"\n")).rstrip(b"\r\n")


class _HttpBody:
    """The request body, fetched packet by packet with the server's per-packet timeout."""

    def __init__(self, reader: asyncio.StreamReader, length: int, clock: SimClock) -> None:
        self._reader = reader
        self._length = length
        self._clock = clock
        self._taken = False
        self.intact = True  # False once the body did not arrive whole: the stream is lost

    async def read(self) -> bytes | None:
        if self._taken:
            return None
        self._taken = True
        if self._length + 1 > FREE_HEAP_BYTES:
            await self._receive(keep=False)
            return None
        data = await self._receive(keep=True)
        return data if self.intact else None

    async def drain(self) -> None:
        """Consume whatever the command did not read, so the next request starts cleanly."""
        if not self._taken:
            self._taken = True
            await self._receive(keep=False)

    async def _receive(self, *, keep: bool) -> bytes:
        kept = bytearray()
        remaining = self._length
        while remaining > 0:
            try:
                packet = await timing.receive_within(
                    self._clock,
                    timing.HTTP_BODY_PACKET_SECONDS,
                    self._reader.read(min(remaining, 65536)),
                )
            except (TimeoutError, ConnectionError):
                packet = b""
            if not packet:
                self.intact = False
                break
            remaining -= len(packet)
            if keep:
                kept += packet
        return bytes(kept)


class _ChunkedSink:
    def __init__(self, writer: asyncio.StreamWriter, freeze: Freeze) -> None:
        self._writer = writer
        self._freeze = freeze

    async def send(self, data: bytes) -> None:
        await self._freeze.alive()
        self._writer.write(data)
        await self._writer.drain()

    async def write(self, data: bytes) -> None:
        if data:
            await self.send(b"%X\r\n" % len(data) + data + b"\r\n")


class HttpServer(SetupServer):
    """Port 80 of one listening session."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        commands: SoftApCommands,
        freeze: Freeze,
        clock: SimClock,
    ) -> None:
        super().__init__(host=host, port=port, max_clients=MAX_CONNECTIONS, stream_limit=8192)
        self._commands = commands
        self._freeze = freeze
        self._clock = clock
        self._worker = asyncio.Lock()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        keep_alive = True
        while keep_alive:
            await self._freeze.alive()
            request = await read_request(reader)
            if request is None:
                return
            async with self._worker:
                keep_alive = await self._respond(request, reader, writer)

    async def _respond(
        self, request: HttpRequest, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Answer one request; False when the connection must close afterwards."""
        body = _HttpBody(reader, request.content_length, self._clock)
        sink = _ChunkedSink(writer, self._freeze)
        path = request.target.split(b"?", 1)[0]
        name = path[1:].decode("latin-1")
        if len(request.target) > URL_LIMIT:
            await body.drain()
            await sink.send(chunked_head(b"404 Not Found", None) + _LAST_CHUNK)
        elif path == b"/hello":
            await body.drain()
            await sink.send(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                b"Content-Length: %d\r\n\r\n" % len(HELLO_BODY) + HELLO_BODY
            )
        elif path in (b"/", b"/index"):
            await body.drain()
            location = b"/index" if path == b"/" else b"/hello"
            extra = b"Location: " + location + b"\r\n"
            await sink.send(chunked_head(b"301", b"text/plain", extra) + _LAST_CHUNK)
        elif path.startswith(b"/") and self._commands.knows(name):
            if self._commands.loses_reply(name):
                await body.drain()
                await self._commands.execute(name, body, DiscardedReply())
                writer.transport.abort()
                return False
            await sink.send(chunked_head(b"200 OK", b"application/json"))  # before it runs
            await self._commands.execute(name, body, sink)
            await body.drain()
            await sink.send(_LAST_CHUNK)
        else:
            await body.drain()
            await sink.send(chunked_head(b"404 Not Found", None) + _LAST_CHUNK)
        return request.keep_alive and not request.chunked_body and body.intact
