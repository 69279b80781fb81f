"""Everything that can go wrong talking to a Photon, as typed errors a person can act on.

``str(error)`` is the message to show: what happened and what to do next. No message ever
holds a password or claim code; SSIDs and device addresses are not secret and may appear.
Each message is marked for translation in the context "Device": it is English as a string,
and the GUI shows it translated (:mod:`setup_wizard.i18n`).
"""

from __future__ import annotations

from enum import StrEnum

from setup_wizard.device.address import DeviceAddress
from setup_wizard.i18n import QT_TRANSLATE_NOOP

_RESET_HINT = QT_TRANSLATE_NOOP(
    "Device", "hold its SETUP button for 3 seconds until the light blinks dark blue"
)


class DeviceError(Exception):
    """Base of every device-layer error; the message is meant for the person at the computer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        """What happened and what to do next (a :class:`~setup_wizard.i18n.Text` where the
        words are this layer's)."""

    def __str__(self) -> str:
        return self.message


# -- the device did not answer -------------------------------------------------------------


class DeviceUnreachableError(DeviceError):
    """Nothing accepted a connection at the device address.

    ``local_address_missing``: the request could not even leave this computer, because the
    address it was to be sent from (``DeviceAddress.local_host``, this computer's address on
    the Photon's network) is no longer one of its own: the Wi-Fi link to the Photon dropped.
    """

    def __init__(self, address: DeviceAddress, *, local_address_missing: bool = False) -> None:
        self.address = address
        self.local_address_missing = local_address_missing
        if local_address_missing:
            message = QT_TRANSLATE_NOOP(
                "Device",
                "This computer no longer has its address {local} on the Photon's Wi-Fi, so "
                "nothing could be sent to the Photon. Connect this computer to the Photon's own "
                "Wi-Fi (named “Photon-…”) again; if the Photon's light is not blinking dark "
                "blue, {reset}.",
            ).format(local=str(address.local_host), reset=_RESET_HINT)
        else:
            message = QT_TRANSLATE_NOOP(
                "Device",
                "Could not reach the Photon at {host}. Make sure this computer is connected to "
                "the Photon's own Wi-Fi (named “Photon-…”) and that the Photon's light is "
                "blinking dark blue; if it is not, {reset}.",
            ).format(host=address.host, reset=_RESET_HINT)
        super().__init__(message)


class DeviceBusyError(DeviceError):
    """The device's web server answered 5xx twice: all its request slots were taken (§2.3)."""

    def __init__(self, command: str) -> None:
        self.command = command
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon was too busy to take “{command}”, even after a pause. Close other "
                "programs or browser pages that may be talking to it, wait a few seconds and "
                "try again; if it keeps happening, reset the Photon ({reset}).",
            ).format(command=command, reset=_RESET_HINT)
        )


class DeviceTimeoutError(DeviceError):
    """The device took the request but did not finish answering in time."""

    def __init__(self, command: str, message: str | None = None) -> None:
        self.command = command
        super().__init__(
            message
            or QT_TRANSLATE_NOOP(
                "Device",
                "The Photon stopped answering (while running “{command}”). Make sure this "
                "computer is still on the Photon's Wi-Fi and the light is blinking dark blue, "
                "then try again.",
            ).format(command=command)
        )


class ScanTimeoutError(DeviceTimeoutError):
    """The Wi-Fi scan never finished: known firmware hang in crowded places (needs a reset)."""

    def __init__(self) -> None:
        super().__init__(
            "scan-ap",
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon did not finish scanning for Wi-Fi networks; it may be stuck. Reset "
                "it ({reset}) and try again, or type the network name yourself.",
            ).format(reset=_RESET_HINT),
        )


# -- the device answered, but not with what we asked for ------------------------------------


