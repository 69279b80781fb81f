"""A sign-in that renews its token before it runs out, for long bench sessions.

Refresh tokens work only for product (customer) tokens, only through the product's own
OAuth client, and only for 14 days (reference §2.3); a developer's sign-in through one of
the public clients (``particle``, ``particle-api``, ``particle-cli``) cannot be renewed at
all. So a session renews what it can, keeps handing out a still-valid token otherwise,
and says "sign in again" (:class:`SessionExpired`) only once the token has run out.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable
from datetime import timedelta

from setup_wizard.cloud.client import CloudClient
from setup_wizard.cloud.errors import CloudError, SessionExpired
from setup_wizard.cloud.models import ClientCredentials, TokenGrant, utc
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.secret import Token

log = logging.getLogger(__name__)

DEFAULT_RENEW_MARGIN = timedelta(minutes=10)
"""How long before expiry a session renews its token."""

PUBLIC_CLIENTS = frozenset({"particle", "particle-api", "particle-cli"})
"""The public clients of Particle's own tools: their sign-ins cannot be refreshed."""


class CloudSession:
    """One signed-in account (staff member or customer): ``await session.token()``.

    ``client`` is the OAuth client the grant came through (None when unknown, e.g. a token
    from the keyring); ``now`` reads Unix time, the same clock as the ``CloudClient`` that
    made the grant; ``on_renewed`` hears each new grant, to store it (keyring).
    """

    def __init__(
        self,
        cloud: CloudClient,
        grant: TokenGrant,
        *,
        client: ClientCredentials | None = None,
        renew_margin: timedelta = DEFAULT_RENEW_MARGIN,
        now: Callable[[], float] = time.time,
        on_renewed: Callable[[TokenGrant], None] | None = None,
    ) -> None:
        self._cloud = cloud
        self._grant = grant
        self._client = client
        self._margin = renew_margin
        self._now = now
        self._on_renewed = on_renewed
        self._renewable = (
            grant.refresh_token is not None
            and client is not None
            and client.id not in PUBLIC_CLIENTS
        )
        self._lock = asyncio.Lock()  # one renewal at a time: a refresh token works once

    @property
    def grant(self) -> TokenGrant:
        """The current grant (renewed ones included)."""
        return self._grant

    @property
    def renewable(self) -> bool:
        """Whether the session can still renew its token without a new sign-in."""
        return self._renewable

    async def token(self) -> Token:
        """A token that works now, renewed first when it is within the margin of expiry.

        Raises :class:`SessionExpired` once the token has expired and cannot be renewed;
        a renewal that fails for a passing reason (no internet, the cloud in trouble)
        raises that error only when the old token can no longer stand in.
        """
        async with self._lock:
            grant = self._grant
            if grant.expires_at is None:
                return grant.access_token
            left = grant.expires_at - utc(self._now())
            if left > self._margin:
                return grant.access_token
            if self._renewable:
                try:
                    return await self._renew(grant)
                except SessionExpired:
                    self._renewable = False
                    log.info("the sign-in can no longer be renewed")
                except CloudError:
                    if left <= timedelta(0):
                        raise
                    log.info("renewing the sign-in failed; the current token still works")
            if left <= timedelta(0):
                raise SessionExpired(
                    QT_TRANSLATE_NOOP("Cloud", "Your sign-in has expired. Sign in again.")
                )
            return grant.access_token

    async def _renew(self, grant: TokenGrant) -> Token:
        assert grant.refresh_token is not None
        assert self._client is not None
        renewed = await self._cloud.refresh(grant.refresh_token, client=self._client)
        if renewed.refresh_token is None:  # the cloud may keep the old one valid
            renewed = dataclasses.replace(renewed, refresh_token=grant.refresh_token)
        self._grant = renewed
        log.info("sign-in renewed")
        if self._on_renewed is not None:
            self._on_renewed(renewed)
        return renewed.access_token
