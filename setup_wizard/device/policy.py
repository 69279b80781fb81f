"""How long to wait for the Photon and how often to try again (§2.4, §6 client timings)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TransportPolicy:
    """Timeouts (seconds) and retries; tests shrink them, the defaults suit a real Photon."""

    connect_timeout: float = 4.0
    #: ``version``, ``device-id``, ``public-key``, ``set``.
    quick_timeout: float = 6.0
    #: ``scan-ap``: a full scan takes seconds, longer in crowded places.
    scan_timeout: float = 25.0
    #: ``configure-ap`` looks the network up in two scans of its own (a dry run, then the
    #: save), each allowed 30 s (§3.6 point 3): wait about that long, so that even a "network
    #: not found" reply (-2) in a crowded place arrives instead of a timeout.
    configure_timeout: float = 62.0
    #: ``configure-ap`` is idempotent (the same SSID replaces its own slot), so after a
    #: timeout it is sent this many more times before the device counts as stuck.
    configure_resends: int = 1
    #: ``connect-ap``: the reply is often lost anyway, because the device drops its network.
    connect_ap_timeout: float = 5.0
    #: Tries per retry-safe command (``connect-ap`` is retried only while it reaches no server).
    attempts: int = 3
    #: Pauses before the 2nd, 3rd, … try (the last one repeats).
    retry_delays: tuple[float, ...] = (1.0, 2.0)
    #: TCP commands that hang in a row (answered over HTTP instead) before TCP is given up
    #: for the session. One hang is the known first-command quirk; a refused or failed
    #: TCP connection gives TCP up at once.
    tcp_hangs_before_http_only: int = 2

    def retry_delay(self, attempt: int) -> float:
        """The pause after failed try number ``attempt`` (1-based)."""
        if not self.retry_delays:
            return 0.0
        return self.retry_delays[min(attempt, len(self.retry_delays)) - 1]
