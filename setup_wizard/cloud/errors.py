"""What went wrong with a cloud call, in words a user can act on.

The Particle Cloud answers errors in several shapes (OAuth, the legacy ``ok:false``
API, schema errors, proxies' HTML pages); :func:`parse_error_body` reads them all, and
:func:`error_for_response` turns status + body + what we were doing into one of the
:class:`CloudError` subclasses below. The server may echo what it was sent, so every
text taken from a reply is scrubbed of the secrets that went out with the request.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from setup_wizard.cloud.retry import RetryClass
from setup_wizard.i18n import QT_TRANSLATE_NOOP, joined
from setup_wizard.redact import scrub
from setup_wizard.secret import Token

_MAX_DETAIL = 300
"""The shortest value :func:`redact` scrubs; shorter ones match ordinary words."""
STREAM_LIMIT = 529
"""The status of an event-stream open refused by the cloud's rate limit (100 opens per
5 minutes per address; Particle's API reference, "Subscribe to server-sent events")."""


class Audience(enum.Enum):
    """Whose sign-in a call expects: it decides the advice a refusal (403) gives."""

    TEAM = enum.auto()
    """A member of the product's team (staff mode)."""
    CUSTOMER = enum.auto()
    """A customer of the product."""
    OWNER = enum.auto()
    """Whoever owns the device: a customer or a developer."""
    ANYONE = enum.auto()


