"""Bookkeeping both setup servers share: which clients are connected, and dropping them all."""

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
