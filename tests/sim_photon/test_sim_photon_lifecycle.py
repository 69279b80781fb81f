"""connect-ap and after (softap-protocol.md §3.7, §6): AP gone, Wi-Fi, cloud, or back to blue."""

from __future__ import annotations

import asyncio

import pytest
from sim_photon_helpers import (
    QUIET,
    RecordingLink,
    Tcp,
    configure,
    reach,
    refused,
)

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.link import Handshake, NoCloud
from setup_wizard.sim.photon import Led, PhotonState, SimulatedPhoton
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

WPA2_MIXED = 0x00400006
HOME, HOME_PASSWORD = "HomeNetwork", "correct horse battery"


async def set_up(tcp: Tcp, photon: SimulatedPhoton, password: str, claim: str = "CLAIM1") -> None:
    assert await tcp.json(photon, "set", {"k": "cc", "v": claim}) == {"r": 0}
    assert await configure(tcp, photon, HOME, password, WPA2_MIXED, 6) == {"r": 0}
    assert await tcp.json(photon, "connect-ap", {"idx": 0}) == {"r": 0}


async def test_start_gives_listening_mode_with_a_photon_ssid(photon: SimulatedPhoton) -> None:
    assert photon.state is PhotonState.LISTENING
    assert photon.led is Led.LISTENING
    assert photon.led.colour == "dark blue"
    assert photon.ssid.startswith("Photon-")
    suffix = photon.ssid.removeprefix("Photon-")
    assert len(suffix) == 6
    assert set(suffix) <= set("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")


async def test_legacy_four_character_suffix_is_kept_across_a_power_cycle(
    make_photon, tcp: Tcp
) -> None:
    # Photons set up before 0.7.0-rc.3 keep a 4-character code in the DCT (§2.1).
    photon = await make_photon(ssid_suffix="AB2C")
    assert photon.ssid == "Photon-AB2C"  # the network a person joins
    assert (await tcp.json(photon, "device-id"))["id"] == photon.device_id
    photon.reset()
    await reach(photon, PhotonState.LISTENING)
    assert photon.ssid == "Photon-AB2C"
    assert await tcp.json(photon, "version") == {"v": 2}


async def test_given_device_id_is_reported_upper_case(make_photon, tcp: Tcp) -> None:
    photon = await make_photon(device_id="3a0021000447343233323032")
    assert (await tcp.json(photon, "device-id"))["id"] == "3A0021000447343233323032"


async def test_connect_ap_takes_both_servers_down(photon: SimulatedPhoton, tcp: Tcp) -> None:
    assert await tcp.json(photon, "connect-ap", {"idx": 0}) == {"r": 0}
    await reach(photon, PhotonState.JOINING_WIFI)
    assert await refused(photon.host, photon.tcp_port)
    assert await refused(photon.host, photon.http_port)


async def test_right_password_goes_online_and_hands_the_claim_code_to_the_cloud(
    photon: SimulatedPhoton, tcp: Tcp, link: RecordingLink
) -> None:
    leds: list[Led] = []
    await set_up(tcp, photon, HOME_PASSWORD)
    for state in (PhotonState.JOINING_WIFI, PhotonState.CONNECTING_CLOUD, PhotonState.ONLINE):
        await reach(photon, state)
        leds.append(photon.led)
    assert leds[0] in (Led.WIFI_JOINING, Led.WIFI_DHCP, Led.WIFI_CONNECTED)
    assert leds[1] in (Led.CLOUD_CONNECTING, Led.CLOUD_HANDSHAKE)
    assert leds[2] is Led.CLOUD_CONNECTED
    assert photon.joined_network is not None
    assert photon.joined_network.ssid == HOME
    assert link.online == [
        Handshake(device_id=photon.device_id.lower(), platform_id=6, claim_code="CLAIM1", ssid=HOME)
    ]


