"""The two error shapes the Particle Cloud answers with, as exceptions handlers can raise.

``/oauth/token`` and token checks come from Particle's fork of node-oauth2-server, which
answers ``{"error": code, "error_description": text}`` with a status fixed by the code
(table below, taken from that fork). The rest of the API answers the legacy shape
``{"ok": false, "error": text}`` with whatever status the route chooses.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

# Status per OAuth error code, as in Particle's node-oauth2-server fork (lib/error.js).
OAUTH_STATUS: dict[str, int] = {
    "invalid_client": 400,
    "invalid_scope": 400,
    "invalid_grant": 400,
    "invalid_request": 400,
    "invalid_token": 401,
    "mfa_required": 403,
    "rate_limit_exceeded": 429,
    "server_error": 503,
}
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def json_response(
    body: Any, *, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    return web.Response(
        status=status,
        text=json.dumps(body),
        content_type="application/json",
        headers=headers,
    )


class ApiError(Exception):
    """An answer other than success; the error middleware turns it into the response."""

    def __init__(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, body.get("error"))
        self.status = status
        self.body = body
        self.headers = dict(headers or {})

    def response(self) -> web.Response:
        return json_response(self.body, status=self.status, headers=self.headers)


class OAuthError(ApiError):
    """``{"error", "error_description"}``; the code decides the status unless given."""

    def __init__(
        self,
        code: str,
        description: str,
        *,
        status: int | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        all_headers = dict(NO_STORE)
        if code == "invalid_client":
            all_headers["WWW-Authenticate"] = 'Basic realm="Service"'
        all_headers.update(headers or {})
        body = {"error": code, "error_description": description, **extra}
        super().__init__(status or OAUTH_STATUS.get(code, 500), body, all_headers)


class LegacyError(ApiError):
    """``{"ok": false, "error": text}``, the shape of the non-OAuth routes."""

    def __init__(
        self, status: int, message: str, *, headers: dict[str, str] | None = None, **extra: Any
    ) -> None:
        super().__init__(status, {"ok": False, "error": message, **extra}, headers)


def not_found() -> LegacyError:
    return LegacyError(404, "Not Found")


def permission_denied(info: str) -> LegacyError:
    return LegacyError(403, "Permission Denied", info=info)
