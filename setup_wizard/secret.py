"""Values that must never be shown: passwords, tokens, client secrets, claim codes.

A secret is wrapped the moment it enters the program and unwrapped only where it
leaves it (the HTTP form field, the encrypted Wi-Fi password). Everything in between,
including ``repr``, ``str``, f-strings, logging and exception messages, sees a
placeholder, so a forgotten ``log.debug(state)`` cannot leak it.
"""

from __future__ import annotations

import hmac
from typing import Any, NoReturn


class Secret:
    """A string that redacts itself everywhere except :meth:`reveal`."""

    __slots__ = ("_value",)
    kind = "secret"

    def __init__(self, value: str) -> None:
        if isinstance(value, Secret):
            value = value.reveal()
        if not isinstance(value, str):
            raise TypeError(f"{type(self).__name__} wraps a str, not {type(value).__name__}")
        self._value = value

    def reveal(self) -> str:
        """The real value; call it only at the point where the value leaves the program."""
        return self._value

    def __repr__(self) -> str:
        return f"<{self.kind} redacted>"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return type(self) is type(other) and hmac.compare_digest(
            self._value.encode(), other._value.encode()
        )

    def __hash__(self) -> int:
        return hash((type(self), self._value))

    def __reduce__(self) -> NoReturn:
        raise TypeError("secrets are not pickled")

    def __deepcopy__(self, memo: dict[int, Any]) -> Secret:
        return self


class Password(Secret):
    """An account password (Particle developer or product customer)."""

    kind = "password"


class Token(Secret):
    """An OAuth access or refresh token, or an MFA token."""

    kind = "token"


class ClientSecret(Secret):
    """A product OAuth client's secret."""

    kind = "client secret"


class ClaimCode(Secret):
    """A one-hour, single-use claim code that gives a device to its customer."""

    kind = "claim code"


class TwoStepCode(Secret):
    """A two-step verification code: valid for half a minute, a secret all the same."""

    kind = "two-step code"


class WifiPassword(Secret):
    """The customer's Wi-Fi passphrase or WEP key."""

    kind = "Wi-Fi password"
