"""The USB console as part of the device: one Photon, two ways in (SoftAP and USB), the cable
pulled, the console's faults, and the simulated world and command that serve it."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

import httpx
import pytest
import serial
from sim_photon_helpers import QUIET, STATE_TIMEOUT, RecordingLink, Tcp, reach
from sim_usb_helpers import AWESOME, Terminal, answer, needs_pty

from setup_wizard.sim import simulation
from setup_wizard.sim.photon import (
    PhotonFaults,
    PhotonState,
    SimulatedPhoton,
    UsbUnavailableError,
    usb_serial,
)
from setup_wizard.sim.simulation import Simulation

HOME, HOME_PASSWORD = b"HomeNetwork", b"correct horse battery"
CLAIM_CODE = b"Q" * 63


async def configure_over_usb(term: Terminal, password: bytes = HOME_PASSWORD) -> bytes:
    """The `w` dialogue for the home network; returns the verdict's first line."""
    term.send(b"w")
    await answer(term, b"SSID: ", HOME)
    await answer(term, b"Password: ", password)
    await term.until(b"Thanks! Wait while I save those credentials...\r\n\r\n")
    return await term.until(b"\r\n\r\n")


@needs_pty
async def test_claim_code_from_usb_goes_out_with_a_softap_connect(
    make_photon, tcp: Tcp, link: RecordingLink
) -> None:
    photon: SimulatedPhoton = await make_photon()
    term = Terminal(photon.plug_usb())
    try:
        term.send(b"C")
        await answer(term, b"Enter 63-digit claim code: ", CLAIM_CODE)
        await term.until(b"Claim code set to: " + CLAIM_CODE + b"\r\n")
        body = {"idx": 0, "ssid": "xfinitywifi", "sec": 0, "ch": 1}
        assert await tcp.json(photon, "configure-ap", body) == {"r": 0}
        assert await tcp.json(photon, "connect-ap", {"idx": 0}) == {"r": 0}
        await reach(photon, PhotonState.ONLINE)
        assert link.online[-1].claim_code == CLAIM_CODE.decode()
        photon.enter_listening_mode()
        await reach(photon, PhotonState.LISTENING)
        assert (await tcp.json(photon, "device-id"))["c"] == "1"
        term.send(b"c")
        assert await term.until(b"\r\n") == b"Device claimed: yes\r\n"
    finally:
        term.close()


@needs_pty
async def test_claim_code_set_over_softap_goes_out_after_usb_credentials(
    make_photon, tcp: Tcp, link: RecordingLink
) -> None:
    photon: SimulatedPhoton = await make_photon()
    term = Terminal(photon.plug_usb())
    try:
        assert await tcp.json(photon, "set", {"k": "cc", "v": "SOFTAPCODE"}) == {"r": 0}
        assert await configure_over_usb(term) == b"Awesome. Now we'll connect!\r\n\r\n"
        await reach(photon, PhotonState.ONLINE)
        assert link.online[-1].claim_code == "SOFTAPCODE"
    finally:
        term.close()


@needs_pty
async def test_a_wrong_password_over_usb_brings_the_device_back_to_listening(
    make_photon, link: RecordingLink
) -> None:
    photon: SimulatedPhoton = await make_photon()
    term = Terminal(photon.plug_usb())
    try:
        term.send(b"w")
        await answer(term, b"SSID: ", HOME)
        await answer(term, b"Password: ", b"wrong password")
        await term.until(AWESOME)  # saving succeeds: the key is only tried when joining
        await reach(photon, PhotonState.JOINING_WIFI)
        await reach(photon, PhotonState.LISTENING)
        assert link.online == []
        term.send(b"i")  # a new listening session, a new console
        assert (await term.until(b"\r\n")).startswith(b"Your device id is ")
    finally:
        term.close()


@needs_pty
async def test_awesome_brings_the_device_online_owned_by_the_claim_codes_customer() -> None:
    sim = await Simulation.start(devices=1, speed=1000, seed=3, usb=True)
    try:
        cloud, photon = sim.cloud, sim.photons[0]
        port = sim.ready()["devices"][0]["usb"]
        async with httpx.AsyncClient(base_url=cloud.url, timeout=STATE_TIMEOUT) as http:
            created = await http.post(
                f"/v1/products/{cloud.product.id}/customers",
                data={"email": "carol@example.com", "no_password": "true"},
                auth=(cloud.client.id, cloud.client.secret),
            )
            token = created.json()["access_token"]
            claim = await http.post(
                f"/v1/products/{cloud.product.id}/device_claims",
                headers={"Authorization": f"Bearer {token}"},
            )
            code = claim.json()["claim_code"].encode()
        term = Terminal(port)
        try:
            term.send(b"C")
            await answer(term, b"Enter 63-digit claim code: ", code)
            confirmation = b"Claim code set to: " + code + b"\r\n"
            assert await term.until(confirmation) == code + b"\r\n" + confirmation
            assert await configure_over_usb(term) == b"Awesome. Now we'll connect!\r\n\r\n"
        finally:
            term.close()
        await reach(photon, PhotonState.ONLINE)
        device = cloud.device(photon.device_id.lower())
        assert device is not None
        assert device.online
        assert device.owner == "carol@example.com"
        assert photon.claimed
    finally:
        await sim.stop()


