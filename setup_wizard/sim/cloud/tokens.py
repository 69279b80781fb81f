"""Issuing tokens and checking two-step codes.

Choices where the reference is silent or "unverified" (change the constants to taste):

- A refresh token lives 14 days from its issue, as the reference (§2.3) states
  (Particle's node-oauth2-server fork would date it "access lifetime + 14 days"; the
  reference is our authority). None is issued for a token that never expires
  (``expires_in=0``), as in that fork.
- The ``mfa_token`` of a ``mfa_required`` answer is good for 15 simulated minutes and
  for one successful sign-in; a wrong code leaves it usable (people mistype).
- A wrong one-time password answers 400 ``invalid_grant`` "Invalid one-time password";
  an unknown, used or expired ``mfa_token`` answers 400 ``invalid_grant`` too, with a
  description that says to sign in again.
- TOTP codes are checked at ``clock.now()``; besides the usual ±1 step of drift, the
  codes of the last few *wall-clock* seconds stay valid, since a fast simulated clock
  (speed 500 turns 5 s into 40 minutes) would otherwise expire a code before the request
  that carries it arrives.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import pyotp

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud.body import Body
from setup_wizard.sim.cloud.errors import OAuthError
from setup_wizard.sim.cloud.model import (
    DEFAULT_TOKEN_LIFETIME,
    AccessToken,
    Account,
    RefreshToken,
)
from setup_wizard.sim.cloud.store import CloudStore

REFRESH_TOKEN_LIFETIME = 14 * 24 * 3600
MFA_CHALLENGE_LIFETIME = 15 * 60
TOTP_STEP = 30
OTP_WALL_TOLERANCE = 5.0  # wall-clock seconds a just-generated code stays acceptable


def requested_lifetime(body: Body, now: float) -> int:
    """Seconds from ``expires_in`` (0 = never) or ``expires_at``; 90 days by default."""
    expires_in = body.text("expires_in")
    if expires_in is not None:
        if not expires_in.isdigit():
            raise OAuthError(
                "invalid_request", "expires_in must be a whole number of seconds (0 = never)"
            )
        return int(expires_in)
    expires_at = body.text("expires_at")
    if expires_at is not None:
        try:
            moment = datetime.fromisoformat(expires_at).timestamp()
        except ValueError:
            raise OAuthError(
                "invalid_request", "expires_at must be an ISO 8601 date and time"
            ) from None
        if moment <= now:
            raise OAuthError("invalid_request", "expires_at must be in the future")
        return math.ceil(moment - now)
    return DEFAULT_TOKEN_LIFETIME


def issue(
    store: CloudStore,
    account: Account,
    client_id: str | None,
    lifetime: int,
    now: float,
    *,
    scope: str | None = None,
) -> dict[str, Any]:
    """Store a new access (and refresh) token; returns the OAuth token response body."""
    access = AccessToken(
        value=store.ids.token(),
        account=account,
        client_id=client_id,
        expires_at=now + lifetime if lifetime else None,
        scope=scope,
    )
    store.access_tokens[access.value] = access
    body: dict[str, Any] = {
        "token_type": "bearer",
        "access_token": access.value,
        "expires_in": lifetime,
    }
    if lifetime:
        refresh = RefreshToken(
            value=store.ids.token(),
            account=account,
            client_id=client_id,
            expires_at=now + REFRESH_TOKEN_LIFETIME,
        )
        store.refresh_tokens[refresh.value] = refresh
        body["refresh_token"] = refresh.value
    if scope:
        body["scope"] = scope
    return body


def otp_matches(secret: str, otp: str, clock: SimClock) -> bool:
    steps = 1 + math.ceil(OTP_WALL_TOLERANCE * clock.speed / TOTP_STEP)
    return pyotp.TOTP(secret).verify(otp.strip(), for_time=int(clock.now()), valid_window=steps)
