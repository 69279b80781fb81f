"""What can go wrong on the USB cable, as the device layer's own error types.

Each is a subclass of the SoftAP client's error for the same situation (unreachable, timed
out, refused, unreadable, invalid input), so the flow and the headless exit codes treat both
links alike; the messages speak of the cable and say what to do. No message holds a password
or claim code; SSIDs and port names are not secret and may appear.
"""

from __future__ import annotations

from enum import StrEnum

from setup_wizard.device.errors import (
    ClaimCodeError,
    DeviceError,
    DeviceRejectedError,
    DeviceReplyUnreadableError,
    DeviceTimeoutError,
    DeviceUnreachableError,
    InvalidSetupInputError,
)
from setup_wizard.i18n import QT_TRANSLATE_NOOP

_SETUP_MODE_HINT = QT_TRANSLATE_NOOP(
    "Device",
    "make sure its light blinks dark blue (if it does not, hold its SETUP button for 3 "
    "seconds until it does)",
)


class UsbProblem(StrEnum):
    """Why the serial port could not be used."""

    LOST = "connection lost"  # unplugged, or the port failed while in use
    NOT_FOUND = "no such port"  # gone before it was opened (unplugged)
    DENIED = "permission denied"  # Linux: the user is not in the "dialout" group
    BUSY = "in use"  # another program holds it open


_UNREACHABLE = {
    UsbProblem.LOST: QT_TRANSLATE_NOOP(
        "Device",
        "The Photon's USB connection was lost ({port}). Check that the cable is firmly "
        "plugged in at both ends, unplug it and plug it in again, {hint}, then try again.",
    ),
    UsbProblem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "Device",
        "The Photon's USB port {port} is not there any more: the Photon was probably "
        "unplugged. Plug it in again, {hint}, then try again.",
    ),
    UsbProblem.DENIED: QT_TRANSLATE_NOOP(
        "Device",
        "This computer does not let this app open the Photon's USB port {port} (permission "
        "denied). On Linux, add your user to the “dialout” group (sudo usermod -aG dialout "
        "$USER), log out and in again, then try again.",
    ),
    UsbProblem.BUSY: QT_TRANSLATE_NOOP(
        "Device",
        "Another program is using the Photon's USB port {port} (for example a serial "
        "monitor, or “particle serial”). Close that program, then try again.",
    ),
}


class UsbUnreachableError(DeviceUnreachableError):
    """The serial port could not be opened, or failed (EOF, I/O error) while in use.

    A cable has no network address: ``port`` names the serial port instead, and the
    ``address`` of the SoftAP error is absent.
    """

    def __init__(self, port: str, problem: UsbProblem = UsbProblem.LOST) -> None:
        self.port = port
        self.problem = problem
        self.local_address_missing = False
        DeviceError.__init__(self, _UNREACHABLE[problem].format(port=port, hint=_SETUP_MODE_HINT))


class UsbTimeoutError(DeviceTimeoutError):
    """The console did not print what it always prints next, in time.

    ``doing`` is a marked text naming the step ("saving the Wi-Fi settings").
    """

    def __init__(self, command: str, doing: str) -> None:
        self.doing = doing
        super().__init__(
            command,
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon stopped answering over the USB cable (while {doing}). Check that "
                "its light is still blinking dark blue (if not, hold its SETUP button for 3 "
                "seconds until it does), then unplug the cable, plug it in again and try again.",
            ).format(doing=doing),
        )


class UsbReplyUnreadableError(DeviceReplyUnreadableError):
    """The console printed something a Photon's listening-mode console does not."""

    def __init__(self, command: str, detail: str) -> None:
        super().__init__(command, detail)
        self.message = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon answered over the USB cable in a way this app cannot read ({detail}). "
            "Unplug it, plug it in again, {hint}, and try again. If it keeps happening, the "
            "device on this port may not be a Photon in listening mode.",
        ).format(detail=detail, hint=_SETUP_MODE_HINT)


class UsbClaimCodeRefusedError(DeviceRejectedError):
    """``Sorry, claim code is not 63 characters long. Claim code unchanged.``"""

    def __init__(self) -> None:
        super().__init__(
            "C",
            None,
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon refused the claim code: it says the code is not 63 characters "
                "long. Go back one step to get a new claim code and try again.",
            ),
        )


