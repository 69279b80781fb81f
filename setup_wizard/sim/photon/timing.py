"""How long things take on a Photon, in simulated seconds (softap-protocol.md §2.3, §3.5-3.7, §6).

The reference gives ranges ("a few seconds", "cyan within ~20 s"); these are single values
inside them, so that a sped-up clock gives the same sequence every run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TypeVar

from setup_wizard.sim.clock import SimClock

T = TypeVar("T")

SCAN_SECONDS = 2.8  # a full sweep of channels 1-14, for scan-ap and configure-ap's own scans
AP_TEARDOWN_SECONDS = (0.1, 0.5)  # connect-ap reply written -> both servers gone
WIFI_RESTART_SECONDS = 0.5  # radio re-initialised between SoftAP and station mode
JOIN_SUCCESS_SECONDS = 2.5  # blinking green, then associated
JOIN_WRONG_KEY_SECONDS = 7.0  # the 4-way handshake times out
JOIN_ABSENT_SECONDS = 3.0  # probing a network that is not there
JOIN_PASSES = 3  # every stored network is tried up to three times ...
JOIN_CAP_SECONDS = 60.0  # ... within one minute (§3.7)
JOIN_RETRY_PAUSE_SECONDS = 5.0  # credentials unchanged: keep blinking green, try again
DHCP_SECONDS = 1.0
CLOUD_CONNECT_SECONDS = 3.0  # blinking cyan
CLOUD_HANDSHAKE_SECONDS = 2.0  # blinking cyan fast, claim code published
CLOUD_RETRY_SECONDS = 10.0  # the cloud did not answer the handshake
BOOT_SECONDS = 1.0  # power cycle
HTTP_BODY_PACKET_SECONDS = 3.0  # the HTTP server waits this long for each further body packet


@dataclass(frozen=True)
class SetupTiming:
    """How long the setup servers' work takes, the part a benchmark sets to measured values.

    ``command_seconds`` is spent by every command before it answers (parsing, flash, the
    firmware's own bookkeeping); ``scan_seconds`` by each sweep of the radio: once in
    ``scan-ap``, twice in a WPA ``configure-ap`` (§3.6 point 3).
    """

    command_seconds: float = 0.0
    scan_seconds: float = SCAN_SECONDS

    def __post_init__(self) -> None:
        if self.command_seconds < 0 or self.scan_seconds < 0:
            raise ValueError("setup timings are durations, so 0 or more")


# Bytes from a real socket take real time however fast the simulated clock runs, so a
# device-side wait for network input never shrinks below this many wall-clock seconds.
IO_FLOOR_WALL_SECONDS = 0.25


async def receive_within(clock: SimClock, seconds: float, aw: Awaitable[T]) -> T:
    """Await network input for ``seconds`` of simulated time (TimeoutError otherwise)."""
    timeout = max(seconds / clock.speed, IO_FLOOR_WALL_SECONDS)
    return await asyncio.wait_for(aw, timeout=timeout)
