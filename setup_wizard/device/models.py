"""What the Photon tells us, as typed values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from setup_wizard.device.security import Security

# RSSI (dBm) at or above which a network earns 4, 3, 2, 1 bars; below the last, 0.
# Roughly the steps phones use: -55 is excellent, below -88 barely usable.
_BAR_THRESHOLDS = (-55, -66, -77, -88)


def signal_bars(rssi: int) -> int:
    """0–4 bars for a signal strength in dBm."""
    for index, threshold in enumerate(_BAR_THRESHOLDS):
        if rssi >= threshold:
            return len(_BAR_THRESHOLDS) - index
    return 0


@dataclass(frozen=True)
class DeviceInfo:
    """The answer to ``device-id``.

    ``claimed`` only means "was claimed at least once", not "belongs to this customer":
    the cloud's device list decides that.
    """

    device_id: str  # 24 hex digits, lower case as the cloud API wants it
    claimed: bool


@dataclass(frozen=True)
class WifiNetwork:
    """One network from the Photon's own scan (2.4 GHz only; hidden networks never appear).

    An SSID is bytes, not text (§3.6 point 8): ``raw_ssid`` is exactly what the device
    reported and what ``configure-ap`` sends back; ``ssid`` is only for showing, decoded as
    UTF-8 with replacement characters (a Latin-1 router name shows as ``Caf�``). Left empty,
    ``raw_ssid`` is the UTF-8 of ``ssid``.
    """

    ssid: str
    security: Security
    rssi: int  # dBm, negative
    channel: int
    max_data_rate: int | None = None  # kbit/s, as the firmware reports it
    raw_ssid: bytes = b""

    def __post_init__(self) -> None:
        if not self.raw_ssid:
            object.__setattr__(self, "raw_ssid", self.ssid.encode("utf-8", errors="replace"))

    @classmethod
    def scanned(
        cls,
        raw_ssid: bytes,
        security: Security,
        rssi: int,
        channel: int,
        max_data_rate: int | None = None,
    ) -> WifiNetwork:
        """A scan result, named by the exact bytes the device reported."""
        display = raw_ssid.decode("utf-8", errors="replace")
        return cls(display, security, rssi, channel, max_data_rate, raw_ssid)

    @property
    def ssid_is_text(self) -> bool:
        """False when the name is not UTF-8, so ``ssid`` shows it only approximately."""
        return self.raw_ssid == self.ssid.encode("utf-8", errors="replace")

    @property
    def bars(self) -> int:
        return signal_bars(self.rssi)

    @property
    def security_label(self) -> str:
        return self.security.label

    @property
    def needs_password(self) -> bool:
        return self.security.needs_password

    @property
    def is_enterprise(self) -> bool:
        return self.security.is_enterprise


class ConnectResult(StrEnum):
    """What ``connect-ap`` told us.

    The Photon drops its access point right after answering, so the reply is often lost.
    Either way the caller must confirm the outcome (the access point disappears, the
    device appears online in the cloud); ``connect-ap`` is never re-sent once delivered.
    """

    ACCEPTED = "accepted"
    PROBABLY_ACCEPTED = "probably accepted (reply lost)"
