"""The Qt-free onboarding flow: typed state, steps, events, cancellation, retries."""

from typing import TYPE_CHECKING

from setup_wizard.lazy import lazy_exports

if TYPE_CHECKING:
    from setup_wizard.flow.errors import (
        EXPECTED_ERRORS,
        CloudNeverSawDevice,
        DeviceHeldByProduct,
        FlowError,
        InternetNotBack,
        NotReady,
        PhotonStillInSetupMode,
        WrongWifiPassword,
        page_to_fix,
        user_message,
    )
    from setup_wizard.flow.events import EventHub, FlowEvent, Notice, StageChanged, StageHelp
    from setup_wizard.flow.keychain import (
        KeyringTokenStore,
        MemoryTokenStore,
        SavedSignIn,
        TokenStore,
    )
    from setup_wizard.flow.links import (
        DeviceConnector,
        DeviceLink,
        FoundDevice,
        LinkKind,
        WifiChoice,
    )
    from setup_wizard.flow.onboarding import Onboarding, Services
    from setup_wizard.flow.pages import Page
    from setup_wizard.flow.softap import SoftApConnector
    from setup_wizard.flow.stages import Stage, StageRecord, StageStatus, Timeline
    from setup_wizard.flow.state import Account, Ownership, SetupState
    from setup_wizard.flow.tasks import StepRunner
    from setup_wizard.flow.timing import FlowTiming
    from setup_wizard.flow.usb import UsbConnector, UsbSettings

__all__ = [
    "EXPECTED_ERRORS",
    "Account",
    "CloudNeverSawDevice",
    "DeviceConnector",
    "DeviceHeldByProduct",
    "DeviceLink",
    "EventHub",
    "FlowError",
    "FlowEvent",
    "FlowTiming",
    "FoundDevice",
    "InternetNotBack",
    "KeyringTokenStore",
    "LinkKind",
    "MemoryTokenStore",
    "NotReady",
    "Notice",
    "Onboarding",
    "Ownership",
    "Page",
    "PhotonStillInSetupMode",
    "SavedSignIn",
    "Services",
    "SetupState",
    "SoftApConnector",
    "Stage",
    "StageChanged",
    "StageHelp",
    "StageRecord",
    "StageStatus",
    "StepRunner",
    "Timeline",
    "TokenStore",
    "UsbConnector",
    "UsbSettings",
    "WifiChoice",
    "WrongWifiPassword",
    "page_to_fix",
    "user_message",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "setup_wizard.flow.errors": (
                "EXPECTED_ERRORS",
                "CloudNeverSawDevice",
                "DeviceHeldByProduct",
                "FlowError",
                "InternetNotBack",
                "NotReady",
                "PhotonStillInSetupMode",
                "WrongWifiPassword",
                "page_to_fix",
                "user_message",
            ),
            "setup_wizard.flow.events": (
                "EventHub",
                "FlowEvent",
                "Notice",
                "StageChanged",
                "StageHelp",
            ),
            "setup_wizard.flow.keychain": (
                "KeyringTokenStore",
                "MemoryTokenStore",
                "SavedSignIn",
                "TokenStore",
            ),
            "setup_wizard.flow.links": (
                "DeviceConnector",
                "DeviceLink",
                "FoundDevice",
                "LinkKind",
                "WifiChoice",
            ),
            "setup_wizard.flow.onboarding": (
                "Onboarding",
                "Services",
            ),
            "setup_wizard.flow.pages": ("Page",),
            "setup_wizard.flow.softap": ("SoftApConnector",),
            "setup_wizard.flow.usb": ("UsbConnector", "UsbSettings"),
            "setup_wizard.flow.stages": (
                "Stage",
                "StageRecord",
                "StageStatus",
                "Timeline",
            ),
            "setup_wizard.flow.state": (
                "Account",
                "Ownership",
                "SetupState",
            ),
            "setup_wizard.flow.tasks": ("StepRunner",),
            "setup_wizard.flow.timing": ("FlowTiming",),
        },
    )
