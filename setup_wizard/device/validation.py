"""Checks on what we are about to send, so a bad value is refused before it reaches the wire.

The firmware reads string values raw, without JSON unescaping (§3), so a quote, backslash
or control character in an SSID or claim code cannot be delivered faithfully: we refuse it.
SSIDs are bytes (§3.6 point 8): a scanned name goes back exactly as the device reported it.
"""

from __future__ import annotations

import string

from setup_wizard.device.body import is_sendable
from setup_wizard.device.errors import (
    ChannelError,
    ClaimCodeError,
    EnterpriseNotSupportedError,
    OpenNetworkPasswordError,
    PassphraseError,
    PassphraseProblem,
    SsidCharacterError,
    SsidLengthError,
    UnsupportedSecurityError,
    WepKeyError,
)
from setup_wizard.device.security import Security
from setup_wizard.secret import ClaimCode, WifiPassword

MAX_SSID_BYTES = 32
MAX_CLAIM_CODE = 63
MIN_PASSPHRASE_BYTES = 8
PSK_HEX_DIGITS = 64  # a raw 256-bit key; any other passphrase has 8 to 63 bytes
WEP_KEY_BYTES = (5, 13)  # 40- and 104-bit keys
_PRINTABLE_ASCII = frozenset(chr(c) for c in range(0x20, 0x7F))
_HEX = frozenset(string.hexdigits)


def _is_hex(text: str) -> bool:
    return all(ch in _HEX for ch in text)


def typed_ssid(ssid: str) -> bytes:
    """The bytes of a network name typed by hand: its UTF-8."""
    try:
        return ssid.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be sent at all
        raise SsidCharacterError from None


def check_ssid(ssid: str | bytes) -> None:
    """1–32 bytes, nothing the firmware would read differently (text counts as its UTF-8)."""
    raw = typed_ssid(ssid) if isinstance(ssid, str) else ssid
    if not 1 <= len(raw) <= MAX_SSID_BYTES:
        raise SsidLengthError(len(raw))
    if not is_sendable(raw):
        raise SsidCharacterError


def check_channel(channel: int | None) -> None:
    """None (unknown) or a 2.4 GHz channel."""
    if channel is not None and not 1 <= channel <= 14:
        raise ChannelError(channel)


def check_security(security: Security) -> None:
    """Only open, WEP and WPA/WPA2 Personal networks can be set up by this app."""
    if security.is_enterprise:
        raise EnterpriseNotSupportedError
    if security.is_ad_hoc or not (security.is_open or security.is_wep or security.is_wpa):
        raise UnsupportedSecurityError(security.label)


def password_plaintext(security: Security, password: WifiPassword | None) -> bytes | None:
    """The exact bytes to encrypt for ``configure-ap``, or None for an open network."""
    check_security(security)
    text = password.reveal() if password is not None else ""
    if security.is_open:
        if text:
            raise OpenNetworkPasswordError
        return None
    if security.is_wep:
        return wep_key_structure(text)
    return passphrase_bytes(text)


def wep_key_structure(text: str) -> bytes:
    """A WEP key as the firmware stores it (§3.6 point 5), written as hex text.

    The firmware hex-decodes the password of a WEP network into WICED's key structure: key
    index, key length, key bytes. So a 5-byte key K goes as ``"00" "05" hex(K)``; the bare
    key would be read as index and length and the join would fail. The person types the key
    as 5 or 13 characters, or as 10 or 26 hex digits.
    """
    if len(text) in (2 * n for n in WEP_KEY_BYTES) and _is_hex(text):
        key = bytes.fromhex(text)
    elif len(text) in WEP_KEY_BYTES and all(ch in _PRINTABLE_ASCII for ch in text):
        key = text.encode("ascii")
    else:
        raise WepKeyError
    return b"00" + b"%02x" % len(key) + key.hex().encode("ascii")


def passphrase_bytes(text: str) -> bytes:
    """A WPA/WPA2 password: 8–63 bytes of UTF-8, or a key of exactly 64 hex digits.

    The firmware takes any 8 to 64 bytes; at 64 the standard reads them as the hex of the key
    itself, so 64 bytes that are not hex digits would never match the router's key.
    """
    if len(text) == PSK_HEX_DIGITS and _is_hex(text):
        return text.encode("ascii")
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        raise PassphraseError(PassphraseProblem.CONTROL_CHARACTER) from None
    if any(byte < 0x20 or byte == 0x7F for byte in raw):
        raise PassphraseError(PassphraseProblem.CONTROL_CHARACTER)
    if len(raw) < MIN_PASSPHRASE_BYTES:
        raise PassphraseError(PassphraseProblem.TOO_SHORT)
    if len(raw) == PSK_HEX_DIGITS:
        raise PassphraseError(PassphraseProblem.NOT_HEX)
    if len(raw) > PSK_HEX_DIGITS:
        raise PassphraseError(PassphraseProblem.TOO_LONG)
    return raw


def claim_code_bytes(code: ClaimCode) -> bytes:
    """The claim code as it goes into ``set``: 1–63 printable ASCII, no quote or backslash."""
    text = code.reveal()
    if not 1 <= len(text) <= MAX_CLAIM_CODE or not all(ch in _PRINTABLE_ASCII for ch in text):
        raise ClaimCodeError
    raw = text.encode("ascii")
    if not is_sendable(raw):
        raise ClaimCodeError
    return raw
