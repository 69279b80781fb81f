"""Wi-Fi security as the Photon reports it: Broadcom WICED's ``wiced_security_t`` bitmask.

The radio may report bit combinations that are not in the named table (for example both
the WPA and WPA2 bits), so every property is derived from the bits, and an unlisted value
becomes a pseudo-member that keeps its exact number: it must go back to the device unchanged.
"""

from __future__ import annotations

from enum import IntEnum, IntFlag

from setup_wizard.i18n import QT_TRANSLATE_NOOP, Text

_UINT32 = 0xFFFFFFFF


class SecurityBit(IntFlag):
    """The WICED bits the values below are made of."""

    WEP = 0x00000001
    TKIP = 0x00000002
    AES = 0x00000004
    SHARED = 0x00008000
    WPA = 0x00200000
    WPA2 = 0x00400000
    ENTERPRISE = 0x02000000
    WPS = 0x10000000
    IBSS = 0x20000000


class Security(IntEnum):
    """A network's security, with the exact numeric codes the firmware sends and expects."""

    OPEN = 0
    WEP_PSK = 0x00000001
    WEP_SHARED = 0x00008001
    WPA_TKIP_PSK = 0x00200002
    WPA_AES_PSK = 0x00200004
    WPA_MIXED_PSK = 0x00200006
    WPA2_AES_PSK = 0x00400004
    WPA2_TKIP_PSK = 0x00400002
    WPA2_MIXED_PSK = 0x00400006
    WPA_TKIP_ENT = 0x02200002
    WPA_AES_ENT = 0x02200004
    WPA_MIXED_ENT = 0x02200006
    WPA2_TKIP_ENT = 0x02400002
    WPA2_AES_ENT = 0x02400004
    WPA2_MIXED_ENT = 0x02400006
    IBSS_OPEN = 0x20000000
    WPS_OPEN = 0x10000000
    WPS_SECURE = 0x10000004
    UNKNOWN = -1

    @classmethod
    def _missing_(cls, value: object) -> Security | None:
        """Accept any 32-bit value: 0xFFFFFFFF is UNKNOWN, others become pseudo-members."""
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        if value == _UINT32:
            return cls.UNKNOWN
        if not -(2**31) <= value <= _UINT32:
            return None
        if value > 0x7FFFFFFF:  # the firmware prints a signed 32-bit int
            value -= 2**32
            if value == -1:
                return cls.UNKNOWN
        known = cls._value2member_map_.get(value)
        if isinstance(known, cls):
            return known
        member = int.__new__(cls, value)
        member._name_ = f"UNLISTED_{value & _UINT32:#010x}"
        member._value_ = value
        cls._value2member_map_[value] = member
        return member

    def _has(self, bit: SecurityBit) -> bool:
        return self.value != -1 and bool(self.value & bit)

    @property
    def is_open(self) -> bool:
        """No password: plain open networks, and open ones that merely advertise WPS."""
        if self.value == -1:
            return False
        protection = SecurityBit.WEP | SecurityBit.WPA | SecurityBit.WPA2
        return not self.value & (protection | SecurityBit.AES | SecurityBit.TKIP)

    @property
    def is_wep(self) -> bool:
        return self._has(SecurityBit.WEP)

    @property
    def is_wpa(self) -> bool:
        """WPA or WPA2, personal or enterprise."""
        return not self.is_wep and (self._has(SecurityBit.WPA) or self._has(SecurityBit.WPA2))

    @property
    def is_enterprise(self) -> bool:
        return self.is_wpa and self._has(SecurityBit.ENTERPRISE)

    @property
    def is_ad_hoc(self) -> bool:
        return self._has(SecurityBit.IBSS)

    @property
    def needs_password(self) -> bool:
        """True when the person must type a WEP key or WPA passphrase (enterprise is refused)."""
        return (self.is_wep or self.is_wpa) and not self.is_enterprise

    @property
    def label(self) -> str:
        """What a person recognises from their router's settings page (a :class:`Text`: the
        GUI shows it translated)."""
        if self.is_ad_hoc:
            return QT_TRANSLATE_NOOP("Security", "Ad hoc")
        if self.is_open:
            return QT_TRANSLATE_NOOP("Security", "Open")
        if self.is_wep:
            if self._has(SecurityBit.SHARED):
                return QT_TRANSLATE_NOOP("Security", "WEP Shared")
            return QT_TRANSLATE_NOOP("Security", "WEP")
        if not self.is_wpa:  # -1, or a cipher without WEP/WPA (e.g. WPS_SECURE)
            return QT_TRANSLATE_NOOP("Security", "Unknown")
        personal, enterprise = _WPA_LABELS[self._has(SecurityBit.WPA), self._has(SecurityBit.WPA2)]
        return enterprise if self.is_enterprise else personal

    @property
    def cipher(self) -> str:
        """The cipher part of the value ("AES", "TKIP", "AES+TKIP" or ""), for details views."""
        if self.value == -1:
            return ""
        names = {0x6: "AES+TKIP", 0x4: "AES", 0x2: "TKIP"}
        return names.get(self.value & (SecurityBit.AES | SecurityBit.TKIP), "")


_WPA_LABELS: dict[tuple[bool, bool], tuple[Text, Text]] = {
    (True, True): (
        QT_TRANSLATE_NOOP("Security", "WPA/WPA2 Personal"),
        QT_TRANSLATE_NOOP("Security", "WPA/WPA2 Enterprise"),
    ),
    (False, True): (
        QT_TRANSLATE_NOOP("Security", "WPA2 Personal"),
        QT_TRANSLATE_NOOP("Security", "WPA2 Enterprise"),
    ),
    (True, False): (
        QT_TRANSLATE_NOOP("Security", "WPA Personal"),
        QT_TRANSLATE_NOOP("Security", "WPA Enterprise"),
    ),
}
"""(has the WPA bit, has the WPA2 bit) → (the Personal label, the Enterprise label)."""

MANUAL_ENTRY_CHOICES: tuple[Security, ...] = (
    Security.WPA2_MIXED_PSK,
    Security.WPA2_AES_PSK,
    Security.WPA_MIXED_PSK,
    Security.WEP_PSK,
    Security.OPEN,
)
"""What a person can pick when typing a network name by hand, most common first."""
