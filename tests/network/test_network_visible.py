"""The networks a scan shows: each name once, whichever system listed it per access point."""

from __future__ import annotations

from setup_wizard.device.security import Security
from setup_wizard.network.backend import VisibleNetwork, one_per_name, signal_from_dbm


def test_each_name_once_with_its_strongest_signal_in_the_order_first_seen() -> None:
    listed = [
        VisibleNetwork("Mesh", 40, Security.WPA2_MIXED_PSK),
        VisibleNetwork("Cafe", None, Security.OPEN),
        VisibleNetwork("Mesh", 75, Security.WPA2_MIXED_PSK),
        VisibleNetwork("", 90, Security.WPA2_MIXED_PSK),  # hidden: nothing to show
        VisibleNetwork("Cafe", 20, Security.OPEN),
        VisibleNetwork("Mesh", 75, Security.WPA2_MIXED_PSK),
    ]
    assert one_per_name(listed) == [
        VisibleNetwork("Mesh", 75, Security.WPA2_MIXED_PSK),
        VisibleNetwork("Cafe", 20, Security.OPEN),
    ]


def test_the_strongest_entry_without_security_takes_another_entrys() -> None:
    listed = [VisibleNetwork("Home", 30, Security.WPA2_MIXED_PSK), VisibleNetwork("Home", 80)]
    assert one_per_name(listed) == [VisibleNetwork("Home", 80, Security.WPA2_MIXED_PSK)]


def test_decibels_become_the_0_to_100_scale_of_the_other_systems() -> None:
    assert [signal_from_dbm(dbm) for dbm in (-110, -100, -75, -50, -30)] == [0, 0, 50, 100, 100]