@needs_pty
async def test_pulling_the_cable_makes_the_ports_reads_and_writes_fail(make_photon) -> None:
    photon: SimulatedPhoton = await make_photon()
    term = Terminal(photon.plug_usb())
    try:
        photon.unplug_usb()
        assert photon.usb_port is None
        with pytest.raises((EOFError, OSError)):  # Linux reads end of file, others EIO
            await term.until(b"anything")
        with pytest.raises(OSError, match="Input/output error"):
            term.send(b"i")
    finally:
        term.close()


@needs_pty
async def test_a_dialogue_cut_by_the_cable_goes_on_when_it_is_plugged_back(make_photon) -> None:
    photon: SimulatedPhoton = await make_photon()
    term = Terminal(photon.plug_usb())
    term.send(b"w")
    await answer(term, b"SSID: ", HOME)
    await term.until(b"Password: ")
    photon.unplug_usb()
    term.close()
    term = Terminal(photon.plug_usb())  # the firmware waits for the line however long it takes
    try:
        term.send(HOME_PASSWORD + b"\n")
        assert await term.until(AWESOME) == HOME_PASSWORD + b"\r\n" + AWESOME
        await reach(photon, PhotonState.ONLINE)
    finally:
        term.close()


@needs_pty
async def test_a_half_answered_dialogue_holds_connect_ap_until_it_ends(
    make_photon, tcp: Tcp
) -> None:
    photon: SimulatedPhoton = await make_photon()
    term = Terminal(photon.plug_usb())
    try:
        term.send(b"w")
        await term.until(b"SSID: ")
        term.send(b"Home")
        await term.until(b"Home")
        assert await tcp.json(photon, "connect-ap", {"idx": 0}) == {"r": 0}
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(photon.wait_for_state(PhotonState.JOINING_WIFI), QUIET)
        term.send(b"Network\n")
        await answer(term, b"Password: ", HOME_PASSWORD)
        await term.until(AWESOME)
        await reach(photon, PhotonState.ONLINE)
    finally:
        term.close()


@needs_pty
async def test_a_console_scan_that_hangs_answers_nothing_until_reset(make_photon) -> None:
    photon: SimulatedPhoton = await make_photon(faults=PhotonFaults(console_scan_hangs=True))
    term = Terminal(photon.plug_usb())
    try:
        term.send(b"w")
        await answer(term, b"SSID: ", HOME)
        assert await term.until(b"\r\n") == HOME + b"\r\n"
        term.send(b"i")
        assert await term.quiet() == b""
        photon.reset()
        await reach(photon, PhotonState.OFF)
        await reach(photon, PhotonState.LISTENING)
        term.send(b"i")
        assert (await term.until(b"\r\n")).startswith(b"Your device id is ")
    finally:
        term.close()


@needs_pty
async def test_pyserial_opens_the_console_like_a_real_port(make_photon) -> None:
    photon: SimulatedPhoton = await make_photon()
    path = photon.plug_usb()

    def ask_id() -> bytes:
        with serial.Serial(path, 115200, timeout=STATE_TIMEOUT) as port:
            port.write(b"i")
            return port.read_until(b"\r\n")

    line = await asyncio.to_thread(ask_id)
    assert line == b"Your device id is " + photon.device_id.lower().encode() + b"\r\n"


@needs_pty
async def test_ready_names_each_devices_usb_port_only_with_usb() -> None:
    sim = await Simulation.start(devices=2, speed=1000, usb=True)
    try:
        ports = [device["usb"] for device in sim.ready()["devices"]]
        assert ports == [photon.usb_port for photon in sim.photons]
        assert len(set(ports)) == 2
        assert all(port.startswith("/dev/") for port in ports)
    finally:
        await sim.stop()
    assert all(photon.usb_port is None for photon in sim.photons)
    plain = await Simulation.start(devices=1, speed=1000)
    try:
        assert "usb" not in plain.ready()["devices"][0]
    finally:
        await plain.stop()


async def test_usb_without_pseudo_terminals_is_refused_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, make_photon
) -> None:
    monkeypatch.setattr(simulation, "PTY_AVAILABLE", False)
    monkeypatch.setattr(usb_serial, "PTY_AVAILABLE", False)
    with pytest.raises(UsbUnavailableError, match="pseudo-terminals"):
        await Simulation.start(devices=1, usb=True)
    photon: SimulatedPhoton = await make_photon()
    with pytest.raises(UsbUnavailableError, match="pseudo-terminals"):
        photon.plug_usb()


@needs_pty
def test_simulate_usb_puts_each_port_in_the_ready_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "setup_wizard", "simulate", "--devices", "2", "--usb"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        ready = json.loads(process.stdout.readline())
        ports = [device["usb"] for device in ready["devices"]]
        with serial.Serial(ports[1], timeout=STATE_TIMEOUT) as port:
            port.write(b"i")
            line = port.read_until(b"\r\n")
        assert line == b"Your device id is " + ready["devices"][1]["id"].encode() + b"\r\n"
    finally:
        process.terminate()
        assert process.wait(timeout=STATE_TIMEOUT) == 0
        assert process.stdout is not None
        process.stdout.close()
