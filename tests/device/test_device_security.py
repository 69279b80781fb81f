"""Security codes, labels and signal bars: what the network list shows."""

from __future__ import annotations

import pytest

from setup_wizard.device import Security, WifiNetwork, signal_bars

# §4 of the protocol reference, verbatim.
TABLE = {
    "OPEN": 0,
    "WEP_PSK": 1,
    "WEP_SHARED": 32769,
    "WPA_TKIP_PSK": 2097154,
    "WPA_AES_PSK": 2097156,
    "WPA_MIXED_PSK": 2097158,
    "WPA2_AES_PSK": 4194308,
    "WPA2_TKIP_PSK": 4194306,
    "WPA2_MIXED_PSK": 4194310,
    "WPA_TKIP_ENT": 35651586,
    "WPA_AES_ENT": 35651588,
    "WPA_MIXED_ENT": 35651590,
    "WPA2_TKIP_ENT": 37748738,
    "WPA2_AES_ENT": 37748740,
    "WPA2_MIXED_ENT": 37748742,
    "IBSS_OPEN": 536870912,
    "WPS_OPEN": 268435456,
    "WPS_SECURE": 268435460,
    "UNKNOWN": -1,
}


def test_every_named_value_has_the_firmware_code() -> None:
    assert {member.name: member.value for member in Security} == TABLE


@pytest.mark.parametrize(
    ("value", "label", "needs_password", "enterprise"),
    [
        (0, "Open", False, False),
        (1, "WEP", True, False),
        (32769, "WEP Shared", True, False),
        (2097156, "WPA Personal", True, False),
        (4194308, "WPA2 Personal", True, False),
        (4194310, "WPA2 Personal", True, False),
        (0x00600006, "WPA/WPA2 Personal", True, False),  # not in the table: both bits
        (37748740, "WPA2 Enterprise", False, True),
        (35651590, "WPA Enterprise", False, True),
        (0x02600004, "WPA/WPA2 Enterprise", False, True),
        (268435456, "Open", False, False),  # WPS advertised on an open network
        (268435460, "Unknown", False, False),  # WPS_SECURE: a cipher but no WEP/WPA bit
        (536870912, "Ad hoc", False, False),
        (-1, "Unknown", False, False),
    ],
)
def test_label_and_password_need_follow_the_bits(
    value: int, label: str, needs_password: bool, enterprise: bool
) -> None:
    security = Security(value)
    assert security.label == label
    assert security.needs_password is needs_password
    assert security.is_enterprise is enterprise


def test_unlisted_values_keep_their_exact_number_for_configure_ap() -> None:
    both = Security(0x00600006)
    assert int(both) == 0x00600006
    assert both is Security(0x00600006)
    assert both.cipher == "AES+TKIP"


def test_unsigned_all_ones_is_unknown() -> None:
    assert Security(0xFFFFFFFF) is Security.UNKNOWN


@pytest.mark.parametrize("value", [2**32, -(2**31) - 1, "4194310", 1.5])
def test_values_that_are_no_32_bit_integer_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="not a valid Security"):
        Security(value)


@pytest.mark.parametrize(
    ("rssi", "bars"), [(-30, 4), (-55, 4), (-56, 3), (-66, 3), (-70, 2), (-85, 1), (-95, 0)]
)
def test_signal_bars(rssi: int, bars: int) -> None:
    assert signal_bars(rssi) == bars
    assert WifiNetwork("x", Security.OPEN, rssi, 6).bars == bars
