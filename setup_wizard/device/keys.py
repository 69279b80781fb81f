"""The Photon's RSA public key and the Wi-Fi password encryption that uses it (§3.3, §5)."""

from __future__ import annotations

import binascii
from dataclasses import dataclass

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key

from setup_wizard.device.errors import DeviceKeyError
from setup_wizard.i18n import QT_TRANSLATE_NOOP

_SEQUENCE = 0x30
# DER long-form lengths: 0x81 = one length byte follows (an RSA-1024 SPKI, 159 bytes),
# 0x82 = two (RSA-2048 and larger).
_LONG_FORM_LENGTH_BYTES = {0x81: 1, 0x82: 2}
_PKCS1_V15_OVERHEAD = 11


@dataclass(frozen=True)
class DevicePublicKey:
    """The device's RSA key; the firmware decrypts with PKCS#1 v1.5 only (never OAEP)."""

    key: rsa.RSAPublicKey

    @property
    def size_bytes(self) -> int:
        return (self.key.key_size + 7) // 8

    @property
    def max_plaintext(self) -> int:
        return self.size_bytes - _PKCS1_V15_OVERHEAD

    def encrypt_hex(self, plaintext: bytes) -> str:
        """Ciphertext as lower-case hex, always the key size (256 chars for RSA-1024).

        The device decrypts only a full-size block; PKCS#1 (I2OSP) already gives one, leading
        zero bytes included, so the hex needs no padding. Every call differs (random
        padding); the device decrypts each one the same.
        """
        if len(plaintext) > self.max_plaintext:
            raise ValueError(f"at most {self.max_plaintext} bytes fit in one RSA block")
        return self.key.encrypt(plaintext, padding.PKCS1v15()).hex()


def parse_public_key(hex_window: object) -> DevicePublicKey:
    """Load the key from ``public-key``'s ``b``: a DER SubjectPublicKeyInfo + zero padding.

    Strict DER parsers refuse the padded 294-byte window, so the real key is cut out by the
    outer SEQUENCE's own length: ``30 81 LL`` (RSA-1024, 3 + LL bytes) or ``30 82 HH LL``
    (larger keys, 4 + HHLL bytes).
    """
    if not isinstance(hex_window, str) or not hex_window:
        raise DeviceKeyError(QT_TRANSLATE_NOOP("Device", "no key in the answer"))
    try:
        window = binascii.unhexlify(hex_window)
    except (binascii.Error, ValueError):
        raise DeviceKeyError(QT_TRANSLATE_NOOP("Device", "the key is not hexadecimal")) from None
    if len(window) < 2 or window[0] != _SEQUENCE or window[1] not in _LONG_FORM_LENGTH_BYTES:
        raise DeviceKeyError(QT_TRANSLATE_NOOP("Device", "the key does not start like an RSA key"))
    length_bytes = _LONG_FORM_LENGTH_BYTES[window[1]]
    header = 2 + length_bytes
    end = header + int.from_bytes(window[2:header], "big")
    if len(window) < header or end > len(window):
        raise DeviceKeyError(QT_TRANSLATE_NOOP("Device", "the key is cut short"))
    try:
        key = load_der_public_key(window[:end])
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise DeviceKeyError(QT_TRANSLATE_NOOP("Device", "the key could not be decoded")) from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise DeviceKeyError(QT_TRANSLATE_NOOP("Device", "the key is not an RSA key"))
    if key.key_size < 1024:
        raise DeviceKeyError(QT_TRANSLATE_NOOP("Device", "the key is too short"))
    return DevicePublicKey(key)
