"""Checks on what we are about to send, so a bad value is refused before it reaches the wire.

The firmware reads string values raw, without JSON unescaping (§3), so a quote, backslash
or control character in an SSID or claim code cannot be delivered faithfully: we refuse it.
"""

from __future__ import annotations

import string

from setup_wizard.device.errors import (
    ChannelError,
    ClaimCodeError,
    EnterpriseNotSupportedError,
    OpenNetworkPasswordError,
    PassphraseError,
    SsidCharacterError,
    SsidLengthError,
    UnsupportedSecurityError,
    WepKeyError,
)
from setup_wizard.device.security import Security
from setup_wizard.secret import ClaimCode, WifiPassword

MAX_SSID_BYTES = 32
MAX_CLAIM_CODE = 63
_PRINTABLE_ASCII = frozenset(chr(c) for c in range(0x20, 0x7F))
_HEX = frozenset(string.hexdigits)


def _unsendable(text: str) -> bool:
    """True when the firmware's raw string reader cannot receive ``text`` as we mean it."""
    return any(ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text)


def _is_hex(text: str) -> bool:
    return all(ch in _HEX for ch in text)


def check_ssid(ssid: str) -> None:
    """1–32 UTF-8 bytes, nothing the firmware would read differently."""
    size = len(ssid.encode("utf-8", errors="surrogatepass"))
    if not 1 <= size <= MAX_SSID_BYTES:
        raise SsidLengthError(size)
    if _unsendable(ssid):
        raise SsidCharacterError
    try:
        ssid.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be sent at all
        raise SsidCharacterError from None


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
    """The exact bytes to encrypt for ``configure-ap``, or None for an open network.

    WEP keys typed as 5 or 13 characters are sent as hex, because the firmware hex-decodes
    WEP keys before storing them (§3.6 step 5).
    """
    check_security(security)
    text = password.reveal() if password is not None else ""
    if security.is_open:
        if text:
            raise OpenNetworkPasswordError
        return None
    if security.is_wep:
        if len(text) in (10, 26) and _is_hex(text):
            return text.encode("ascii")
        if len(text) in (5, 13) and all(ch in _PRINTABLE_ASCII for ch in text):
            return text.encode("ascii").hex().encode("ascii")
        raise WepKeyError
    if len(text) == 64 and _is_hex(text):
        return text.encode("ascii")
    if 8 <= len(text) <= 63 and all(ch in _PRINTABLE_ASCII for ch in text):
        return text.encode("ascii")
    raise PassphraseError


def claim_code_text(code: ClaimCode) -> str:
    """The claim code as it goes into ``set``: 1–63 printable ASCII, no quote or backslash."""
    text = code.reveal()
    if not 1 <= len(text) <= MAX_CLAIM_CODE:
        raise ClaimCodeError
    if not all(ch in _PRINTABLE_ASCII for ch in text) or _unsendable(text):
        raise ClaimCodeError
    return text
