"""“Keep me signed in”: a sign-in kept in the operating system's keyring, never in a file.

Keyring calls can block (a locked keychain asks its owner), so they run in a worker thread,
and so does importing ``keyring`` (tens of milliseconds, and megabytes a run without a kept
sign-in does not need).
A keyring that is missing or refuses is not a failure of the setup: the sign-in simply is
not kept, and the caller tells the person so.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from setup_wizard.cloud.models import TokenGrant, parse_time
from setup_wizard.secret import Token

log = logging.getLogger(__name__)

SERVICE = "photon-setup"


@dataclass(frozen=True)
class SavedSignIn:
    email: str
    grant: TokenGrant

    def usable(self, now: datetime) -> bool:
        """Not expired yet (a sign-in without an expiry time never expires)."""
        expires = self.grant.expires_at
        return expires is None or expires > now

    def to_json(self) -> str:
        grant = self.grant
        return json.dumps(
            {
                "email": self.email,
                "access_token": grant.access_token.reveal(),
                "refresh_token": grant.refresh_token.reveal() if grant.refresh_token else None,
                "expires_at": grant.expires_at.isoformat() if grant.expires_at else None,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> SavedSignIn | None:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: nested deeper than JSON goes
            return None
        if not isinstance(data, dict):
            return None
        email, access, refresh = (
            data.get("email"),
            data.get("access_token"),
            data.get("refresh_token"),
        )
        if not (isinstance(email, str) and isinstance(access, str) and access):
            return None
        return cls(
            email,
            TokenGrant(
                access_token=Token(access),
                refresh_token=Token(refresh) if isinstance(refresh, str) and refresh else None,
                expires_at=parse_time(data.get("expires_at")),
            ),
        )


class TokenStore(Protocol):
    """Where kept sign-ins live; ``key`` names the account slot (e.g. "customer:my-product")."""

    async def load(self, key: str) -> SavedSignIn | None: ...

    async def save(self, key: str, saved: SavedSignIn) -> bool:
        """True if it was kept; False (logged) if the keyring refused."""

    async def forget(self, key: str) -> None: ...


class KeyringTokenStore:
    """The OS keyring (macOS Keychain, Windows Credential Locker, Secret Service on Linux)."""

    def __init__(self, service: str = SERVICE) -> None:
        self._service = service

    async def load(self, key: str) -> SavedSignIn | None:
        await _import_keyring()
        import keyring
        import keyring.errors

        try:
            text = await asyncio.to_thread(keyring.get_password, self._service, key)
        except keyring.errors.KeyringError as error:
            log.info("no kept sign-in available: %s", type(error).__name__)
            return None
        return SavedSignIn.from_json(text) if text else None

    async def save(self, key: str, saved: SavedSignIn) -> bool:
        await _import_keyring()
        import keyring
        import keyring.errors

        try:
            await asyncio.to_thread(keyring.set_password, self._service, key, saved.to_json())
        except keyring.errors.KeyringError as error:
            log.warning("could not keep the sign-in in the keyring: %s", type(error).__name__)
            return False
        return True

    async def forget(self, key: str) -> None:
        await _import_keyring()
        import keyring
        import keyring.errors

        try:
            await asyncio.to_thread(keyring.delete_password, self._service, key)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was kept
        except keyring.errors.KeyringError as error:
            log.warning("could not remove the kept sign-in: %s", type(error).__name__)


async def _import_keyring() -> None:
    """The first use imports ``keyring`` in a worker thread; the imports above it are then
    instant."""
    await asyncio.to_thread(importlib.import_module, "keyring.errors")


class MemoryTokenStore:
    """Kept sign-ins for this run only (tests, and ``--simulate``)."""

    def __init__(self) -> None:
        self.saved: dict[str, SavedSignIn] = {}

    async def load(self, key: str) -> SavedSignIn | None:
        return self.saved.get(key)

    async def save(self, key: str, saved: SavedSignIn) -> bool:
        self.saved[key] = saved
        return True

    async def forget(self, key: str) -> None:
        self.saved.pop(key, None)
