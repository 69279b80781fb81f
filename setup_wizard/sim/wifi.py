"""The radio world around a simulated Photon: which Wi-Fi networks exist, where, how secured.

Security is named as softap-setup-js names it and carried on the wire as Broadcom WICED's
``wiced_security_t`` bitmask (softap-protocol.md §4), because that is what a Photon reports in
``scan-ap`` and expects back in ``configure-ap``. Each :class:`SimNetwork` is one access point
(one BSS): a network served by two access points is two entries with the same SSID.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

# WICED security bits (§4).
WEP_ENABLED = 0x00000001
TKIP_ENABLED = 0x00000002
AES_ENABLED = 0x00000004
SHARED_ENABLED = 0x00008000
WPA_SECURITY = 0x00200000
WPA2_SECURITY = 0x00400000
ENTERPRISE_ENABLED = 0x02000000
WPS_ENABLED = 0x10000000
IBSS_ENABLED = 0x20000000

SECURITY_VALUES = MappingProxyType(
    {
        "open": 0,
        "none": 0,
        "wep_psk": WEP_ENABLED,
        "wep_shared": WEP_ENABLED | SHARED_ENABLED,
        "wpa_tkip": WPA_SECURITY | TKIP_ENABLED,
        "wpa_aes": WPA_SECURITY | AES_ENABLED,
        "wpa_mixed": WPA_SECURITY | AES_ENABLED | TKIP_ENABLED,
        "wpa2_aes": WPA2_SECURITY | AES_ENABLED,
        "wpa2_tkip": WPA2_SECURITY | TKIP_ENABLED,
        "wpa2_mixed": WPA2_SECURITY | AES_ENABLED | TKIP_ENABLED,
        "wpa2": WPA2_SECURITY | AES_ENABLED | TKIP_ENABLED,
        "wpa_enterprise_tkip": ENTERPRISE_ENABLED | WPA_SECURITY | TKIP_ENABLED,
        "wpa_enterprise_aes": ENTERPRISE_ENABLED | WPA_SECURITY | AES_ENABLED,
        "wpa_enterprise_mixed": ENTERPRISE_ENABLED | WPA_SECURITY | AES_ENABLED | TKIP_ENABLED,
        "wpa2_enterprise_tkip": ENTERPRISE_ENABLED | WPA2_SECURITY | TKIP_ENABLED,
        "wpa2_enterprise_aes": ENTERPRISE_ENABLED | WPA2_SECURITY | AES_ENABLED,
        "wpa2_enterprise_mixed": ENTERPRISE_ENABLED | WPA2_SECURITY | AES_ENABLED | TKIP_ENABLED,
        "wpa2_enterprise": ENTERPRISE_ENABLED | WPA2_SECURITY | AES_ENABLED | TKIP_ENABLED,
        "wps_open": WPS_ENABLED,
        "wps_secure": WPS_ENABLED | AES_ENABLED,
        "ibss_open": IBSS_ENABLED,
    }
)

_CHANNELS_2GHZ = range(1, 15)
_CHANNELS_5GHZ = range(32, 178)


@dataclass(frozen=True)
class SimNetwork:
    """One access point: what its beacons say and what it takes to join it.

    An SSID is bytes on the air (softap-protocol.md §3.6 point 8). Give ``ssid`` for a name
    that is text (sent as UTF-8), or ``raw_ssid`` for any bytes, such as a Latin-1 router
    name (``raw_ssid=b"Caf\xe9"``); ``ssid`` then holds the name decoded with replacement
    characters, for showing only.

    ``password`` is the WPA passphrase, the WEP key (10/26 hex digits, or 5/13 ASCII
    characters; the router's key 1), or the PEAP user password of an Enterprise network;
    ``None`` for open ones. Channels above 14 are 5 GHz, which a Photon's radio can neither
    see nor join.
    """

    ssid: str = ""
    security: str = "open"
    password: str | None = None
    channel: int = 6
    rssi: int = -60
    bssid: str = ""  # "" = derived from the other fields, so it is stable across runs
    hidden: bool = False
    max_data_rate: int | None = None  # kbit/s; None = what such an access point usually offers
    raw_ssid: bytes = b""

    def __post_init__(self) -> None:
        if self.raw_ssid:
            shown = self.raw_ssid.decode("utf-8", errors="replace")
            if self.ssid and self.ssid != shown:
                raise ValueError(f"ssid {self.ssid!r} does not show raw_ssid {self.raw_ssid!r}")
            object.__setattr__(self, "ssid", shown)
        else:
            object.__setattr__(self, "raw_ssid", self.ssid.encode())
        if self.security not in SECURITY_VALUES:
            names = ", ".join(sorted(SECURITY_VALUES))
            raise ValueError(f"unknown security {self.security!r}; use one of: {names}")
        if not 1 <= len(self.raw_ssid) <= 32:
            raise ValueError(f"an SSID is 1 to 32 bytes, {self.raw_ssid!r} is not")
        if self.sec not in (0, WPS_ENABLED, IBSS_ENABLED) and not self.password:
            raise ValueError(f"network {self.ssid!r} is secured, so it needs a password")
        if self.channel not in _CHANNELS_2GHZ and self.channel not in _CHANNELS_5GHZ:
            raise ValueError(f"channel {self.channel} is neither a 2.4 GHz nor a 5 GHz channel")
        if not self.bssid:
            seed = self.raw_ssid + f"|{self.security}|{self.channel}|{self.rssi}".encode()
            octets = bytearray(hashlib.sha256(seed).digest()[:6])
            octets[0] = (octets[0] | 0x02) & 0xFE  # locally administered, unicast
            object.__setattr__(self, "bssid", ":".join(f"{b:02x}" for b in octets))

    @property
    def sec(self) -> int:
        """The WICED security value this access point's beacons announce (§4)."""
        return SECURITY_VALUES[self.security]

    @property
    def is_2ghz(self) -> bool:
        return self.channel in _CHANNELS_2GHZ

    @property
    def mdr(self) -> int:
        """Maximum data rate in kbit/s, as ``scan-ap`` reports it."""
        if self.max_data_rate is not None:
            return self.max_data_rate
        sec = self.sec
        legacy = sec & WEP_ENABLED or (sec & TKIP_ENABLED and not sec & AES_ENABLED)
        return 54000 if legacy else 144400  # 802.11n needs CCMP (AES) or no security


class WifiEnvironment:
    """The access points within reach, in the order a radio sweep meets them on each channel.

    Tests may change ``networks`` while a Photon runs (a router switched off, a password
    changed); the Photon looks at the list whenever it scans or joins.
    """

    def __init__(self, networks: Iterable[SimNetwork] = ()) -> None:
        self.networks: list[SimNetwork] = list(networks)

    def __repr__(self) -> str:
        return f"WifiEnvironment({len(self.networks)} networks)"

    def add(self, network: SimNetwork) -> None:
        self.networks.append(network)

    def remove(self, ssid: str | bytes) -> None:
        """Switch off every access point of the network ``ssid`` (its text, or its bytes)."""
        raw = ssid if isinstance(ssid, bytes) else ssid.encode()
        self.networks = [net for net in self.networks if net.raw_ssid != raw]

    @classmethod
    def home(cls) -> WifiEnvironment:
        """A typical home: the router and its 5 GHz twin, a mesh, neighbours, a printer, a café."""
        return cls(
            [
                SimNetwork(
                    "HomeNetwork", "wpa2_mixed", "correct horse battery", channel=6, rssi=-45
                ),
                SimNetwork("HomeNetwork-5G", "wpa2_aes", "correct horse battery", 36, -52),
                SimNetwork("Miller Family", "wpa2_aes", "millers2019", channel=1, rssi=-67),
                SimNetwork("Miller Family", "wpa2_aes", "millers2019", channel=11, rssi=-74),
                SimNetwork("NETGEAR42", "wpa_aes", "quietmoon512", channel=11, rssi=-71),
                SimNetwork("DIRECT-6B-HP OfficeJet", "wpa2_aes", "hpprinter88", 6, rssi=-63),
                SimNetwork("xfinitywifi", "open", None, channel=1, rssi=-80),
                SimNetwork("Café Lumière", "wpa2_aes", "croissant42", channel=11, rssi=-84),
                SimNetwork("Garage", "wpa2_aes", "garagedoor1", channel=3, rssi=-77, hidden=True),
            ]
        )

    @classmethod
    def crowded(cls, count: int = 35, seed: int = 0) -> WifiEnvironment:
        """An apartment block: ``count`` access points, repeated SSIDs and a few hidden ones."""
        if count < 1:
            raise ValueError("a crowded environment has at least one network")
        rng = random.Random(seed)  # noqa: S311 - repeatable scenery, not cryptography
        brands = ["NETGEAR", "TP-Link_", "Linksys", "ASUS_", "FRITZ!Box 7590 ", "Vodafone-"]
        securities = ["wpa2_aes", "wpa2_aes", "wpa2_mixed", "wpa2_aes", "wpa_tkip", "open"]
        networks: list[SimNetwork] = []
        while len(networks) < count:
            index = len(networks)
            if networks and index % 7 == 3:
                # A mesh or a second access point of an existing network: same SSID, other BSS.
                twin = rng.choice(networks)
                networks.append(
                    SimNetwork(
                        twin.ssid,
                        twin.security,
                        twin.password,
                        channel=rng.choice([1, 6, 11]),
                        rssi=rng.randint(-92, -55),
                        hidden=twin.hidden,
                    )
                )
                continue
            security = rng.choice(securities)
            ssid = f"{rng.choice(brands)}{rng.randrange(16**4):04X}"
            if index % 5 == 0:
                ssid = f"Apt {rng.randint(1, 12)}{rng.choice('ABCDEF')}"
            networks.append(
                SimNetwork(
                    ssid,
                    security,
                    None if security == "open" else f"pass{rng.randrange(10**8):08d}",
                    channel=rng.choice([1, 1, 6, 6, 11, 11, 3, 9, 13]),
                    rssi=rng.randint(-92, -48),
                    hidden=index % 11 == 10,
                )
            )
        return cls(networks)