class UsbCredentialsRefusedError(DeviceRejectedError):
    """``Derp. Sorry, we couldn't save the credentials.``: the firmware's key-length check
    (WEP 5 to 58 characters, WPA/WPA2 8 to 64) or the save itself failed. The SoftAP path
    reports the same check as ``configure-ap`` code -4."""

    def __init__(self) -> None:
        super().__init__(
            "w",
            None,
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon refused to save these Wi-Fi settings. This usually means the "
                "password's length does not fit the network's security type (WPA/WPA2: 8 to "
                "63 characters, or 64 hexadecimal digits). Check the password and the "
                "security type, then send them again.",
            ),
        )


class UsbPasswordNeededError(DeviceRejectedError):
    """The device's own scan found the network secured and asked for a password we did not
    have; a deliberately too short answer made it refuse (Derp), so nothing was saved."""

    def __init__(self, ssid: str) -> None:
        self.ssid = ssid
        super().__init__(
            "w",
            None,
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon sees “{ssid}” as a secured network and asked for its password, "
                "but none was given. Choose the network's security type, enter its password "
                "and try again.",
            ).format(ssid=ssid),
        )


class UsbEnterpriseNetworkError(DeviceRejectedError):
    """The device's scan found an Enterprise network and its console now asks for EAP
    settings, a dialogue this app does not take; only a reset gets the console out of it."""

    def __init__(self, ssid: str) -> None:
        self.ssid = ssid
        super().__init__(
            "w",
            None,
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon sees “{ssid}” as an Enterprise network (sign-in with a user name "
                "or certificate), which this app cannot set up. The Photon now waits for "
                "Enterprise settings: reset it (hold its SETUP button for 3 seconds until the "
                "light blinks dark blue), then choose a network with a single shared password.",
            ).format(ssid=ssid),
        )


# -- our own input, refused before anything is sent -----------------------------------------


class UsbField(StrEnum):
    SSID = "network name"
    PASSWORD = "password"  # noqa: S105 - a field's name


UNSENDABLE_BYTES = {
    0x00: QT_TRANSLATE_NOOP("Device", "a NUL byte"),
    0x08: QT_TRANSLATE_NOOP("Device", "a backspace"),
    0x0A: QT_TRANSLATE_NOOP("Device", "a line break"),
    0x0D: QT_TRANSLATE_NOOP("Device", "a carriage return"),
    0x7F: QT_TRANSLATE_NOOP("Device", "a delete character"),
}
"""Bytes the console's line reader does not store as they are (it ends the line at CR or LF,
deletes at 0x08 and 0x7f, and the firmware reads the line as a C string, so NUL cuts it)."""

_CHARACTER_MESSAGES = {
    UsbField.SSID: QT_TRANSLATE_NOOP(
        "Device",
        "This network name contains a character that cannot be sent to the Photon over a USB "
        "cable ({character}). Rename the network on the router, or use another network for "
        "the Photon.",
    ),
    UsbField.PASSWORD: QT_TRANSLATE_NOOP(
        "Device",
        "This Wi-Fi password contains a character that cannot be sent to the Photon over a "
        "USB cable ({character}). Check the password.",
    ),
}


class UsbCharacterError(InvalidSetupInputError):
    """The SSID or password holds a byte the console's line reader would not store."""

    def __init__(self, field: UsbField, byte: int) -> None:
        self.field = field
        self.byte = byte
        super().__init__(_CHARACTER_MESSAGES[field].format(character=UNSENDABLE_BYTES[byte]))


class UsbWepError(InvalidSetupInputError):
    """The console cannot store a WEP key the Photon can join with: it always asks for a
    cipher for WEP, and the cipher bit it then adds to the security type keeps the firmware
    from decoding the key (``add_wiced_wifi_credentials`` decodes only for exactly WEP_PSK)."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "A WEP network cannot be set up over the USB cable: the Photon's console stores "
                "a WEP key in a form the Photon cannot join with. Connect over Wi-Fi instead.",
            )
        )


class UsbClaimCodeError(ClaimCodeError):
    """The console stores a claim code only if it has exactly 63 characters."""

    def __init__(self) -> None:
        super().__init__()
        self.message = QT_TRANSLATE_NOOP(
            "Device",
            "This claim code cannot be given to the Photon over the USB cable: its console "
            "takes exactly 63 plain characters. Go back one step to get a new claim code, or "
            "connect over Wi-Fi instead.",
        )
