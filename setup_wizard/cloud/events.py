"""The cloud's server-sent event stream, as typed events that survive a dead connection.

A stream can die silently (a NAT drops it, the laptop changes network), so a stream
that stays quiet longer than the server's keep-alive interval is treated as dead and
reopened, with a growing wait. Events published while reconnecting are lost; a
:class:`Reconnected` marker lets a waiter check the device's state again.
"""

from __future__ import annotations

import enum
import json
import logging
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Self

import httpx
from httpx_sse import EventSource, ServerSentEvent, SSEError

from setup_wizard.cloud.errors import UnexpectedResponse
from setup_wizard.cloud.models import parse_time
from setup_wizard.cloud.retry import RetryPolicy, Sleep
from setup_wizard.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

STATUS_EVENT = "spark/status"
_SECRET_EVENTS = frozenset({"spark/device/claim/code"})
"""Events whose data is a secret: it is dropped, never kept in a plain string."""


class DeviceStatus(enum.StrEnum):
    """The data of a ``spark/status`` event."""

    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class DeviceEvent:
    name: str
    data: str | None
    """The event's payload; None when absent or secret (a claim code)."""
    device_id: str | None
    """The publishing device (``coreid``), lower case; None for cloud-wide events."""
    published_at: datetime | None = None
    ttl: int | None = None


@dataclass(frozen=True)
class Reconnected:
    """The stream was reopened: events may have been missed in between."""


def event_from_sse(sse: ServerSentEvent) -> DeviceEvent | None:
    """A :class:`DeviceEvent` from one SSE message; None for anything else (e.g. ``message``)."""
    if sse.event == "message" or not sse.data:
        return None
    try:
        payload = json.loads(sse.data)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than the decoder goes
        return None
    if not isinstance(payload, dict):
        return None
    data = payload.get("data")
    device = payload.get("coreid")
    ttl = payload.get("ttl")
    return DeviceEvent(
        name=sse.event,
        data=data if isinstance(data, str) and sse.event not in _SECRET_EVENTS else None,
        device_id=device.lower() if isinstance(device, str) and device else None,
        published_at=parse_time(payload.get("published_at")),
        ttl=ttl if isinstance(ttl, int) and not isinstance(ttl, bool) else None,
    )


Opener = Callable[[], Awaitable[httpx.Response]]
"""Opens the stream's HTTP response (already retried, errors already mapped)."""


class EventStream:
    """``async with`` it (the subscription is live once the block starts), then iterate.

    Iteration yields :class:`DeviceEvent`; it ends only by an exception: a
    :class:`~setup_wizard.cloud.errors.CloudError` when the stream cannot be reopened.
    """

    def __init__(
        self,
        open_response: Opener,
        *,
        policy: RetryPolicy,
        sleep: Sleep,
        rand: Callable[[], float],
    ) -> None:
        self._open = open_response
        self._policy = policy
        self._sleep = sleep
        self._rand = rand
        self._response: httpx.Response | None = None
        self._source: AsyncGenerator[ServerSentEvent, None] | None = None
        self._drops = 0
        self.connections = 0
        """How many times the stream was opened (reconnects included)."""

    async def __aenter__(self) -> Self:
        await self._connect()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._disconnect()

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> DeviceEvent:
        while True:
            item = await self.next_item()
            if isinstance(item, DeviceEvent):
                return item

    async def next_item(self) -> DeviceEvent | Reconnected:
        """The next event, or :class:`Reconnected` right after the stream was reopened."""
        while True:
            if self._source is None:
                await self._sleep(self._policy.backoff(self._drops, self._rand))
                await self._connect()
                return Reconnected()
            try:
                sse = await anext(self._source)
            except StopAsyncIteration:
                reason = "closed by the cloud"
            except (httpx.TransportError, httpx.DecodingError, SSEError) as exc:
                reason = f"lost ({type(exc).__name__})"
            else:
                event = event_from_sse(sse)
                if event is not None:
                    self._drops = 0
                    log.debug("event %s from %s", event.name, event.device_id)
                    return event
                continue
            self._drops += 1
            log.info("event stream %s; reopening", reason)
            await self._disconnect()

    async def _connect(self) -> None:
        response = await self._open()
        content_type = response.headers.get("content-type", "")
        if "text/event-stream" not in content_type:
            await response.aclose()
            raise UnexpectedResponse(
                QT_TRANSLATE_NOOP(
                    "Cloud",
                    "The Particle Cloud answered the event stream request with something other "
                    "than events. Try again; if it keeps happening, update Photon Setup.",
                )
            )
        self._response = response
        self._source = EventSource(response).aiter_sse()
        self.connections += 1

    async def _disconnect(self) -> None:
        source, response = self._source, self._response
        self._source = self._response = None
        if source is not None:
            await source.aclose()
        if response is not None:
            await response.aclose()
