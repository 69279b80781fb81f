"""What a Photon keeps in flash (its DCT): identity, key, claim state and Wi-Fi credentials.

It survives listening mode and power cycles, exactly like the real DCT.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from setup_wizard.sim.photon.keys import DeviceKey
from setup_wizard.sim.photon.security import SecurityType, coarse_security
from setup_wizard.sim.wifi import ENTERPRISE_ENABLED

MAX_CREDENTIALS = 5  # WICED CONFIG_AP_LIST_SIZE
MAX_STORED_KEY_BYTES = 64
CLAIM_CODE_BYTES = 63
SSID_PREFIX = "Photon"
SUFFIX_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: no 0, 1, I, O
SUFFIX_LENGTH = 6
_DEVICE_ID = re.compile(r"[0-9a-fA-F]{24}")


class EapType:
    """``eap`` values of configure-ap (§3.6)."""

    NONE = 0
    TLS = 13
    PEAP = 25


@dataclass(frozen=True)
class EnterpriseConfig:
    """The one Enterprise (802.1X) configuration a Photon keeps (§3.6 step 6)."""

    eap_type: int
    inner_identity: bytes
    outer_identity: bytes
    password: bytes
    client_certificate: bytes
    private_key: bytes
    ca_certificate: bytes


@dataclass(frozen=True)
class StoredCredential:
    """One slot of the credential list.

    ``password`` is the decrypted plaintext exactly as the client sent it (what tests compare
    against); ``key`` is what the firmware keeps of it (WEP keys hex-decoded, ≤ 64 bytes).
    """

    ssid: str
    sec: SecurityType
    channel: int
    password: str
    ssid_bytes: bytes
    security: int  # the full WICED value the device stored (taken from its own scan for WPA)
    key: bytes


class Flash:
    """The DCT of one device."""

    def __init__(
        self, rng: random.Random, device_id: str | None, ssid_suffix: str | None, seed: int | None
    ) -> None:
        if device_id is None:
            device_id = rng.getrandbits(96).to_bytes(12, "big").hex()
        elif not _DEVICE_ID.fullmatch(device_id):
            raise ValueError(f"a device ID is 24 hex digits, {device_id!r} is not")
        self.device_id = device_id.upper()
        if ssid_suffix is None:
            # One 32-bit random value, five bits per character, least significant first (§2.1).
            value = rng.getrandbits(32)
            chars = []
            for _ in range(SUFFIX_LENGTH):
                chars.append(SUFFIX_ALPHABET[value % 32])
                value //= 32
            ssid_suffix = "".join(chars)
        elif not ssid_suffix:
            raise ValueError("the SSID suffix must not be empty")
        self.ssid = f"{SSID_PREFIX}-{ssid_suffix}"
        self.key = DeviceKey.for_seed(seed) if seed is not None else DeviceKey.generate(rng)
        self.claim_code: bytes | None = None
        self.claimed = False
        self.credentials: list[StoredCredential] = []
        self.enterprise: EnterpriseConfig | None = None

    def store_credential(self, credential: StoredCredential) -> None:
        """Same SSID: replaced in place; else inserted first, the oldest dropped (§3.6 step 5).

        Only one Enterprise network is kept.
        """
        slots: list[StoredCredential | None] = list(self.credentials)
        slots += [None] * (MAX_CREDENTIALS - len(slots))
        replace = next(
            (i for i, c in enumerate(slots) if c and c.ssid_bytes == credential.ssid_bytes), -1
        )
        if credential.security & ENTERPRISE_ENABLED:
            for i, slot in enumerate(slots):
                if slot is not None and slot.security & ENTERPRISE_ENABLED:
                    if replace < 0:
                        replace = i
                    elif i != replace:
                        slots[i] = None
        if replace < 0:
            slots = [credential, *slots[: MAX_CREDENTIALS - 1]]
        else:
            slots[replace] = credential
        self.credentials = [slot for slot in slots if slot is not None]


def make_credential(
    ssid: bytes, security: int, channel: int, password: bytes, key: bytes
) -> StoredCredential:
    return StoredCredential(
        ssid=ssid.decode("utf-8", errors="replace"),
        sec=coarse_security(security),
        channel=channel,
        password=password.decode("utf-8", errors="replace"),
        ssid_bytes=ssid,
        security=security,
        key=key[:MAX_STORED_KEY_BYTES],
    )
