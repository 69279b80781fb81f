"""Faults a test switches on and off while a simulated Photon runs, at the moment it chooses.

``PhotonFaults`` are fixed at power-on, for a device that always misbehaves one way; these are
read by the setup servers and the console at each connection and command, so that a test
can make the device misbehave at one step of a setup and at no other (the fault matrix).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from setup_wizard.sim.photon.timing import SetupTiming

GARBAGE = b"\xfe\xff<!-- not a Photon -->\x00]}{"
"""What a garbled reply is made of: neither JSON nor a console line a Photon prints."""


@dataclass
class LiveFaults:
    """All off by default. One-shot faults switch themselves off once they happened."""

    garble: bool = False
    """Every reply (a SoftAP command's JSON, the console's lines) is replaced by ``GARBAGE``;
    the command is carried out all the same, as when something on the way mangles replies."""
    hang_next_tcp: bool = False
    """The next TCP connection is taken and never answered, and holds the worker until the
    client closes it: the first-connection hang (softap-protocol.md §2.2) at any moment.
    One-shot."""
    reset_mid_command: bool = False
    """The next command (SoftAP or console) is taken, then the device power-cycles before it
    answers: every connection drops, as a brown-out does. One-shot."""
    setup_timing: SetupTiming | None = None
    """Replaces the device's setup timing (a slow device) from the next command on."""
    leave_seconds: float | None = None
    """Simulated seconds the access point stays up after ``connect-ap`` (None: the
    reference's 0.1-0.5 s), for a Photon slow to leave listening mode."""
    on_command: Callable[[str], None] | None = None
    """Called as each command arrives, before it runs: its SoftAP name, or the console's
    command letter. A test acts at that moment (the command reached the device)."""

    def take_tcp_hang(self) -> bool:
        taken, self.hang_next_tcp = self.hang_next_tcp, False
        return taken

    def take_reset(self) -> bool:
        taken, self.reset_mid_command = self.reset_mid_command, False
        return taken

    def arrived(self, command: str) -> None:
        if self.on_command is not None:
            self.on_command(command)
