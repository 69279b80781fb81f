"""The network between a client and the simulated cloud: a round trip per request, a count,
and a log of what arrived.

A real cloud is tens to hundreds of milliseconds away; on loopback it is not, so a
benchmark of a client's own overhead needs the wait put back. Each request is held for
``latency`` simulated seconds before anything else sees it, so refused and rate-limited
requests pay it too, as they do on a real network; an event stream pays it once, before
its first byte. Requests are counted and logged on arrival, before any injected failure
answers them, so that a benchmark knows exactly how many round trips a journey made and a
test sees every request a client sent (how many sign-in attempts, for one).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud.auth import TOKEN_PATH
from setup_wizard.sim.cloud.body import FORM, read_body
from setup_wizard.sim.cloud.errors import LegacyError

LOG_SIZE = 4096
"""Requests kept in the log, the latest ones: a long simulation's memory stays flat."""


@dataclass(frozen=True)
class LoggedRequest:
    """One request as it arrived. Nothing secret: no header, and of a body only the grant
    type of a token request (which attempt it was: password, two-step code, …)."""

    method: str
    path: str
    grant_type: str | None = None


async def _grant_type(request: web.Request) -> str | None:
    if request.method != "POST" or request.path != TOKEN_PATH or request.content_type != FORM:
        return None
    try:
        body = await read_body(request)  # aiohttp keeps the form for the route to read again
    except LegacyError:
        return None
    return body.text("grant_type")


class Traffic:
    def __init__(self, clock: SimClock, latency: float = 0.0) -> None:
        if latency < 0:
            raise ValueError("latency is a duration, so 0 or more")
        self._clock = clock
        self.latency = latency
        self.requests = 0
        self.log: deque[LoggedRequest] = deque(maxlen=LOG_SIZE)

    def middleware(self) -> Middleware:
        @web.middleware
        async def round_trip(request: web.Request, handler: Handler) -> web.StreamResponse:
            self.requests += 1
            grant_type = await _grant_type(request)
            self.log.append(LoggedRequest(request.method, request.path, grant_type))
            if self.latency:
                await self._clock.sleep(self.latency)
            return await handler(request)

        return round_trip
