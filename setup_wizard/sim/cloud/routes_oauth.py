"""``/oauth/token``: password, two-step, client-credentials and refresh grants.

Form bodies only, client credentials in Basic auth or the form, and the error texts of
Particle's node-oauth2-server fork. Choices where the reference is silent:

- Product clients sign in their product's customers; the built-in clients (``particle``,
  ``particle-api``, ``particle-cli``) sign in developers. Either way a stranger gets
  ``invalid_grant`` "User credentials are invalid".
- ``client_credentials`` needs ``scope=customer=<email>`` and an unscoped product client;
  otherwise 400 ``invalid_scope``; an unknown customer is 400 ``invalid_grant``.
- Refreshing works only for customer tokens; a developer's refresh token answers 400
  ``invalid_grant``. A refresh token is spent when used (a new one comes back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from setup_wizard.sim.cloud.auth import TOKEN_PATH, client_credentials, require_client
from setup_wizard.sim.cloud.body import FORM, Body, read_body
from setup_wizard.sim.cloud.context import CloudContext
from setup_wizard.sim.cloud.errors import NO_STORE, LegacyError, OAuthError, json_response
from setup_wizard.sim.cloud.model import AccountKind, MfaChallenge, OAuthClient
from setup_wizard.sim.cloud.store import email_problem
from setup_wizard.sim.cloud.tokens import (
    MFA_CHALLENGE_LIFETIME,
    issue,
    otp_matches,
    requested_lifetime,
)

PASSWORD = "password"  # noqa: S105 (a grant type)
MFA_OTP = "urn:custom:mfa-otp"
CLIENT_CREDENTIALS = "client_credentials"
REFRESH = "refresh_token"
BUILT_IN_GRANTS = frozenset({PASSWORD, MFA_OTP, REFRESH})
PRODUCT_GRANTS = BUILT_IN_GRANTS | {CLIENT_CREDENTIALS}

Grant = Callable[[Body, OAuthClient], dict[str, Any]]


class OAuthRoutes:
    def __init__(self, ctx: CloudContext) -> None:
        self.ctx = ctx
        self.store = ctx.store
        self._grants: dict[str, Grant] = {
            PASSWORD: self._password,
            MFA_OTP: self._mfa_otp,
            CLIENT_CREDENTIALS: self._client_credentials,
            REFRESH: self._refresh,
        }

    def register(self, router: web.UrlDispatcher) -> None:
        router.add_route("*", TOKEN_PATH, self.token)

    async def token(self, request: web.Request) -> web.Response:
        if request.method != "POST" or request.content_type != FORM:
            raise OAuthError(
                "invalid_request",
                "Method must be POST with application/x-www-form-urlencoded encoding",
            )
        try:
            body = await read_body(request)
        except LegacyError as unreadable:
            raise OAuthError("invalid_request", str(unreadable.body["error"])) from None
        grant_type = body.text("grant_type")
        if grant_type not in self._grants:
            raise OAuthError("invalid_request", "Invalid or missing grant_type parameter")
        client = require_client(self.store, client_credentials(request, body))
        allowed = BUILT_IN_GRANTS if client.product_id is None else PRODUCT_GRANTS
        if grant_type not in allowed:
            raise OAuthError("invalid_client", "The grant type is unauthorised for this client_id")
        grant = self._grants[grant_type](body, client)
        return json_response(grant, headers=NO_STORE)

    def _password(self, body: Body, client: OAuthClient) -> dict[str, Any]:
        username, password = body.text("username"), body.text("password")
        if not username or not password:
            raise OAuthError(
                "invalid_client", 'Missing parameters. "username" and "password" are required'
            )
        now = self.ctx.now()
        lifetime = requested_lifetime(body, now)
        account = self.store.check_password(client, username, password)
        if account is None:
            raise OAuthError("invalid_grant", "User credentials are invalid")
        if account.mfa_secret is not None:
            challenge = MfaChallenge(
                value=self.store.ids.mfa_token(),
                account=account,
                client_id=client.id,
                expires_at=now + MFA_CHALLENGE_LIFETIME,
                lifetime=lifetime,
            )
            self.store.mfa_challenges[challenge.value] = challenge
            raise OAuthError(
                "mfa_required", "Multi-factor authentication required", mfa_token=challenge.value
            )
        return issue(self.store, account, client.id, lifetime, now)

    def _mfa_otp(self, body: Body, client: OAuthClient) -> dict[str, Any]:
        otp, mfa_token = body.text("otp"), body.text("mfa_token")
        if not otp or not mfa_token:
            raise OAuthError("invalid_request", "You must provide otp and mfa token.")
        now = self.ctx.now()
        challenge = self.store.mfa_challenges.get(mfa_token)
        if challenge is None or challenge.client_id != client.id or challenge.expires_at <= now:
            raise OAuthError(
                "invalid_grant",
                "The two-step verification session is invalid or has expired; "
                "sign in with your password again",
            )
        secret = challenge.account.mfa_secret
        if secret is None or not otp_matches(secret, otp, self.ctx.clock):
            raise OAuthError("invalid_grant", "Invalid one-time password")
        del self.store.mfa_challenges[mfa_token]
        return issue(self.store, challenge.account, client.id, challenge.lifetime, now)

    def _client_credentials(self, body: Body, client: OAuthClient) -> dict[str, Any]:
        scope = body.text("scope") or ""
        if client.scope is not None:
            raise OAuthError(
                "invalid_scope",
                "This client may only create customers; customer tokens need a "
                "two-legged (server) client without a scope",
            )
        if not scope.startswith("customer="):
            raise OAuthError("invalid_scope", "Ask for scope=customer=<customer email>")
        assert client.product_id is not None  # only product clients reach this grant
        email = scope.removeprefix("customer=")
        problem = email_problem(email)
        if problem is not None:
            raise OAuthError("invalid_scope", f"scope=customer=<email>: {problem}")
        customer = self.store.customer(client.product_id, email)
        if customer is None:
            raise OAuthError(
                "invalid_grant",
                "No customer with that e-mail address in this product; create the customer first",
            )
        now = self.ctx.now()
        lifetime = requested_lifetime(body, now)
        return issue(
            self.store, customer, client.id, lifetime, now, scope=f"customer={customer.username}"
        )

    def _refresh(self, body: Body, client: OAuthClient) -> dict[str, Any]:
        value = body.text("refresh_token")
        if not value:
            raise OAuthError("invalid_request", 'No "refresh_token" parameter')
        now = self.ctx.now()
        refresh = self.store.refresh_tokens.get(value)
        same_client = refresh is not None and (
            refresh.client_id == client.id
            or (refresh.client_id is None and client.product_id == refresh.account.product_id)
        )
        if refresh is None or not same_client:
            raise OAuthError("invalid_grant", "Invalid refresh token")
        if refresh.expires_at <= now:
            raise OAuthError("invalid_grant", "Refresh token has expired")
        if refresh.account.kind is not AccountKind.CUSTOMER:
            raise OAuthError(
                "invalid_grant",
                "Refresh tokens work only for product customer tokens; sign in again",
            )
        del self.store.refresh_tokens[value]
        lifetime = requested_lifetime(body, now)
        return issue(self.store, refresh.account, client.id, lifetime, now)
