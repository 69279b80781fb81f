"""Failures a test asks for: the next N matching requests answer with a chosen error, or get
no answer at all."""

from __future__ import annotations

import asyncio
import enum
import fnmatch
import math
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from setup_wizard.sim.cloud.auth import TOKEN_PATH
from setup_wizard.sim.cloud.errors import ApiError, LegacyError, OAuthError


class NoAnswer(enum.Enum):
    """How a request goes without an answer."""

    HANG = enum.auto()
    """Held open and never answered, until the client gives up: a cloud that does not
    answer in time."""
    CLOSE = enum.auto()
    """The connection is closed at once: the client sees it break before any answer."""


@dataclass
class InjectedFailure:
    method: str  # upper case, or "*" for any
    path: str  # exact path, or a shell-style pattern ("/v1/devices/*")
    status: int  # unused when there is no answer
    remaining: int
    retry_after: float | None
    body: dict[str, Any] | None
    no_answer: NoAnswer | None = None
    page: str | None = None
    """An HTML page answers instead (a proxy's, or a network's sign-in page), with ``status``."""
    cut_short: bool = False
    """The route runs, and its JSON answer arrives cut in half."""

    def matches(self, method: str, path: str) -> bool:
        return self.method in ("*", method) and fnmatch.fnmatchcase(path, self.path)

    def response(self, path: str) -> web.Response:
        if self.body is None:
            error = default_error(self.status, path)
        else:
            error = ApiError(self.status, self.body)
        if self.retry_after is not None:
            error.headers["Retry-After"] = str(math.ceil(self.retry_after))
        return error.response()


def default_error(status: int, path: str) -> ApiError:
    """The body the real route would use for this status: OAuth style on /oauth/token."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    if path == TOKEN_PATH:
        code = "server_error" if status >= 500 else "invalid_request"
        code = "rate_limit_exceeded" if status == 429 else code
        return OAuthError(code, phrase, status=status)
    return LegacyError(status, phrase)


class FailureInjector:
    def __init__(self) -> None:
        self._pending: list[InjectedFailure] = []
        self.offline = False
        """Every request's connection is closed before any answer (the client is cut off)."""
        self.on_request: Callable[[str, str], None] | None = None
        """Called with the method and path of each request as it arrives."""

    def add(
        self,
        method: str,
        path: str,
        *,
        status: int,
        count: int = 1,
        retry_after: float | None = None,
        body: dict[str, Any] | None = None,
    ) -> None:
        if count < 1:
            raise ValueError("count must be 1 or more")
        if not 400 <= status <= 599:
            raise ValueError("status must be an HTTP error (4xx or 5xx)")
        self._pending.append(
            InjectedFailure(method.upper(), path, status, count, retry_after, body)
        )

    def add_no_answer(self, method: str, path: str, how: NoAnswer, *, count: int = 1) -> None:
        if count < 1:
            raise ValueError("count must be 1 or more")
        self._pending.append(InjectedFailure(method.upper(), path, 0, count, None, None, how))

    def add_page(
        self, method: str, path: str, html: str, *, status: int = 200, count: int = 1
    ) -> None:
        if count < 1:
            raise ValueError("count must be 1 or more")
        self._pending.append(
            InjectedFailure(method.upper(), path, status, count, None, None, page=html)
        )

    def add_cut_short(self, method: str, path: str, *, count: int = 1) -> None:
        if count < 1:
            raise ValueError("count must be 1 or more")
        self._pending.append(
            InjectedFailure(method.upper(), path, 0, count, None, None, cut_short=True)
        )

    def clear(self) -> None:
        self._pending.clear()

    def take(self, method: str, path: str) -> InjectedFailure | None:
        for failure in self._pending:
            if failure.matches(method, path):
                failure.remaining -= 1
                if failure.remaining == 0:
                    self._pending.remove(failure)
                return failure
        return None

    def middleware(self) -> Middleware:
        @web.middleware
        async def inject(request: web.Request, handler: Handler) -> web.StreamResponse:
            if self.on_request is not None:
                self.on_request(request.method, request.path)
            if self.offline:
                if request.transport is not None:
                    request.transport.close()
                return web.Response()  # never sent: the connection is gone
            failure = self.take(request.method, request.path)
            if failure is None:
                return await handler(request)
            if failure.cut_short:
                return _cut_short(await handler(request))
            if failure.page is not None:
                return web.Response(
                    status=failure.status, text=failure.page, content_type="text/html"
                )
            if failure.no_answer is NoAnswer.CLOSE:
                if request.transport is not None:
                    request.transport.close()
                return web.Response()  # never sent: the connection is gone
            if failure.no_answer is NoAnswer.HANG:
                await asyncio.Event().wait()  # cancelled when the client leaves
            return failure.response(request.path)

        return inject


def _cut_short(response: web.StreamResponse) -> web.StreamResponse:
    """The first half of a JSON answer, sent as if it were all (an event stream, already
    under way, goes on as it is)."""
    if not isinstance(response, web.Response) or not isinstance(response.body, bytes):
        return response
    body = response.body
    return web.Response(
        status=response.status, body=body[: len(body) // 2], content_type=response.content_type
    )
