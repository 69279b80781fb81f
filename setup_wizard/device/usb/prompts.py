"""The listening-mode console's words, byte for byte, and the digits we answer it with.

Sources: device-os ``system/src/system_setup.cpp`` (v2.3.1; unchanged to 6.x) and particle-cli
``src/cmd/serial.js``, which waits for the same prompts.
"""

from __future__ import annotations

import re
from enum import Enum

from setup_wizard.device.security import Security, SecurityBit

# -- commands (one byte each; the console does not echo them) --------------------------------

DEVICE_ID = b"i"
CLAIMED = b"c"
CLAIM_CODE = b"C"
WIFI = b"w"

LINE_END = b"\n"
"""One terminator, as particle-cli sends: after each line the device discards whatever input
is already waiting, so a CR LF pair could leave the LF to end the next answer empty."""

ECHO_END = b"\r\n"
"""What the device prints after echoing a line."""

# -- what it prints ---------------------------------------------------------------------------

_VALUE = rb"([^\r\n]{0,64}+)(?:\r\n|(?=[^\r\n]))"
"""The rest of a line, at most 64 bytes (a device ID has 24, a claim code 63); past them the
value ends, and reads as a wrong one. Unbounded ("any bytes but CR and LF, then CR LF"), each
"Device ID: " of a long line was read to the line's end: work in the square of the line's
length, in C, on the event loop (40 KB of them took a second, a megabyte some 13 minutes)."""
DEVICE_ID_LINE = re.compile(rb"(?:Your device id is |Device ID: )" + _VALUE)
"""``i``: the Photon's form, or the form of devices that add ``Key: value`` lines after it."""
CLAIMED_LINE = re.compile(rb"Device claimed: (yes|no)\r\n")
CLAIM_CODE_PROMPT = re.compile(rb"Enter 63-digit claim code: ")
CLAIM_CODE_OUTCOME = re.compile(
    rb"Claim code set to: "
    + _VALUE
    + rb"|(Sorry, claim code is not 63 characters long\. Claim code unchanged\.)\r\n"
)
SSID_PROMPT = re.compile(rb"SSID: ")


class Step(Enum):
    """What the ``w`` dialogue can print after the SSID, and the named group that finds it."""

    SSID = "ssid"
    """Asked right after ``w`` (not in :data:`WIFI_STEPS`: it is asked again only for an
    empty line, which we never send)."""
    SECURITY = "security"
    CIPHER = "cipher"
    PASSWORD = "password"  # noqa: S105 - a prompt's name
    EAP = "eap"
    SAVING = "saving"
    SAVED = "saved"
    NOT_SAVED = "not_saved"


WIFI_STEPS = re.compile(
    # Firmware built with WPA Enterprise support (the Photon and P1) adds ", 4=…, 5=…".
    rb"(?P<security>Security 0=unsecured, 1=WEP, 2=WPA, 3=WPA2"
    rb"(?:, 4=WPA Enterprise, 5=WPA2 Enterprise)?: )"
    rb"|(?P<cipher>Security Cipher 1=AES, 2=TKIP, 3=AES\+TKIP: )"
    rb"|(?P<password>Password: )"
    rb"|(?P<eap>EAP Type 0=PEAP/MSCHAPv2, 1=EAP-TLS: )"
    rb"|(?P<saving>Thanks! Wait while I save those credentials\.\.\.\r\n)"
    rb"|(?P<saved>Awesome\. Now we'll connect!\r\n)"
    rb"|(?P<not_saved>Derp\. Sorry, we couldn't save the credentials\.\r\n)"
)


def wifi_step(match: re.Match[bytes]) -> Step:
    """Which of :data:`WIFI_STEPS` matched."""
    assert match.lastgroup is not None
    return Step(match.lastgroup)


# -- our answers ------------------------------------------------------------------------------


def security_digit(security: Security) -> bytes:
    """The answer to the security prompt: 0 open, 1 WEP, 2 WPA, 3 WPA2 (also WPA/WPA2 mixed)."""
    if security.is_open:
        return b"0"
    if security.is_wep:
        return b"1"
    return b"3" if security.value & SecurityBit.WPA2 else b"2"


def cipher_digit(security: Security) -> bytes:
    """The answer to the cipher prompt: 1 AES, 2 TKIP, 3 AES+TKIP; 1 where the network has no
    cipher (open, WEP), as particle-cli answers."""
    aes = security.is_wpa and bool(security.value & SecurityBit.AES)
    tkip = security.is_wpa and bool(security.value & SecurityBit.TKIP)
    if aes and tkip:
        return b"3"
    return b"2" if tkip else b"1"
