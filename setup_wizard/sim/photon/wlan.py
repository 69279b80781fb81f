"""Checking Wi-Fi credentials as ``wlan_hal.cpp`` does, for SoftAP and the USB console alike.

``wlan_set_credentials_internal`` (softap-protocol.md §3.6): the WICED security is built
from the coarse type and the cipher (``toSecurity``); a WPA network given without a cipher,
or no type at all, is looked up in a scan; then the key length is checked. SoftAP's
``configure-ap`` never gives a cipher; the console's ``w`` dialogue always does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import IntEnum

from setup_wizard.sim.photon.flash import EapType, EnterpriseConfig, Flash, make_credential
from setup_wizard.sim.photon.radio import SSID_MAX_BYTES, stored_key
from setup_wizard.sim.photon.security import WICED_WEP_PSK, SecurityType
from setup_wizard.sim.wifi import (
    AES_ENABLED,
    ENTERPRISE_ENABLED,
    TKIP_ENABLED,
    WEP_ENABLED,
    WPA2_SECURITY,
    WPA_SECURITY,
)

# Result codes of wlan_set_credentials (§4, wlan_hal.h).
CIPHER_REQUIRED = -2
INVALID_SSID_LENGTH = -3
INVALID_KEY_LENGTH = -4
INVALID_EAP_CONFIG = 1  # the Enterprise settings were refused

FindSecurity = Callable[[bytes], Awaitable[int | None]]
"""A scan for one SSID: the WICED security of the access point heard with it, or None."""


class Cipher(IntEnum):
    """``WLAN_CIPHER_*``."""

    NOT_SET = 0
    AES = 1
    TKIP = 2
    AES_TKIP = 3


def scanned_cipher(sec: int) -> Cipher:
    """``toCipherType``: AES wins over TKIP; open and WEP networks report none."""
    if sec & AES_ENABLED:
        return Cipher.AES
    if sec & TKIP_ENABLED:
        return Cipher.TKIP
    return Cipher.NOT_SET


@dataclass(frozen=True)
class WlanCredentials:
    """What ``wlan_set_credentials`` is given (``WLanCredentials``)."""

    ssid: bytes
    password: bytes
    security: SecurityType
    cipher: Cipher = Cipher.NOT_SET
    channel: int = 0
    eap_type: int = EapType.NONE
    enterprise: EnterpriseConfig | None = None  # None with an eap_type: settings refused


async def set_credentials(
    flash: Flash, creds: WlanCredentials, find_security: FindSecurity, *, dry_run: bool = False
) -> int:
    """``wlan_set_credentials``: a dry run of every check, the Enterprise settings, then the
    same checks again to save (so a WPA network without a cipher is scanned for twice, §3.6
    point 3). 0 when saved (or, in a dry run, when it would be)."""
    result = await _checked(creds, find_security)
    if result >= 0 and creds.eap_type != EapType.NONE:
        if creds.enterprise is None:
            return INVALID_EAP_CONFIG
        flash.enterprise = creds.enterprise
    if result >= 0:
        result = await _checked(creds, find_security)
    if result < 0:
        return result
    if not dry_run:
        key = stored_key(result, creds.password)
        flash.store_credential(
            make_credential(creds.ssid, result, creds.channel, creds.password, key)
        )
    return 0


async def _checked(creds: WlanCredentials, find_security: FindSecurity) -> int:
    return await checked_security(
        creds.ssid, creds.security, creds.cipher, creds.password, find_security
    )


def enterprise_config(
    *,
    eap_type: int,
    inner_identity: bytes,
    outer_identity: bytes,
    password: bytes,
    client_certificate: bytes,
    private_key: bytes,
    ca_certificate: bytes,
) -> EnterpriseConfig | None:
    """§3.6 step 6: PEAP needs an identity and a password, EAP-TLS a certificate and a key;
    None for settings the device refuses."""
    if eap_type == EapType.PEAP:
        if not 1 <= len(inner_identity) <= 64 or not 1 <= len(password) <= 64:
            return None
    elif eap_type == EapType.TLS:
        if not client_certificate or not private_key:
            return None
    else:
        return None
    return EnterpriseConfig(
        eap_type=eap_type,
        inner_identity=inner_identity,
        outer_identity=outer_identity,
        password=password,
        client_certificate=client_certificate,
        private_key=private_key,
        ca_certificate=ca_certificate,
    )


_BASE_SECURITY = {
    SecurityType.OPEN: 0,
    SecurityType.WEP: WICED_WEP_PSK,
    SecurityType.WPA: WPA_SECURITY,
    SecurityType.WPA2: WPA2_SECURITY,
    SecurityType.WPA_ENTERPRISE: WPA_SECURITY | ENTERPRISE_ENABLED,
    SecurityType.WPA2_ENTERPRISE: WPA2_SECURITY | ENTERPRISE_ENABLED,
}


async def checked_security(
    ssid: bytes,
    security: SecurityType,
    cipher: Cipher,
    password: bytes,
    find_security: FindSecurity,
) -> int:
    """The WICED security the device would store, or a negative result code."""
    # The SSID length is checked before the scan: a name no scan can report is -3, not -2.
    if not 1 <= len(ssid) <= SSID_MAX_BYTES:
        return INVALID_SSID_LENGTH
    wiced = _BASE_SECURITY.get(security, 0)
    if cipher & Cipher.AES:
        wiced |= AES_ENABLED
    if cipher & Cipher.TKIP:
        wiced |= TKIP_ENABLED
    if security == SecurityType.NOT_SET or (
        wiced & (WPA_SECURITY | WPA2_SECURITY) and cipher == Cipher.NOT_SET
    ):
        # The device looks for the network itself (§3.6 step 3).
        found = await find_security(ssid)
        if found is None:
            return CIPHER_REQUIRED
        wiced = found
    if wiced & WEP_ENABLED and not 5 <= len(password) <= 58:
        return INVALID_KEY_LENGTH
    wpa = wiced & (WPA_SECURITY | WPA2_SECURITY)
    if wpa and not wiced & ENTERPRISE_ENABLED and not 8 <= len(password) <= 64:
        return INVALID_KEY_LENGTH
    return wiced
