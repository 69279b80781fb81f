"""The default timeouts against what the firmware is documented to do (§2.4, §3.6)."""

from __future__ import annotations

from setup_wizard.device import TransportPolicy

# configure-ap scans for the SSID itself and waits up to 30 s before it answers -2 (§3.6).
FIRMWARE_CONFIGURE_WAIT = 30.0


def test_configure_ap_waits_past_the_firmware_scan_so_not_found_is_reported() -> None:
    """Waiting exactly as long would turn "cannot see the network" into "stopped answering"
    whenever the reply is a moment late (a crowded place, a slow radio)."""
    assert TransportPolicy().configure_timeout >= FIRMWARE_CONFIGURE_WAIT + 5
