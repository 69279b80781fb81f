"""The misbehaviours clients must survive (softap-protocol.md §2.2, §3.5, §3.7, §8)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sim_photon_helpers import QUIET, STATE_TIMEOUT, Tcp, frame, reach, refused

from setup_wizard.sim.photon import PhotonFaults, PhotonState
from setup_wizard.sim.wifi import WifiEnvironment


async def test_first_tcp_command_hangs_until_the_client_gives_up(make_photon, tcp: Tcp) -> None:
    photon = await make_photon(faults=PhotonFaults(first_tcp_command_hangs=True))
    reader, writer = await tcp.open(photon)
    writer.write(frame("device-id"))
    await writer.drain()
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(reader.read(1), QUIET)
    writer.close()  # the softap-setup-js workaround: force-close, then go on
    await writer.wait_closed()
    assert await tcp.json(photon, "device-id") == {"id": photon.device_id, "c": "0"}
    assert await tcp.json(photon, "version") == {"v": 2}


async def test_first_tcp_command_hangs_again_in_the_next_listening_session(
    make_photon, tcp: Tcp
) -> None:
    photon = await make_photon(faults=PhotonFaults(first_tcp_command_hangs=True))
    photon.reset()
    await reach(photon, PhotonState.LISTENING)
    reader, writer = await tcp.open(photon)
    writer.write(frame("version"))
    await writer.drain()
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(reader.read(1), QUIET)
    writer.close()
    await writer.wait_closed()


async def test_scan_stall_freezes_both_servers_until_reset(make_photon, tcp: Tcp) -> None:
    photon = await make_photon(
        wifi=WifiEnvironment.crowded(35), faults=PhotonFaults(scan_stalls_after=3)
    )
    reader, writer = await tcp.open(photon)
    writer.write(frame("scan-ap"))
    await writer.drain()
    partial = b""
    while partial.count(b'"mdr"') < 3:
        partial += await asyncio.wait_for(reader.read(4096), STATE_TIMEOUT)
    assert partial.startswith(b'\n\n{"scans":[{"ssid":')
    with pytest.raises(TimeoutError):  # the fourth entry and the end never come
        await asyncio.wait_for(reader.read(1), QUIET)

    async with httpx.AsyncClient(base_url=f"http://{photon.host}:{photon.http_port}") as http:
        with pytest.raises(httpx.ReadTimeout):
            await http.get("/hello", timeout=QUIET)
    other_reader, other_writer = await tcp.open(photon)
    other_writer.write(frame("version"))
    await other_writer.drain()
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(other_reader.read(1), QUIET)

    photon.reset()
    await reach(photon, PhotonState.LISTENING)
    assert await reader.read() == b""  # the stalled connection died with the reset
    assert await other_reader.read() == b""
    for stream in (writer, other_writer):
        stream.close()
        await stream.wait_closed()
    assert await tcp.json(photon, "version") == {"v": 2}


async def test_scan_completes_when_fewer_entries_than_the_stall_point(
    make_photon, tcp: Tcp
) -> None:
    photon = await make_photon(faults=PhotonFaults(scan_stalls_after=50))
    visible = [n for n in WifiEnvironment.home().networks if not n.hidden and n.is_2ghz]
    assert len((await tcp.json(photon, "scan-ap"))["scans"]) == len(visible)


async def test_scan_stall_over_http_sends_the_header_and_part_of_the_body(
    make_photon,
) -> None:
    photon = await make_photon(faults=PhotonFaults(scan_stalls_after=1))
    reader, writer = await asyncio.open_connection(photon.host, photon.http_port)
    try:
        writer.write(b"GET /scan-ap HTTP/1.1\r\nHost: x\r\n\r\n")
        await writer.drain()
        received = b""
        while b'"mdr"' not in received:
            received += await asyncio.wait_for(reader.read(4096), STATE_TIMEOUT)
        assert received.startswith(b"HTTP/1.1 200 OK\r\n")
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(reader.read(1), QUIET)
        assert b"0\r\n\r\n" not in received.partition(b"\r\n\r\n")[2]
    finally:
        writer.close()
        await writer.wait_closed()


async def test_lost_connect_ap_reply_over_tcp_still_connects(make_photon, tcp: Tcp) -> None:
    photon = await make_photon(faults=PhotonFaults(drop_connect_ap_reply=True))
    assert await tcp.json(photon, "configure-ap", {"idx": 0, "ssid": "xfinitywifi"}) == {"r": 0}
    try:
        reply = await tcp.command(photon, "connect-ap", b'{"idx":0}')
    except ConnectionResetError:
        reply = b""
    assert reply == b""
    await reach(photon, PhotonState.ONLINE)


async def test_lost_connect_ap_reply_over_http_still_connects(make_photon) -> None:
    photon = await make_photon(faults=PhotonFaults(drop_connect_ap_reply=True))
    async with httpx.AsyncClient(base_url=f"http://{photon.host}:{photon.http_port}") as http:
        body = b'{"idx":0,"ssid":"xfinitywifi","sec":0}'
        assert (await http.post("/configure-ap", content=body)).json() == {"r": 0}
        with pytest.raises(httpx.TransportError):
            await http.post("/connect-ap", content=b'{"idx":0}')
    await reach(photon, PhotonState.ONLINE)


async def test_tcp_closed_leaves_only_http(make_photon) -> None:
    photon = await make_photon(faults=PhotonFaults(tcp_closed=True))
    assert await refused(photon.host, photon.tcp_port)
    async with httpx.AsyncClient(base_url=f"http://{photon.host}:{photon.http_port}") as http:
        assert (await http.get("/device-id")).json()["id"] == photon.device_id
