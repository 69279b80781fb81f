"""The firmware's coarse security types and how it maps WICED values onto them (§3.6, §4)."""

from __future__ import annotations

from enum import IntEnum

from setup_wizard.sim.wifi import (
    ENTERPRISE_ENABLED,
    WEP_ENABLED,
    WPA2_SECURITY,
    WPA_SECURITY,
)

WICED_WEP_PSK = WEP_ENABLED


class SecurityType(IntEnum):
    """``WLAN_SEC_*``: what ``configure-ap`` keeps of ``sec`` (the cipher bits are dropped)."""

    OPEN = 0
    WEP = 1
    WPA = 2
    WPA2 = 3
    WPA_ENTERPRISE = 4
    WPA2_ENTERPRISE = 5
    NOT_SET = 0xFF

    @property
    def is_enterprise(self) -> bool:
        return self in (SecurityType.WPA_ENTERPRISE, SecurityType.WPA2_ENTERPRISE)


def coarse_security(sec: int) -> SecurityType:
    """Reduce a WICED value the way the firmware does: -1 ("unknown") has the WEP bit, so WEP."""
    if sec == 0:
        return SecurityType.OPEN
    if sec & WEP_ENABLED:
        return SecurityType.WEP
    if sec & (WPA2_SECURITY | ENTERPRISE_ENABLED) == WPA2_SECURITY | ENTERPRISE_ENABLED:
        return SecurityType.WPA2_ENTERPRISE
    if sec & (WPA_SECURITY | ENTERPRISE_ENABLED) == WPA_SECURITY | ENTERPRISE_ENABLED:
        return SecurityType.WPA_ENTERPRISE
    if sec & WPA_SECURITY:
        return SecurityType.WPA
    if sec & WPA2_SECURITY:
        return SecurityType.WPA2
    return SecurityType.NOT_SET