class DeviceReplyUnreadableError(DeviceError):
    """The answer was not the JSON the protocol promises; ``detail`` says what was wrong (a
    marked :class:`~setup_wizard.i18n.Text`, so that the GUI translates it with the message)."""

    def __init__(self, command: str, detail: str) -> None:
        self.command = command
        self.detail = detail
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon sent an answer to “{command}” that this app cannot read ({detail}). "
                "Reset the Photon ({reset}) and try again. If it keeps happening, something "
                "other than a Photon in setup mode may be answering at this address.",
            ).format(command=command, detail=detail, reset=_RESET_HINT)
        )


class DeviceKeyError(DeviceReplyUnreadableError):
    """The public key is missing or not an RSA key we can encrypt the Wi-Fi password with."""

    def __init__(self, detail: str) -> None:
        super().__init__("public-key", detail)
        self.message = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon did not give a usable encryption key, so the Wi-Fi password cannot be "
            "sent safely ({detail}). Reset the Photon ({reset}) and try again.",
        ).format(detail=detail, reset=_RESET_HINT)


class DeviceRejectedError(DeviceError):
    """The device refused the request: an empty reply (``code`` None) or ``"r"`` ≠ 0."""

    def __init__(self, command: str, code: int | None, message: str) -> None:
        self.command = command
        self.code = code
        super().__init__(message)


# mbedTLS reports RSA failures as negative codes far below the firmware's own -1…-4.
_FIRST_CRYPTO_CODE = -5


def configure_rejection(code: int | None, ssid: str) -> DeviceRejectedError:
    """Explain a refused ``configure-ap`` (firmware result codes, §3.6 and wlan_hal.h)."""
    if code is None:
        text = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon refused the Wi-Fi settings without saying why. Try again; if it keeps "
            "happening, the Photon's firmware may be too old and should be updated.",
        )
    elif code == -1:
        text = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon did not accept the security type of “{ssid}”. Choose the network from "
            "the Photon's list (or pick the right security type) and try again.",
        ).format(ssid=ssid)
    elif code == -2:
        text = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon cannot see the network “{ssid}”. It only finds 2.4 GHz networks that "
            "show their name: check the spelling, move the Photon closer to the router, and "
            "make sure the network is not hidden or 5 GHz only.",
        ).format(ssid=ssid)
    elif code == -3:
        text = QT_TRANSLATE_NOOP(
            "Device", "The Photon refused the network name: it must be 1 to 32 bytes long."
        )
    elif code == -4:
        text = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon refused the password: its length does not fit this kind of network. "
            "Check the password and try again.",
        )
    elif code <= _FIRST_CRYPTO_CODE:
        text = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon could not decrypt the Wi-Fi password. Try again; if it keeps happening, "
            "reset the Photon ({reset}) and start over.",
        ).format(reset=_RESET_HINT)
    else:
        text = QT_TRANSLATE_NOOP(
            "Device", "The Photon refused the Wi-Fi settings (error {code}). Try again."
        ).format(code=code)
    return DeviceRejectedError("configure-ap", code, text)


def claim_code_rejection(code: int | None) -> DeviceRejectedError:
    """Explain a refused ``set`` of the claim code."""
    if code is None or code == -1:
        text = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon refused the claim code. Get a new claim code (go back one step) and "
            "try again.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon could not store the claim code (error {code}). Reset the Photon "
            "({reset}) and try again.",
        ).format(code=code, reset=_RESET_HINT)
    return DeviceRejectedError("set", code, text)


def generic_rejection(command: str, code: int | None) -> DeviceRejectedError:
    """A refusal of a command that has no documented failure codes."""
    if code is None:
        text = QT_TRANSLATE_NOOP(
            "Device", "The Photon refused “{command}”. Reset it ({reset}) and try again."
        ).format(command=command, reset=_RESET_HINT)
    else:
        text = QT_TRANSLATE_NOOP(
            "Device",
            "The Photon refused “{command}” (error {code}). Reset it ({reset}) and try again.",
        ).format(command=command, code=code, reset=_RESET_HINT)
    return DeviceRejectedError(command, code, text)


# -- our own input, refused before anything is sent -----------------------------------------


class InvalidSetupInputError(DeviceError, ValueError):
    """A value the Photon cannot take; raised before anything goes on the wire."""


