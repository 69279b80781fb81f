"""The USB console client against the simulated Photon's console on a real pseudo-terminal."""

from __future__ import annotations

import asyncio
import logging
import traceback
from typing import TYPE_CHECKING

import pytest
from photon_logs import photon_logs
from usb_helpers import (
    CLAIM_CODE,
    HOME_PASSWORD,
    LONGEST_PASSWORD,
    LONGEST_SSID,
    needs_pty,
)

from setup_wizard.device import (
    DeviceRejectedError,
    DeviceTimeoutError,
    DeviceUnreachableError,
    InvalidSetupInputError,
    Security,
    UsbConsole,
    UsbCredentialsRefusedError,
    UsbEnterpriseNetworkError,
    UsbPasswordNeededError,
    UsbProblem,
    UsbTiming,
    UsbUnreachableError,
)
from setup_wizard.device.security import SecurityBit
from setup_wizard.secret import ClaimCode, WifiPassword
from setup_wizard.sim.photon import PhotonFaults

if TYPE_CHECKING:
    from conftest import PlugIn

pytestmark = needs_pty

SCAN_HANGS = "the scan hangs"  # what the simulated Photon logs once it has the SSID
SCANNING = "scanning for the network"  # … and when it starts looking for it


async def test_device_id_and_claimed_flag(plug_in: PlugIn) -> None:
    photon, port = await plug_in()
    async with UsbConsole(port) as console:
        info = await console.device_info()
        again = await console.device_info()  # the console is ready for the next command
    assert info.device_id == photon.device_id.lower()
    assert info.claimed is False
    assert again == info


async def test_the_claim_code_reaches_the_device_and_is_confirmed(plug_in: PlugIn) -> None:
    photon, port = await plug_in()
    async with UsbConsole(port) as console:
        await console.set_claim_code(ClaimCode(CLAIM_CODE))
    assert photon.claim_code == CLAIM_CODE


async def test_a_network_the_photon_sees_takes_the_password_only(plug_in: PlugIn) -> None:
    photon, port = await plug_in()
    async with UsbConsole(port) as console:
        await console.set_claim_code(ClaimCode(CLAIM_CODE))
        await console.configure(b"HomeNet", Security.WPA2_AES_PSK, WifiPassword(HOME_PASSWORD))
    stored = photon.credentials[0]
    assert (stored.ssid, stored.password) == ("HomeNet", HOME_PASSWORD)
    assert stored.security == Security.WPA2_AES_PSK  # from the device's own scan
    assert photon.claim_code == CLAIM_CODE


async def test_quotes_and_backslashes_in_a_network_name_arrive_as_they_are(
    plug_in: PlugIn,
) -> None:
    photon, port = await plug_in()
    ssid = 'Joe"s \\ Café'
    async with UsbConsole(port) as console:
        await console.configure(ssid.encode(), Security.WPA2_MIXED_PSK, WifiPassword("quoted pass"))
    assert photon.credentials[0].ssid_bytes == ssid.encode()


async def test_answers_that_fill_their_field_arrive_whole(plug_in: PlugIn) -> None:
    """At the field's maximum the terminator is taken, not stored: the echo still matches."""
    assert (len(LONGEST_SSID.encode()), len(LONGEST_PASSWORD)) == (32, 64)
    photon, port = await plug_in()
    async with UsbConsole(port) as console:
        await console.configure(
            LONGEST_SSID.encode(), Security.WPA2_AES_PSK, WifiPassword(LONGEST_PASSWORD)
        )
    stored = photon.credentials[0]
    assert (stored.ssid, stored.password) == (LONGEST_SSID, LONGEST_PASSWORD)


@pytest.mark.parametrize(
    "security", [Security.WPA2_AES_PSK, Security.WPA2_MIXED_PSK, Security.WPA_TKIP_PSK]
)
async def test_a_network_the_photon_cannot_see_gets_security_and_cipher_answered(
    plug_in: PlugIn, security: Security
) -> None:
    photon, port = await plug_in()
    async with UsbConsole(port) as console:
        await console.configure(b"Hidden Lab", security, WifiPassword("password1"))
    stored = photon.credentials[0]
    assert (stored.ssid, stored.password) == ("Hidden Lab", "password1")
    assert stored.security == security  # the family from the first answer, cipher from the second


async def test_an_open_network_is_saved_without_a_password(plug_in: PlugIn) -> None:
    photon, port = await plug_in()
    async with UsbConsole(port) as console:
        await console.configure(b"Library", Security.OPEN, None)
    stored = photon.credentials[0]
    assert (stored.ssid, stored.password) == ("Library", "")
    assert not stored.security & (SecurityBit.WEP | SecurityBit.WPA | SecurityBit.WPA2)