async def test_accepted_claim_clears_the_code_and_sets_the_claimed_flag(
    photon: SimulatedPhoton, tcp: Tcp, link: RecordingLink
) -> None:
    await set_up(tcp, photon, HOME_PASSWORD)
    await reach(photon, PhotonState.ONLINE)
    assert photon.claim_code is None
    assert photon.claimed
    photon.enter_listening_mode()
    await reach(photon, PhotonState.LISTENING)
    assert (await tcp.json(photon, "device-id"))["c"] == "1"


async def test_unanswered_claim_keeps_the_code_for_the_next_handshake(
    photon: SimulatedPhoton, tcp: Tcp, link: RecordingLink
) -> None:
    link.accept = False
    await set_up(tcp, photon, HOME_PASSWORD)
    await reach(photon, PhotonState.ONLINE)
    assert photon.claim_code == "CLAIM1"
    assert not photon.claimed


async def test_wrong_password_comes_back_to_listening_on_the_same_ports(
    photon: SimulatedPhoton, tcp: Tcp, link: RecordingLink
) -> None:
    ports, ssid = (photon.tcp_port, photon.http_port), photon.ssid
    await set_up(tcp, photon, "wrong password")
    await reach(photon, PhotonState.JOINING_WIFI)
    await reach(photon, PhotonState.LISTENING)
    assert (photon.tcp_port, photon.http_port, photon.ssid) == (*ports, ssid)
    assert (await tcp.json(photon, "device-id"))["id"] == photon.device_id
    assert photon.credentials[0].password == "wrong password"  # kept, like the real DCT
    assert photon.claim_code == "CLAIM1"
    assert link.online == []


async def test_retry_after_a_wrong_password_succeeds(
    photon: SimulatedPhoton, tcp: Tcp, link: RecordingLink
) -> None:
    await set_up(tcp, photon, "wrong password")
    await reach(photon, PhotonState.JOINING_WIFI)
    await reach(photon, PhotonState.LISTENING)
    await set_up(tcp, photon, HOME_PASSWORD)
    await reach(photon, PhotonState.ONLINE)
    assert [c.password for c in photon.credentials] == [HOME_PASSWORD]  # replaced in place


