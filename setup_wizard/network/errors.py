"""What can go wrong while joining the Photon's Wi-Fi, in words a user can act on.

``str(error)`` is the user-facing message (what happened, what to do next). ``detail`` keeps
the raw tool output for the log and for support; it never holds secrets, because the
network layer handles none (open networks only, SSIDs and profile IDs are not secret).
"""

from __future__ import annotations


class WifiError(Exception):
    """Base class: a Wi-Fi step failed; the message says what to do next."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class CommandNotFound(WifiError):
    """An OS tool (nmcli, networksetup, netsh) is not installed or not on PATH."""


class CommandTimedOut(WifiError):
    """An OS tool did not finish in time and was stopped."""


class AutomaticJoinUnavailable(WifiError):
    """This computer will not let the app switch Wi-Fi; the person joins by hand instead.

    The session catches these and continues on the manual path, so they reach the flow
    only from places where no fallback makes sense.
    """


class NetworkManagerNotRunning(AutomaticJoinUnavailable):
    """nmcli exit code 8."""


class NotAuthorized(AutomaticJoinUnavailable):
    """polkit, an administrator prompt or a policy refused the change."""


class LocationPermissionDenied(AutomaticJoinUnavailable):
    """Windows 11 24H2 (and macOS) hide Wi-Fi information without location permission."""


class NoWifiAdapter(AutomaticJoinUnavailable):
    """The system tools found no Wi-Fi adapter to use."""


class JoinFailed(WifiError):
    """The operating system tried to join the Photon's network and failed."""


class NetworkNotFound(JoinFailed):
    """The network (or the saved profile, or the adapter) does not exist (nmcli exit code 10)."""


class WifiOff(WifiError):
    """The computer's Wi-Fi is switched off (or in airplane mode). The person turns it on;
    the app never switches the radio itself, so it is left as it was found."""


class InvalidNetworkName(WifiError, ValueError):
    """A network name no Wi-Fi network can have (over 32 bytes), refused before any tool
    runs."""


class ScanUnavailable(WifiError):
    """The list of nearby networks cannot be read here; type the name or join by hand."""


class NamesHidden(ScanUnavailable):
    """The OS returns network names redacted (macOS without Location Services permission)."""


class DeviceNotFound(WifiError):
    """Nothing answered as a Photon at the device address in time."""


class JournalUnreadable(WifiError):
    """The crash-recovery note exists but cannot be understood."""