class SsidLengthError(InvalidSetupInputError):
    def __init__(self, byte_count: int) -> None:
        self.byte_count = byte_count
        super().__init__(
            QT_TRANSLATE_NOOP("Device", "Enter the network name.")
            if byte_count == 0
            else QT_TRANSLATE_NOOP(
                "Device",
                "The network name is too long ({count} bytes); Wi-Fi names have at most 32 "
                "bytes. Check the name.",
            ).format(count=byte_count)
        )


class SsidCharacterError(InvalidSetupInputError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                'The network name contains a character the Photon cannot receive (a quote ", a '
                "backslash \\ or a control character). Rename the network on the router, or "
                "use another network for the Photon.",
            )
        )


class PassphraseProblem(StrEnum):
    """Why a WPA/WPA2 password was refused (the firmware takes 8 to 64 bytes, §3.6)."""

    TOO_SHORT = "too short"
    TOO_LONG = "too long"
    NOT_HEX = "64 bytes but not hexadecimal"
    CONTROL_CHARACTER = "control character"


_PASSPHRASE_MESSAGES = {
    PassphraseProblem.TOO_SHORT: QT_TRANSLATE_NOOP(
        "Device",
        "This Wi-Fi password is too short: WPA/WPA2 passwords have at least 8 characters. "
        "Check the password.",
    ),
    PassphraseProblem.TOO_LONG: QT_TRANSLATE_NOOP(
        "Device",
        "This Wi-Fi password is too long: WPA/WPA2 passwords have at most 63 characters "
        "(accented letters and symbols such as € count as two or three), or are a key of "
        "exactly 64 hexadecimal digits. Check the password.",
    ),
    PassphraseProblem.NOT_HEX: QT_TRANSLATE_NOOP(
        "Device",
        "This Wi-Fi password is too long: a typed WPA/WPA2 password has at most 63 characters "
        "(accented letters count as two or three); only a key of exactly 64 hexadecimal digits "
        "(0–9, A–F) may be longer. Check the password.",
    ),
    PassphraseProblem.CONTROL_CHARACTER: QT_TRANSLATE_NOOP(
        "Device",
        "The Wi-Fi password contains a control character (such as a tab or a line break), "
        "which a Wi-Fi password cannot hold. Check the password.",
    ),
}


class PassphraseError(InvalidSetupInputError):
    def __init__(self, problem: PassphraseProblem) -> None:
        self.problem = problem
        super().__init__(_PASSPHRASE_MESSAGES[problem])


class WepKeyError(InvalidSetupInputError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "A WEP key has exactly 5 or 13 characters, or exactly 10 or 26 hexadecimal "
                "digits (0–9, A–F). Check the key.",
            )
        )


class OpenNetworkPasswordError(InvalidSetupInputError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "This network is open and takes no password. Leave the password empty, or "
                "choose the right security type if the network does have one.",
            )
        )


class EnterpriseNotSupportedError(InvalidSetupInputError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "Enterprise Wi-Fi (sign-in with a user name or certificate) is not supported by "
                "this app. Use a network with a single shared password, such as a guest "
                "network.",
            )
        )


class UnsupportedSecurityError(InvalidSetupInputError):
    def __init__(self, label: str) -> None:
        self.label = label
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "The Photon cannot join this kind of network ({label}). Choose the security "
                "type the router uses (usually WPA2 Personal), or use another network.",
            ).format(label=label)
        )


class ChannelError(InvalidSetupInputError):
    def __init__(self, channel: int) -> None:
        self.channel = channel
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "Wi-Fi channel {channel} is not a 2.4 GHz channel (1–14), and the Photon only "
                "uses 2.4 GHz. Choose the network from the Photon's list.",
            ).format(channel=channel)
        )


class ClaimCodeError(InvalidSetupInputError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Device",
                "The claim code from the Particle Cloud does not look right (it must be 1 to 63 "
                "plain characters). Go back one step to get a new claim code.",
            )
        )