async def test_connect_ap_without_credentials_returns_to_listening(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    assert await tcp.json(photon, "connect-ap") == {"r": 0}
    await reach(photon, PhotonState.JOINING_WIFI)
    await reach(photon, PhotonState.LISTENING)
    assert await tcp.json(photon, "version") == {"v": 2}


async def test_listening_mode_from_online_leaves_the_cloud_and_keeps_credentials(
    photon: SimulatedPhoton, tcp: Tcp, link: RecordingLink
) -> None:
    await set_up(tcp, photon, HOME_PASSWORD)
    await reach(photon, PhotonState.ONLINE)
    photon.enter_listening_mode()
    await reach(photon, PhotonState.LISTENING)
    assert link.offline == [photon.device_id.lower()]
    assert photon.joined_network is None
    assert [c.ssid for c in photon.credentials] == [HOME]
    assert await tcp.json(photon, "version") == {"v": 2}


async def test_reset_with_credentials_joins_again_without_setup(
    photon: SimulatedPhoton, tcp: Tcp, link: RecordingLink
) -> None:
    await set_up(tcp, photon, HOME_PASSWORD)
    await reach(photon, PhotonState.ONLINE)
    photon.reset()
    assert photon.state is PhotonState.OFF
    await reach(photon, PhotonState.ONLINE)
    assert len(link.online) == 2
    assert link.online[1].claim_code is None  # accepted the first time
    assert link.offline == [photon.device_id.lower()]


async def test_after_reset_a_wrong_password_keeps_blinking_green(
    photon: SimulatedPhoton, tcp: Tcp, wifi: WifiEnvironment
) -> None:
    await set_up(tcp, photon, HOME_PASSWORD)
    await reach(photon, PhotonState.ONLINE)
    wifi.remove(HOME)  # the router is switched off
    photon.reset()
    await reach(photon, PhotonState.JOINING_WIFI)
    # Credentials were not changed in a listening session, so it never gives up (§3.7 step 4).
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(photon.wait_for_state(PhotonState.LISTENING), QUIET)
    assert photon.led in (Led.WIFI_JOINING, Led.WIFI_DHCP)
    photon.enter_listening_mode()
    await reach(photon, PhotonState.LISTENING)


async def test_reset_without_credentials_listens(photon: SimulatedPhoton, tcp: Tcp) -> None:
    photon.reset()
    await reach(photon, PhotonState.LISTENING)
    assert await tcp.json(photon, "version") == {"v": 2}


async def test_unreachable_cloud_is_retried(
    photon: SimulatedPhoton, tcp: Tcp, link: RecordingLink
) -> None:
    link.fail_first = 2
    await set_up(tcp, photon, HOME_PASSWORD)
    await reach(photon, PhotonState.ONLINE)
    assert link.attempts == 3


async def test_open_network_joins_without_a_password(photon: SimulatedPhoton, tcp: Tcp) -> None:
    assert await configure(tcp, photon, "xfinitywifi", None, 0, 1) == {"r": 0}
    assert await tcp.json(photon, "connect-ap") == {"r": 0}
    await reach(photon, PhotonState.ONLINE)
    assert photon.joined_network is not None
    assert photon.joined_network.ssid == "xfinitywifi"


@pytest.mark.parametrize(
    ("router_key", "sent"),
    [
        ("0A1B2C3D4E", "00050a1b2c3d4e"),  # 40-bit key typed as hex
        ("abcde", "00056162636465"),  # 40-bit key typed as text
        ("0123456789ABCDEF0123456789", "000D0123456789ABCDEF0123456789"),  # 104-bit
    ],
)
async def test_a_wep_key_sent_as_the_firmware_key_structure_joins(
    make_photon, tcp: Tcp, wifi: WifiEnvironment, router_key: str, sent: str
) -> None:
    """The password is hex of key index 0, key length, key bytes (§3.6 point 5)."""
    wifi.add(SimNetwork("OldRouter", "wep_psk", router_key, channel=4))
    photon = await make_photon()
    assert await configure(tcp, photon, "OldRouter", sent, 1, 4) == {"r": 0}
    assert await tcp.json(photon, "connect-ap") == {"r": 0}
    await reach(photon, PhotonState.ONLINE)


async def test_a_bare_wep_key_is_read_as_index_and_length_and_never_joins(
    make_photon, tcp: Tcp, wifi: WifiEnvironment
) -> None:
    wifi.add(SimNetwork("OldRouter", "wep_psk", "0A1B2C3D4E", channel=4))
    photon = await make_photon()
    # Stored (5 to 58 characters) but read as index 0x0a, length 0x1b: no usable key.
    assert await configure(tcp, photon, "OldRouter", "0a1b2c3d4e", 1, 4) == {"r": 0}
    assert await tcp.json(photon, "connect-ap") == {"r": 0}
    await reach(photon, PhotonState.JOINING_WIFI)
    await reach(photon, PhotonState.LISTENING)
    assert photon.joined_network is None


async def test_an_older_stored_network_is_joined_when_the_newest_fails(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    assert await configure(tcp, photon, "xfinitywifi", None, 0, 1) == {"r": 0}
    assert await configure(tcp, photon, HOME, "wrong password", WPA2_MIXED, 6) == {"r": 0}
    assert await tcp.json(photon, "connect-ap") == {"r": 0}
    await reach(photon, PhotonState.ONLINE)
    assert photon.joined_network is not None
    assert photon.joined_network.ssid == "xfinitywifi"


async def test_stop_closes_everything(make_photon) -> None:
    photon = await make_photon()
    await photon.stop()
    assert photon.state is PhotonState.OFF
    assert await refused(photon.host, photon.tcp_port)
    assert await refused(photon.host, photon.http_port)


async def test_only_loopback_addresses_are_served() -> None:
    with pytest.raises(ValueError, match="loopback"):
        SimulatedPhoton(
            clock=SimClock(1), wifi=WifiEnvironment(), link=NoCloud(), host="192.168.0.1"
        )
