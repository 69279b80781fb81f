"""Typed results of cloud calls, read defensively from the cloud's JSON.

Only the fields the journey uses are kept; a field of the wrong type reads as absent
rather than failing, except the few a result cannot do without (an access token, a
device ID), whose absence raises :class:`UnexpectedResponse`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from setup_wizard.cloud.errors import Operation, UnexpectedResponse
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.secret import ClaimCode, ClientSecret, Token

PLATFORM_PHOTON = 6
PLATFORM_P1 = 8

CLAIM_CODE_LIFETIME = timedelta(hours=1)
"""How long a claim code works after issue, per a forum answer (apparently Particle staff;
reference §5): the API reference itself gives no lifetime."""


@dataclass(frozen=True)
class ClientCredentials:
    """An OAuth client the app signs in through (Basic auth on ``/oauth/token``)."""

    id: str
    secret: ClientSecret


PARTICLE_CLIENT = ClientCredentials("particle", ClientSecret("particle"))
"""The documented client for a developer's own account (staff mode sign-in)."""


class ClientType(enum.StrEnum):
    """Kinds of product OAuth client; a desktop app uses ``installed``."""

    INSTALLED = "installed"
    WEB = "web"


@dataclass(frozen=True)
class TokenGrant:
    """A successful sign-in: ``/oauth/token`` or customer creation."""

    access_token: Token
    token_type: str = "bearer"  # noqa: S105 (a token kind, not a token)
    expires_in: int | None = None
    """Seconds from issue; 0 means the token never expires."""
    refresh_token: Token | None = None
    """Present for product (customer) tokens only; lives 14 days."""
    expires_at: datetime | None = None
    """When the access token stops working (UTC), counted from when the answer arrived;
    None if it never expires or the cloud did not say."""


@dataclass(frozen=True)
class Product:
    id: int
    slug: str
    name: str
    platform_id: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class OAuthClient:
    """A product's OAuth client; ``secret`` only right after creation (never shown again)."""

    id: str
    name: str
    type: str
    secret: ClientSecret | None = None
    product_id: int | None = None

    def credentials(self) -> ClientCredentials:
        """The client as sign-in credentials; only possible while its secret is known."""
        if self.secret is None:
            raise ValueError(
                "The cloud shows a client's secret only when it is created; use a stored one."
            )
        return ClientCredentials(self.id, self.secret)


@dataclass(frozen=True)
class CustomerAccess:
    """The customer's sign-in, and whether this call created the customer."""

    grant: TokenGrant
    created: bool


@dataclass(frozen=True)
class ClaimCodeGrant:
    """A single-use claim code, and the devices the customer already owns."""

    claim_code: ClaimCode
    device_ids: tuple[str, ...]
    issued_at: datetime
    """When the answer arrived (UTC)."""
    expires_at: datetime
    """``issued_at`` + :data:`CLAIM_CODE_LIFETIME`: the device must reach the cloud before then."""


@dataclass(frozen=True)
class Device:
    """A device as its owner sees it (``GET /v1/devices[/:id]``)."""

    id: str
    """24 hex digits, lower case."""
    name: str | None
    online: bool
    platform_id: int | None = None
    product_id: int | None = None
    owner: str | None = None
    last_heard: datetime | None = None
    status: str | None = None
    system_firmware_version: str | None = None
    serial_number: str | None = None
    quarantined: bool = False
    """A product device the product has not admitted (reported only for product devices)."""
    denied: bool = False
    """A product device the product's team refused."""
    last_handshake_at: datetime | None = None


@dataclass(frozen=True)
class ProductDevice:
    """A device as the product's team sees it (``GET /v1/products/:p/devices/:id``)."""

    id: str
    """24 hex digits, lower case."""
    name: str | None
    online: bool
    product_id: int | None
    owner: str | None
    """The owner's username (a customer's email), or None while the device is unclaimed."""
    quarantined: bool = False
    """Not admitted into the product (its ID was never added): nobody can claim it."""
    denied: bool = False
    """Refused by the product's team; it stays out until approved."""
    platform_id: int | None = None
    last_heard: datetime | None = None
    last_handshake_at: datetime | None = None


@dataclass(frozen=True)
class RenamedDevice:
    id: str
    name: str
    updated_at: datetime | None = None


def _str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        # ASCII only: "²" is a digit to isdigit() but not to int(); and int() refuses
        # more than 4300 digits.
        if text.isascii() and text.isdigit():
            try:
                return int(text)
            except ValueError:
                return None
    return None


def _bool(data: Mapping[str, Any], key: str) -> bool | None:
    value = data.get(key)
    return value if isinstance(value, bool) else None


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time as the cloud writes it (``...Z``), or None."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _required_str(data: Mapping[str, Any], key: str, what: str) -> str:
    value = _str(data, key)
    if not value:
        raise UnexpectedResponse(
            QT_TRANSLATE_NOOP(
                "Cloud",
                "The Particle Cloud's answer is missing the {what}. Try again; if it keeps "
                "happening, update Photon Setup.",
            ).format(what=what)
        )
    return value


def unreadable(what: str) -> UnexpectedResponse:
    """``what``: the operation's action ("sign in"), as in "when asked to sign in"."""
    return UnexpectedResponse(
        QT_TRANSLATE_NOOP(
            "Cloud",
            "The Particle Cloud sent an unreadable answer when asked to {action}. Try again; "
            "if it keeps happening, update Photon Setup.",
        ).format(action=what)
    )