class Operation(enum.Enum):
    """The cloud call being made: what an error status means to the user, and whether
    the call may be sent again."""

    SIGN_IN = (
        QT_TRANSLATE_NOOP("CloudActions", "sign in"),
        QT_TRANSLATE_NOOP("CloudSubjects", "account"),
        True,
        RetryClass.NEVER,
        Audience.ANYONE,
    )
    VERIFY_MFA = (
        QT_TRANSLATE_NOOP("CloudActions", "check the verification code"),
        QT_TRANSLATE_NOOP("CloudSubjects", "sign-in attempt"),
        True,
        RetryClass.NEVER,
        Audience.ANYONE,
    )
    REFRESH = (
        QT_TRANSLATE_NOOP("CloudActions", "renew the sign-in"),
        QT_TRANSLATE_NOOP("CloudSubjects", "sign-in"),
        True,
        RetryClass.NEVER,
        Audience.ANYONE,
    )
    CUSTOMER_TOKEN = (
        QT_TRANSLATE_NOOP("CloudActions", "sign in as the customer"),
        QT_TRANSLATE_NOOP("CloudSubjects", "customer"),
        True,
        RetryClass.NEVER,
        Audience.ANYONE,
    )
    SIGN_OUT = (
        QT_TRANSLATE_NOOP("CloudActions", "sign out"),
        QT_TRANSLATE_NOOP("CloudSubjects", "sign-in"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.ANYONE,
    )
    LIST_PRODUCTS = (
        QT_TRANSLATE_NOOP("CloudActions", "list the products"),
        QT_TRANSLATE_NOOP("CloudSubjects", "product"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.TEAM,
    )
    LIST_CLIENTS = (
        QT_TRANSLATE_NOOP("CloudActions", "list the product's OAuth clients"),
        QT_TRANSLATE_NOOP("CloudSubjects", "product"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.TEAM,
    )
    CREATE_CLIENT = (
        QT_TRANSLATE_NOOP("CloudActions", "create an OAuth client"),
        QT_TRANSLATE_NOOP("CloudSubjects", "product"),
        False,
        RetryClass.UNSAFE,
        Audience.TEAM,
    )
    DELETE_CLIENT = (
        QT_TRANSLATE_NOOP("CloudActions", "delete the OAuth client"),
        QT_TRANSLATE_NOOP("CloudSubjects", "OAuth client"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.TEAM,
    )
    CREATE_CUSTOMER = (
        QT_TRANSLATE_NOOP("CloudActions", "create the customer"),
        QT_TRANSLATE_NOOP("CloudSubjects", "product"),
        True,
        RetryClass.UNSAFE,
        Audience.ANYONE,
    )
    CLAIM_CODE = (
        QT_TRANSLATE_NOOP("CloudActions", "get a claim code"),
        QT_TRANSLATE_NOOP("CloudSubjects", "product"),
        False,
        RetryClass.UNSAFE,
        Audience.CUSTOMER,
    )
    LIST_DEVICES = (
        QT_TRANSLATE_NOOP("CloudActions", "list the devices"),
        QT_TRANSLATE_NOOP("CloudSubjects", "device"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.OWNER,
    )
    GET_DEVICE = (
        QT_TRANSLATE_NOOP("CloudActions", "look up the device"),
        QT_TRANSLATE_NOOP("CloudSubjects", "device"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.OWNER,
    )
    GET_PRODUCT_DEVICE = (
        QT_TRANSLATE_NOOP("CloudActions", "look up the device in the product"),
        QT_TRANSLATE_NOOP("CloudSubjects", "device"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.TEAM,
    )
    RENAME_DEVICE = (
        QT_TRANSLATE_NOOP("CloudActions", "rename the device"),
        QT_TRANSLATE_NOOP("CloudSubjects", "device"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.OWNER,
    )
    EVENTS = (
        QT_TRANSLATE_NOOP("CloudActions", "listen for device events"),
        QT_TRANSLATE_NOOP("CloudSubjects", "device"),
        False,
        RetryClass.IDEMPOTENT,
        Audience.OWNER,
    )

    def __init__(
        self,
        action: str,
        subject: str,
        client_auth: bool,
        retry: RetryClass,
        audience: Audience,
    ) -> None:
        self.action = action
        """What we were doing, as in "Could not {action}" (a :class:`Text` to translate)."""
        self.subject = subject
        """What a 404 says is missing (a :class:`Text` to translate)."""
        self.client_auth = client_auth
        """True if the call authenticates with the OAuth client (Basic), not a user's token."""
        self.retry = retry
        """What a second copy of the request could do to the cloud."""
        self.audience = audience
        """Whose token the call is made with, for advice that fits who is signed in."""

    @property
    def token_grant(self) -> bool:
        """True for ``POST /oauth/token`` (failures count towards the IP lockout)."""
        return self.retry is RetryClass.NEVER


class CloudError(Exception):
    """A cloud call failed; ``str()`` is a message for the user, free of secrets.

    ``code`` is the server's ``error`` value, for branching; ``detail`` the server's own
    words (``error_description`` first), already scrubbed of secrets.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.detail = detail


class SignInFailed(CloudError):
    """The email or password is wrong."""


class MfaRequired(CloudError):
    """The account has two-step verification: ask for the code, then ``verify_mfa``."""

    def __init__(self, message: str, *, mfa_token: Token, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.mfa_token = mfa_token


class MfaCodeWrong(CloudError):
    """The two-step verification code is wrong or has expired."""


class ClientRejected(CloudError):
    """The product's OAuth client ID or secret was refused."""


class SessionExpired(CloudError):
    """The access token expired or was revoked: sign in again."""


class CustomerExists(CloudError):
    """A customer with this email already exists: sign them in or mint a scoped token."""


class NotAllowed(CloudError):
    """The account may not do this (not a member of the product, a scoped client, ...)."""


class NotFound(CloudError):
    """The product, device or customer does not exist, or is invisible to this account."""


class RateLimited(CloudError):
    """Too many requests from this network; ``retry_after`` says when to try again, if known."""

    def __init__(self, message: str, *, retry_after: float | None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerTrouble(CloudError):
    """The cloud failed (5xx) or timed out on its side; trying again shortly may work."""


class CloudUnreachable(CloudError):
    """No usable answer from the cloud: no internet, DNS, a firewall, a network sign-in
    page that redirects, a proxy that garbles answers, or the cloud is down."""


class RequestRefused(CloudError):
    """Any other refusal (a 4xx this app has no better words for); ``detail`` says why."""


class UnexpectedResponse(CloudError):
    """A success status with a body this app cannot read."""


class DeviceBlocked(CloudError):
    """The product keeps the device out: it will not become the customer's as things stand.

    ``device_id`` is the device's 24-hex ID.
    """

    def __init__(self, message: str, *, device_id: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.device_id = device_id


class DeviceQuarantined(DeviceBlocked):
    """The product quarantined the device (its ID was never added to the product): a team
    member must approve it before a customer can claim it."""


class DeviceDenied(DeviceBlocked):
    """The product's team denied the device: it stays out of the product until approved."""


@dataclass(frozen=True)
class ErrorBody:
    """The useful parts of an error reply, whatever its shape."""

    code: str | None = None
    """The ``error`` field when it is a string (an OAuth code, or legacy free text)."""
    description: str | None = None
    """The best human text in the body, ``error_description`` first."""
    mfa_token: str | None = None


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every occurrence of each secret value replaced, in every encoding a
    server may echo it in (percent- and form-encoded, JSON-escaped, …): see
    :func:`setup_wizard.redact.scrub`."""
    return scrub(text, secrets)


_MAX_NESTING = 8
"""How deep :func:`_text` looks for words: real bodies nest two or three levels; a body
nested hundreds deep must not exhaust the stack."""


def _text(value: Any, depth: int = 0) -> str | None:
    """A display string from a field that may be a string, an object or a list of either."""
    if isinstance(value, str):
        return value.strip() or None
    if depth >= _MAX_NESTING:
        return None
    if isinstance(value, dict):
        for key in ("error_description", "description", "message", "error", "status", "reason"):
            found = _text(value.get(key), depth + 1)
            if found:
                return found
        return None
    if isinstance(value, list):
        parts = [t for t in (_text(item, depth + 1) for item in value) if t]
        return "; ".join(parts) or None
    return None


def parse_error_body(body: bytes | str, content_type: str = "") -> ErrorBody:
    """Read an error reply of any shape in reference §8; never raises.

    Display precedence: ``error_description``, ``description``, schema ``message`` +
    ``violations``, legacy ``errors``, ``error`` (when it is free text), ``err``, ``info``.
    A body that is not JSON gives its text only when it is short plain text (not HTML).
    """
    raw = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than the decoder goes
        if "html" in content_type.lower() or raw.lstrip().startswith("<"):
            return ErrorBody()  # a proxy's or load balancer's page: nothing worth showing
        lines = raw.strip().splitlines()
        return ErrorBody(description=lines[0].strip() or None if lines else None)
    if not isinstance(data, dict):
        return ErrorBody(description=_text(data))

    code = data.get("error") if isinstance(data.get("error"), str) else None
    mfa_token = data.get("mfa_token") if isinstance(data.get("mfa_token"), str) else None
    description = _text(data.get("error_description")) or _text(data.get("description"))
    if description is None:
        message = _text(data.get("message"))
        violations = _text(data.get("violations"))
        if message and violations:
            description = f"{message}: {violations}"
        else:
            description = message or violations
    if description is None:
        description = (
            _text(data.get("errors"))
            or _text(data.get("error"))
            or _text(data.get("err"))
            or _text(data.get("info"))
        )
    return ErrorBody(code=code, description=description, mfa_token=mfa_token)


_EXISTS = re.compile(
    r"\balready\b|\bexists?\b|\bduplicate\b|\btaken\b|\bin use\b|\bregistered\b",
    re.IGNORECASE,
)
_NOT_EXISTS = re.compile(
    r"(?:\bnot|n't|\bnever|\bno longer)\s+(?:yet\s+)?(?:exist|registered|taken)|\bno such\b",
    re.IGNORECASE,
)
_CREDENTIAL_WORD = re.compile(r"\b(?:username|password)\b", re.IGNORECASE)
_REQUIRED_WORD = re.compile(r"\brequired\b", re.IGNORECASE)


def _names_missing_credentials(text: str) -> bool:
    """Whether a line says "username/password ... required". Two searches per line, not one
    pattern with ``.*`` between the words: that pattern takes time in the square of the
    length on a long text with many "password" and no "required"."""
    for line in text.split("\n"):
        word = _CREDENTIAL_WORD.search(line)
        if word is not None and _REQUIRED_WORD.search(line, word.end()):
            return True
    return False


def says_exists(*texts: str | None) -> bool:
    """Whether the server's words say that what we tried to create is already there."""
    words = " ".join(filter(None, texts)).replace("_", " ")  # "customer_exists"
    return bool(_EXISTS.search(words)) and not _NOT_EXISTS.search(words)


def _wait_words(seconds: float | None) -> str:
    if seconds is None:
        return QT_TRANSLATE_NOOP("Cloud", "Wait a few minutes, then try again.")
    if seconds < 90:
        return QT_TRANSLATE_NOOP("Cloud", "Try again in %n second(s).", None, 0).format(
            n=max(1, round(seconds))
        )
    return QT_TRANSLATE_NOOP("Cloud", "Try again in about %n minute(s).", None, 0).format(
        n=round(seconds / 60)
    )


def error_for_response(
    operation: Operation,
    status: int,
    body: bytes,
    *,
    content_type: str = "",
    secrets: Iterable[str] = (),
    retry_after: float | None = None,
    location: str | None = None,
) -> CloudError:
    """The :class:`CloudError` for a non-2xx reply to ``operation``.

    ``secrets`` are the values sent with the request (revealed), scrubbed from every text
    the reply carries; ``retry_after`` is the parsed ``Retry-After`` header, if any, and
    ``location`` the ``Location`` header of a redirect.
    """
    secrets = tuple(secrets)
    parsed = parse_error_body(body, content_type)
    code = redact(parsed.code, secrets) if parsed.code else None
    detail = redact(parsed.description, secrets)[:_MAX_DETAIL] if parsed.description else None
    info: dict[str, Any] = {"status": status, "code": code, "detail": detail}
    #: The server's own words (in English), after a sentence that ends with a full stop.
    said_detail = QT_TRANSLATE_NOOP("Cloud", " (Particle Cloud: {detail})")
    said = said_detail.format(detail=detail) if detail else ""
    action = operation.action

    if status == 403 and parsed.code == "mfa_required" and parsed.mfa_token:
        return MfaRequired(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "This account uses two-step verification. Enter the 6-digit code from your "
                "authenticator app.",
            ),
            mfa_token=Token(parsed.mfa_token),
            **info,
        )
    if 300 <= status < 400:
        return _redirected(action, location, status)
    if status in (429, STREAM_LIMIT):
        return _rate_limited(operation, status, retry_after, info)
    if (
        operation is Operation.CREATE_CUSTOMER
        and parsed.code != "invalid_client"
        and says_exists(parsed.code, parsed.description)
    ):
        # Seen as 400 (legacy body), 401 and 5xx: the words decide, not the status.
        return CustomerExists(
            QT_TRANSLATE_NOOP("Cloud", "A customer with this email already exists.{said}").format(
                said=said
            ),
            **info,
        )
    if (
        operation is Operation.SIGN_IN
        and parsed.code == "invalid_client"
        and _names_missing_credentials(parsed.description or "")
    ):
        # The OAuth server reports a missing password as a client error; it is not one.
        return SignInFailed(
            QT_TRANSLATE_NOOP("Cloud", "Enter both the email and the password.{said}").format(
                said=said
            ),
            **info,
        )
    if status >= 500 or status == 408:
        return ServerTrouble(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "The Particle Cloud had trouble and could not {action} (HTTP {status}). "
                "Try again in a minute.{said}",
            ).format(action=action, status=status, said=said),
            **info,
        )
    if parsed.code == "invalid_client":
        return _client_rejected(action, said, info)
    if operation is Operation.VERIFY_MFA:
        return MfaCodeWrong(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "That verification code is not right or has expired. Enter the current code from "
                "your authenticator app; if it keeps failing, sign in again.{said}",
            ).format(said=said),
            **info,
        )
    if operation is Operation.SIGN_IN and (
        parsed.code == "invalid_grant"
        or (status == 400 and parsed.code in (None, "invalid_request"))
    ):
        return SignInFailed(
            QT_TRANSLATE_NOOP(
                "Cloud", "The email or password is not right. Check both and try again.{said}"
            ).format(said=said),
            **info,
        )
    if operation is Operation.REFRESH and parsed.code == "invalid_grant":
        return _session_expired(said, info)
    if operation is Operation.CUSTOMER_TOKEN and parsed.code == "invalid_grant":
        return NotFound(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "The product has no customer with this email. Check the email, or create the "
                "customer.{said}",
            ).format(said=said),
            **info,
        )
    if status == 401:
        if operation is Operation.CREATE_CUSTOMER:
            # Particle's Android setup library read a bare 401 here as "already exists".
            return ClientRejected(
                QT_TRANSLATE_NOOP(
                    "Cloud",
                    "Could not create the customer: the Particle Cloud refused the product's "
                    "OAuth client, or a customer with this email already exists. Check the "
                    "product settings and the email.{said}",
                ).format(said=said),
                **info,
            )
        if operation.client_auth:
            return _client_rejected(action, said, info)
        return _session_expired(said, info)
    if operation.client_auth and (status == 403 or parsed.code == "invalid_scope"):
        return NotAllowed(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "The product's OAuth client is not allowed to {action}: its scope may be limited "
                "to creating customers. Use a client without that limit, or ask the product's "
                "owner.{said}",
            ).format(action=action, said=said),
            **info,
        )
    if status == 403:
        return NotAllowed(_forbidden(operation, said), **info)
    if status == 404:
        return NotFound(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "Could not {action}: the Particle Cloud has no such {subject}, or this "
                "account cannot see it. Check the ID or name.{said}",
            ).format(action=action, subject=operation.subject, said=said),
            **info,
        )
    return RequestRefused(
        QT_TRANSLATE_NOOP(
            "Cloud", "The Particle Cloud refused to {action} (HTTP {status}).{said}"
        ).format(
            action=action, status=status, said=said or QT_TRANSLATE_NOOP("Cloud", " Try again.")
        ),
        **info,
    )


def _forbidden(operation: Operation, said: str) -> str:
    """Advice for a 403 that fits whose sign-in the call was made with."""
    match operation.audience:
        case Audience.TEAM:
            advice = QT_TRANSLATE_NOOP(
                "Cloud",
                "This account is not allowed to {action}. It may not be a member of this "
                "product's team: ask the product's owner to add it, or sign in with another "
                "account.{said}",
            )
        case Audience.CUSTOMER:
            advice = QT_TRANSLATE_NOOP(
                "Cloud",
                "This sign-in is not allowed to {action}: only a customer of this product "
                "may, with their own sign-in. Check the product, then sign the customer in "
                "again.{said}",
            )
        case Audience.OWNER:
            advice = QT_TRANSLATE_NOOP(
                "Cloud",
                "This account is not allowed to {action}: the device belongs to another "
                "account, or is not this account's yet. Check that it was set up for this "
                "account, then try again.{said}",
            )
        case _:
            advice = QT_TRANSLATE_NOOP(
                "Cloud", "The Particle Cloud did not allow this account to {action}.{said}"
            )
    return advice.format(action=operation.action, said=said)


def _rate_limited(
    operation: Operation, status: int, retry_after: float | None, info: dict[str, Any]
) -> RateLimited:
    if status == STREAM_LIMIT:
        why = QT_TRANSLATE_NOOP(
            "Cloud",
            "Too many event streams were opened from this network; the Particle Cloud "
            "refuses new ones for a few minutes.",
        )
    elif operation.token_grant:
        why = QT_TRANSLATE_NOOP(
            "Cloud",
            "Too many sign-in attempts from this network; the Particle Cloud may block "
            "sign-ins for up to 30 minutes.",
        )
    else:
        why = QT_TRANSLATE_NOOP(
            "Cloud", "The Particle Cloud is limiting requests from this network."
        )
    return RateLimited(joined((why, _wait_words(retry_after))), retry_after=retry_after, **info)


def _redirected(action: str, location: str | None, status: int) -> CloudUnreachable:
    """A redirect: the Particle Cloud never redirects API calls; a network sign-in page
    (hotel or office Wi-Fi) or a wrong cloud address does."""
    try:
        host = urlsplit(location or "").hostname
    except ValueError:  # "http://[not-an-address/" and the like: no host to name
        host = None
    to = QT_TRANSLATE_NOOP("Cloud", " to {host}").format(host=host) if host else ""
    return CloudUnreachable(
        QT_TRANSLATE_NOOP(
            "Cloud",
            "Could not {action}: the cloud address sent this app elsewhere{to} instead of "
            "answering. The network may want you to sign in on a web page first (hotel or "
            "office Wi-Fi), or the cloud address is wrong. Open a web page to finish joining "
            "the network, then try again.",
        ).format(action=action, to=to),
        status=status,
    )


def _client_rejected(action: str, said: str, info: dict[str, Any]) -> ClientRejected:
    return ClientRejected(
        QT_TRANSLATE_NOOP(
            "Cloud",
            "Could not {action}: the Particle Cloud refused the product's OAuth client ID or "
            "secret. Check the product settings, or create a new client.{said}",
        ).format(action=action, said=said),
        **info,
    )


def _session_expired(said: str, info: dict[str, Any]) -> SessionExpired:
    return SessionExpired(
        QT_TRANSLATE_NOOP(
            "Cloud", "Your sign-in has expired or was signed out. Sign in again.{said}"
        ).format(said=said),
        **info,
    )
