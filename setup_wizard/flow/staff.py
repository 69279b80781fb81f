"""Staff mode: a support person signed in with their own Particle account, who picks the
product and its OAuth client and opens customers (the forum recipe, done for them).

The device is claimed for the customer, never for the staff member: each customer's
claim code is asked for with that customer's token, which the staff session mints with the
product's client (``scope=customer=<email>``) or gets by creating the customer.

Sign-ins and two-step codes are never retried automatically: ten failed token requests
from one network lock it out of the Particle Cloud for 30 minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from setup_wizard import redact
from setup_wizard.cloud.client import CloudClient, ExistingCustomer, ProductRef, TeamAccess
from setup_wizard.cloud.errors import CloudError, MfaRequired
from setup_wizard.cloud.models import ClientCredentials, OAuthClient, Product, TokenGrant
from setup_wizard.flow.errors import FlowError, NotReady
from setup_wizard.flow.keychain import SavedSignIn, TokenStore
from setup_wizard.flow.pages import Page
from setup_wizard.flow.secret_store import SecretStore
from setup_wizard.flow.state import Account
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.secret import ClientSecret, Password, Token, TwoStepCode

log = logging.getLogger(__name__)

STAFF_KEY = "staff"
"""The keyring slot of a kept staff sign-in."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Staff:
    username: str
    grant: TokenGrant
    kept: bool = False


@dataclass(frozen=True)
class ClientOption:
    """One of the product's OAuth clients; only one whose secret is known can be used."""

    client: OAuthClient
    secret_kept: bool


class StaffSession:
    def __init__(
        self,
        cloud: CloudClient,
        *,
        tokens: TokenStore,
        secrets: SecretStore[ClientSecret],
        now: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._cloud = cloud
        self._tokens = tokens
        self._secrets = secrets
        self._now = now
        self.staff: Staff | None = None
        self.product: Product | None = None
        self.client: ClientCredentials | None = None
        self._mfa: tuple[str, Token, bool] | None = None

    # -- signing in ----------------------------------------------------------------------

    @property
    def waiting_for_code(self) -> bool:
        """A password was accepted and the account asks for its two-step code."""
        return self._mfa is not None

    async def use_kept_sign_in(self) -> Staff | None:
        saved = await self._tokens.load(STAFF_KEY)
        if saved is None or not saved.usable(self._now()):
            return None
        redact.remember(saved.grant.access_token)
        self.staff = Staff(saved.email, saved.grant, kept=True)
        return self.staff

    async def sign_in(self, username: str, password: Password, *, keep: bool) -> Staff | None:
        """The staff member's own Particle account; None when the two-step code is needed
        next (:meth:`verify`). A refusal is never retried by the app."""
        redact.remember(password)
        self._mfa = None
        username = username.strip()
        try:
            grant = await self._cloud.sign_in(username, password)
        except MfaRequired as needed:
            redact.remember(needed.mfa_token)
            self._mfa = (username, needed.mfa_token, keep)
            return None
        return await self._signed_in(username, grant, keep)

    async def verify(self, code: str) -> Staff:
        """The two-step code. A wrong one says so; the person may type it again (each try
        counts towards the cloud's lockout, so the app never tries by itself)."""
        if self._mfa is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Sign in with your password first."))
        username, mfa_token, keep = self._mfa
        code = code.strip().replace(" ", "")
        redact.remember(TwoStepCode(code))
        if not (code.isdigit() and len(code) == 6):
            raise FlowError(
                QT_TRANSLATE_NOOP("Flow", "Enter the 6-digit code from your authenticator app.")
            )
        grant = await self._cloud.verify_mfa(mfa_token, code)
        self._mfa = None
        return await self._signed_in(username, grant, keep)

    async def _signed_in(self, username: str, grant: TokenGrant, keep: bool) -> Staff:
        redact.remember(grant.access_token, grant.refresh_token)
        staff = Staff(username, grant)
        if keep:
            staff = replace(
                staff, kept=await self._tokens.save(STAFF_KEY, SavedSignIn(username, grant))
            )
        else:
            await self._tokens.forget(STAFF_KEY)
        self.staff = staff
        return staff

    async def sign_out(self) -> None:
        staff, self.staff = self.staff, None
        self.product = self.client = None
        await self._tokens.forget(STAFF_KEY)
        if staff is not None:
            try:
                await self._cloud.sign_out(staff.grant.access_token)
            except CloudError as error:
                log.info("sign-out in the cloud failed: %s", type(error).__name__)

    def _token(self) -> Token:
        if self.staff is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Sign in first."), back_to=Page.SIGN_IN)
        return self.staff.grant.access_token

    # -- product and client ---------------------------------------------------------------

    async def products(self) -> list[Product]:
        return await self._cloud.list_products(self._token())

    def choose_product(self, product: Product) -> None:
        if self.product is None or self.product.id != product.id:
            self.client = None
        self.product = product

    def _product_ref(self) -> ProductRef:
        if self.product is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Choose the product first."))
        return self.product.id

    async def clients(self) -> list[ClientOption]:
        """The product's OAuth clients, and whether this computer keeps each one's secret."""
        listed = await self._cloud.list_clients(self._token(), self._product_ref())
        return [
            ClientOption(client, await self._secrets.load(client.id) is not None)
            for client in listed
        ]

    async def choose_client(self, client_id: str) -> ClientCredentials:
        secret = await self._secrets.load(client_id)
        if secret is None:
            raise FlowError(
                QT_TRANSLATE_NOOP(
                    "Flow",
                    "This computer does not have the secret of the client “{client}” (the "
                    "Particle Cloud shows it only once, when the client is created). Create a "
                    "new client here, or enter its secret.",
                ).format(client=client_id)
            )
        self.client = ClientCredentials(client_id, secret)
        return self.client

    async def use_client_secret(
        self, client_id: str, secret: ClientSecret, *, keep: bool
    ) -> ClientCredentials:
        """A secret the staff member typed (from where the client was created)."""
        redact.remember(secret)
        if keep:
            await self._secrets.save(client_id, secret)
        self.client = ClientCredentials(client_id, secret)
        return self.client

    async def create_client(self, name: str) -> ClientCredentials:
        """A new client of type "installed"; its secret goes to the keyring at once and is
        never shown (if the keyring refuses, it lives in memory for this session only)."""
        created = await self._cloud.create_client(self._token(), self._product_ref(), name)
        credentials = created.credentials()
        redact.remember(credentials.secret)
        if not await self._secrets.save(credentials.id, credentials.secret):
            log.warning("the new client's secret is kept for this session only")
        self.client = credentials
        return credentials

    # -- customers --------------------------------------------------------------------------

    async def open_customer(self, email: str, password: Password | None) -> Account:
        """The customer's account: created now (with ``password``, or as a customer without
        one), or, if it exists, a customer-scoped token minted with the product's client."""
        email = email.strip()
        if "@" not in email or len(email) > 254:
            raise FlowError(QT_TRANSLATE_NOOP("Flow", "Enter the customer's e-mail address."))
        if self.client is None:
            raise NotReady(QT_TRANSLATE_NOOP("Flow", "Choose the product's OAuth client first."))
        if password is not None:
            redact.remember(password)
        access = await self._cloud.open_customer(
            self._product_ref(),
            self.client,
            email,
            password,
            existing=ExistingCustomer.SCOPED_TOKEN,
        )
        redact.remember(access.grant.access_token, access.grant.refresh_token)
        return Account(email.lower(), access.grant, created=access.created)

    def team(self) -> TeamAccess:
        """The staff member's view of the product (quarantine, owners)."""
        return TeamAccess(self._token(), self._product_ref())
