"""The Photon's status LED: every pattern as data a picture can be drawn from, in plain words.

The Photon reports no failure reason over the air, so the light is the diagnosis: the wizard
shows the person what it should look like and, when it looks different, what that means and
what to do. Timings and colours are Device OS v2.3.1's (unchanged in v3.3.1, the last release
for the Photon); where Particle's docs disagree, the firmware wins.

Text here is English source text marked for ``pyside6-lupdate`` in the ``LedGuide`` context;
the GUI shows it through ``QCoreApplication.translate(TRANSLATION_CONTEXT, text)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from setup_wizard.i18n import QT_TRANSLATE_NOOP

TRANSLATION_CONTEXT = "LedGuide"

Rgb = tuple[int, int, int]

# The firmware's colour constants (services/inc/rgbled.h).
BLUE: Rgb = (0, 0, 255)
GREEN: Rgb = (0, 255, 0)
CYAN: Rgb = (0, 255, 255)
MAGENTA: Rgb = (255, 0, 255)
YELLOW: Rgb = (255, 255, 0)
WHITE: Rgb = (255, 255, 255)
RED: Rgb = (255, 0, 0)
ORANGE: Rgb = (255, 96, 0)

# Pattern periods (system/src/system_led_signal.cpp): a blink is lit for the first half.
BLINK_SLOW_MS = 500
BLINK_NORMAL_MS = 200
BLINK_FAST_MS = 100
BREATHE_MS = 4000
# One error blink after a failed cloud connection, on and off alike (system/src/system_task.cpp).
ERROR_BLINK_MS = 250


class Curve(Enum):
    """How bright the LED is across one segment."""

    ON = "on"
    OFF = "off"
    # Full, fading linearly to dark at the middle and back to full: the firmware's fade.
    BREATHE = "breathe"


@dataclass(frozen=True)
class Segment:
    colour: Rgb
    curve: Curve
    duration_ms: int

    def __post_init__(self) -> None:
        if self.duration_ms <= 0:
            raise ValueError("a segment lasts at least 1 ms")

    def brightness_at(self, offset_ms: float) -> float:
        """0.0 (dark) to 1.0 (full) at ``offset_ms`` into this segment."""
        if self.curve is Curve.ON:
            return 1.0
        if self.curve is Curve.OFF:
            return 0.0
        half = self.duration_ms / 2
        return min(1.0, max(0.0, abs(offset_ms - half) / half))


@dataclass(frozen=True)
class LedLight:
    """What the LED shows at one instant."""

    colour: Rgb
    brightness: float

    @property
    def lit(self) -> bool:
        return self.brightness > 0.0

    @property
    def rgb(self) -> Rgb:
        """The colour scaled by brightness, as an eye sees the LED from across a desk."""
        r, g, b = self.colour
        k = self.brightness
        return (round(r * k), round(g * k), round(b * k))


@dataclass(frozen=True)
class LedLook:
    """One full loop of an LED animation, exact enough for a renderer to draw it."""

    segments: tuple[Segment, ...]

    def __post_init__(self) -> None:
        if not self.segments:
            raise ValueError("a look has at least one segment")

    @property
    def cycle_ms(self) -> int:
        return sum(s.duration_ms for s in self.segments)

    @property
    def colours(self) -> tuple[Rgb, ...]:
        """The colours the LED actually lights in, in order of first appearance."""
        seen: list[Rgb] = []
        for s in self.segments:
            if s.curve is not Curve.OFF and s.colour not in seen:
                seen.append(s.colour)
        return tuple(seen)

    @property
    def animated(self) -> bool:
        return len({(s.colour, s.curve) for s in self.segments}) > 1 or any(
            s.curve is Curve.BREATHE for s in self.segments
        )

    def light_at(self, ms: float) -> LedLight:
        """The LED at ``ms`` since the loop started (wraps around)."""
        t = ms % self.cycle_ms
        for s in self.segments:
            if t < s.duration_ms:
                return LedLight(s.colour, s.brightness_at(t))
            t -= s.duration_ms
        last = self.segments[-1]  # only reached through float rounding at the very end
        return LedLight(last.colour, last.brightness_at(last.duration_ms))


def blinking(colour: Rgb, cycle_ms: int, times: int = 1) -> tuple[Segment, ...]:
    """``times`` blinks of ``cycle_ms``, lit for the first half of each."""
    on = Segment(colour, Curve.ON, cycle_ms // 2)
    off = Segment(colour, Curve.OFF, cycle_ms - cycle_ms // 2)
    return (on, off) * times


def breathing(colour: Rgb) -> tuple[Segment, ...]:
    return (Segment(colour, Curve.BREATHE, BREATHE_MS),)


def solid(colour: Rgb, duration_ms: int = 1000) -> tuple[Segment, ...]:
    return (Segment(colour, Curve.ON, duration_ms),)


def dark(duration_ms: int) -> tuple[Segment, ...]:
    return (Segment(WHITE, Curve.OFF, duration_ms),)


def sos_look(code: int) -> LedLook:
    """Red SOS, then ``code`` long blinks (services/src/panic.c: each group ends in a pause)."""
    if not 1 <= code <= 14:
        raise ValueError("Photon SOS codes run from 1 to 14")

    def flashes(times: int, on_ms: int, off_ms: int, pause_ms: int) -> tuple[Segment, ...]:
        blink = (Segment(RED, Curve.ON, on_ms), Segment(RED, Curve.OFF, off_ms))
        return blink * times + dark(pause_ms)

    return LedLook(
        flashes(3, 150, 100, 100)
        + flashes(3, 300, 100, 100)
        + flashes(3, 150, 100, 900)
        + flashes(code, 300, 300, 800)
    )


def _cyan_then_error_blinks(colour: Rgb, times: int) -> LedLook:
    """Blinking cyan, then the error blinks the firmware shows when a cloud connection fails."""
    error_blinks = (
        Segment(colour, Curve.ON, ERROR_BLINK_MS),
        Segment(colour, Curve.OFF, ERROR_BLINK_MS),
    ) * times
    return LedLook(blinking(CYAN, BLINK_NORMAL_MS, 10) + error_blinks)


def _handshake_then_flash(colour: Rgb) -> LedLook:
    """Cyan while it tries, then one flash of ``colour`` when the handshake fails (held 250 ms)."""
    return LedLook(
        blinking(CYAN, BLINK_NORMAL_MS, 8)
        + blinking(CYAN, BLINK_FAST_MS, 4)
        + (Segment(colour, Curve.ON, ERROR_BLINK_MS),)
    )


def _flicker(colour: Rgb, durations_ms: tuple[int, ...]) -> tuple[Segment, ...]:
    curves = (Curve.ON, Curve.OFF)
    return tuple(Segment(colour, curves[i % 2], d) for i, d in enumerate(durations_ms))


# The LED toggles once per firmware chunk received, so the rhythm is uneven; this is one
# plausible stretch of it, followed by the bootloader's steady 100 ms blink while it installs.
_OTA_TOGGLES_MS = (90, 60, 140, 40, 70, 180, 50, 110, 60, 40, 200, 80, 120, 60, 90, 150)


class LedPattern(Enum):
    """Every status light a Photon (Device OS 2.x/3.x) shows, by what a person sees."""

    LISTENING = "listening"
    WIFI_RESET = "wifi_reset"
    NETWORK_CONNECTING = "network_connecting"
    NETWORK_DHCP = "network_dhcp"
    NETWORK_NO_CLOUD = "network_no_cloud"
    WIFI_ON_NOT_CONNECTED = "wifi_on_not_connected"
    WIFI_OFF = "wifi_off"
    CLOUD_CONNECTING = "cloud_connecting"
    CLOUD_HANDSHAKE = "cloud_handshake"
    CLOUD_CONNECTED = "cloud_connected"
    NO_INTERNET = "no_internet"
    CLOUD_UNREACHABLE = "cloud_unreachable"
    BAD_DEVICE_KEY = "bad_device_key"
    BAD_SERVER_KEY = "bad_server_key"
    HANDSHAKE_ERROR = "handshake_error"
    FIRMWARE_UPDATE = "firmware_update"
    SAFE_MODE_SELECTION = "safe_mode_selection"
    SAFE_MODE = "safe_mode"
    DFU = "dfu"
    WIFI_RESET_AT_BOOT = "wifi_reset_at_boot"
    RED_SOS = "red_sos"
    SOLID = "solid"
    NO_LIGHT = "no_light"

    @property
    def info(self) -> LedInfo:
        return GUIDE[self]

    @property
    def look(self) -> LedLook:
        return GUIDE[self].look


@dataclass(frozen=True)
class LedInfo:
    """A pattern in words: for a person at home first, for a developer optionally."""

    pattern: LedPattern
    look: LedLook
    name: str  # "Blinking dark blue": what a person would call it
    particle_name: str  # what Particle's docs call it, for searching and for support staff
    meaning: str
    # Whole sentences, translated one by one and shown together as one paragraph; sentences
    # that several patterns share (how to start safe mode) are translated once.
    what_to_do: tuple[str, ...]
    for_developers: str | None = None  # CLI hints, shown apart from the text for everyone


# Sentences that several remedies share; each is translated once.
SAFE_MODE_STEPS = QT_TRANSLATE_NOOP(
    "LedGuide",
    "To start it in safe mode, hold down both buttons, let go of RESET, keep holding SETUP "
    "until the light blinks magenta, then let go.",
)
SETUP_STEPS = QT_TRANSLATE_NOOP(
    "LedGuide", "Then hold SETUP for about 3 seconds until the light blinks dark blue."
)
TRY_SETUP_FIRST = QT_TRANSLATE_NOOP(
    "LedGuide",
    "Hold SETUP for about 3 seconds. If the light does not start blinking dark blue, the "
    "program on the Photon is in the way: start it in safe mode first.",
)
NEEDS_DEVELOPER = QT_TRANSLATE_NOOP(
    "LedGuide",
    "This needs a repair with Particle's developer tools: ask someone who develops for "
    "Particle devices, or contact Particle support.",
)
FROM_SAFE_MODE = QT_TRANSLATE_NOOP(
    "LedGuide", "Then reflash the app from safe mode, e.g. particle flash DEVICE_ID tinker."
)

_INFOS = (
    LedInfo(
        LedPattern.LISTENING,
        LedLook(blinking(BLUE, BLINK_SLOW_MS)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking dark blue"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Listening mode"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "The Photon is ready to be set up and waits for your Wi-Fi details."
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "This is the light setup needs. To get here, hold SETUP for about 3 seconds.",
            ),
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "If it comes back to blinking dark blue after you sent your Wi-Fi details, the "
                "Photon could not join your Wi-Fi: usually the password was mistyped.",
            ),
        ),
    ),
    LedInfo(
        LedPattern.WIFI_RESET,
        # 25 toggles 50 ms apart (system_network_internal.h), then listening mode again.
        LedLook(_flicker(BLUE, (50,) * 24) + dark(50) + blinking(BLUE, BLINK_SLOW_MS, 4)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Quick dark blue flicker"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Wi-Fi network reset"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "SETUP was held for about 10 seconds, so the Photon is forgetting the Wi-Fi "
            "networks it knew. If the flicker turns red, forgetting them failed.",
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Nothing is wrong: let go of SETUP. It goes back to blinking dark blue, ready "
                "to be set up.",
            ),
            QT_TRANSLATE_NOOP(
                "LedGuide", "After a red flicker, hold SETUP for about 10 seconds again."
            ),
        ),
    ),
    LedInfo(
        LedPattern.NETWORK_CONNECTING,
        LedLook(blinking(GREEN, BLINK_NORMAL_MS)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking green"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Connecting to network"),
        meaning=QT_TRANSLATE_NOOP("LedGuide", "The Photon is joining a Wi-Fi network it knows."),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Wait up to a minute. If it keeps blinking green: the Photon only sees 2.4 GHz "
                "Wi-Fi, needs the exact password, and cannot use networks with a sign-in page "
                "(hotels, cafés) or company logins.",
            ),
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "To set it up from scratch, hold SETUP for about 3 seconds; the button can "
                "react late while the light blinks green, so keep holding until it changes.",
            ),
        ),
    ),
    LedInfo(
        LedPattern.NETWORK_DHCP,
        LedLook(blinking(GREEN, BLINK_FAST_MS)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Fast blinking green"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Getting network address (DHCP)"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The Photon joined the Wi-Fi and is waiting for the router to give it an address.",
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Wait a few seconds. If it stays like this, restart your router: it may have "
                "run out of addresses for new devices.",
            ),
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide", "The Photon needs DHCP; a network with static addresses only won't do."
        ),
    ),
    LedInfo(
        LedPattern.NETWORK_NO_CLOUD,
        LedLook(breathing(GREEN)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Breathing green"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Cloud not connected"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The Photon is on Wi-Fi, but the program on it keeps it off Particle's cloud.",
        ),
        what_to_do=(TRY_SETUP_FIRST, SAFE_MODE_STEPS, SETUP_STEPS),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The app uses SEMI_AUTOMATIC or MANUAL mode without Particle.connect(), or blocks "
            "loop(). Reflash it from safe mode.",
        ),
    ),
    LedInfo(
        LedPattern.WIFI_ON_NOT_CONNECTED,
        LedLook(breathing(BLUE)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Breathing dark blue"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Wi-Fi module not connected"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The program on the Photon turned its Wi-Fi on but does not join a network.",
        ),
        what_to_do=(TRY_SETUP_FIRST, SAFE_MODE_STEPS, SETUP_STEPS),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide", "The app calls WiFi.on() without WiFi.connect(). Reflash it from safe mode."
        ),
    ),
    LedInfo(
        LedPattern.WIFI_OFF,
        LedLook(breathing(WHITE)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Breathing white"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Wi-Fi off"),
        meaning=QT_TRANSLATE_NOOP("LedGuide", "The program on the Photon turned its Wi-Fi off."),
        what_to_do=(TRY_SETUP_FIRST, SAFE_MODE_STEPS, SETUP_STEPS),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The app uses MANUAL or SEMI_AUTOMATIC mode or calls WiFi.off(). Reflash it from "
            "safe mode.",
        ),
    ),
    LedInfo(
        LedPattern.CLOUD_CONNECTING,
        LedLook(blinking(CYAN, BLINK_NORMAL_MS)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking cyan"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Connecting to the cloud"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "The Photon is on the internet and is connecting to Particle's cloud."
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP("LedGuide", "Wait: this usually takes a few seconds."),
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "To set it up on another network instead, hold SETUP for about 3 seconds.",
            ),
        ),
    ),
    LedInfo(
        LedPattern.CLOUD_HANDSHAKE,
        LedLook(blinking(CYAN, BLINK_FAST_MS)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Fast blinking cyan"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Cloud handshake"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "The Photon and Particle's cloud are checking each other's identity."
        ),
        what_to_do=(QT_TRANSLATE_NOOP("LedGuide", "Wait: this takes a moment."),),
    ),
    LedInfo(
        LedPattern.CLOUD_CONNECTED,
        LedLook(breathing(CYAN)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Breathing cyan"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Connected"),
        meaning=QT_TRANSLATE_NOOP("LedGuide", "The Photon is online and working normally."),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Nothing to fix. To set it up again, for another network or another owner, "
                "hold SETUP for about 3 seconds until it blinks dark blue.",
            ),
        ),
    ),
    LedInfo(
        LedPattern.NO_INTERNET,
        _cyan_then_error_blinks(ORANGE, 2),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking cyan, then 2 orange blinks"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Could not reach internet"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "The Photon is on your Wi-Fi, but the Wi-Fi does not reach the internet."
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Check that other devices on the same Wi-Fi can open websites, then restart "
                "your router. The Photon keeps trying by itself.",
            ),
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The cloud connection failed, then the internet test (an NTP query, which needs "
            "DNS) failed too: check the router's DNS and outgoing traffic.",
        ),
    ),
    LedInfo(
        LedPattern.CLOUD_UNREACHABLE,
        _cyan_then_error_blinks(ORANGE, 3),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking cyan, then 3 orange blinks"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Could not reach cloud"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "The internet works, but Particle's cloud does not answer the Photon."
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "A firewall, or a school or office network, may block it: try another Wi-Fi, "
                "such as a phone's hotspot set to 2.4 GHz.",
            ),
            QT_TRANSLATE_NOOP(
                "LedGuide", "If it happens on every network, contact Particle support."
            ),
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide",
            "Outgoing TCP port 5683 must be open. A wrong server key shows the same: run "
            "particle keys server in DFU mode.",
        ),
    ),
    LedInfo(
        LedPattern.BAD_DEVICE_KEY,
        _handshake_then_flash(ORANGE),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking cyan with an orange flash"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Decryption error"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The Photon's own security key does not match the one Particle's cloud has for it.",
        ),
        what_to_do=(NEEDS_DEVELOPER,),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide", "In DFU mode (blinking yellow) run particle keys doctor DEVICE_ID."
        ),
    ),
    LedInfo(
        LedPattern.BAD_SERVER_KEY,
        _handshake_then_flash(MAGENTA),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking cyan with a magenta flash"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Authentication error"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "The Photon does not trust the key Particle's cloud showed it."
        ),
        what_to_do=(NEEDS_DEVELOPER,),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide", "In DFU mode (blinking yellow) run particle keys server."
        ),
    ),
    LedInfo(
        LedPattern.HANDSHAKE_ERROR,
        _handshake_then_flash(RED),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking cyan with a red flash"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Generic handshake error"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "The Photon and Particle's cloud could not agree on a secure connection."
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Unplug the Photon for a few seconds and plug it back in. If the red flash "
                "comes back:",
            ),
            NEEDS_DEVELOPER,
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide", "In DFU mode run particle keys server, then particle keys doctor DEVICE_ID."
        ),
    ),
    LedInfo(
        LedPattern.FIRMWARE_UPDATE,
        LedLook(_flicker(MAGENTA, _OTA_TOGGLES_MS) + blinking(MAGENTA, BLINK_FAST_MS, 10)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Flickering magenta"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "OTA firmware update"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The Photon is downloading and installing new software. A Photon that is new, or "
            "has not been online for a long time, often does this right after setup.",
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Don't unplug it. Wait: it can take a few minutes, and it restarts by itself, "
                "perhaps more than once.",
            ),
        ),
    ),
    LedInfo(
        LedPattern.SAFE_MODE_SELECTION,
        LedLook(blinking(MAGENTA, BLINK_NORMAL_MS)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking magenta while you hold SETUP"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Safe mode selection"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "RESET was pressed while SETUP is held: letting go now starts safe mode."
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Let go of SETUP to start safe mode. Holding on until it blinks yellow starts "
                "DFU mode instead.",
            ),
        ),
    ),
    LedInfo(
        LedPattern.SAFE_MODE,
        LedLook(breathing(MAGENTA)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Breathing magenta"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Safe mode"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The Photon is online, but the program on it is not running. Right after setup "
            "this is usually a software update on its way from Particle.",
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Right after setup: don't unplug it. The update arrives and the Photon restarts "
                "by itself within a few minutes.",
            ),
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "A Photon in safe mode can still be set up: hold SETUP for about 3 seconds "
                "until the light blinks dark blue.",
            ),
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide",
            "If it stays in safe mode, the app needs a newer Device OS than the Photon has; "
            "or flash Tinker: particle flash DEVICE_ID tinker.",
        ),
    ),
    LedInfo(
        LedPattern.DFU,
        LedLook(blinking(YELLOW, BLINK_NORMAL_MS)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Blinking yellow"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "DFU mode"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The Photon waits for new software over its USB cable: SETUP was held while it "
            "restarted.",
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide", "Press and let go of RESET to restart the Photon normally."
            ),
            SETUP_STEPS,
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide", "particle update, then particle flash --usb tinker; RESET leaves DFU mode."
        ),
    ),
    LedInfo(
        LedPattern.WIFI_RESET_AT_BOOT,
        LedLook(blinking(WHITE, BLINK_FAST_MS)),
        name=QT_TRANSLATE_NOOP("LedGuide", "Fast blinking white"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Wi-Fi network reset"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "SETUP was held for 10 seconds while the Photon restarted: it will forget the "
            "Wi-Fi networks it knew.",
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Let go of SETUP. The Photon starts without Wi-Fi details and blinks dark "
                "blue, ready to be set up.",
            ),
        ),
    ),
    LedInfo(
        LedPattern.RED_SOS,
        sos_look(1),
        name=QT_TRANSLATE_NOOP("LedGuide", "Red blinks: 3 short, 3 long, 3 short"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Red blink SOS"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide", "The program on the Photon crashed. It shows the SOS twice, then restarts."
        ),
        what_to_do=(
            SAFE_MODE_STEPS,
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "In safe mode the program does not run, so the Photon can be set up: hold "
                "SETUP for about 3 seconds until the light blinks dark blue.",
            ),
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide",
            "Count the slow blinks after the SOS: 1 hard fault, 8 out of heap, 13 stack "
            "overflow (codes 1–14). From safe mode: particle flash DEVICE_ID tinker; or in DFU "
            "mode: particle update, particle flash --usb tinker.",
        ),
    ),
    LedInfo(
        LedPattern.SOLID,
        LedLook(solid(GREEN, 1500) + solid(CYAN, 1500) + solid(MAGENTA, 1500) + solid(WHITE, 1500)),
        name=QT_TRANSLATE_NOOP("LedGuide", "One colour, not moving"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "Solid colors"),
        meaning=QT_TRANSLATE_NOOP(
            "LedGuide",
            "The Photon stopped responding; the light keeps whatever colour it last had.",
        ),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "Unplug it for a few seconds and plug it back in. If it freezes again, start it "
                "in safe mode.",
            ),
            SAFE_MODE_STEPS,
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide",
            "Solid magenta is expected while flashing over serial (YMODEM). Otherwise the "
            "firmware hung: recover with safe mode or DFU mode.",
        ),
    ),
    LedInfo(
        LedPattern.NO_LIGHT,
        LedLook(dark(1000)),
        name=QT_TRANSLATE_NOOP("LedGuide", "No light at all"),
        particle_name=QT_TRANSLATE_NOOP("LedGuide", "No status LED"),
        meaning=QT_TRANSLATE_NOOP("LedGuide", "The Photon gets no power, or cannot start."),
        what_to_do=(
            QT_TRANSLATE_NOOP(
                "LedGuide", "Try another USB cable, and another USB port or charger."
            ),
            QT_TRANSLATE_NOOP(
                "LedGuide",
                "If the small blue light beside pin D7 glows faintly, the Photon's start-up "
                "software is damaged: contact Particle support.",
            ),
        ),
        for_developers=QT_TRANSLATE_NOOP(
            "LedGuide",
            "A faint D7 LED means a missing or corrupt bootloader: reflash it with a JTAG/SWD "
            "programmer.",
        ),
    ),
)

GUIDE: Mapping[LedPattern, LedInfo] = MappingProxyType({i.pattern: i for i in _INFOS})

# What the listening-mode page shows.
LISTENING_PATTERN = LedPattern.LISTENING

# "My LED looks different" on the listening-mode page: what a person may see instead of blinking
# dark blue, most likely first.
LOOKS_DIFFERENT_PATTERNS: tuple[LedPattern, ...] = (
    LedPattern.CLOUD_CONNECTED,
    LedPattern.NETWORK_CONNECTING,
    LedPattern.CLOUD_CONNECTING,
    LedPattern.NETWORK_NO_CLOUD,
    LedPattern.SAFE_MODE,
    LedPattern.DFU,
    LedPattern.WIFI_RESET,
    LedPattern.RED_SOS,
    LedPattern.WIFI_ON_NOT_CONNECTED,
    LedPattern.WIFI_OFF,
    LedPattern.NETWORK_DHCP,
    LedPattern.NO_INTERNET,
    LedPattern.CLOUD_UNREACHABLE,
    LedPattern.BAD_DEVICE_KEY,
    LedPattern.BAD_SERVER_KEY,
    LedPattern.HANDSHAKE_ERROR,
    LedPattern.FIRMWARE_UPDATE,
    LedPattern.WIFI_RESET_AT_BOOT,
    LedPattern.SOLID,
    LedPattern.NO_LIGHT,
)

# "Waiting for the cloud": the lights a person sees after the Wi-Fi details were sent, in the
# order they usually come.
WAITING_PATTERNS: tuple[LedPattern, ...] = (
    LedPattern.NETWORK_CONNECTING,
    LedPattern.CLOUD_CONNECTING,
    LedPattern.FIRMWARE_UPDATE,
    LedPattern.SAFE_MODE,
    LedPattern.CLOUD_CONNECTED,
)

# While waiting for the cloud, lights that mean it will not get there by itself.
WAITING_TROUBLE_PATTERNS: tuple[LedPattern, ...] = (
    LedPattern.LISTENING,
    LedPattern.NETWORK_DHCP,
    LedPattern.NO_INTERNET,
    LedPattern.CLOUD_UNREACHABLE,
    LedPattern.BAD_DEVICE_KEY,
    LedPattern.BAD_SERVER_KEY,
    LedPattern.HANDSHAKE_ERROR,
    LedPattern.RED_SOS,
    LedPattern.SOLID,
)


def describe(pattern: LedPattern) -> LedInfo:
    return GUIDE[pattern]
