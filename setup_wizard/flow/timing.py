"""How long the flow waits for what (seconds); tests shrink these, the defaults suit real life."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FlowTiming:
    presence_interval: float = 3.0
    """How often to look for the Photon's network while waiting for it to go (or come back)."""
    leave_help_after: float = 20.0
    """The Photon's network should vanish within a second or two of "connect"; help after this."""
    internet_limit: float = 60.0
    """Waiting for this computer's internet after an automatic reconnect."""
    internet_by_hand_limit: float = 600.0
    """… and after asking the person to reconnect by hand."""
    cloud_help_after: float = 60.0
    """A Photon usually reaches the cloud within 20–40 s; after this, show the LED guide's help."""
    cloud_limit: float = 240.0
    """Then stop waiting and say so (a first connection may include a firmware update)."""
    cloud_retry_pause: float = 3.0
    """Pause after a passing cloud error while waiting (the wait itself goes on)."""
    clock_skew: float = 120.0
    """How far this computer's clock may be off the cloud's: an online status counts when the
    Photon's last handshake is at most this much older than the moment it was told to
    connect (a status from before the setup is older than that by the time it is seen)."""
    claim_code_margin: float = 15 * 60.0
    """Get a fresh claim code when the current one has less than this left."""
