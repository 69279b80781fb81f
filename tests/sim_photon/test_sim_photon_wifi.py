"""The simulated Wi-Fi environment (softap-protocol.md §4 security values)."""

from __future__ import annotations

import pytest

from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment


@pytest.mark.parametrize(
    ("security", "sec"),
    [
        ("open", 0),
        ("wep_psk", 1),
        ("wep_shared", 32769),
        ("wpa_tkip", 2097154),
        ("wpa_aes", 2097156),
        ("wpa2_aes", 4194308),
        ("wpa2_tkip", 4194306),
        ("wpa2_mixed", 4194310),
        ("wpa2", 4194310),
        ("wpa_enterprise_aes", 35651588),
        ("wpa2_enterprise_aes", 37748740),
        ("wpa2_enterprise", 37748742),
    ],
)
def test_security_names_carry_the_wiced_values(security: str, sec: int) -> None:
    password = None if security == "open" else "0123456789"
    assert SimNetwork("Net", security, password).sec == sec


def test_unknown_security_name_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match=r"unknown security 'wpa3'.*wpa2_aes"):
        SimNetwork("Net", "wpa3", "password1")


def test_secured_network_needs_a_password() -> None:
    with pytest.raises(ValueError, match="needs a password"):
        SimNetwork("Net", "wpa2_aes")


def test_ssid_longer_than_32_bytes_is_refused() -> None:
    with pytest.raises(ValueError, match="1 to 32 bytes"):
        SimNetwork("é" * 17)


def test_bssid_is_generated_and_differs_between_access_points() -> None:
    first = SimNetwork("Mesh", "wpa2_aes", "password1", channel=1)
    second = SimNetwork("Mesh", "wpa2_aes", "password1", channel=11)
    assert first.bssid != second.bssid
    assert first.bssid == SimNetwork("Mesh", "wpa2_aes", "password1", channel=1).bssid


def test_home_has_the_family_network_a_mesh_a_hidden_and_a_5ghz_network() -> None:
    env = WifiEnvironment.home()
    ssids = [net.ssid for net in env.networks]
    assert ssids[0] == "HomeNetwork"
    assert ssids.count("Miller Family") == 2
    assert any(net.hidden for net in env.networks)
    assert any(not net.is_2ghz for net in env.networks)


def test_crowded_has_the_asked_count_with_repeated_and_hidden_ssids() -> None:
    env = WifiEnvironment.crowded(count=35)
    assert len(env.networks) == 35
    ssids = [net.ssid for net in env.networks]
    assert len(set(ssids)) < len(ssids)
    assert any(net.hidden for net in env.networks)
    assert [n.ssid for n in WifiEnvironment.crowded(35).networks] == ssids  # repeatable


def test_remove_switches_off_every_access_point_of_a_network() -> None:
    env = WifiEnvironment.home()
    env.remove("Miller Family")
    assert "Miller Family" not in [net.ssid for net in env.networks]


def test_a_network_named_by_bytes_shows_them_with_replacement_characters() -> None:
    net = SimNetwork(raw_ssid=b"Caf\xe9", security="wpa2_aes", password="password1")
    assert (net.ssid, net.raw_ssid) == ("Caf\ufffd", b"Caf\xe9")
    assert SimNetwork("Café").raw_ssid == "Café".encode()


def test_a_name_and_bytes_that_disagree_are_refused() -> None:
    with pytest.raises(ValueError, match="does not show"):
        SimNetwork("Cafe", raw_ssid=b"Caf\xe9")
    with pytest.raises(ValueError, match="1 to 32 bytes"):
        SimNetwork(raw_ssid=b"\xe9" * 33)


def test_remove_by_bytes_tells_look_alike_names_apart() -> None:
    env = WifiEnvironment([SimNetwork(raw_ssid=b"Caf\xe9"), SimNetwork(raw_ssid=b"Caf\xef")])
    env.remove(b"Caf\xe9")
    assert [net.raw_ssid for net in env.networks] == [b"Caf\xef"]
