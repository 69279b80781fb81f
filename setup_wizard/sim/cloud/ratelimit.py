"""The documented rate limits, per client address, on the simulated clock.

All routes: 10,000 requests / 5 min. ``/oauth/token``: 100 / 5 min, and 10 consecutive
failed token requests lock the address out for 30 min. ``/v1/access_tokens…``: 100 /
5 min. Event-stream opens: 100 / 5 min (plus 100 open at once, checked by the stream).

An event-stream open refused by any limit answers 529, not 429: Particle's API reference
says so of the stream limits ("you will get a 529 error and you must wait before
retrying"). Whether the real 429 carries ``Retry-After`` is unverified; this one sends it, in whole
seconds of the client's (wall-clock) time: the simulated wait divided by the clock's
speed, at least 1, so a client that honours it comes back exactly when the simulated
limit has passed. On ``/oauth/token`` the body is
``{"error": "rate_limit_exceeded", …}``, the code Particle's OAuth fork uses for 429;
elsewhere ``{"ok": false, "error": …}``. A failed token request is one answered 400 or
401; ``mfa_required`` (403) neither fails nor succeeds; any 2xx resets the count.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud.auth import TOKEN_PATH
from setup_wizard.sim.cloud.errors import ApiError, LegacyError, OAuthError
from setup_wizard.sim.cloud.events import STREAM_LIMIT_STATUS

WINDOW = 5 * 60.0
LOCKOUT_FAILURES = 10
LOCKOUT_SECONDS = 30 * 60.0


@dataclass
class SlidingWindow:
    limit: int
    seconds: float = WINDOW
    _hits: dict[str, deque[float]] = field(default_factory=dict)

    def wait(self, key: str, now: float) -> float | None:
        """Seconds until ``key`` may be served again, or None if it may be now."""
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.seconds:
            hits.popleft()
        return hits[0] + self.seconds - now if len(hits) >= self.limit else None

    def record(self, key: str, now: float) -> None:
        self._hits.setdefault(key, deque()).append(now)


@dataclass
class Lockout:
    """Consecutive failures per address; the threshold locks it out for a while."""

    threshold: int = LOCKOUT_FAILURES
    seconds: float = LOCKOUT_SECONDS
    _failures: dict[str, int] = field(default_factory=dict)
    _until: dict[str, float] = field(default_factory=dict)

    def wait(self, key: str, now: float) -> float | None:
        until = self._until.get(key)
        if until is None:
            return None
        if until > now:
            return until - now
        del self._until[key]
        return None

    def record(self, key: str, now: float, status: int) -> None:
        if 200 <= status < 300:
            self._failures.pop(key, None)
        elif status in (400, 401):
            failures = self._failures.get(key, 0) + 1
            if failures >= self.threshold:
                self._until[key] = now + self.seconds
                failures = 0
            self._failures[key] = failures


def _is_event_stream(request: web.Request) -> bool:
    path = request.path
    return request.method == "GET" and (path.endswith("/events") or "/events/" in path)


@dataclass(frozen=True)
class Rule:
    applies: Callable[[web.Request], bool]
    window: SlidingWindow


class RateLimiter:
    def __init__(self, clock: SimClock) -> None:
        self._clock = clock
        self._lockout = Lockout()
        self._rules = [
            Rule(lambda r: True, SlidingWindow(10_000)),
            Rule(lambda r: r.path == TOKEN_PATH, SlidingWindow(100)),
            Rule(lambda r: r.path.startswith("/v1/access_tokens"), SlidingWindow(100)),
            Rule(_is_event_stream, SlidingWindow(100)),
        ]

    def middleware(self) -> Middleware:
        @web.middleware
        async def limit(request: web.Request, handler: Handler) -> web.StreamResponse:
            key, now = request.remote or "", self._clock.now()
            token_request = request.path == TOKEN_PATH
            rules = [rule for rule in self._rules if rule.applies(request)]
            waits = [rule.window.wait(key, now) for rule in rules]
            if token_request:
                waits.append(self._lockout.wait(key, now))
            longest = max((w for w in waits if w is not None), default=None)
            if longest is not None:
                wall = longest / self._clock.speed
                return too_many(token_request, wall, stream=_is_event_stream(request)).response()
            for rule in rules:
                rule.window.record(key, now)
            response = await handler(request)
            if token_request:
                self._lockout.record(key, self._clock.now(), response.status)
            return response

        return limit


def too_many(token_request: bool, wall_wait: float, *, stream: bool = False) -> ApiError:
    seconds = max(1, math.ceil(wall_wait))
    headers = {"Retry-After": str(seconds)}
    text = f"Too many requests from this address; try again in {seconds} seconds"
    if token_request:
        return OAuthError("rate_limit_exceeded", text, headers=headers)
    return LegacyError(STREAM_LIMIT_STATUS if stream else 429, text, headers=headers)
