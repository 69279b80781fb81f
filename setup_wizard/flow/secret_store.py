"""Secrets kept in the OS keyring (never in a settings file): product clients' secrets, and
Wi-Fi passwords a bench was asked to keep.

The cloud shows a client's secret once, when the client is created; a bench that created one
keeps it under the same keyring entry a product profile reads (``photon-setup`` /
``client-secret:<client id>``), so both find it. Keyring calls run in a worker thread (a
locked keychain may ask its owner); a keyring that refuses is logged, not fatal.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from setup_wizard.profile import KEYRING_SERVICE, keyring_username
from setup_wizard.secret import ClientSecret, Secret, WifiPassword

log = logging.getLogger(__name__)

S = TypeVar("S", bound=Secret)


class SecretStore(Protocol[S]):
    async def load(self, name: str) -> S | None: ...

    async def save(self, name: str, secret: S) -> bool:
        """True if kept; False (logged) if the keyring refused."""


class KeyringSecretStore(Generic[S]):
    def __init__(self, kind: type[S], entry: Callable[[str], str]) -> None:
        self._kind = kind
        self._entry = entry

    async def load(self, name: str) -> S | None:
        import keyring.errors

        try:
            value = await asyncio.to_thread(
                keyring.get_password, KEYRING_SERVICE, self._entry(name)
            )
        except keyring.errors.KeyringError as error:
            log.info("nothing from the keyring: %s", type(error).__name__)
            return None
        return self._kind(value) if value else None

    async def save(self, name: str, secret: S) -> bool:
        import keyring.errors

        try:
            await asyncio.to_thread(
                keyring.set_password, KEYRING_SERVICE, self._entry(name), secret.reveal()
            )
        except keyring.errors.KeyringError as error:
            log.warning("could not keep a %s in the keyring: %s", secret.kind, type(error).__name__)
            return False
        return True


class MemorySecretStore(Generic[S]):
    """For this run only (tests, the simulation)."""

    def __init__(self) -> None:
        self.kept: dict[str, S] = {}

    async def load(self, name: str) -> S | None:
        return self.kept.get(name)

    async def save(self, name: str, secret: S) -> bool:
        self.kept[name] = secret
        return True


def keyring_client_secrets() -> KeyringSecretStore[ClientSecret]:
    return KeyringSecretStore(ClientSecret, keyring_username)


def keyring_wifi_passwords() -> KeyringSecretStore[WifiPassword]:
    return KeyringSecretStore(WifiPassword, lambda ssid: f"wifi:{ssid}")
