"""The fault matrix's rows (the journey's steps, over Wi-Fi and again over USB), its columns
(the faults) and which cells cannot happen, with the reason (docs/reliability.md's legend).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matrix_app import Mode

from setup_wizard.flow import LinkKind, Stage


@dataclass(frozen=True)
class Row:
    link: LinkKind
    stage: Stage

    @property
    def label(self) -> str:
        return self.stage.value if self.link is LinkKind.SOFTAP else f"USB {self.stage.value}"

    @property
    def mode(self) -> Mode:
        """Sign-in is the customer's own step; every other row runs at a bench, whose
        ledger is then checked too."""
        return Mode.CUSTOMER if self.stage is Stage.SIGN_IN else Mode.BENCH


USB_STAGES = (
    Stage.JOIN_PHOTON,
    Stage.READ_DEVICE,
    Stage.SCAN,
    Stage.SEND_CLAIM_CODE,
    Stage.SEND_WIFI,
    Stage.CONNECT,
    Stage.PHOTON_LEAVES,
)
"""The steps that differ over the cable (the cloud steps are the same as over Wi-Fi, and
"restore Wi-Fi" and "internet" are skipped: the computer never left its network)."""

ROWS = (
    *(Row(LinkKind.SOFTAP, stage) for stage in Stage),
    *(Row(LinkKind.USB, stage) for stage in USB_STAGES),
)


class Fault(StrEnum):
    """The columns; the value is the column's heading."""

    SILENT = "silent"
    SLOW_UNDER = "slow <"
    SLOW_OVER = "slow >"
    RESET = "reset"
    GARBAGE = "garbage"
    TCP_LEFT_OPEN = "TCP open"
    NETWORK_GONE = "AP gone"
    JOIN_REFUSED = "join refused"
    CLOUD_401 = "401"
    CLOUD_403 = "403"
    CLOUD_429 = "429"
    CLOUD_5XX = "5xx"
    CLOUD_HTML = "HTML"
    CLOUD_CUT_JSON = "cut JSON"
    CLOUD_UNREACHABLE = "no cloud"
    STREAM_DROPS = "stream drops"
    UNPLUGGED = "unplugged"
    CANCEL = "cancel"
    CLOSE = "close"
    KILLED = "killed"


DEVICE_FAULTS = frozenset(
    {Fault.SILENT, Fault.SLOW_UNDER, Fault.SLOW_OVER, Fault.RESET, Fault.GARBAGE}
)
CLOUD_FAULTS = frozenset(
    {
        Fault.CLOUD_401,
        Fault.CLOUD_403,
        Fault.CLOUD_429,
        Fault.CLOUD_5XX,
        Fault.CLOUD_HTML,
        Fault.CLOUD_CUT_JSON,
        Fault.CLOUD_UNREACHABLE,
    }
)
PERSON_FAULTS = frozenset({Fault.CANCEL, Fault.CLOSE, Fault.KILLED})


class NotApplicable(StrEnum):
    """Why a cell is "n/a": the fault cannot happen at that step."""

    NO_COMMAND = (
        "Nothing is asked of the Photon during this step: the step talks to the cloud, or "
        "the computer works on its own Wi-Fi or its own scan, or the Photon is already on its "
        "way (only its network is looked for; over USB the console's last answer sent it)."
    )
    NO_TCP = (
        "No TCP connection is made during this step: over USB there is none, and the join "
        "looks for the Photon over HTTP first (because of this very quirk)."
    )
    NO_PHOTON_NETWORK = (
        "The Photon's own network is not in use: over USB there is none, and once the "
        "Photon was told to connect its network going away is what is expected."
    )
    NO_JOIN = (
        "The computer joins no network during this step: only joining the Photon's and "
        "rejoining its own do."
    )
    NO_CLOUD = (
        "No request goes to the cloud during this step: the computer is on the Photon's "
        "network, or talks to the Photon over its cable."
    )
    NO_STREAM = "No event stream is open: only while waiting for the Photon in the cloud."
    NO_CABLE = "Over Wi-Fi there is no cable to pull."


_TALKS_TO_DEVICE = frozenset(
    {
        Stage.JOIN_PHOTON,
        Stage.READ_DEVICE,
        Stage.SCAN,
        Stage.SEND_CLAIM_CODE,
        Stage.SEND_WIFI,
        Stage.CONNECT,
    }
)
_USB_TALKS_TO_DEVICE = frozenset({Stage.READ_DEVICE, Stage.SEND_CLAIM_CODE, Stage.SEND_WIFI})
_CLOUD_STAGES = frozenset(
    {Stage.SIGN_IN, Stage.CLAIM_CODE, Stage.INTERNET, Stage.CLOUD_ONLINE, Stage.NAME}
)
_DEVICE_ON_ITS_WAY = frozenset({Stage.PHOTON_LEAVES, Stage.CLOUD_ONLINE})
"""Steps where the Photon is leaving listening mode or joining: slow (leaving, coming
online) and a reset (a brown-out while joining) happen there too."""


def not_applicable(row: Row, fault: Fault) -> NotApplicable | None:
    """Why ``fault`` cannot happen at ``row``, or None when the cell is run."""
    usb = row.link is LinkKind.USB
    stage = row.stage
    if fault in DEVICE_FAULTS:
        if (usb and stage in _USB_TALKS_TO_DEVICE) or (not usb and stage in _TALKS_TO_DEVICE):
            return None
        on_its_way = stage in _DEVICE_ON_ITS_WAY and (not usb or stage is Stage.PHOTON_LEAVES)
        if on_its_way and (
            fault is Fault.RESET or (not usb and fault in (Fault.SLOW_UNDER, Fault.SLOW_OVER))
        ):
            return None
        return NotApplicable.NO_COMMAND
    if fault is Fault.TCP_LEFT_OPEN:
        ok = not usb and stage in _TALKS_TO_DEVICE and stage is not Stage.JOIN_PHOTON
        return None if ok else NotApplicable.NO_TCP
    if fault is Fault.NETWORK_GONE:
        return None if not usb and stage in _TALKS_TO_DEVICE else NotApplicable.NO_PHOTON_NETWORK
    if fault is Fault.JOIN_REFUSED:
        ok = not usb and stage in (Stage.JOIN_PHOTON, Stage.RESTORE_WIFI)
        return None if ok else NotApplicable.NO_JOIN
    if fault in CLOUD_FAULTS:
        return None if stage in _CLOUD_STAGES else NotApplicable.NO_CLOUD
    if fault is Fault.STREAM_DROPS:
        return None if stage is Stage.CLOUD_ONLINE else NotApplicable.NO_STREAM
    if fault is Fault.UNPLUGGED:
        return None if usb else NotApplicable.NO_CABLE
    return None  # Cancel, close and a killed process can happen at every step


@dataclass(frozen=True)
class Cell:
    row: Row
    fault: Fault

    @property
    def id(self) -> str:
        return f"{self.row.label}/{self.fault.value}".replace(" ", "-")


def applicable_cells() -> list[Cell]:
    return [
        Cell(row, fault) for row in ROWS for fault in Fault if not_applicable(row, fault) is None
    ]
