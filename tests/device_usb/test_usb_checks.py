"""What the USB cable cannot carry is refused before anything is sent, with the reason."""

from __future__ import annotations

import pytest

from setup_wizard.device import (
    EnterpriseNotSupportedError,
    InvalidSetupInputError,
    OpenNetworkPasswordError,
    PassphraseError,
    Security,
    SsidLengthError,
    UsbCharacterError,
    UsbClaimCodeError,
    UsbField,
    UsbWepError,
    check_usb_claim_code,
    check_usb_input,
)
from setup_wizard.secret import ClaimCode, WifiPassword

WPA2 = Security.WPA2_MIXED_PSK
GOOD = WifiPassword("password1")


@pytest.mark.parametrize(
    ("byte", "named"),
    [
        (b"\n", "a line break"),
        (b"\r", "a carriage return"),
        (b"\x08", "a backspace"),
        (b"\x7f", "a delete character"),
        (b"\x00", "a NUL byte"),
    ],
)
def test_a_network_name_the_console_would_cut_or_edit_is_refused_with_the_reason(
    byte: bytes, named: str
) -> None:
    with pytest.raises(UsbCharacterError) as caught:
        check_usb_input(b"Home" + byte + b"Net", WPA2, GOOD)
    assert caught.value.field is UsbField.SSID
    assert f"over a USB cable ({named})" in str(caught.value)
    assert "Rename the network" in str(caught.value)


@pytest.mark.parametrize(
    ("ssid", "words"), [(b"", "Enter the network name"), (b"x" * 33, "at most 32 bytes")]
)
def test_a_network_name_of_no_or_too_many_bytes_is_refused(ssid: bytes, words: str) -> None:
    with pytest.raises(SsidLengthError, match=words):
        check_usb_input(ssid, WPA2, GOOD)


def test_quotes_and_backslashes_go_over_the_cable_as_they_are() -> None:
    """SoftAP's raw JSON cannot carry them (SsidCharacterError); the console line can."""
    ssid = 'Joe"s \\ Café'.encode()
    assert check_usb_input(ssid, WPA2, GOOD) == b"password1"
    assert check_usb_input(b"x" * 32, WPA2, GOOD) == b"password1"


@pytest.mark.parametrize(
    "password", ["pass\nword1", "pass\rword1", "pass\x7fword1", "pa\x08ssword1"]
)
def test_a_password_the_cable_cannot_carry_is_refused(password: str) -> None:
    with pytest.raises(InvalidSetupInputError) as caught:
        check_usb_input(b"Home", WPA2, WifiPassword(password))
    assert password not in str(caught.value)
    assert "Check the password" in str(caught.value)


@pytest.mark.parametrize(
    ("security", "password", "sent"),
    [
        (WPA2, "password1", b"password1"),
        (WPA2, "aB" * 32, b"aB" * 32),  # 64 hex digits: the field's maximum
        (Security.WPA_TKIP_PSK, "pässwörd", "pässwörd".encode()),
        (Security.OPEN, None, None),
    ],
)
def test_good_settings_give_the_bytes_to_answer_the_password_prompt_with(
    security: Security, password: str | None, sent: bytes | None
) -> None:
    secret = WifiPassword(password) if password is not None else None
    assert check_usb_input(b"Home", security, secret) == sent


@pytest.mark.parametrize(
    ("security", "password", "error"),
    [
        (WPA2, "short", PassphraseError),
        (WPA2, "x" * 65, PassphraseError),
        (Security.OPEN, "password1", OpenNetworkPasswordError),
        (Security.WPA2_AES_ENT, "password1", EnterpriseNotSupportedError),
    ],
)
def test_the_softap_rules_apply_over_the_cable_too(
    security: Security, password: str, error: type[InvalidSetupInputError]
) -> None:
    with pytest.raises(error):
        check_usb_input(b"Home", security, WifiPassword(password))


@pytest.mark.parametrize("security", [Security.WEP_PSK, Security.WEP_SHARED])
def test_wep_is_refused_over_the_cable_with_the_way_out(security: Security) -> None:
    """The console adds a cipher bit to WEP, so the firmware stores the key undecoded."""
    with pytest.raises(UsbWepError, match="Connect over Wi-Fi instead"):
        check_usb_input(b"Home", security, WifiPassword("abcde"))


def test_a_claim_code_of_exactly_63_plain_characters_is_taken() -> None:
    code = "Zx9+/" * 12 + "abc"
    assert check_usb_claim_code(ClaimCode(code)) == code.encode()


@pytest.mark.parametrize(
    "code", ["x" * 62, "x" * 64, "", "x" * 62 + "é", "x" * 62 + "\n", "x" * 61 + "\x7f"]
)
def test_a_claim_code_the_console_would_not_store_is_refused(code: str) -> None:
    with pytest.raises(UsbClaimCodeError) as caught:
        check_usb_claim_code(ClaimCode(code))
    assert "exactly 63 plain characters" in str(caught.value)
    assert "connect over Wi-Fi" in str(caught.value)
    if code:
        assert code not in str(caught.value)
