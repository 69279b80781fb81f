"""The device key from its padded 294-byte window, and PKCS#1 v1.5 password encryption."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from setup_wizard.device import DeviceKeyError
from setup_wizard.device.keys import parse_public_key
from setup_wizard.device.replies import parse_key_reply

# The Photon's key really is RSA-1024.
PRIVATE = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505


def window(public_der: bytes) -> str:
    """What the firmware sends: upper-case hex of the DER key zero-padded to 294 bytes."""
    return public_der.ljust(294, b"\0").hex().upper()


SPKI = PRIVATE.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


def test_the_padded_window_yields_the_device_key() -> None:
    assert len(SPKI) == 162
    key = parse_public_key(window(SPKI))
    assert key.key.public_numbers() == PRIVATE.public_key().public_numbers()


@pytest.mark.parametrize("bits", [2048, 3072])
def test_a_larger_key_whose_der_length_takes_two_bytes_is_used(bits: int) -> None:
    """``30 82 HH LL``: the key of a device (or a future firmware) that is not RSA-1024."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    spki = private.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    assert spki[1] == 0x82
    key = parse_public_key(spki.ljust(len(spki) + 132, b"\0").hex().upper())
    ciphertext = bytes.fromhex(key.encrypt_hex(b"correct horse battery"))
    assert private.decrypt(ciphertext, padding.PKCS1v15()) == b"correct horse battery"


def test_the_device_decrypts_exactly_what_was_encrypted_with_pkcs1_v15() -> None:
    key = parse_public_key(window(SPKI))
    ciphertext_hex = key.encrypt_hex(b"correct horse battery staple")
    assert len(ciphertext_hex) == 256
    assert ciphertext_hex == ciphertext_hex.lower()
    plain = PRIVATE.decrypt(bytes.fromhex(ciphertext_hex), padding.PKCS1v15())
    assert plain == b"correct horse battery staple"


def test_ciphertexts_with_a_leading_zero_byte_keep_all_256_hex_digits() -> None:
    """The device decrypts only a full 128-byte block. encrypt_hex does not pad: it relies on
    the library keeping the leading zero bytes, as PKCS#1 requires; this holds it to that."""
    key = parse_public_key(window(SPKI))
    # Random padding gives a leading zero byte about once in 256 encryptions.
    for _ in range(20_000):
        ciphertext_hex = key.encrypt_hex(b"x")
        assert len(ciphertext_hex) == 256
        if ciphertext_hex.startswith("00"):
            break
    else:
        pytest.fail("no ciphertext with a leading zero byte in 20000 tries")
    assert PRIVATE.decrypt(bytes.fromhex(ciphertext_hex), padding.PKCS1v15()) == b"x"


def test_oaep_is_not_used() -> None:
    ciphertext = bytes.fromhex(parse_public_key(window(SPKI)).encrypt_hex(b"secret123"))
    with pytest.raises(ValueError, match="Decryption failed"):
        PRIVATE.decrypt(ciphertext, padding.OAEP(padding.MGF1(SHA1()), SHA1(), None))  # noqa: S303


EC_DER = (
    ec.generate_private_key(ec.SECP521R1())  # DER long enough for a 30 81 LL header
    .public_key()
    .public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (None, "no key"),
        ("", "no key"),
        ("30819F0G", "not hexadecimal"),
        ("ABC", "not hexadecimal"),
        (window(b"\x04\x81\x9f" + SPKI[3:]), "does not start like an RSA key"),
        (window(b"\x30\x83\x00\x00\x9f" + SPKI[3:]), "does not start like an RSA key"),
        ("3082", "cut short"),
        (SPKI[:100].hex(), "cut short"),
        (window(b"\x30\x81\x05" + b"\x01" * 200), "could not be decoded"),
        (window(EC_DER), "not an RSA key"),
    ],
)
def test_unusable_keys_are_a_clear_error(value: object, why: str) -> None:
    with pytest.raises(DeviceKeyError, match=why) as caught:
        parse_public_key(value)
    assert "password cannot be sent safely" in str(caught.value)


def test_a_device_that_cannot_read_its_key_says_r_1() -> None:
    with pytest.raises(DeviceKeyError, match="could not read its key, error 1"):
        parse_key_reply(b'{"r":1}')


def test_the_full_reply_with_b_before_r() -> None:
    reply = b'{"b":"%s","r":0}' % window(SPKI).encode()
    assert parse_key_reply(reply).size_bytes == 128
