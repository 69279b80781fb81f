"""Device events and the server-sent-event streams that carry them.

Wire format as the reference gives it: ``event: NAME`` and ``data: {"data", "ttl",
"published_at", "coreid"}`` lines and a blank line. A stream opens with the comment
``:ok`` and, while idle, sends a bare newline every ``KEEPALIVE_SECONDS`` of simulated
time (a setting of the cloud). Particle's API reference speaks of "the 60 second ping",
so 60 s it is, although particle-api-js (``EventStream.ts``) drops a stream after 13 s of
silence ("keep alive can be sent up to 12 seconds after last event"): against this cloud
it reopens an idle stream every 15 s or so, which costs it nothing but opens.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from setup_wizard.sim.cloud.model import Device, iso

KEEPALIVE_SECONDS = 60.0
STREAM_LIMIT_STATUS = 529  # a stream open refused by a limit (Particle's API reference)
EVENT_TTL = 60
OPENING = b":ok\n\n"
KEEPALIVE = b"\n"


@dataclass(frozen=True)
class CloudEvent:
    name: str
    data: str
    published_at: float
    device: Device  # filters read its owner and product at publish time
    ttl: int = EVENT_TTL

    def frame(self) -> bytes:
        payload = {
            "data": self.data,
            "ttl": self.ttl,
            "published_at": iso(self.published_at),
            "coreid": self.device.id,
        }
        data = json.dumps(payload, separators=(",", ":"))
        return f"event: {self.name}\ndata: {data}\n\n".encode()


@dataclass(eq=False)
class Subscription:
    accepts: Callable[[CloudEvent], bool]
    remote: str
    queue: asyncio.Queue[CloudEvent | None] = field(default_factory=asyncio.Queue)


class EventBus:
    """Fans events out to open streams; ``close`` ends every stream."""

    def __init__(self) -> None:
        self._subscriptions: set[Subscription] = set()
        self._changed = asyncio.Event()  # set at each (un)subscription, for ``wait_for_streams``
        self.closed = False
        self.cutting = False
        """Streams end right after their opening (a test's fault: a proxy dropping them)."""

    def subscribe(self, accepts: Callable[[CloudEvent], bool], remote: str) -> Subscription:
        subscription = Subscription(accepts, remote)
        self._subscriptions.add(subscription)
        self._changed.set()
        if self.closed or self.cutting:
            subscription.queue.put_nowait(None)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)
        self._changed.set()

    async def wait_for_streams(self, enough: Callable[[int], bool]) -> None:
        """Returns once ``enough(number of open streams)``; open streams hear events."""
        while not enough(len(self._subscriptions)):
            self._changed.clear()
            await self._changed.wait()

    def open_streams(self, remote: str) -> int:
        return sum(1 for s in self._subscriptions if s.remote == remote)

    def publish(self, event: CloudEvent) -> None:
        for subscription in self._subscriptions:
            if subscription.accepts(event):
                subscription.queue.put_nowait(event)

    def drop_streams(self) -> None:
        """End every open stream now (the client sees its stream end and may reopen it)."""
        for subscription in self._subscriptions:
            subscription.queue.put_nowait(None)

    def close(self) -> None:
        self.closed = True
        for subscription in self._subscriptions:
            subscription.queue.put_nowait(None)
