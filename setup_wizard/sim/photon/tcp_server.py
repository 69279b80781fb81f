"""The line-framed command server on TCP 5609 (softap-protocol.md §2.2), byte for byte.

One worker serves one client at a time, in the order their first bytes arrive, and reads a
body with no timeout: a client that announces more bytes than it sends stalls every other
TCP client until it closes. One command per connection; the device closes after replying,
except the first connection of each listening session (device-os #1252): that one gets its
whole reply but stays open until the client closes it (or even half-closes it: the device's
network stack reports the client's FIN, and the socket is then disconnected).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Protocol

from setup_wizard.sim.photon.commands import FREE_HEAP_BYTES, DiscardedReply, SoftApCommands
from setup_wizard.sim.photon.connections import SetupServer
from setup_wizard.sim.photon.freeze import Freeze
from setup_wizard.sim.photon.live_faults import LiveFaults

log = logging.getLogger(__name__)

NAME_LIMIT = 30  # the name buffer: reading stops after 30 bytes
MAX_SOCKETS = 5
_NEWLINE = 0x0A


class ByteSource(Protocol):
    async def read_byte(self) -> int | None:
        """The next byte, or None once the client has closed."""
        ...

    async def read_exactly(self, count: int) -> bytes | None:
        """Exactly ``count`` bytes, waiting as long as it takes; None if the client closes."""
        ...


@dataclass(frozen=True)
class RequestHead:
    name: bytes
    length: int  # as the firmware computed it: unchecked digit arithmetic in a 32-bit int


def _int32(value: int) -> int:
    return (value + 2**31) % 2**32 - 2**31


async def read_request_head(source: ByteSource) -> RequestHead | None:
    """Parse ``name\\nlength\\n\\n`` exactly as the firmware does; None if the client leaves.

    The name ends at a newline, a NUL or after 30 bytes (the rest then feeds the length);
    every byte of the length line is taken as a digit (``\\r`` or spaces corrupt it); then
    bytes are skipped up to an empty line, and the newline ending the length line counts as
    the first of the two.
    """
    name = bytearray()
    while len(name) < NAME_LIMIT:
        c = await source.read_byte()
        if c is None or c in (0, _NEWLINE):
            break
        name.append(c)
    length = 0
    while True:
        c = await source.read_byte()
        if c is None:
            return None
        if c == _NEWLINE:
            break
        length = _int32(length * 10 + c - 0x30)
    previous_was_newline = True
    while True:
        c = await source.read_byte()
        if c is None:
            return None
        if c == _NEWLINE:
            if previous_was_newline:
                break
            previous_was_newline = True
        else:
            previous_was_newline = False
    return RequestHead(bytes(name), length)


class StreamSource:
    """A ByteSource over an asyncio stream, with room to give one byte back."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader
        self._pending: int | None = None

    def unread(self, byte: int) -> None:
        self._pending = byte

    async def read_byte(self) -> int | None:
        if self._pending is not None:
            byte, self._pending = self._pending, None
            return byte
        data = await self.read_exactly(1)
        return None if data is None else data[0]

    async def read_exactly(self, count: int) -> bytes | None:
        prefix = b""
        if self._pending is not None and count > 0:
            prefix, self._pending, count = bytes([self._pending]), None, count - 1
        try:
            return prefix + await self._reader.readexactly(count)
        except (asyncio.IncompleteReadError, ConnectionError):
            return None


class _TcpBody:
    """The body as the firmware reads it: one allocation of the announced size, then a read."""

    def __init__(self, source: StreamSource, length: int) -> None:
        self._source = source
        self._size = length % 2**32  # the int goes into a size_t

    async def read(self) -> bytes | None:
        if self._size + 1 > FREE_HEAP_BYTES:
            return None
        return await self._source.read_exactly(self._size)


class _TcpSink:
    def __init__(self, writer: asyncio.StreamWriter, freeze: Freeze) -> None:
        self._writer = writer
        self._freeze = freeze

    async def write(self, data: bytes) -> None:
        await self._freeze.alive()
        self._writer.write(data)
        await self._writer.drain()


class _NoBody:
    async def read(self) -> bytes | None:
        return None


class TcpServer(SetupServer):
    """Port 5609 of one listening session."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        commands: SoftApCommands,
        freeze: Freeze,
        first_command_hangs: bool,
        live: LiveFaults | None = None,
    ) -> None:
        super().__init__(host=host, port=port, max_clients=MAX_SOCKETS, stream_limit=2**16)
        self._commands = commands
        self._freeze = freeze
        self._first_hangs = first_command_hangs
        self._live = live if live is not None else LiveFaults()
        self._first_connection = True
        self._worker = asyncio.Lock()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await self._freeze.alive()
        source = StreamSource(reader)
        byte = await source.read_byte()  # the worker takes clients as their data arrives
        if byte is None:
            return
        source.unread(byte)
        async with self._worker:
            first, self._first_connection = self._first_connection, False
            hangs = (first and self._first_hangs) or self._live.take_tcp_hang()
            if hangs:  # the fault: taken, never answered, worker held
                await _until_client_closes(reader)
                return
            await self._serve(source, writer)
        if first:
            # Never closed by the device (#1252); the worker has moved on to other clients.
            await _until_client_closes(reader)

    async def _serve(self, source: StreamSource, writer: asyncio.StreamWriter) -> None:
        head = await read_request_head(source)
        if head is None:
            return
        name = head.name.decode("latin-1")
        if not self._commands.knows(name):
            return  # unknown names (and ant-internal / ant-external) get no bytes at all
        body = _TcpBody(source, head.length)
        if self._commands.loses_reply(name):
            await self._commands.execute(name, _NoBody(), DiscardedReply())
            writer.transport.abort()
            return
        sink = _TcpSink(writer, self._freeze)
        # The preamble goes out before the command runs (§2.2), so before any body is read;
        # only set and configure-ap read one, the other commands never look at it.
        await sink.write(b"\n\n")
        await self._commands.execute(name, body, sink)


async def _until_client_closes(reader: asyncio.StreamReader) -> None:
    """Discard whatever the client still sends, until it closes its side."""
    while await reader.read(4096):
        pass
