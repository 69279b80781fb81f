"""The Particle Cloud calls of the onboarding journey, over one injected ``httpx.AsyncClient``.

Every call takes the credentials it needs (a user's or customer's token, or a product
OAuth client), so one client serves the staff member and the customer alike; tokens
live with the caller. Secrets are revealed only while the request is built.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import enum
import logging
import random
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from setup_wizard.cloud.errors import (
    STREAM_LIMIT,
    ClientRejected,
    CloudError,
    CloudUnreachable,
    CustomerExists,
    DeviceDenied,
    DeviceQuarantined,
    NotAllowed,
    NotFound,
    Operation,
    RateLimited,
    ServerTrouble,
    SessionExpired,
    SignInFailed,
    error_for_response,
)
from setup_wizard.cloud.events import STATUS_EVENT, DeviceStatus, EventStream, Reconnected
from setup_wizard.cloud.models import (
    PARTICLE_CLIENT,
    ClaimCodeGrant,
    ClientCredentials,
    ClientType,
    CustomerAccess,
    Device,
    OAuthClient,
    Product,
    ProductDevice,
    RenamedDevice,
    TokenGrant,
    as_list,
    as_object,
    claim_code_from,
    device_from,
    oauth_client_from,
    product_device_from,
    product_from,
    renamed_device_from,
    token_grant_from,
    unreadable,
)
from setup_wizard.cloud.retry import RetryClass, RetryPolicy, Sleep, parse_retry_after
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.secret import Password, Secret, Token

log = logging.getLogger(__name__)

ProductRef = int | str
"""A product's numeric ID or its slug; the cloud accepts either in paths."""

DEFAULT_EVENT_SILENCE = 75.0
"""Seconds without a byte after which the event stream counts as dead (keep-alive ~60 s)."""

DEFAULT_STATUS_RECHECK = 0.5
"""Seconds between device look-ups while waiting for a status. A newly claimed device never
shows up in its owner's event stream, so the look-ups are what see it: every 0.5 s keeps the
wait's own overhead under 5 % of a journey (2 s added 7 %, bench_flow_journey.py) at about
80 requests in a 40 s wait, far below the cloud's 10,000 per 5 minutes (Particle's apps
poll every 1 s)."""

DEFAULT_STREAM_LIMIT_WAIT = 60.0
"""Seconds before opening an event stream again after the cloud's stream limit (HTTP 529);
it doubles with each refusal in a row, up to :data:`STREAM_LIMIT_WINDOW`."""

STREAM_LIMIT_WINDOW = 300.0
"""The cloud counts stream opens over 5 minutes: waiting that long always clears the limit."""

_SURELY_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
"""Transport failures that prove the request never reached the cloud."""

_BROKEN_ANSWER = (httpx.TransportError, httpx.DecodingError)
"""An answer that never arrived, or arrived unreadable (a proxy's broken compression)."""


@dataclass(frozen=True)
class TeamAccess:
    """A product team member's sign-in (staff mode), for the product's view of a device."""

    token: Token
    product: ProductRef


class ExistingCustomer(enum.Enum):
    """What :meth:`CloudClient.open_customer` does when the customer already exists."""

    SIGN_IN = enum.auto()
    """Customer mode: the customer signs in with their password through the product client."""
    SCOPED_TOKEN = enum.auto()
    """Staff mode: mint a customer-scoped token with the (unscoped) product client."""


@dataclass(frozen=True)
class _Call:
    operation: Operation
    method: str
    path: str
    form: Mapping[str, str | Secret] | None = None
    json: Any = None
    token: Token | None = None
    client: ClientCredentials | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: httpx.Timeout | None = None

    def secrets(self) -> tuple[str, ...]:
        """Every secret value this call sends, to scrub from what the server says back."""
        values = [v.reveal() for v in (self.form or {}).values() if isinstance(v, Secret)]
        if self.token is not None:
            values.append(self.token.reveal())
        if self.client is not None and self.client != PARTICLE_CLIENT:
            # The public client's "secret" is the word "particle", in every doc and URL.
            secret = self.client.secret.reveal()
            pair = f"{self.client.id}:{secret}".encode()
            values += [secret, base64.b64encode(pair).decode()]
        return tuple(values)


