"""Setting up a Photon over a USB cable: its listening-mode console (softap-protocol.md §10)."""

from typing import TYPE_CHECKING

from setup_wizard.lazy import lazy_exports

if TYPE_CHECKING:
    from setup_wizard.device.usb.checks import check_usb_claim_code, check_usb_input
    from setup_wizard.device.usb.console import UsbConsole, UsbTiming
    from setup_wizard.device.usb.errors import (
        UsbCharacterError,
        UsbClaimCodeError,
        UsbClaimCodeRefusedError,
        UsbCredentialsRefusedError,
        UsbEnterpriseNetworkError,
        UsbField,
        UsbPasswordNeededError,
        UsbProblem,
        UsbReplyUnreadableError,
        UsbTimeoutError,
        UsbUnreachableError,
        UsbWepError,
    )
    from setup_wizard.device.usb.ports import PHOTON_USB_IDS, UsbPort, list_usb_ports, photon_ports

__all__ = [
    "PHOTON_USB_IDS",
    "UsbCharacterError",
    "UsbClaimCodeError",
    "UsbClaimCodeRefusedError",
    "UsbConsole",
    "UsbCredentialsRefusedError",
    "UsbEnterpriseNetworkError",
    "UsbField",
    "UsbPasswordNeededError",
    "UsbPort",
    "UsbProblem",
    "UsbReplyUnreadableError",
    "UsbTimeoutError",
    "UsbTiming",
    "UsbUnreachableError",
    "UsbWepError",
    "check_usb_claim_code",
    "check_usb_input",
    "list_usb_ports",
    "photon_ports",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "setup_wizard.device.usb.checks": ("check_usb_claim_code", "check_usb_input"),
            "setup_wizard.device.usb.console": ("UsbConsole", "UsbTiming"),
            "setup_wizard.device.usb.errors": (
                "UsbCharacterError",
                "UsbClaimCodeError",
                "UsbClaimCodeRefusedError",
                "UsbCredentialsRefusedError",
                "UsbEnterpriseNetworkError",
                "UsbField",
                "UsbPasswordNeededError",
                "UsbProblem",
                "UsbReplyUnreadableError",
                "UsbTimeoutError",
                "UsbUnreachableError",
                "UsbWepError",
            ),
            "setup_wizard.device.usb.ports": (
                "PHOTON_USB_IDS",
                "UsbPort",
                "list_usb_ports",
                "photon_ports",
            ),
        },
    )
