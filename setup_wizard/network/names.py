"""Recognising a Photon's network name: ``<prefix>-<suffix>``.

The firmware builds the SSID from a prefix (``Photon`` unless product firmware changed it,
on the P1 too) and a code of 6 characters, or 4 on devices set up before 0.7.0-rc.3, from
the alphabet ``23456789ABCDEFGHJKLMNPQRSTUVWXYZ``. Products may override both parts, so
matching is lenient: the prefix, case-insensitive, followed by a non-empty suffix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.errors import InvalidNetworkName

DEFAULT_PREFIX = "Photon-"
MAX_SSID_BYTES = 32  # IEEE 802.11: an SSID is 0 to 32 octets
_STANDARD_SUFFIX = re.compile(r"[2-9A-HJ-NP-Z]{4}|[2-9A-HJ-NP-Z]{6}")


@dataclass(frozen=True)
class PhotonNames:
    """The SSID pattern of the Photons this app sets up (the prefix is a setting)."""

    prefix: str = DEFAULT_PREFIX

    def __post_init__(self) -> None:
        prefix = self.prefix.strip()
        if not prefix.strip("-"):
            raise ValueError("the Photon network prefix must not be empty")
        # The firmware always puts "-" between prefix and code; accept the setting either way.
        if not prefix.endswith("-"):
            object.__setattr__(self, "prefix", prefix + "-")
        else:
            object.__setattr__(self, "prefix", prefix)

    def matches(self, ssid: str) -> bool:
        """True for ``Photon-ABCD``, ``Photon-A2B4C6``, ``photon-x`` (custom suffix)."""
        return len(ssid) > len(self.prefix) and ssid[: len(self.prefix)].lower() == (
            self.prefix.lower()
        )

    def suffix(self, ssid: str) -> str | None:
        """The code after the prefix, or None if ``ssid`` is not a Photon network."""
        return ssid[len(self.prefix) :] if self.matches(ssid) else None

    def is_standard(self, ssid: str) -> bool:
        """True if the suffix is a code the stock firmware generates (4 or 6 characters)."""
        suffix = self.suffix(ssid)
        return suffix is not None and _STANDARD_SUFFIX.fullmatch(suffix) is not None

    def complete(self, typed: str) -> str:
        """The full SSID from what a person typed: ``7kqx`` or ``photon-7kqx`` → ``Photon-7KQX``.

        Used where the OS hides network names and the person reads the code off the device
        or the Wi-Fi menu. A code from the stock alphabet is upper-cased (SSIDs are case
        sensitive and the firmware writes capitals); anything else is kept as typed.
        """
        text = typed.strip()
        if not text:
            raise ValueError("type the code after “" + self.prefix + "”")
        suffix = self.suffix(text) if self.matches(text) else text
        assert suffix is not None
        if _STANDARD_SUFFIX.fullmatch(suffix.upper()):
            suffix = suffix.upper()
        return check_ssid(self.prefix + suffix)


def check_ssid(ssid: str) -> str:
    """``ssid`` if a Wi-Fi network can have that name; else InvalidNetworkName, before any
    OS tool sees it (nmcli, networksetup and netsh each fail differently on it)."""
    size = len(ssid.encode("utf-8"))
    if size > MAX_SSID_BYTES:
        raise InvalidNetworkName(
            QT_TRANSLATE_NOOP(
                "Wifi",
                "“{ssid}” cannot be a Wi-Fi network name: names are at most {most} bytes and "
                "this one has {size}. Check what you typed against the name in your Wi-Fi "
                "menu.",
            ).format(ssid=ssid, most=MAX_SSID_BYTES, size=size)
        )
    return ssid
