"""The network between a client and the simulated cloud: a round trip per request, and a count.

A real cloud is tens to hundreds of milliseconds away; on loopback it is not, so a
benchmark of a client's own overhead needs the wait put back. Each request is held for
``latency`` simulated seconds before anything else sees it, so refused and rate-limited
requests pay it too, as they do on a real network; an event stream pays it once, before
its first byte. Requests are counted on arrival, so that a benchmark knows exactly how
many round trips a journey made.
"""

from __future__ import annotations

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from setup_wizard.sim.clock import SimClock


class Traffic:
    def __init__(self, clock: SimClock, latency: float = 0.0) -> None:
        if latency < 0:
            raise ValueError("latency is a duration, so 0 or more")
        self._clock = clock
        self.latency = latency
        self.requests = 0

    def middleware(self) -> Middleware:
        @web.middleware
        async def round_trip(request: web.Request, handler: Handler) -> web.StreamResponse:
            self.requests += 1
            if self.latency:
                await self._clock.sleep(self.latency)
            return await handler(request)

        return round_trip
