"""Identifiers, secrets and device names, repeatable when the cloud is given a seed.

A simulator has no secrets worth protecting, so one generator serves IDs and tokens
alike: seeded for repeatable runs, the system's entropy source otherwise.
"""

from __future__ import annotations

import random
import string
import unicodedata

_HEX = "0123456789abcdef"
_BASE64 = string.ascii_letters + string.digits + "+/"
_BASE64URL = string.ascii_letters + string.digits + "-_"
_BASE32 = string.ascii_uppercase + "234567"
_CLIENT_SUFFIX = string.ascii_lowercase + string.digits

# Real Particle names pair two playful words with an underscore ("hamster_laser").
_FIRST = (
    "adorable",
    "angry",
    "bamboo",
    "brave",
    "bubbly",
    "cosmic",
    "crazy",
    "dandy",
    "electric",
    "fancy",
    "funky",
    "gnarly",
    "happy",
    "jolly",
    "jumpy",
    "lucky",
    "mighty",
    "ninja",
    "party",
    "pirate",
    "quirky",
    "rocket",
    "silly",
    "sparkly",
    "spooky",
    "sunny",
    "turbo",
    "wacky",
    "wicked",
    "zombie",
)
_SECOND = (
    "badger",
    "banjo",
    "bear",
    "burrito",
    "cat",
    "dragon",
    "falcon",
    "ghost",
    "hamster",
    "jaguar",
    "koala",
    "laser",
    "llama",
    "monkey",
    "narwhal",
    "otter",
    "panda",
    "penguin",
    "pickle",
    "raptor",
    "robot",
    "scooter",
    "taco",
    "tiger",
    "toaster",
    "turtle",
    "unicorn",
    "walrus",
    "wizard",
    "yeti",
)


class Ids:
    def __init__(self, seed: int | None) -> None:
        # Not for cryptography: a seeded simulator must be repeatable.
        self._rng = random.Random(seed) if seed is not None else random.SystemRandom()  # noqa: S311

    def _pick(self, alphabet: str, length: int) -> str:
        return "".join(self._rng.choice(alphabet) for _ in range(length))

    def hex(self, length: int) -> str:
        return self._pick(_HEX, length)

    def object_id(self) -> str:
        """24 hex digits, the shape of Particle account, customer and device IDs."""
        return self.hex(24)

    def token(self) -> str:
        """40 hex digits, the shape of Particle access and refresh tokens."""
        return self.hex(40)

    def claim_code(self) -> str:
        """63 base64 characters, like the reference's example claim code."""
        return self._pick(_BASE64, 63)

    def mfa_token(self) -> str:
        """Three base64url segments: opaque, but JWT-like as the reference describes."""
        return ".".join(self._pick(_BASE64URL, n) for n in (36, 64, 43))

    def otp_secret(self) -> str:
        return self._pick(_BASE32, 32)

    def client_id(self, name: str) -> str:
        """``<slug of name>-<4 chars>``, like the forum's ``myapp-XXXX`` (≤ 40 chars)."""
        return f"{slugify(name)[:30] or 'client'}-{self._pick(_CLIENT_SUFFIX, 4)}"

    def password(self) -> str:
        return self._pick(string.ascii_letters + string.digits, 16)

    def integer(self, low: int, high: int) -> int:
        return self._rng.randint(low, high)

    def device_name(self, taken: set[str]) -> str:
        for attempt in range(50):
            name = f"{self._rng.choice(_FIRST)}_{self._rng.choice(_SECOND)}"
            if attempt >= 20:
                name = f"{name}_{self._rng.randint(2, 999)}"
            if name not in taken:
                return name
        raise RuntimeError("no free device name")


def slugify(name: str) -> str:
    """Lower-case ASCII letters, digits and single hyphens ("Büro 2" → "buro-2"): slugs
    and client IDs travel in URLs and Basic auth, where clients expect plain ASCII."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = "".join(c if c.isalnum() else "-" for c in ascii_name.lower())
    return "-".join(part for part in cleaned.split("-") if part)