def _path(*parts: str | int) -> str:
    return "/" + "/".join(quote(str(p), safe="") for p in parts)


def _normalise_email(email: str) -> str:
    """The cloud lower-cases customer emails; matching it keeps the scoped token working."""
    return email.strip().lower()


class CloudClient:
    """Async client for the Particle Cloud; build the ``http`` client with ``make_http_client``.

    ``sleep`` waits between retries and ``now`` reads the time for ``Retry-After`` dates
    and expiry times; tests inject both so no test waits for real backoff.
    ``status_recheck`` is how often :meth:`wait_for_status` looks the device up, and
    ``stream_limit_wait`` how long it leaves the event stream alone after a 529.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        now: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
        event_silence: float = DEFAULT_EVENT_SILENCE,
        status_recheck: float = DEFAULT_STATUS_RECHECK,
        stream_limit_wait: float = DEFAULT_STREAM_LIMIT_WAIT,
    ) -> None:
        self._http = http
        self._policy = retry or RetryPolicy()
        self._sleep = sleep
        self._now = now
        self._rand = rand
        self._event_silence = event_silence
        self._status_recheck = status_recheck
        self._stream_limit_wait = stream_limit_wait

    # -- sign-in -----------------------------------------------------------------------------

    async def sign_in(
        self,
        username: str,
        password: Password,
        *,
        client: ClientCredentials = PARTICLE_CLIENT,
        expires_in: int | None = None,
    ) -> TokenGrant:
        """Password grant: a developer (default client) or a customer (the product's client).

        Raises :class:`MfaRequired` (carrying ``mfa_token``) when the account has two-step
        verification; then call :meth:`verify_mfa` with the code. An empty email or
        password raises :class:`SignInFailed` without asking the cloud (a failed token
        request counts towards the cloud's lockout of the network).
        """
        if not username.strip() or not password:
            raise SignInFailed(QT_TRANSLATE_NOOP("Cloud", "Enter both the email and the password."))
        form: dict[str, str | Secret] = {
            "grant_type": "password",
            "username": username.strip(),
            "password": password,
        }
        if expires_in is not None:
            form["expires_in"] = str(expires_in)
        return await self._token(Operation.SIGN_IN, client, form)

    async def verify_mfa(
        self, mfa_token: Token, otp: str, *, client: ClientCredentials = PARTICLE_CLIENT
    ) -> TokenGrant:
        """Second step of a two-step sign-in, with the same client as the first."""
        form: dict[str, str | Secret] = {
            "grant_type": "urn:custom:mfa-otp",
            "mfa_token": mfa_token,
            "otp": Secret(otp.strip().replace(" ", "")),
        }
        return await self._token(Operation.VERIFY_MFA, client, form)

    async def refresh(self, refresh_token: Token, *, client: ClientCredentials) -> TokenGrant:
        """A new token from a refresh token: product (customer) tokens only, within 14 days."""
        form: dict[str, str | Secret] = {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
        }
        return await self._token(Operation.REFRESH, client, form)

    async def customer_token(
        self, client: ClientCredentials, email: str, *, expires_in: int | None = None
    ) -> TokenGrant:
        """A token for an existing customer, minted with an unscoped product client."""
        form: dict[str, str | Secret] = {
            "grant_type": "client_credentials",
            "scope": f"customer={_normalise_email(email)}",
        }
        if expires_in is not None:
            form["expires_in"] = str(expires_in)
        return await self._token(Operation.CUSTOMER_TOKEN, client, form)

    async def sign_out(self, token: Token) -> None:
        """Revoke this token in the cloud (it stops working everywhere at once).

        A token the cloud already refuses counts as signed out: it may have expired, or
        a first try revoked it and only its answer was lost.
        """
        call = _Call(Operation.SIGN_OUT, "DELETE", "/v1/access_tokens/current", token=token)
        try:
            await self._send(call)
        except SessionExpired:
            log.info("the token was already invalid: signed out")

    async def _token(
        self,
        operation: Operation,
        client: ClientCredentials,
        form: dict[str, str | Secret],
    ) -> TokenGrant:
        call = _Call(operation, "POST", "/oauth/token", form=form, client=client)
        return token_grant_from(await self._json(call), self._now())

    # -- products and OAuth clients ----------------------------------------------------------

    async def list_products(self, token: Token) -> list[Product]:
        call = _Call(Operation.LIST_PRODUCTS, "GET", "/v1/products", token=token)
        items = as_list(await self._json(call), "products", call.operation.action)
        return [p for p in map(product_from, items) if p is not None]

    async def list_clients(self, token: Token, product: ProductRef) -> list[OAuthClient]:
        call = _Call(
            Operation.LIST_CLIENTS,
            "GET",
            _path("v1", "products", product, "clients"),
            token=token,
        )
        items = as_list(await self._json(call), "clients", call.operation.action)
        return [c for c in map(oauth_client_from, items) if c is not None]

    async def create_client(
        self,
        token: Token,
        product: ProductRef,
        name: str,
        *,
        client_type: ClientType = ClientType.INSTALLED,
        scope: str | None = None,
        redirect_uri: str | None = None,
    ) -> OAuthClient:
        """A new product OAuth client; its ``secret`` is in the result, and never again.

        ``scope`` limits what the client may do (``"create_customer"``: only create
        customers, the safe kind to ship inside an app); a ``web`` client needs a
        ``redirect_uri``.
        """
        form: dict[str, str | Secret] = {"name": name, "type": client_type.value}
        if scope is not None:
            form["scope"] = scope
        if redirect_uri is not None:
            form["redirect_uri"] = redirect_uri
        call = _Call(
            Operation.CREATE_CLIENT,
            "POST",
            _path("v1", "products", product, "clients"),
            form=form,
            token=token,
        )
        body = as_object(await self._json(call), call.operation.action)
        wrapped = body.get("client")
        created = oauth_client_from(wrapped if isinstance(wrapped, dict) else body)
        if created is None or created.secret is None:
            raise unreadable(call.operation.action)
        return created

    async def delete_client(self, token: Token, product: ProductRef, client_id: str) -> None:
        """Delete a product OAuth client: apps that carry its secret stop working at once."""
        call = _Call(
            Operation.DELETE_CLIENT,
            "DELETE",
            _path("v1", "products", product, "clients", client_id),
            token=token,
        )
        await self._send(call)

    # -- customers -------------------------------------------------------------------------

    async def create_customer(
        self,
        product: ProductRef,
        client: ClientCredentials,
        email: str,
        password: Password | None,
    ) -> TokenGrant:
        """Create a product customer and sign them in (no password: a "shadow" customer).

        Raises :class:`CustomerExists` when the cloud says the email is taken, in any of
        the shapes it has used (400, 401 or 5xx with "already exists"); a bare 401 is a
        :class:`ClientRejected` that may also mean "exists". :meth:`open_customer` does
        the usual fallback.
        """
        if password is not None and not password:
            raise SignInFailed(QT_TRANSLATE_NOOP("Cloud", "Enter a password for the customer."))
        form: dict[str, str | Secret] = {
            "email": _normalise_email(email),
            "grant_type": "client_credentials",
        }
        if password is None:
            form["no_password"] = "true"  # noqa: S105 (a flag, not a password)
        else:
            form["password"] = password
        call = _Call(
            Operation.CREATE_CUSTOMER,
            "POST",
            _path("v1", "products", product, "customers"),
            form=form,
            client=client,
        )
        return token_grant_from(await self._json(call), self._now())

    async def open_customer(
        self,
        product: ProductRef,
        client: ClientCredentials,
        email: str,
        password: Password | None,
        *,
        existing: ExistingCustomer,
    ) -> CustomerAccess:
        """The customer's token: created now, or, if they already exist, by ``existing``.

        When creation fails in a way that may hide an existing customer (a bare 401, the
        cloud in trouble, no answer, or the cloud naming the email), the ``existing``
        path is tried once; if it shows no such customer either, the creation's error
        stands.
        """
        if existing is ExistingCustomer.SIGN_IN and password is None:
            raise ValueError("signing an existing customer in needs their password")
        try:
            grant = await self.create_customer(product, client, email, password)
        except CustomerExists:
            log.info("customer already exists; using %s", existing.name.lower())
            grant = await self._existing_customer(client, email, password, existing)
        except CloudError as failure:
            if not _may_hide_existing_customer(failure, email):
                raise
            log.info(
                "creating the customer failed (%s); trying %s once",
                type(failure).__name__,
                existing.name.lower(),
            )
            grant = await self._existing_customer_after(failure, client, email, password, existing)
        else:
            return CustomerAccess(grant, created=True)
        return CustomerAccess(grant, created=False)

    async def _existing_customer(
        self,
        client: ClientCredentials,
        email: str,
        password: Password | None,
        existing: ExistingCustomer,
    ) -> TokenGrant:
        if existing is ExistingCustomer.SCOPED_TOKEN:
            return await self.customer_token(client, email)
        assert password is not None
        return await self.sign_in(_normalise_email(email), password, client=client)

    async def _existing_customer_after(
        self,
        failure: CloudError,
        client: ClientCredentials,
        email: str,
        password: Password | None,
        existing: ExistingCustomer,
    ) -> TokenGrant:
        """The existing-customer path after an ambiguous creation ``failure``."""
        try:
            return await self._existing_customer(client, email, password, existing)
        except SignInFailed as refused:
            if isinstance(failure, ClientRejected):
                # As Particle's Android setup library words a 401 from customer creation.
                raise SignInFailed(
                    QT_TRANSLATE_NOOP(
                        "Cloud",
                        "An account with this email may already exist, but this password does "
                        "not sign in to it. Check the password, or use another email.",
                    ),
                    status=refused.status,
                    code=refused.code,
                    detail=refused.detail,
                ) from failure
            raise failure from refused
        except NotFound as missing:  # no such customer: the creation really failed
            raise failure from missing

    # -- claim codes and devices ---------------------------------------------------------------

    async def create_claim_code(self, token: Token, product: ProductRef) -> ClaimCodeGrant:
        """A claim code for the customer whose ``token`` this is (single use, one hour)."""
        call = _Call(
            Operation.CLAIM_CODE,
            "POST",
            _path("v1", "products", product, "device_claims"),
            json={},  # a body, since some HTTP stacks refuse a bodiless POST
            token=token,
        )
        return claim_code_from(await self._json(call), self._now())

    async def list_devices(self, token: Token) -> list[Device]:
        call = _Call(Operation.LIST_DEVICES, "GET", "/v1/devices", token=token)
        return [
            device_from(d) for d in as_list(await self._json(call), None, call.operation.action)
        ]

    async def get_device(self, token: Token, device_id: str) -> Device:
        call = _Call(
            Operation.GET_DEVICE,
            "GET",
            _path("v1", "devices", device_id.lower()),
            token=token,
        )
        return device_from(as_object(await self._json(call), call.operation.action))

    async def get_product_device(
        self, token: Token, product: ProductRef, device_id: str
    ) -> ProductDevice:
        """The product team's view of a device (team token): owner, quarantine, denial."""
        call = _Call(
            Operation.GET_PRODUCT_DEVICE,
            "GET",
            _path("v1", "products", product, "devices", device_id.lower()),
            token=token,
        )
        return product_device_from(as_object(await self._json(call), call.operation.action))

    async def rename_device(self, token: Token, device_id: str, name: str) -> RenamedDevice:
        call = _Call(
            Operation.RENAME_DEVICE,
            "PUT",
            _path("v1", "devices", device_id.lower()),
            form={"name": name},
            token=token,
        )
        return renamed_device_from(await self._json(call), device_id, name)

    # -- events ------------------------------------------------------------------------------

    def events(
        self, token: Token, *, device_id: str | None = None, prefix: str = "spark"
    ) -> EventStream:
        """The event stream of the token's devices (or one device), by event-name prefix.

        Use as ``async with client.events(token) as stream: async for event in stream``.
        """
        parts: list[str | int] = ["v1", "devices"]
        if device_id is not None:
            parts.append(device_id.lower())
        parts += ["events", prefix]
        call = _Call(
            Operation.EVENTS,
            "GET",
            _path(*parts),
            token=token,
            headers={"Accept": "text/event-stream", "Cache-Control": "no-store"},
            timeout=httpx.Timeout(self._event_silence, connect=self._http.timeout.connect),
        )

        async def open_response() -> httpx.Response:
            return await self._send(call, stream=True)

        return EventStream(open_response, policy=self._policy, sleep=self._sleep, rand=self._rand)

    async def wait_for_status(
        self,
        token: Token,
        device_id: str,
        status: DeviceStatus = DeviceStatus.ONLINE,
        *,
        team: TeamAccess | None = None,
        since: datetime | None = None,
    ) -> Device:
        """The device, once it is ``status`` as the token's owner sees it.

        With ``since``, an online device counts only once its last cloud handshake is not
        older than that: the cloud notices late that a device went offline (into listening
        mode, say), so "online" alone may be a status from before the setup.

        It looks the device up every ``status_recheck`` seconds. The owner's event stream,
        heard alongside, only makes that sooner: a ``spark/status`` event of the device, a
        reconnect (events may have been missed) or the stream's opening triggers a look-up
        at once. The stream is never needed: when it cannot be opened (refused, the
        cloud in trouble, or its stream limit, HTTP 529) the look-ups carry on alone and
        the stream is tried again later, after a 529 not within ``stream_limit_wait``
        seconds. The look-ups are needed anyway: a newly claimed device announces itself
        online *before* the cloud gives it to its owner, so the owner's stream never
        carries that event.

        A product that has not admitted the device (quarantine: its ID was never added to
        the product) or whose team denied it will not let the customer claim it. The
        customer cannot see that: to the customer's token such a device looks like any
        that is not theirs yet (the cloud answers 403), so with that token alone this
        waits until the caller gives up. With ``team`` (a team member's token, staff mode)
        the product's view is looked at while the customer's does not show the device,
        and :class:`DeviceQuarantined` or :class:`DeviceDenied` is raised as soon as the
        cloud shows either; so it is when the customer's own view reports them. It waits
        for as long as it takes otherwise: bound it with ``asyncio.timeout``.
        """
        device_id = device_id.lower()
        wanted = status is DeviceStatus.ONLINE
        wake = asyncio.Event()
        listener = asyncio.create_task(self._listen_for_status(token, device_id, wake))
        try:
            while True:
                wake.clear()
                device = await self._look_up(token, device_id, team)
                if device is not None and device.online == wanted and _fresh(device, since):
                    return device
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), self._status_recheck)
        finally:
            await _cancelled(listener)

    async def _look_up(
        self, token: Token, device_id: str, team: TeamAccess | None
    ) -> Device | None:
        """The owner's view of the device; None while it is not theirs (yet)."""
        try:
            device = await self.get_device(token, device_id)
        except (NotFound, NotAllowed):
            device = None
        if device is not None:
            _raise_if_blocked(device.id, quarantined=device.quarantined, denied=device.denied)
            return device
        if team is not None:
            try:
                seen = await self.get_product_device(team.token, team.product, device_id)
            except (NotFound, NotAllowed):
                return None  # not in the product yet either
            _raise_if_blocked(seen.id, quarantined=seen.quarantined, denied=seen.denied)
        return None

    async def _listen_for_status(self, token: Token, device_id: str, wake: asyncio.Event) -> None:
        """Set ``wake`` whenever the owner's stream suggests looking the device up again.

        Never raises a :class:`CloudError`: a stream the cloud refuses outright (the token,
        the account) is given up, any other failure waited out and the stream reopened.
        """
        refusals = 0
        while True:
            try:
                async with self.events(token) as stream:
                    refusals = 0
                    wake.set()  # subscribed: a change before this is seen only by looking
                    while True:
                        item = await stream.next_item()
                        if isinstance(item, Reconnected) or (
                            item.name == STATUS_EVENT and item.device_id == device_id
                        ):
                            wake.set()
            except (SessionExpired, NotAllowed, NotFound) as refused:
                log.info("no event stream (%s): looking the device up only", type(refused).__name__)
                return
            except CloudError as failed:
                _raise_if_cancelling(failed)
                refusals += 1
                delay = self._stream_pause(failed, refusals)
                log.info(
                    "no event stream (%s); trying again in %.0f s", type(failed).__name__, delay
                )
                await self._sleep(delay)

    def _stream_pause(self, failure: CloudError, refusals: int) -> float:
        """Seconds to leave the event stream alone after ``refusals`` failures in a row."""
        if isinstance(failure, RateLimited):
            # The limit counts opens over 5 minutes: coming back within seconds only
            # extends it (Particle's docs: "you must wait before retrying").
            floor = min(STREAM_LIMIT_WINDOW, self._stream_limit_wait * 2.0 ** (refusals - 1))
            return max(failure.retry_after or 0.0, floor)
        return self._policy.backoff(refusals, self._rand)

    # -- transport ---------------------------------------------------------------------------

    async def _json(self, call: _Call) -> Any:
        response = await self._send(call)
        if not response.content:
            return {}
        try:
            return response.json()
        except (ValueError, RecursionError):  # RecursionError: nested deeper than JSON goes
            raise unreadable(call.operation.action) from None

    async def _send(self, call: _Call, *, stream: bool = False) -> httpx.Response:
        """Send ``call``, retrying as its operation allows; a 2xx or a CloudError."""
        headers = dict(call.headers)
        if call.token is not None:
            headers["Authorization"] = f"Bearer {call.token.reveal()}"
        auth = None
        if call.client is not None:
            auth = httpx.BasicAuth(call.client.id, call.client.secret.reveal())
        form = {k: v.reveal() if isinstance(v, Secret) else v for k, v in (call.form or {}).items()}
        failures = 0
        while True:
            request = self._http.build_request(
                call.method,
                call.path,
                data=form or None,
                json=call.json,
                headers=headers,
                timeout=call.timeout if call.timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
            try:
                response = await self._http.send(request, auth=auth, stream=stream)
            except _BROKEN_ANSWER as exc:
                _raise_if_cancelling(exc)
                failures += 1
                log.info("%s %s failed: %s", call.method, call.path, type(exc).__name__)
                retry = call.operation.retry
                resend = retry is RetryClass.IDEMPOTENT or (
                    retry is RetryClass.UNSAFE and isinstance(exc, _SURELY_NOT_SENT)
                )
                if resend and failures < self._policy.attempts:
                    await self._sleep(self._policy.backoff(failures, self._rand))
                    continue
                raise self._unreachable(call, exc) from exc
            log.debug("%s %s -> %d", call.method, call.path, response.status_code)
            if response.is_success:
                return response
            try:
                body = await response.aread()
            except _BROKEN_ANSWER:
                body = b""  # the status alone still says what happened
            finally:
                await response.aclose()
            error = error_for_response(
                call.operation,
                response.status_code,
                body,
                content_type=response.headers.get("content-type", ""),
                secrets=call.secrets(),
                retry_after=parse_retry_after(response.headers.get("retry-after"), self._now()),
                location=response.headers.get("location"),
            )
            failures += 1
            delay = self._retry_delay(call, error, failures)
            if delay is None:
                log.info(
                    "%s %s -> %d (%s)",
                    call.method,
                    call.path,
                    response.status_code,
                    type(error).__name__,
                )
                raise error
            log.info(
                "%s %s -> %d; retrying in %.1f s",
                call.method,
                call.path,
                response.status_code,
                delay,
            )
            await self._sleep(delay)

    def _retry_delay(self, call: _Call, error: CloudError, failures: int) -> float | None:
        """Seconds to wait before sending ``call`` again, or None to give up now."""
        if call.operation.retry is RetryClass.NEVER or failures >= self._policy.attempts:
            return None
        if isinstance(error, RateLimited):
            if error.status == STREAM_LIMIT:
                return None  # a stream open within seconds only prolongs the limit
            # A 429 is refused before any effect, so even a POST may be sent again.
            if error.retry_after is None:
                return self._policy.backoff(failures, self._rand)
            if error.retry_after <= self._policy.max_retry_after:
                return error.retry_after
            return None
        if isinstance(error, ServerTrouble) and call.operation.retry is RetryClass.IDEMPOTENT:
            return self._policy.backoff(failures, self._rand)
        return None

    def _unreachable(
        self, call: _Call, exc: httpx.TransportError | httpx.DecodingError
    ) -> CloudUnreachable:
        host = self._http.base_url.host or QT_TRANSLATE_NOOP("Cloud", "the Particle Cloud")
        if isinstance(exc, httpx.DecodingError):
            text = QT_TRANSLATE_NOOP(
                "Cloud",
                "The answer from {host} arrived damaged when trying to {action} (its "
                "compression could not be undone). A network proxy or firewall may be "
                "altering it; try again, or try another network.",
            )
        elif _caused_by(exc, ssl.SSLError):
            text = QT_TRANSLATE_NOOP(
                "Cloud",
                "Could not make a secure connection to {host} to {action}. A network proxy or "
                "firewall may be intercepting it; try another network, or check the "
                "computer's date and time.",
            )
        elif isinstance(exc, _SURELY_NOT_SENT):
            text = QT_TRANSLATE_NOOP(
                "Cloud",
                "Could not reach the Particle Cloud at {host} to {action}. Check that this "
                "computer is connected to the internet, then try again.",
            )
        elif isinstance(exc, httpx.TimeoutException):
            text = QT_TRANSLATE_NOOP(
                "Cloud",
                "The Particle Cloud did not answer in time when asked to {action}. Check the "
                "internet connection and try again.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Cloud",
                "The connection to the Particle Cloud broke while trying to {action}. Check "
                "the internet connection and try again.",
            )
        return CloudUnreachable(text.format(host=host, action=call.operation.action))


def _fresh(device: Device, since: datetime | None) -> bool:
    """Whether the device's status comes from a handshake at or after ``since``."""
    handshake = device.last_handshake_at
    return since is None or not device.online or handshake is None or handshake >= since


def _raise_if_cancelling(failure: BaseException) -> None:
    """A connection broken because this task is being cancelled (a caller's time limit)
    can surface as a transport error; retrying it would swallow the cancellation, and the
    caller's limit would never come. Go on being cancelled instead."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError from failure


async def _cancelled(task: asyncio.Task[Any]) -> None:
    """Cancel ``task`` and wait until it has stopped, so nothing it holds is in use."""
    task.cancel()
    await asyncio.wait({task})
    if not task.cancelled():
        task.exception()  # retrieved: an error it ended with is moot now


def _raise_if_blocked(device_id: str, *, quarantined: bool, denied: bool) -> None:
    if denied:
        raise DeviceDenied(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "The product's team has denied this device, so the Particle Cloud keeps it out "
                "of the product and will not give it to the customer. A team member can "
                "approve it in the Console (the product's Devices, Denied devices); then set "
                "it up again.",
            ),
            device_id=device_id,
        )
    if quarantined:
        raise DeviceQuarantined(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "The Particle Cloud put this device in quarantine: its ID was never added to "
                "the product, so the cloud will not give it to the customer. A team member "
                "can approve it in the Console (the product's Devices, Quarantined), or add "
                "the device ID to the product; then set it up again.",
            ),
            device_id=device_id,
        )


def _may_hide_existing_customer(failure: CloudError, email: str) -> bool:
    """Whether a failed customer creation may mean the customer exists (worth one look).

    Particle's Android setup library took a 401 from customer creation for "exists", and
    later also the server's error naming the email (CreateAccountActivity.java).
    """
    if isinstance(failure, ClientRejected):
        return failure.code != "invalid_client"  # a bare 401, not a refused client
    if isinstance(failure, ServerTrouble | CloudUnreachable):
        return True  # the customer may exist, even made by this very request
    named = _normalise_email(email)
    return bool(named) and named in (failure.detail or "").lower()


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
