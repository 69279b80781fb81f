"""Misbehaviours of real Photons that clients must survive (softap-protocol.md §2.2-3.7, §10)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PhotonFaults:
    """All off by default; a test switches on the one it is about."""

    # The first TCP connection of each listening session is taken and never answered, not even
    # with the blank lines (how #1252 was first understood; on a real device the reply does
    # arrive and only the close is missing, which the simulator always does). The worker is
    # free again once the client gives up and closes it.
    first_tcp_command_hangs: bool = False
    # scan-ap writes this many entries, then the device's network stack freezes: neither server
    # answers anything until reset() (issues #1334, #1407: crowded places).
    scan_stalls_after: int | None = None
    # connect-ap is carried out but its reply never reaches the client (the AP went down first).
    drop_connect_ap_reply: bool = False
    # No TCP server on 5609 (as on firmware that lost it): only HTTP answers.
    tcp_closed: bool = False
    # The USB console's `w` takes the SSID, then its scan never returns: nothing more is
    # printed and listening mode cannot end until reset() (the system thread is stuck).
    console_scan_hangs: bool = False

    def __post_init__(self) -> None:
        if self.scan_stalls_after is not None and self.scan_stalls_after < 0:
            raise ValueError("scan_stalls_after counts entries, so it is 0 or more")
