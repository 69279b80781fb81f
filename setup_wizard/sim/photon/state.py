"""What a person can observe of a simulated Photon: its life stage and its status LED."""

from __future__ import annotations

from enum import Enum


class PhotonState(Enum):
    """Where the device is in its journey from listening mode to the cloud."""

    OFF = "off"  # not started, stopped, or in the middle of a power cycle
    LISTENING = "listening"  # SoftAP up, both setup servers answering
    JOINING_WIFI = "joining_wifi"  # SoftAP gone, joining a stored network, then DHCP
    CONNECTING_CLOUD = "connecting_cloud"  # on Wi-Fi, opening the cloud session
    ONLINE = "online"  # cloud handshake done


class LedPattern(Enum):
    OFF = "off"
    BLINKING = "blinking"
    BLINKING_FAST = "blinking fast"
    BREATHING = "breathing"


class Led(Enum):
    """The status LED in the default theme (softap-protocol.md §6), for the wizard's LED guide."""

    OFF = ("off", LedPattern.OFF, None, "The device is off.")
    LISTENING = ("dark blue", LedPattern.BLINKING, 500, "Listening mode: ready to be set up.")
    WIFI_JOINING = ("green", LedPattern.BLINKING, 200, "Joining the Wi-Fi network.")
    WIFI_DHCP = ("green", LedPattern.BLINKING_FAST, 100, "Getting an address on the Wi-Fi.")
    WIFI_CONNECTED = ("green", LedPattern.BREATHING, None, "On Wi-Fi, not on the cloud.")
    CLOUD_CONNECTING = ("cyan", LedPattern.BLINKING, 200, "Connecting to the Particle Cloud.")
    CLOUD_HANDSHAKE = ("cyan", LedPattern.BLINKING_FAST, 100, "Greeting the Particle Cloud.")
    CLOUD_CONNECTED = ("cyan", LedPattern.BREATHING, None, "Online.")
    OTA_UPDATE = ("magenta", LedPattern.BLINKING_FAST, 100, "Receiving a firmware update.")
    SAFE_MODE = ("magenta", LedPattern.BREATHING, None, "Safe mode: online, app not running.")

    def __init__(
        self, colour: str, pattern: LedPattern, period_ms: int | None, meaning: str
    ) -> None:
        self.colour = colour
        self.pattern = pattern
        self.period_ms = period_ms  # blink period; None when it does not blink
        self.meaning = meaning
