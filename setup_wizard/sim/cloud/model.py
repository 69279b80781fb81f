"""What the simulated cloud remembers: accounts, clients, tokens, claim codes, devices.

Times are simulated seconds since the epoch (``SimClock.now()``); they become ISO 8601
strings only in responses.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime

PHOTON_PLATFORM_ID = 6
DEFAULT_TOKEN_LIFETIME = 90 * 24 * 3600  # 7,776,000 s, the documented default


def iso(seconds: float | None) -> str | None:
    """``2016-02-11T21:54:29.151Z``, the timestamp style of the Particle API."""
    if seconds is None:
        return None
    stamp = datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


class AccountKind(enum.Enum):
    DEVELOPER = "developer"  # a Particle account (staff); may be on product teams
    CUSTOMER = "customer"  # a product customer, scoped to one product


@dataclass(frozen=True)
class Product:
    id: int
    slug: str
    name: str
    owner_id: str
    description: str = ""
    platform_id: int = PHOTON_PLATFORM_ID


@dataclass(frozen=True)
class OAuthClient:
    id: str
    secret: str
    name: str
    type: str  # "installed" or "web"; the built-in clients say "installed" too
    product_id: int | None = None  # None: a built-in client (particle, particle-api, …)
    scope: str | None = None  # None: unscoped (two-legged server client)
    redirect_uri: str | None = None


@dataclass(eq=False)
class Account:
    id: str
    username: str  # lower case; an e-mail address or any unique customer identifier
    password: str | None  # None: a shadow customer created with no_password=true
    kind: AccountKind
    product_id: int | None = None  # customers only
    mfa_secret: str | None = None  # base32 TOTP secret when two-step is on
    team: set[int] = field(default_factory=set)  # developers: the products they belong to


@dataclass(frozen=True)
class AccessToken:
    value: str
    account: Account
    client_id: str | None
    expires_at: float | None  # None: never expires
    scope: str | None


@dataclass(frozen=True)
class RefreshToken:
    value: str
    account: Account
    client_id: str | None  # None: issued without a client (team token); any product client
    expires_at: float


@dataclass(frozen=True)
class MfaChallenge:
    """What the password step learned, waiting for the one-time password."""

    value: str
    account: Account
    client_id: str
    expires_at: float
    lifetime: int  # the token lifetime the password step asked for


@dataclass(frozen=True)
class ClaimCode:
    value: str
    account: Account
    product_id: int | None  # None: the developer route
    expires_at: float


@dataclass(eq=False)
class Device:
    id: str
    platform_id: int
    name: str
    product_id: int
    owner: Account | None = None
    online: bool = False
    last_heard: float | None = None
    last_handshake_at: float | None = None
    last_ip_address: str | None = None
    notes: str | None = None
    quarantined: bool = False  # reported a product that has not admitted it
    denied: bool = False  # its product's team refused it


@dataclass(frozen=True)
class CustomerView:
    """A read-only look at a customer, for tests."""

    id: str
    email: str
    product_id: int
    has_password: bool
    device_ids: tuple[str, ...]


@dataclass(frozen=True)
class DeviceView:
    """A read-only look at a device, for tests."""

    id: str
    name: str
    platform_id: int
    product_id: int
    online: bool
    owner: str | None  # the owner's username
    last_heard: float | None
    last_handshake_at: float | None
    quarantined: bool
    denied: bool


@dataclass(frozen=True)
class ClientInfo:
    id: str
    secret: str


@dataclass(frozen=True)
class DeveloperInfo:
    username: str
    password: str
    mfa_otp_secret: str | None
