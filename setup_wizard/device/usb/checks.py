"""What the USB console can carry, checked before the first byte is sent.

The console reads each answer with the firmware's line reader: a line ends at CR or LF, 0x08
and 0x7f delete the previous character, and a byte past the field's maximum ends the line
and is lost (softap-protocol.md §10). So a value holding one of those bytes, or longer than
its field, would arrive changed without a word: it is refused with the reason instead. The
rest is the SoftAP rules (:mod:`setup_wizard.device.validation`), except that WEP cannot be
set up over the console at all (:class:`~setup_wizard.device.usb.errors.UsbWepError`).
Unlike SoftAP's JSON, the console takes quotes and backslashes in a network name as they are.
"""

from __future__ import annotations

from setup_wizard.device.errors import PassphraseError, PassphraseProblem, SsidLengthError
from setup_wizard.device.security import Security
from setup_wizard.device.usb.errors import (
    UNSENDABLE_BYTES,
    UsbCharacterError,
    UsbClaimCodeError,
    UsbField,
    UsbWepError,
)
from setup_wizard.device.validation import MAX_SSID_BYTES, check_security, password_plaintext
from setup_wizard.secret import ClaimCode, WifiPassword

MAX_PASSWORD_BYTES = 64  # the console's password field
CLAIM_CODE_CHARACTERS = 63  # the console stores a claim code of exactly this length
_PRINTABLE_ASCII = frozenset(range(0x20, 0x7F))


def _refuse_unsendable(field: UsbField, raw: bytes) -> None:
    for byte in raw:
        if byte in UNSENDABLE_BYTES:
            raise UsbCharacterError(field, byte)


def check_usb_input(ssid: bytes, security: Security, password: WifiPassword | None) -> bytes | None:
    """The password bytes to answer ``Password: `` with (None: an open network), once the
    network name, security and password are known to reach the Photon unchanged."""
    if not 1 <= len(ssid) <= MAX_SSID_BYTES:
        raise SsidLengthError(len(ssid))
    _refuse_unsendable(UsbField.SSID, ssid)
    check_security(security)
    if security.is_wep:
        raise UsbWepError
    secret = password_plaintext(security, password)
    if secret is not None:
        _refuse_unsendable(UsbField.PASSWORD, secret)
        if len(secret) > MAX_PASSWORD_BYTES:
            raise PassphraseError(PassphraseProblem.TOO_LONG)
    return secret


def check_usb_claim_code(code: ClaimCode) -> bytes:
    """The claim code as the console takes it: exactly 63 printable ASCII characters."""
    raw = code.reveal().encode("utf-8", errors="replace")
    if len(raw) != CLAIM_CODE_CHARACTERS or not all(byte in _PRINTABLE_ASCII for byte in raw):
        raise UsbClaimCodeError
    return raw