@pytest.mark.parametrize(
    ("ssid", "password"),
    [
        (b"HomeNet", "correct horse\nbattery"),  # the line break would end the answer early
        (b"HomeNet", "correct horse\x7fbattery"),  # 0x7f would delete the 'e' before it
        (b"Home\nNet", HOME_PASSWORD),
        (b"Old Router", "0123456789"),  # WEP: stored in a form the Photon cannot join with
    ],
)
async def test_what_the_cable_cannot_carry_is_refused_before_anything_is_sent(
    plug_in: PlugIn, ssid: bytes, password: str
) -> None:
    photon, port = await plug_in()
    security = Security.WEP_PSK if ssid == b"Old Router" else Security.WPA2_AES_PSK
    async with UsbConsole(port) as console:
        with pytest.raises(InvalidSetupInputError) as caught:
            await console.configure(ssid, security, WifiPassword(password))
        # Had any byte gone out, the console would be inside the Wi-Fi dialogue now, taking
        # the next command byte as part of an answer.
        info = await console.device_info()
    assert password not in str(caught.value)
    assert info.device_id == photon.device_id.lower()
    assert photon.credentials == []


async def test_derp_is_a_refusal_that_says_what_to_check(plug_in: PlugIn) -> None:
    """The Photon sees "Old Router" as WEP, whose keys have at most 58 characters."""
    photon, port = await plug_in()
    async with UsbConsole(port) as console:
        with pytest.raises(UsbCredentialsRefusedError) as caught:
            await console.configure(b"Old Router", Security.WPA2_AES_PSK, WifiPassword("x" * 60))
        info = await console.device_info()  # still in listening mode, console free
    assert isinstance(caught.value, DeviceRejectedError)
    assert "refused to save these Wi-Fi settings" in str(caught.value)
    assert "Check the password" in str(caught.value)
    assert info.device_id == photon.device_id.lower()
    assert photon.credentials == []


async def test_a_secured_network_taken_for_open_is_refused_and_nothing_saved(
    plug_in: PlugIn,
) -> None:
    """An empty password line would make the firmware save the network as open and leave
    listening mode; the client ends the dialogue with a refusal instead."""
    photon, port = await plug_in()
    async with UsbConsole(port) as console:
        with pytest.raises(UsbPasswordNeededError, match="sees “HomeNet” as a secured network"):
            await console.configure(b"HomeNet", Security.OPEN, None)
        info = await console.device_info()
    assert info.device_id == photon.device_id.lower()
    assert photon.credentials == []


async def test_an_enterprise_network_is_refused_with_how_to_get_out(plug_in: PlugIn) -> None:
    _, port = await plug_in()
    async with UsbConsole(port) as console:
        with pytest.raises(UsbEnterpriseNetworkError, match="hold its SETUP button"):
            await console.configure(b"Office", Security.WPA2_AES_PSK, WifiPassword("password1"))


async def test_unplugged_in_the_middle_is_a_lost_connection_with_what_to_do(
    plug_in: PlugIn,
) -> None:
    photon, port = await plug_in(faults=PhotonFaults(console_scan_hangs=True))
    with photon_logs(SCAN_HANGS) as scanning:
        async with UsbConsole(port) as console:
            dialogue = asyncio.create_task(
                console.configure(b"HomeNet", Security.WPA2_AES_PSK, WifiPassword(HOME_PASSWORD))
            )
            await scanning.wait()  # the Photon has the SSID and is scanning
            photon.unplug_usb()
            with pytest.raises(UsbUnreachableError) as caught:
                await dialogue
    assert isinstance(caught.value, DeviceUnreachableError)
    assert caught.value.problem is UsbProblem.LOST
    assert "USB connection was lost" in str(caught.value)
    assert "plug it in again" in str(caught.value)


async def test_a_port_that_is_gone_says_the_photon_was_unplugged(plug_in: PlugIn) -> None:
    photon, port = await plug_in()
    photon.unplug_usb()
    with pytest.raises(UsbUnreachableError) as caught:
        async with UsbConsole(port):
            pass
    assert caught.value.problem is UsbProblem.NOT_FOUND
    assert "Plug it in again" in str(caught.value)


async def test_a_port_another_program_holds_is_named_busy(plug_in: PlugIn) -> None:
    _, port = await plug_in()
    async with UsbConsole(port) as first:
        with pytest.raises(UsbUnreachableError) as caught:
            async with UsbConsole(port):
                pass
        await first.device_info()  # the first console is unharmed
    assert caught.value.problem is UsbProblem.BUSY
    assert "Another program is using" in str(caught.value)


