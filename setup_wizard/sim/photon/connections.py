"""What both setup servers share: listening on one port, which clients are connected, and
dropping them all when the access point goes down."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable


class Clients:
    """The open connections of one server; the AP going down drops every one of them."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._open: dict[asyncio.Task[None], asyncio.StreamWriter] = {}

    async def serve(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        handler: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
    ) -> None:
        """Run one connection's handler; a full server resets the socket at once."""
        task = asyncio.current_task()
        if task is None or len(self._open) >= self._limit:
            writer.transport.abort()
            return
        self._open[task] = writer
        try:
            await handler(reader, writer)
        except asyncio.CancelledError:
            # drop_all() ended this connection: the handler task is ours, so it finishes
            # quietly rather than as "cancelled" (which asyncio's stream server logs as an error).
            pass
        except ConnectionError:
            pass  # the client went away mid-reply, as phones leaving the SoftAP do
        finally:
            self._open.pop(task, None)
            await close_writer(writer)

    async def drop_all(self) -> None:
        for task, writer in list(self._open.items()):
            # What was already sent stays sent (a FIN follows it); a reset could make the
            # client's kernel discard a reply it has not read yet.
            if writer.transport.get_write_buffer_size():
                writer.transport.abort()
            else:
                writer.close()
            task.cancel()
        if self._open:
            await asyncio.wait(list(self._open))
        self._open.clear()


async def close_writer(writer: asyncio.StreamWriter) -> None:
    if not writer.transport.is_closing():
        writer.close()
    with contextlib.suppress(ConnectionError):
        await writer.wait_closed()


class SetupServer:
    """One listening port of the SoftAP; subclasses answer a connection in ``_handle``."""

    def __init__(self, *, host: str, port: int, max_clients: int, stream_limit: int) -> None:
        self._host = host
        self._requested_port = port
        self._stream_limit = stream_limit
        self._server: asyncio.Server | None = None
        self._clients = Clients(max_clients)
        self.port = port

    async def start(self) -> None:
        # Kept before it serves: asyncio.start_server, cancelled in the loop turn it waits
        # once serving, loses a server that listens for good (a device powered off as it
        # opens listening mode).
        self._server = await asyncio.start_server(
            self._on_client,
            self._host,
            self._requested_port,
            reuse_address=True,
            limit=self._stream_limit,
            start_serving=False,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        await self._server.start_serving()

    async def stop(self) -> None:
        """Stop listening and drop every client, as the device does when the SoftAP goes."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        await self._clients.drop_all()
        if server is not None:
            await server.wait_closed()

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await self._clients.serve(reader, writer, self._handle)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError
