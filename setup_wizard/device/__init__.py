"""The Photon's SoftAP setup protocol (TCP 5609 and HTTP 80), as a typed async client."""

from typing import TYPE_CHECKING

from setup_wizard.lazy import lazy_exports

if TYPE_CHECKING:
    from setup_wizard.device.address import DeviceAddress
    from setup_wizard.device.client import PhotonClient
    from setup_wizard.device.errors import (
        ChannelError,
        ClaimCodeError,
        DeviceBusyError,
        DeviceError,
        DeviceKeyError,
        DeviceRejectedError,
        DeviceReplyUnreadableError,
        DeviceTimeoutError,
        DeviceUnreachableError,
        EnterpriseNotSupportedError,
        InvalidSetupInputError,
        OpenNetworkPasswordError,
        PassphraseError,
        PassphraseProblem,
        ScanTimeoutError,
        SsidCharacterError,
        SsidLengthError,
        UnsupportedSecurityError,
        WepKeyError,
    )
    from setup_wizard.device.keys import DevicePublicKey
    from setup_wizard.device.models import ConnectResult, DeviceInfo, WifiNetwork, signal_bars
    from setup_wizard.device.policy import TransportPolicy
    from setup_wizard.device.probe import probe
    from setup_wizard.device.security import MANUAL_ENTRY_CHOICES, Security
    from setup_wizard.device.transport import Transport

__all__ = [
    "MANUAL_ENTRY_CHOICES",
    "ChannelError",
    "ClaimCodeError",
    "ConnectResult",
    "DeviceAddress",
    "DeviceBusyError",
    "DeviceError",
    "DeviceInfo",
    "DeviceKeyError",
    "DevicePublicKey",
    "DeviceRejectedError",
    "DeviceReplyUnreadableError",
    "DeviceTimeoutError",
    "DeviceUnreachableError",
    "EnterpriseNotSupportedError",
    "InvalidSetupInputError",
    "OpenNetworkPasswordError",
    "PassphraseError",
    "PassphraseProblem",
    "PhotonClient",
    "ScanTimeoutError",
    "Security",
    "SsidCharacterError",
    "SsidLengthError",
    "Transport",
    "TransportPolicy",
    "UnsupportedSecurityError",
    "WepKeyError",
    "WifiNetwork",
    "probe",
    "signal_bars",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "setup_wizard.device.address": ("DeviceAddress",),
            "setup_wizard.device.client": ("PhotonClient",),
            "setup_wizard.device.errors": (
                "ChannelError",
                "ClaimCodeError",
                "DeviceBusyError",
                "DeviceError",
                "DeviceKeyError",
                "DeviceRejectedError",
                "DeviceReplyUnreadableError",
                "DeviceTimeoutError",
                "DeviceUnreachableError",
                "EnterpriseNotSupportedError",
                "InvalidSetupInputError",
                "OpenNetworkPasswordError",
                "PassphraseError",
                "PassphraseProblem",
                "ScanTimeoutError",
                "SsidCharacterError",
                "SsidLengthError",
                "UnsupportedSecurityError",
                "WepKeyError",
            ),
            "setup_wizard.device.keys": ("DevicePublicKey",),
            "setup_wizard.device.models": (
                "ConnectResult",
                "DeviceInfo",
                "WifiNetwork",
                "signal_bars",
            ),
            "setup_wizard.device.policy": ("TransportPolicy",),
            "setup_wizard.device.probe": ("probe",),
            "setup_wizard.device.security": (
                "MANUAL_ENTRY_CHOICES",
                "Security",
            ),
            "setup_wizard.device.transport": ("Transport",),
        },
    )
