"""Failures a test asks for: the next N matching requests answer with a chosen error."""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from setup_wizard.sim.cloud.auth import TOKEN_PATH
from setup_wizard.sim.cloud.errors import ApiError, LegacyError, OAuthError


@dataclass
class InjectedFailure:
    method: str  # upper case, or "*" for any
    path: str  # exact path, or a shell-style pattern ("/v1/devices/*")
    status: int
    remaining: int
    retry_after: float | None
    body: dict[str, Any] | None

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
            failure = self.take(request.method, request.path)
            if failure is not None:
                return failure.response(request.path)
            return await handler(request)

        return inject