def as_object(data: Any, what: str) -> Mapping[str, Any]:
    """``data`` if it is a JSON object, else an :class:`UnexpectedResponse`."""
    if not isinstance(data, dict):
        raise unreadable(what)
    return data


def as_list(data: Any, key: str | None, what: str) -> list[Mapping[str, Any]]:
    """The objects in ``data[key]`` (or ``data`` itself when it is a list)."""
    items = data.get(key) if key is not None and isinstance(data, dict) else data
    if not isinstance(items, list):
        raise unreadable(what)
    return [item for item in items if isinstance(item, dict)]


def utc(timestamp: float) -> datetime:
    """A Unix time as an aware UTC datetime."""
    return datetime.fromtimestamp(timestamp, UTC)


def _expiry(now: float, expires_in: int | None) -> datetime | None:
    """When a grant of ``expires_in`` seconds runs out; None for "never" (0), for "not
    said", and for a lifetime no calendar holds (the cloud's answer is then nonsense)."""
    if not expires_in:
        return None
    try:
        return utc(now + expires_in)
    except (OverflowError, ValueError, OSError):
        return None


def token_grant_from(data: Any, now: float) -> TokenGrant:
    """The grant in ``data``, its expiry counted from ``now`` (Unix time of the answer)."""
    body = as_object(data, Operation.SIGN_IN.action)
    refresh = _str(body, "refresh_token")
    expires_in = _int(body, "expires_in")
    return TokenGrant(
        access_token=Token(
            _required_str(body, "access_token", QT_TRANSLATE_NOOP("CloudFields", "access token"))
        ),
        token_type=_str(body, "token_type") or "bearer",
        expires_in=expires_in,
        refresh_token=Token(refresh) if refresh else None,
        expires_at=_expiry(now, expires_in),
    )


def product_from(data: Mapping[str, Any]) -> Product | None:
    product_id = _int(data, "id")
    if product_id is None:
        return None
    return Product(
        id=product_id,
        slug=_str(data, "slug") or str(product_id),
        name=_str(data, "name") or _str(data, "slug") or str(product_id),
        platform_id=_int(data, "platform_id"),
        description=_str(data, "description"),
    )


def oauth_client_from(data: Mapping[str, Any]) -> OAuthClient | None:
    client_id = _str(data, "id")
    if not client_id:
        return None
    secret = _str(data, "secret")
    return OAuthClient(
        id=client_id,
        name=_str(data, "name") or client_id,
        type=_str(data, "type") or "",
        secret=ClientSecret(secret) if secret else None,
        product_id=_int(data, "product_id"),
    )


def claim_code_from(data: Any, now: float) -> ClaimCodeGrant:
    """The claim code in ``data``, issued at ``now`` (Unix time of the answer)."""
    body = as_object(data, Operation.CLAIM_CODE.action)
    ids = body.get("device_ids")
    issued_at = utc(now)
    return ClaimCodeGrant(
        claim_code=ClaimCode(
            _required_str(body, "claim_code", QT_TRANSLATE_NOOP("CloudFields", "claim code"))
        ),
        device_ids=tuple(
            i.lower() for i in (ids if isinstance(ids, list) else []) if isinstance(i, str)
        ),
        issued_at=issued_at,
        expires_at=issued_at + CLAIM_CODE_LIFETIME,
    )


def _online(data: Mapping[str, Any]) -> bool:
    online = _bool(data, "online")
    return online if online is not None else _bool(data, "connected") or False


def device_from(data: Mapping[str, Any]) -> Device:
    return Device(
        id=_required_str(data, "id", QT_TRANSLATE_NOOP("CloudFields", "device ID")).lower(),
        name=_str(data, "name"),
        online=_online(data),
        platform_id=_int(data, "platform_id"),
        product_id=_int(data, "product_id"),
        owner=_str(data, "owner"),
        last_heard=parse_time(data.get("last_heard")),
        status=_str(data, "status"),
        system_firmware_version=_str(data, "system_firmware_version"),
        serial_number=_str(data, "serial_number"),
        quarantined=_bool(data, "quarantined") or False,
        denied=_bool(data, "denied") or False,
        last_handshake_at=parse_time(data.get("last_handshake_at")),
    )


def product_device_from(data: Mapping[str, Any]) -> ProductDevice:
    return ProductDevice(
        id=_required_str(data, "id", QT_TRANSLATE_NOOP("CloudFields", "device ID")).lower(),
        name=_str(data, "name"),
        online=_online(data),
        product_id=_int(data, "product_id"),
        owner=_str(data, "owner"),
        quarantined=_bool(data, "quarantined") or False,
        denied=_bool(data, "denied") or False,
        platform_id=_int(data, "platform_id"),
        last_heard=parse_time(data.get("last_heard")),
        last_handshake_at=parse_time(data.get("last_handshake_at")),
    )


def renamed_device_from(data: Any, device_id: str, name: str) -> RenamedDevice:
    body = as_object(data, Operation.RENAME_DEVICE.action)
    return RenamedDevice(
        id=(_str(body, "id") or device_id).lower(),
        name=_str(body, "name") or name,
        updated_at=parse_time(body.get("updated_at")),
    )
