"""The device's RSA-1024 key pair, and how the firmware decodes what clients encrypt (§3.3, §5).

Decryption is done here by hand on purpose: OpenSSL (behind ``cryptography``) now applies
"implicit rejection" to PKCS#1 v1.5, returning random bytes for a bad ciphertext instead of
an error. The Photon's mbedTLS reports an error, and clients must see that error code.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

KEY_BITS = 1024
KEY_BYTES = KEY_BITS // 8
PUBLIC_EXPONENT = 65537
SPKI_DER_BYTES = 162  # SubjectPublicKeyInfo of an RSA-1024 key
PUBLIC_KEY_WINDOW_BYTES = 294  # what public-key serves: the DER, then zero padding

# mbedTLS error codes as the firmware passes them on.
RSA_BAD_PADDING = -0x4100  # MBEDTLS_ERR_RSA_INVALID_PADDING = -16640
RSA_BAD_INPUT = -0x4304  # MBEDTLS_ERR_RSA_PRIVATE_FAILED + MBEDTLS_ERR_MPI_BAD_INPUT_DATA
RSA_OUTPUT_TOO_LARGE = -0x4400  # MBEDTLS_ERR_RSA_OUTPUT_TOO_LARGE

_SMALL_PRIMES = tuple(
    n for n in range(3, 2000, 2) if all(n % d for d in range(3, int(n**0.5) + 1, 2))
)


class DecryptError(Exception):
    """The ciphertext did not decrypt; ``code`` is what the device answers in ``r``."""

    def __init__(self, code: int) -> None:
        super().__init__(f"RSA decryption failed ({code})")
        self.code = code


def hex_decode(text: bytes, limit: int) -> bytes:
    """Decode hex the firmware's lenient way: any byte is a nibble, no error is ever raised.

    Digits and both letter cases decode normally; other bytes give the values the firmware's
    arithmetic gives them. An odd trailing digit becomes a high nibble. At most ``limit`` bytes.
    """

    def nibble(c: int) -> int:
        if c < 0x30:
            return 0
        if c <= 0x39:
            return c - 0x30
        if c <= 0x5A:
            return (c - 0x41 + 10) & 0xFF
        if c <= 0x7A:
            return (c - 0x61 + 10) & 0xFF
        return 0

    out = bytearray()
    pos = 0
    while len(out) < limit and pos < len(text):
        high = nibble(text[pos])
        low = nibble(text[pos + 1]) if pos + 1 < len(text) else 0
        out.append(((high << 4) | low) & 0xFF)
        pos += 2
    return bytes(out)


@dataclass(frozen=True)
class DeviceKey:
    """The key pair kept in the device's DCT."""

    private_key: rsa.RSAPrivateKey
    _d: int = field(init=False, repr=False)
    _n: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        numbers = self.private_key.private_numbers()
        object.__setattr__(self, "_d", numbers.d)
        object.__setattr__(self, "_n", numbers.public_numbers.n)

    @classmethod
    def generate(cls, rng: random.Random) -> DeviceKey:
        """A fresh RSA-1024 key with e = 65537, drawn from ``rng`` so a seed repeats it."""
        p = _prime(KEY_BITS // 2, rng)
        q = _prime(KEY_BITS // 2, rng)
        while q == p:
            q = _prime(KEY_BITS // 2, rng)
        d = pow(PUBLIC_EXPONENT, -1, (p - 1) * (q - 1))
        numbers = rsa.RSAPrivateNumbers(
            p=p,
            q=q,
            d=d,
            dmp1=rsa.rsa_crt_dmp1(d, p),
            dmq1=rsa.rsa_crt_dmq1(d, q),
            iqmp=rsa.rsa_crt_iqmp(p, q),
            public_numbers=rsa.RSAPublicNumbers(PUBLIC_EXPONENT, p * q),
        )
        return cls(numbers.private_key())

    @classmethod
    def for_seed(cls, seed: int) -> DeviceKey:
        """The key a device created with ``seed`` gets (cached: generating costs a few ms)."""
        return _seeded_key(seed)

    def public_window(self) -> bytes:
        """The 294-byte DCT window ``public-key`` serves: SPKI DER then zero bytes (§3.3)."""
        der = self.private_key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        assert len(der) == SPKI_DER_BYTES
        return der + bytes(PUBLIC_KEY_WINDOW_BYTES - len(der))

    def decrypt(self, ciphertext: bytes, max_plaintext: int) -> bytes:
        """PKCS#1 v1.5 decryption as mbedTLS does it; raises DecryptError with its code."""
        block = ciphertext[:KEY_BYTES].ljust(KEY_BYTES, b"\0")
        value = int.from_bytes(block, "big")
        if value >= self._n:
            raise DecryptError(RSA_BAD_INPUT)
        encoded = pow(value, self._d, self._n).to_bytes(KEY_BYTES, "big")
        separator = encoded.find(b"\0", 2)
        if encoded[0] != 0 or encoded[1] != 2 or separator < 0 or separator - 2 < 8:
            raise DecryptError(RSA_BAD_PADDING)
        plaintext = encoded[separator + 1 :]
        if len(plaintext) > max_plaintext:
            raise DecryptError(RSA_OUTPUT_TOO_LARGE)
        return plaintext


@functools.lru_cache(maxsize=64)
def _seeded_key(seed: int) -> DeviceKey:
    return DeviceKey.generate(random.Random(f"photon-key-{seed}"))  # noqa: S311 - see _prime


def _prime(bits: int, rng: random.Random) -> int:
    """A probable prime of exactly ``bits`` bits (top two set, so p*q has 2*bits bits).

    Drawn from a seedable generator: simulated devices need repeatable keys, not secret ones.
    """
    while True:
        candidate = rng.getrandbits(bits) | (0b11 << (bits - 2)) | 1
        if (candidate - 1) % PUBLIC_EXPONENT == 0:
            continue
        if any(candidate % small == 0 for small in _SMALL_PRIMES):
            continue
        if _miller_rabin(candidate, rng, rounds=24):
            return candidate


def _miller_rabin(n: int, rng: random.Random, rounds: int) -> bool:
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True
