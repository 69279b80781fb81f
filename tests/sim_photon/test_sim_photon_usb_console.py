"""The USB console byte for byte (softap-protocol.md §10, system_setup.cpp): what a person
typing in a serial terminal sees."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sim_photon_helpers import RecordingLink, reach
from sim_usb_helpers import (
    AWESOME,
    CIPHER_PROMPT,
    DERP,
    SECURITY_PROMPT,
    Terminal,
    answer,
    needs_pty,
)

from setup_wizard.sim.photon import PhotonState, SecurityType, SimulatedPhoton
from setup_wizard.sim.wifi import WPA2_SECURITY, WPA_SECURITY, SimNetwork, WifiEnvironment

pytestmark = needs_pty

HOME, HOME_PASSWORD = b"HomeNetwork", b"correct horse battery"
CLAIM_CODE = b"K" * 63


@pytest.fixture
async def usb_photon(make_photon) -> SimulatedPhoton:
    photon: SimulatedPhoton = await make_photon()
    photon.plug_usb()
    return photon


@pytest.fixture
def term(usb_photon: SimulatedPhoton) -> Iterator[Terminal]:
    assert usb_photon.usb_port is not None
    terminal = Terminal(usb_photon.usb_port)
    yield terminal
    terminal.close()


async def test_i_prints_the_device_id_in_lower_case(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"i")
    line = await term.until(b"\r\n")
    assert line == b"Your device id is " + usb_photon.device_id.lower().encode() + b"\r\n"


async def test_unknown_bytes_are_ignored_and_commands_need_no_line_end(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"zQ?\r\n c")
    assert await term.until(b"\r\n") == b"Device claimed: no\r\n"
    assert await term.quiet() == b""


async def test_m_and_v_print_the_mac_address_and_the_firmware_version(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"m")
    head = await term.until(b"is\r\n")
    assert head == b"Your device MAC address is\r\n"
    mac = await term.until(b"\r\n")
    assert mac == b"6c:0b:84:" + bytes.fromhex(usb_photon.device_id)[-3:].hex(":").encode() + (
        b"\r\n"
    )
    term.send(b"v")
    assert await term.until(b"\r\n") == b"system firmware version: 2.3.1\n\r\n"


async def test_a_63_character_claim_code_is_echoed_and_kept(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"C")
    await answer(term, b"Enter 63-digit claim code: ", CLAIM_CODE)
    assert await term.until(b"\r\n") == CLAIM_CODE + b"\r\n"  # the echo, then read_line's end
    assert await term.until(b"\r\n") == b"Claim code set to: " + CLAIM_CODE + b"\r\n"
    assert usb_photon.claim_code == CLAIM_CODE.decode()


async def test_a_62_character_claim_code_leaves_the_claim_code_unchanged(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"C")
    await answer(term, b"Enter 63-digit claim code: ", CLAIM_CODE[:62])
    assert await term.until(b"\r\n") == CLAIM_CODE[:62] + b"\r\n"
    assert await term.until(b"\r\n") == (
        b"Sorry, claim code is not 63 characters long. Claim code unchanged.\r\n"
    )
    assert usb_photon.claim_code is None


async def test_a_64th_claim_code_character_ends_the_line_and_the_rest_is_thrown_away(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"C")
    await term.until(b"Enter 63-digit claim code: ")
    term.send(CLAIM_CODE + b"XYZi")  # no line end: the 64th byte ends the line
    assert await term.until(b"Claim code set to: ") == CLAIM_CODE + b"\r\nClaim code set to: "
    assert await term.until(b"\r\n") == CLAIM_CODE + b"\r\n"
    assert await term.quiet() == b""  # the `i` was thrown away with the rest of the input
    assert usb_photon.claim_code == CLAIM_CODE.decode()


async def test_a_seen_wpa2_network_goes_straight_to_the_password(
    usb_photon: SimulatedPhoton, term: Terminal, link: RecordingLink
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", HOME)
    assert await answer(term, b"Password: ", HOME_PASSWORD) == HOME + b"\r\nPassword: "
    assert await term.until(AWESOME) == HOME_PASSWORD + b"\r\n" + AWESOME
    await reach(usb_photon, PhotonState.ONLINE)
    assert link.online[-1].ssid == "HomeNetwork"
    assert usb_photon.credentials[0].security == WPA2_SECURITY | 0x4  # WPA2 + AES, from its scan


async def test_a_network_it_cannot_see_asks_security_and_cipher(
    usb_photon: SimulatedPhoton, term: Terminal, link: RecordingLink
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", b"Garage")  # hidden: the scan reports no name
    assert await answer(term, SECURITY_PROMPT, b"3") == b"Garage\r\n" + SECURITY_PROMPT
    assert await answer(term, CIPHER_PROMPT, b"1") == b"3\r\n" + CIPHER_PROMPT
    assert await answer(term, b"Password: ", b"garagedoor1") == b"1\r\nPassword: "
    assert await term.until(AWESOME) == b"garagedoor1\r\n" + AWESOME
    await reach(usb_photon, PhotonState.ONLINE)
    assert link.online[-1].ssid == "Garage"


async def test_invalid_security_and_cipher_answers_ask_again(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", b"Nowhere")
    await answer(term, SECURITY_PROMPT, b"9")
    await answer(term, SECURITY_PROMPT, b"")
    await answer(term, SECURITY_PROMPT, b"x")
    assert await answer(term, SECURITY_PROMPT, b"2") == b"x\r\n" + SECURITY_PROMPT
    await answer(term, CIPHER_PROMPT, b"0")
    await answer(term, CIPHER_PROMPT, b"4")
    assert await answer(term, CIPHER_PROMPT, b"2") == b"4\r\n" + CIPHER_PROMPT
    assert await answer(term, b"Password: ", b"longenough") == b"2\r\nPassword: "
    assert await term.until(AWESOME) == b"longenough\r\n" + AWESOME
    stored = usb_photon.credentials[0]
    assert (stored.ssid, stored.sec, stored.security) == ("Nowhere", SecurityType.WPA, 0x200002)


async def test_a_seen_open_network_asks_only_the_cipher(
    usb_photon: SimulatedPhoton, term: Terminal, link: RecordingLink
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", b"xfinitywifi")
    assert await answer(term, CIPHER_PROMPT, b"1") == b"xfinitywifi\r\n" + CIPHER_PROMPT
    assert await term.until(AWESOME) == b"1\r\n" + AWESOME  # no password prompt
    await reach(usb_photon, PhotonState.ONLINE)
    assert link.online[-1].ssid == "xfinitywifi"


async def test_backspace_and_delete_edit_the_line_with_the_device_echoing_them(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await term.until(b"SSID: ")
    term.send(b"\x08Home\x7f\x7f\x7fomX\x08eNetwork\n")  # a delete on an empty line is ignored
    echoed = await term.until(b"Password: ")
    assert echoed == b"Home\x7f\x7f\x7fomX\x08eNetwork\r\nPassword: "  # seen: no security prompt
    term.send(HOME_PASSWORD + b"\n")
    await term.until(AWESOME)
    assert usb_photon.credentials[0].ssid == "HomeNetwork"


async def test_an_over_long_password_is_cut_at_64_characters(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", HOME)
    await answer(term, b"Password: ", b"p" * 64 + b"ASTRAY\n")
    assert await term.until(AWESOME) == b"p" * 64 + b"\r\n" + AWESOME  # the 65th ended the line
    assert usb_photon.credentials[0].password == "p" * 64


async def test_an_over_long_ssid_is_cut_at_32_bytes(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await term.until(b"SSID: ")
    term.send(b"S" * 33)  # no line end: the 33rd byte ends the line
    assert await term.until(SECURITY_PROMPT) == b"S" * 32 + b"\r\n" + SECURITY_PROMPT


async def test_crlf_sent_at_once_loses_the_lf_with_the_waiting_input(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await term.until(b"SSID: ")
    term.send(HOME + b"\r\n")
    assert await term.until(b"Password: ") == HOME + b"\r\nPassword: "
    assert await term.quiet() == b""  # still waiting for the password


async def test_a_stray_lf_after_the_line_ended_is_an_empty_password(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    # A terminal whose CR and LF reach the device apart: the CR ends the SSID, the late LF is
    # not "already waiting", so it ends the next line, the password, empty. An empty password
    # makes the network open (network_set_credentials): saved, Awesome, and the join fails.
    term.send(b"w")
    await term.until(b"SSID: ")
    term.send(HOME + b"\r")
    assert await term.until(HOME + b"\r\n") == HOME + b"\r\n"
    term.send(b"\n")
    assert await term.until(AWESOME) == b"Password: \r\n" + AWESOME
    assert usb_photon.credentials[0].sec is SecurityType.NOT_SET  # no WPA bits: 0 | AES
    await reach(usb_photon, PhotonState.JOINING_WIFI)
    await reach(usb_photon, PhotonState.LISTENING)  # new credentials that fail: listening again


async def test_a_short_wpa_password_is_derp_and_the_device_keeps_listening(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", HOME)
    await answer(term, b"Password: ", b"short")
    assert await term.until(DERP) == b"short\r\n" + DERP
    assert usb_photon.state is PhotonState.LISTENING
    assert usb_photon.credentials == []
    term.send(b"c")
    assert await term.until(b"\r\n") == b"Device claimed: no\r\n"


async def test_wep_over_the_console_keeps_the_key_as_typed_so_the_join_fails(
    make_photon, wifi: WifiEnvironment
) -> None:
    # The cipher is always asked for WEP; its bit makes the security WEP_PSK | AES, and only
    # an exact WEP_PSK is hex-decoded (wlan_hal.cpp): the SoftAP form of the key is not.
    wifi.add(SimNetwork("OldRouter", "wep_psk", "0123456789", channel=4, rssi=-50))
    photon = await make_photon()
    term = Terminal(photon.plug_usb())
    try:
        term.send(b"w")
        await answer(term, b"SSID: ", b"OldRouter")
        await answer(term, CIPHER_PROMPT, b"1")
        await answer(term, b"Password: ", b"00050123456789")
        await term.until(AWESOME)
        assert photon.credentials[0].key == b"00050123456789"
        await reach(photon, PhotonState.JOINING_WIFI)
        await reach(photon, PhotonState.LISTENING)
    finally:
        term.close()


async def test_peap_enterprise_dialogue(usb_photon: SimulatedPhoton, term: Terminal) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", b"Campus")
    await answer(term, SECURITY_PROMPT, b"5")
    await answer(term, CIPHER_PROMPT, b"1")
    await answer(term, b"EAP Type 0=PEAP/MSCHAPv2, 1=EAP-TLS: ", b"0")
    await answer(term, b"Username: ", b"alice")
    await answer(term, b"Password: ", b"secret")
    await answer(term, b"Outer identity (optional): ", b"")
    await answer(term, b"Root CA in PEM format (optional):\r\n", b"")
    assert await term.until(AWESOME) == b"\r\n" + AWESOME
    stored = usb_photon.credentials[0]
    assert stored.security & (WPA2_SECURITY | 0x02000000) == WPA2_SECURITY | 0x02000000


async def test_eap_tls_without_a_certificate_is_derp(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", b"Campus")
    await answer(term, SECURITY_PROMPT, b"4")
    await answer(term, CIPHER_PROMPT, b"3")
    await answer(term, b"EAP Type 0=PEAP/MSCHAPv2, 1=EAP-TLS: ", b"1")
    await term.until(b"Client certificate in PEM format:\r\n")
    term.send(b"not a certificate\n\n")  # lines until an empty one
    await answer(term, b"Private key in PEM format:\r\n", b"")
    await answer(term, b"Outer identity (optional): ", b"")
    await answer(term, b"Root CA in PEM format (optional):\r\n", b"")
    assert await term.until(DERP) == b"\r\n" + DERP
    assert usb_photon.credentials == []


async def test_x_leaves_listening_mode_and_with_nothing_stored_comes_back(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"x")
    await reach(usb_photon, PhotonState.JOINING_WIFI)
    await reach(usb_photon, PhotonState.LISTENING)
    term.send(b"i")
    assert (await term.until(b"\r\n")).startswith(b"Your device id is ")


async def test_the_console_is_silent_outside_listening_mode(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", HOME)
    await answer(term, b"Password: ", HOME_PASSWORD)
    await term.until(AWESOME)
    await reach(usb_photon, PhotonState.ONLINE)
    term.send(b"i")
    assert await term.quiet() == b""


async def test_wpa_network_seen_as_wpa_is_stored_with_its_own_security(
    usb_photon: SimulatedPhoton, term: Terminal
) -> None:
    term.send(b"w")
    await answer(term, b"SSID: ", b"NETGEAR42")
    await answer(term, b"Password: ", b"quietmoon512")
    await term.until(AWESOME)
    assert usb_photon.credentials[0].security == WPA_SECURITY | 0x4
