"""The exit codes of ``setup-wizard onboard``: one table for ``--help``, the README and the code.

A script branches on the code, so each one names what the person (or the script) does next,
not which layer failed: sign in again, find the Photon, fix the Wi-Fi settings, ask the
product's team.
"""

from __future__ import annotations

import textwrap
from enum import IntEnum

from setup_wizard.cloud.errors import (
    ClientRejected,
    CloudError,
    CloudUnreachable,
    DeviceBlocked,
    MfaCodeWrong,
    RateLimited,
    ServerTrouble,
    SessionExpired,
    SignInFailed,
)
from setup_wizard.device.errors import (
    DeviceError,
    DeviceRejectedError,
    DeviceUnreachableError,
    InvalidSetupInputError,
)
from setup_wizard.flow.errors import (
    EXPECTED_ERRORS,
    CloudNeverSawDevice,
    FlowError,
    InternetNotBack,
    WrongWifiPassword,
)
from setup_wizard.flow.stages import Stage
from setup_wizard.network.errors import WifiError


class ExitCode(IntEnum):
    ONLINE = 0
    UNEXPECTED = 1
    USAGE = 2
    SIGN_IN = 3
    PHOTON = 4
    WIFI_SETTINGS = 5
    CLOUD_DEVICE = 6
    SOME_ROWS_FAILED = 7
    CLOUD_UNREACHABLE = 8
    INTERRUPTED = 130
    TERMINATED = 143

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    ExitCode.ONLINE: "every device is online and owned by its customer",
    ExitCode.UNEXPECTED: "an unexpected error (the log file has the details)",
    ExitCode.USAGE: "the options, the work list, the product or the client cannot be used, "
    "or a secret is needed that neither the keyring, the environment nor a terminal gave",
    ExitCode.SIGN_IN: "the sign-in was refused: user name or password, two-step code, or "
    "the client's secret",
    ExitCode.PHOTON: "no Photon was found in listening mode, or it did not answer",
    ExitCode.WIFI_SETTINGS: "the Wi-Fi settings were refused or did not work: the Photon "
    "does not see the network, the password is wrong or does not fit the security type",
    ExitCode.CLOUD_DEVICE: "the Particle Cloud never saw the device online as the "
    "customer's, or the product keeps it out (quarantined, denied)",
    ExitCode.SOME_ROWS_FAILED: "a work list, or several Photons over USB: some rows failed "
    "while others passed (the failed rows are listed)",
    ExitCode.CLOUD_UNREACHABLE: "the Particle Cloud could not be reached or kept failing",
    ExitCode.INTERRUPTED: "interrupted (Ctrl+C): the Wi-Fi was given back first and the "
    "ledger row marked cancelled",
    ExitCode.TERMINATED: "stopped by SIGTERM, as for Ctrl+C",
}


def exit_code_table(width: int = 88) -> str:
    """The table for ``--help``: each code, and its meaning wrapped beside it."""
    return "\n".join(
        textwrap.fill(
            code.meaning,
            width,
            initial_indent=f"  {code.value:>3}  ",
            subsequent_indent=" " * 7,
        )
        for code in ExitCode
    )


class HeadlessError(Exception):
    """A failure the command found itself (an option, a missing secret, no Photon seen);
    ``str()`` says what to do."""

    def __init__(self, message: str, code: ExitCode) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


EXPECTED: tuple[type[Exception], ...] = (*EXPECTED_ERRORS, HeadlessError)
"""Failures that are part of life: a line and an exit code, no traceback."""

_DEVICE_STAGES = {Stage.JOIN_PHOTON, Stage.READ_DEVICE, Stage.SCAN}
_SENDING_STAGES = {Stage.SEND_CLAIM_CODE, Stage.SEND_WIFI, Stage.CONNECT}


def exit_code_for(error: BaseException, stage: Stage | None = None) -> ExitCode:
    """The code for an expected error of a device's setup; ``stage`` is where it happened
    (the flow's last stage that failed), for errors whose class alone does not say."""
    if isinstance(error, HeadlessError):
        return error.code
    if isinstance(error, SignInFailed | MfaCodeWrong | ClientRejected | SessionExpired):
        return ExitCode.SIGN_IN
    if isinstance(error, WrongWifiPassword | InvalidSetupInputError | DeviceRejectedError):
        return ExitCode.WIFI_SETTINGS
    if isinstance(error, CloudNeverSawDevice | DeviceBlocked | InternetNotBack):
        return ExitCode.CLOUD_DEVICE
    if isinstance(error, CloudUnreachable | ServerTrouble | RateLimited):
        return ExitCode.CLOUD_UNREACHABLE
    if isinstance(error, WifiError | DeviceUnreachableError):  # a USB cable pulled out, too
        return ExitCode.PHOTON
    if isinstance(error, DeviceError):
        return ExitCode.WIFI_SETTINGS if stage in _SENDING_STAGES else ExitCode.PHOTON
    if isinstance(error, FlowError | CloudError):
        if stage in _DEVICE_STAGES:
            return ExitCode.PHOTON
        if stage in _SENDING_STAGES:
            return ExitCode.WIFI_SETTINGS
        if stage is Stage.CLOUD_ONLINE:
            return ExitCode.CLOUD_DEVICE
        return ExitCode.USAGE  # before the device: the customer, the product or the client
    return ExitCode.UNEXPECTED
