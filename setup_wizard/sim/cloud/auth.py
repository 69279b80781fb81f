"""Who is calling: access tokens (Bearer, query or body) and OAuth client credentials.

Messages and status codes follow Particle's fork of node-oauth2-server. Notably a
request with no token at all is HTTP 400 ``invalid_request`` "The access token was not
found" (particle-cli's end-to-end tests expect exactly "HTTP error 400" with that text),
while a bad or expired token is HTTP 401 ``invalid_token``.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from dataclasses import dataclass

from aiohttp import web

from setup_wizard.sim.cloud.body import Body
from setup_wizard.sim.cloud.errors import OAuthError
from setup_wizard.sim.cloud.model import AccessToken, OAuthClient
from setup_wizard.sim.cloud.store import CloudStore

TOKEN_PATH = "/oauth/token"  # noqa: S105 (a path, not a secret)
MISSING_TOKEN_STATUS = 400  # see the module docstring; RFC 6750 would say 401
_CLIENT_ID = re.compile(r"^[a-z0-9_-]{3,40}$", re.IGNORECASE | re.ASCII)
"""Client IDs are ASCII: without ``re.ASCII`` the Kelvin sign would pass for a "k"."""
_BEARER = re.compile(r"Bearer\s(\S+)")


@dataclass(frozen=True)
class ClientCredentials:
    client_id: str | None
    secret: str | None

    @property
    def complete(self) -> bool:
        return bool(self.client_id and self.secret)


def basic_credentials(request: web.Request) -> ClientCredentials | None:
    """``Authorization: Basic`` decoded, or None when the header is not Basic."""
    header = request.headers.get("Authorization", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return ClientCredentials(None, None)
    client_id, _, secret = decoded.partition(":")
    return ClientCredentials(client_id or None, secret or None)


def client_credentials(request: web.Request, body: Body) -> ClientCredentials:
    """Basic auth when present, else the ``client_id``/``client_secret`` fields."""
    basic = basic_credentials(request)
    if basic is not None:
        return basic
    return ClientCredentials(body.text("client_id"), body.text("client_secret"))


def require_client(
    store: CloudStore, creds: ClientCredentials, *, status: int | None = None
) -> OAuthClient:
    """The client these credentials name, or ``invalid_client`` (400 unless ``status``)."""
    if not creds.client_id or not _CLIENT_ID.match(creds.client_id):
        raise OAuthError("invalid_client", "Invalid or missing client_id parameter", status=status)
    if not creds.secret:
        raise OAuthError("invalid_client", "Missing client_secret parameter", status=status)
    client = store.clients.get(creds.client_id)
    if client is None or not hmac.compare_digest(client.secret, creds.secret):
        raise OAuthError("invalid_client", "Client credentials are invalid", status=status)
    return client


def carries_token(request: web.Request, body: Body) -> bool:
    """Whether the request sends an access token at all (header, query or body)."""
    scheme = request.headers.get("Authorization", "").partition(" ")[0]
    return (
        scheme.lower() == "bearer"
        or "access_token" in request.query
        or body.text("access_token") is not None
    )


def bearer_value(request: web.Request, body: Body) -> str:
    header = request.headers.get("Authorization")
    query = request.query.get("access_token")
    posted = body.text("access_token")
    used = [v for v in (header, query, posted) if v is not None]
    if len(used) > 1:
        raise OAuthError(
            "invalid_request",
            "Only one method may be used to authenticate at a time (Auth header, GET or POST).",
        )
    if not used:
        raise OAuthError(
            "invalid_request", "The access token was not found", status=MISSING_TOKEN_STATUS
        )
    if header is not None:
        match = _BEARER.search(header)
        if match is None:
            raise OAuthError("invalid_request", "Malformed auth header")
        return match.group(1)
    if posted is not None:
        if request.method == "GET":
            raise OAuthError(
                "invalid_request", "Method cannot be GET When putting the token in the body."
            )
        if not body.is_urlencoded:
            raise OAuthError(
                "invalid_request",
                "When putting the token in the body, content type must be "
                "application/x-www-form-urlencoded.",
            )
        return posted
    return used[0]


def authenticate(request: web.Request, body: Body, store: CloudStore, now: float) -> AccessToken:
    token = store.token(bearer_value(request, body))
    if token is None:
        raise OAuthError("invalid_token", "The access token provided is invalid.")
    if token.expires_at is not None and token.expires_at <= now:
        raise OAuthError("invalid_token", "The access token provided has expired.")
    return token
