"""What the USB console tests share: the skip marker, the networks, a log watch."""

from __future__ import annotations

import pytest

from setup_wizard.sim.photon import PTY_AVAILABLE
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

needs_pty = pytest.mark.skipif(
    not PTY_AVAILABLE,
    reason="the simulated USB console needs pseudo-terminals, which this platform has not",
)

HOME_PASSWORD = "correct horse battery"
CLAIM_CODE = "Zx9" * 21  # 63 characters, the length real claim codes have
LONGEST_SSID = "Thirty-two bytes, not one more.."  # the console's SSID field is 32 bytes
LONGEST_PASSWORD = "0123456789abcdef" * 4  # a raw key, 64 hex digits: the password field


def bench() -> WifiEnvironment:
    """Seen networks of each kind, and one the Photon's scan cannot see."""
    return WifiEnvironment(
        [
            SimNetwork("HomeNet", "wpa2_aes", HOME_PASSWORD, channel=6, rssi=-48),
            SimNetwork('Joe"s \\ Café', "wpa2_mixed", "quoted pass", channel=11, rssi=-60),
            SimNetwork("Library", "open", channel=3, rssi=-70),
            SimNetwork("Old Router", "wep_psk", "0123456789", channel=9, rssi=-75),
            SimNetwork("Office", "wpa2_enterprise_aes", "radius", channel=1, rssi=-55),
            SimNetwork("Hidden Lab", "wpa2_aes", "password1", channel=4, rssi=-40, hidden=True),
            SimNetwork(LONGEST_SSID, "wpa2_aes", LONGEST_PASSWORD, channel=5, rssi=-58),
        ]
    )