async def test_a_scan_that_never_ends_times_out_with_what_to_do(plug_in: PlugIn) -> None:
    _, port = await plug_in(faults=PhotonFaults(console_scan_hangs=True))
    async with UsbConsole(port, timing=UsbTiming(scan=0.2)) as console:
        with pytest.raises(DeviceTimeoutError) as caught:
            await console.configure(b"HomeNet", Security.WPA2_AES_PSK, WifiPassword(HOME_PASSWORD))
    message = str(caught.value)
    assert "while looking for the Wi-Fi network" in message
    assert "blinking dark blue" in message
    assert "unplug the cable, plug it in again" in message


async def test_other_work_goes_on_while_a_photon_scans(plug_in: PlugIn) -> None:
    """The serial reads wait in a thread: while one Photon's scan hangs, another Photon's
    console is read to the end on the same event loop."""
    slow, slow_port = await plug_in(faults=PhotonFaults(console_scan_hangs=True))
    other, other_port = await plug_in()
    with photon_logs(SCAN_HANGS) as scanning:
        async with (
            UsbConsole(slow_port, timing=UsbTiming(leave=0.05)) as waiting,
            UsbConsole(other_port) as console,
        ):
            dialogue = asyncio.create_task(
                waiting.configure(b"HomeNet", Security.WPA2_AES_PSK, WifiPassword(HOME_PASSWORD))
            )
            await scanning.wait()
            info = await console.device_info()
            await console.set_claim_code(ClaimCode(CLAIM_CODE))
            assert not dialogue.done()
            dialogue.cancel()
            with pytest.raises(asyncio.CancelledError):
                await dialogue
    assert info.device_id == other.device_id.lower()
    assert other.claim_code == CLAIM_CODE
    assert slow.credentials == []


async def test_a_dialogue_cancelled_halfway_ends_unsaved_and_the_console_answers_again(
    plug_in: PlugIn,
) -> None:
    """The console has no timeout: left inside ``w``, it would take no command until the
    Photon is reset. Cancelled while the device scans, the client answers the questions that
    follow so that nothing is saved."""
    photon, port = await plug_in()
    with photon_logs(SCANNING) as scanning:
        async with UsbConsole(port) as console:
            dialogue = asyncio.create_task(
                console.configure(b"Hidden Lab", Security.WPA2_AES_PSK, WifiPassword("password1"))
            )
            await scanning.wait()
            dialogue.cancel()
            with pytest.raises(asyncio.CancelledError):
                await dialogue
            info = await console.device_info()
    assert info.device_id == photon.device_id.lower()
    assert photon.credentials == []


async def test_a_claim_code_cancelled_before_its_line_leaves_the_console_free(
    plug_in: PlugIn,
) -> None:
    photon, port = await plug_in()
    with photon_logs("waiting for the claim code") as asked:
        async with UsbConsole(port) as console:
            sending = asyncio.create_task(console.set_claim_code(ClaimCode(CLAIM_CODE)))
            await asked.wait()
            sending.cancel()
            with pytest.raises(asyncio.CancelledError):
                await sending
            info = await console.device_info()
    assert info.device_id == photon.device_id.lower()
    assert photon.claim_code != CLAIM_CODE


async def test_neither_password_nor_claim_code_is_logged_or_in_an_error(
    plug_in: PlugIn, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    password = "Tr0ub4dor&3-unique-" * 3 + "xyz"  # 60 characters: too long for WEP, Derp
    _, port = await plug_in()
    async with UsbConsole(port) as console:
        await console.set_claim_code(ClaimCode(CLAIM_CODE))
        with pytest.raises(UsbCredentialsRefusedError) as caught:
            await console.configure(b"Old Router", Security.WPA2_AES_PSK, WifiPassword(password))
    assert caplog.records
    rendered = "".join(traceback.format_exception(caught.value))
    for text in [*(r.getMessage() for r in caplog.records), rendered, repr(caught.value)]:
        assert password not in text
        assert CLAIM_CODE not in text


async def test_a_console_given_up_while_opening_leaves_the_port_free(plug_in: PlugIn) -> None:
    """A caller's time limit may run out while the port is being opened in its thread."""
    photon, port = await plug_in()
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0), UsbConsole(port):
            pass
    async with UsbConsole(port) as console:
        info = await console.device_info()
    assert info.device_id == photon.device_id.lower()
