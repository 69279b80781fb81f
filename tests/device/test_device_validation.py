"""Every value the Photon cannot take is refused with a message, and nothing goes on the wire."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from setup_wizard.device import (
    ChannelError,
    ClaimCodeError,
    EnterpriseNotSupportedError,
    InvalidSetupInputError,
    OpenNetworkPasswordError,
    PassphraseError,
    PhotonClient,
    Security,
    SsidCharacterError,
    SsidLengthError,
    TransportPolicy,
    UnsupportedSecurityError,
    WepKeyError,
    WifiNetwork,
)
from setup_wizard.device.validation import password_plaintext
from setup_wizard.secret import ClaimCode, WifiPassword

if TYPE_CHECKING:
    from conftest import Tripwire

WPA2 = Security.WPA2_MIXED_PSK

BAD_CONFIGURATIONS = [
    # (ssid, security, password, channel) → error, words of its message
    ("", WPA2, "password1", None, SsidLengthError, "Enter the network name"),
    ("x" * 33, WPA2, "password1", None, SsidLengthError, "at most 32 bytes"),
    ("é" * 17, WPA2, "password1", None, SsidLengthError, "34 bytes"),
    ('Joe"s', WPA2, "password1", None, SsidCharacterError, "cannot receive"),
    ("back\\slash", WPA2, "password1", None, SsidCharacterError, "Rename the network"),
    ("tab\there", WPA2, "password1", None, SsidCharacterError, "control character"),
    ("Home", WPA2, "short", None, PassphraseError, "at least 8 characters"),
    ("Home", WPA2, "ééé", None, PassphraseError, "at least 8"),  # 6 bytes
    ("Home", WPA2, "", None, PassphraseError, "Check the password"),
    # 64 bytes are read as the hex of the key itself, so they must be hex digits.
    ("Home", WPA2, "x" * 64, None, PassphraseError, "exactly 64 hexadecimal digits"),
    ("Home", Security.WPA_AES_PSK, "g" * 64, None, PassphraseError, "at most 63"),
    ("Home", WPA2, "é" * 32, None, PassphraseError, "accented letters count as two"),
    ("Home", WPA2, "x" * 65, None, PassphraseError, "at most 63 characters"),
    ("Home", WPA2, "é" * 40, None, PassphraseError, "too long"),  # 80 bytes
    ("Home", WPA2, "tab\there ok", None, PassphraseError, "control character"),
    ("Home", WPA2, "nul\0nul\0nul", None, PassphraseError, "control character"),
    ("Home", Security.WEP_PSK, "abcd", None, WepKeyError, "5 or 13 characters"),
    ("Home", Security.WEP_PSK, "abcdefghij", None, WepKeyError, "10 or 26 hexadecimal"),
    ("Home", Security.WEP_SHARED, "0123456789abcdef0123456789ab", None, WepKeyError, "WEP"),
    ("Home", Security.OPEN, "password1", None, OpenNetworkPasswordError, "takes no password"),
    (
        "Home",
        Security.WPA2_AES_ENT,
        "password1",
        None,
        EnterpriseNotSupportedError,
        "not supported",
    ),
    ("Home", Security.UNKNOWN, "password1", None, UnsupportedSecurityError, "(Unknown)"),
    ("Home", Security.IBSS_OPEN, None, None, UnsupportedSecurityError, "(Ad hoc)"),
    ("Home", Security.WPS_SECURE, "password1", None, UnsupportedSecurityError, "WPA2 Personal"),
    ("Home", WPA2, "password1", 36, ChannelError, "2.4 GHz"),
    ("Home", WPA2, "password1", 0, ChannelError, "1–14"),
]


@pytest.mark.parametrize(
    ("ssid", "security", "password", "channel", "error", "words"), BAD_CONFIGURATIONS
)
async def test_bad_wifi_settings_are_refused_before_anything_is_sent(
    tripwire: Tripwire,
    fast_policy: TransportPolicy,
    ssid: str,
    security: Security,
    password: str | None,
    channel: int | None,
    error: type[InvalidSetupInputError],
    words: str,
) -> None:
    secret = WifiPassword(password) if password is not None else None
    async with PhotonClient(tripwire.address, policy=fast_policy) as client:
        with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)")) as caught:
            await client.configure(ssid, security, secret, channel)
    assert isinstance(caught.value, ValueError)
    assert tripwire.contacts == []


async def test_an_enterprise_scan_result_is_refused_before_anything_is_sent(
    tripwire: Tripwire, fast_policy: TransportPolicy
) -> None:
    network = WifiNetwork("Office", Security.WPA2_MIXED_ENT, -50, 6)
    async with PhotonClient(tripwire.address, policy=fast_policy) as client:
        with pytest.raises(EnterpriseNotSupportedError, match="guest network"):
            await client.configure(network, password=WifiPassword("password1"))
    assert tripwire.contacts == []


@pytest.mark.parametrize("code", ["", "x" * 64, 'quo"te', "back\\slash", "new\nline", "ünï"])
async def test_bad_claim_codes_are_refused_before_anything_is_sent(
    tripwire: Tripwire, fast_policy: TransportPolicy, code: str
) -> None:
    async with PhotonClient(tripwire.address, policy=fast_policy) as client:
        with pytest.raises(ClaimCodeError, match="get a new claim code"):
            await client.set_claim_code(ClaimCode(code))
    assert tripwire.contacts == []


@pytest.mark.parametrize(
    ("security", "password", "plaintext"),
    [
        (WPA2, "password1", b"password1"),
        (WPA2, "A" * 63, b"A" * 63),
        (WPA2, "aB" * 32, b"aB" * 32),  # 64 hex digits: a raw PSK
        (Security.WPA_TKIP_PSK, " spaces ok ", b" spaces ok "),
        # The firmware takes any 8-64 bytes: accents and other scripts are UTF-8.
        (WPA2, "pässwörd", "pässwörd".encode()),
        (WPA2, "пароль-wifi", "пароль-wifi".encode()),
        (WPA2, "é" * 31 + "x", ("é" * 31 + "x").encode()),  # 63 bytes
        (WPA2, "🔒🔑", "🔒🔑".encode()),  # 2 characters, 8 bytes
        # WEP: the key structure the firmware hex-decodes: index 0, length, key (§3.6 step 5).
        (Security.WEP_PSK, "0123456789", b"00050123456789"),
        (Security.WEP_PSK, "abcde", b"00056162636465"),  # typed as text
        (Security.WEP_SHARED, "ABCDEFGHIJKLM", b"000d4142434445464748494a4b4c4d"),
        (Security.WEP_PSK, "0123456789ABCDEF0123456789", b"000d0123456789abcdef0123456789"),
        (Security.OPEN, None, None),
        (Security.OPEN, "", None),
        (Security.WPS_OPEN, None, None),
    ],
)
def test_good_passwords_become_the_bytes_to_encrypt(
    security: Security, password: str | None, plaintext: bytes | None
) -> None:
    secret = WifiPassword(password) if password is not None else None
    assert password_plaintext(security, secret) == plaintext
