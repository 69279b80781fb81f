"""The Photon's Wi-Fi radio (BCM43362, 2.4 GHz only) in a simulated environment.

A scan sweeps the channels one by one and reports each access point as it hears it, hidden
ones with an empty SSID. Joining is directed at a stored SSID, so a hidden network joins
as long as it is within reach and the key is right.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.photon import timing
from setup_wizard.sim.photon.flash import EapType, EnterpriseConfig, StoredCredential
from setup_wizard.sim.photon.keys import hex_decode
from setup_wizard.sim.photon.security import WICED_WEP_PSK, SecurityType, coarse_security
from setup_wizard.sim.wifi import AES_ENABLED, TKIP_ENABLED, SimNetwork, WifiEnvironment

_CHANNELS = range(1, 15)
SSID_MAX_BYTES = 32


@dataclass(frozen=True)
class ScanEntry:
    ssid: bytes  # b"" for a hidden network
    rssi: int
    sec: int
    channel: int
    mdr: int


async def scan(clock: SimClock, env: WifiEnvironment, seconds: float) -> AsyncIterator[ScanEntry]:
    """One sweep of ``seconds``: each channel's access points, reported after its dwell time.

    SSIDs are reported as the bytes the access points send, UTF-8 or not.
    """
    dwell = seconds / len(_CHANNELS)
    for channel in _CHANNELS:
        await clock.sleep(dwell)
        for net in list(env.networks):
            if net.is_2ghz and net.channel == channel:
                ssid = b"" if net.hidden else net.raw_ssid[:SSID_MAX_BYTES]
                yield ScanEntry(ssid, net.rssi, net.sec, net.channel, net.mdr)


async def find_security(
    clock: SimClock, env: WifiEnvironment, ssid: bytes, seconds: float
) -> int | None:
    """configure-ap's own scan: the security of the last access point heard with these bytes."""
    found: int | None = None
    async for entry in scan(clock, env, seconds):
        if entry.ssid == ssid:
            found = entry.sec
    return found


@dataclass(frozen=True)
class JoinAttempt:
    network: SimNetwork | None  # the access point joined, None on failure
    seconds: float  # how long the attempt took


def attempt_join(
    env: WifiEnvironment, credential: StoredCredential, enterprise: EnterpriseConfig | None
) -> JoinAttempt:
    """Join one stored network as ``wiced_join_ap_specific`` would: SSID, security type, key."""
    candidates = [
        net for net in env.networks if net.is_2ghz and net.raw_ssid == credential.ssid_bytes
    ]
    if not candidates:
        return JoinAttempt(None, timing.JOIN_ABSENT_SECONDS)
    for net in sorted(candidates, key=lambda n: n.rssi, reverse=True):
        if _same_kind(credential, net) and _key_fits(credential, enterprise, net):
            return JoinAttempt(net, timing.JOIN_SUCCESS_SECONDS)
    return JoinAttempt(None, timing.JOIN_WRONG_KEY_SECONDS)


def wep_key(password: str) -> bytes:
    """The key bytes of a WEP router: 10 or 26 hex digits as given, else the characters."""
    if len(password) in (10, 26):
        try:
            return bytes.fromhex(password)
        except ValueError:
            pass
    return password.encode()


def wep_key_from_structure(stored: bytes) -> bytes | None:
    """The key a WEP credential holds, read as WICED's key structure (§3.6 point 5).

    What the firmware stored is ``key index, key length, key bytes``; the routers here use key
    1 (index 0). Anything else, such as a bare key whose first bytes read as index and length,
    holds no usable key: None, and the join fails.
    """
    if len(stored) < 2:
        return None
    index, length = stored[0], stored[1]
    key = stored[2 : 2 + length]
    if index != 0 or len(key) != length:
        return None
    return key


def _same_kind(credential: StoredCredential, net: SimNetwork) -> bool:
    return _join_kind(credential.security) == coarse_security(net.sec)


def _join_kind(security: int) -> SecurityType:
    """The kind of network a stored security joins. The console stores an open network with
    the cipher it was told (0 | AES_ENABLED): taken here as open (assumed: how WICED joins
    with it is in a binary of device-os; particle-cli answers AES for open networks)."""
    if security & ~(AES_ENABLED | TKIP_ENABLED) == 0:
        return SecurityType.OPEN
    return coarse_security(security)


def _key_fits(
    credential: StoredCredential, enterprise: EnterpriseConfig | None, net: SimNetwork
) -> bool:
    kind = coarse_security(net.sec)
    if kind in (SecurityType.OPEN, SecurityType.NOT_SET):
        return True
    password = net.password or ""
    if kind == SecurityType.WEP:
        return wep_key_from_structure(credential.key) == wep_key(password)
    if kind.is_enterprise:
        if enterprise is None:
            return False
        if enterprise.eap_type == EapType.PEAP:
            return enterprise.password == password.encode()
        return enterprise.eap_type == EapType.TLS  # certificates are not checked here
    return credential.key == password.encode()


def stored_key(security: int, password: bytes) -> bytes:
    """What the firmware writes to flash: ≤ 64 bytes of the password, hex-decoded only when
    the security is exactly WEP_PSK (§3.6 step 5). SoftAP stores WEP that way; the USB
    console always adds a cipher bit (WEP_PSK | AES...), so its WEP key is kept as typed."""
    if security == WICED_WEP_PSK and len(password) > 1 and password[0] > 4:
        return hex_decode(password, 64)
    return password[:64]
