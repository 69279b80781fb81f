"""Failures the flow itself detects, and the one test for "expected, show it inline".

Every expected error of every layer carries ``message``: what happened and what to do next,
free of secrets. Anything else is a bug and goes to the crash dialog.
"""

from __future__ import annotations

from setup_wizard.cloud.errors import CloudError
from setup_wizard.device.errors import (
    DeviceError,
    DeviceRejectedError,
    InvalidSetupInputError,
    OpenNetworkPasswordError,
    PassphraseError,
    WepKeyError,
)
from setup_wizard.device.usb.errors import (
    UsbCharacterError,
    UsbCredentialsRefusedError,
    UsbEnterpriseNetworkError,
    UsbField,
    UsbPasswordNeededError,
    UsbTimeoutError,
    UsbUnreachableError,
)
from setup_wizard.flow.pages import Page
from setup_wizard.network.errors import WifiError


class FlowError(Exception):
    """An expected failure of a step; ``back_to`` is the page where the person can fix it."""

    def __init__(self, message: str, *, back_to: Page | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.back_to = back_to

    def __str__(self) -> str:
        return self.message


class NotReady(FlowError):
    """A step was asked for before the steps it needs (a view's mistake, worded for a person)."""


class WrongWifiPassword(FlowError):
    """The Photon came back in listening mode after trying to join: the password was wrong."""


class PhotonStillInSetupMode(FlowError):
    """The Photon's own network never went away after it was told to connect."""


class InternetNotBack(FlowError):
    """This computer did not get its internet back, so the cloud cannot be asked."""


class CloudNeverSawDevice(FlowError):
    """The device did not come online (as the customer's) within the time limit."""


class DeviceHeldByProduct(FlowError):
    """The product keeps the device from its customer: quarantined or denied."""


EXPECTED_ERRORS: tuple[type[Exception], ...] = (FlowError, DeviceError, CloudError, WifiError)
"""Errors that are part of life: shown on the page, never in the crash dialog."""


def user_message(error: BaseException) -> str:
    """The text to show for an expected error: its ``message`` (never a repr). Where the
    layer marked it, that is a :class:`~setup_wizard.i18n.Text`: English as a string, and
    translated by the GUI (``setup_wizard.gui.i18n.translated``)."""
    message = getattr(error, "message", None)
    return message if isinstance(message, str) and message else str(error)


def page_to_fix(error: BaseException) -> Page | None:
    """Where the person can act on ``error``, if not the page that showed it."""
    if isinstance(error, FlowError):
        return error.back_to
    if isinstance(error, UsbUnreachableError | UsbTimeoutError):
        return Page.CONNECT  # the cable's link is of no use any more: plug in, connect again
    if isinstance(error, UsbCredentialsRefusedError):
        return Page.PASSWORD
    if isinstance(error, UsbPasswordNeededError | UsbEnterpriseNetworkError):
        return Page.CHOOSE_WIFI  # a network chosen as open has no password page to go back to
    if isinstance(error, UsbCharacterError):
        return Page.PASSWORD if error.field is UsbField.PASSWORD else Page.CHOOSE_WIFI
    if isinstance(error, DeviceRejectedError) and error.command == "configure-ap":
        return Page.PASSWORD if error.code == -4 else Page.CHOOSE_WIFI
    if isinstance(error, PassphraseError | WepKeyError | OpenNetworkPasswordError):
        return Page.PASSWORD
    if isinstance(error, InvalidSetupInputError):
        return Page.CHOOSE_WIFI
    return None
